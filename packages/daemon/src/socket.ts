/**
 * Preparing a Unix domain socket path: a clear error when the directory is missing or not
 * writable or another process listens there; a stale socket file of a dead cachelet is removed.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ConfigError } from '@faast/core';

/** Longest socket path Linux accepts (sun_path is 108 bytes with the terminating NUL). */
const MAX_SOCKET_PATH = 107;

export async function prepareSocketPath(socketPath: string, option = '--socket'): Promise<string> {
  const abs = path.resolve(socketPath);
  if (Buffer.byteLength(abs) > MAX_SOCKET_PATH) {
    throw new ConfigError(option, `'${abs}' is ${Buffer.byteLength(abs)} bytes, longer than the ${MAX_SOCKET_PATH} a Unix socket path may have`);
  }
  const dir = path.dirname(abs);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new ConfigError(option, `cannot create '${abs}': directory '${dir}' does not exist`);
  }
  if (!st.isDirectory()) throw new ConfigError(option, `cannot create '${abs}': '${dir}' is not a directory`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new ConfigError(option, `cannot create '${abs}': directory '${dir}' is not writable`);
  }
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(abs);
  } catch {
    return abs;
  }
  if (!existing.isSocket()) throw new ConfigError(option, `'${abs}' exists and is not a socket`);
  if (await listening(abs)) throw new ConfigError(option, `another process is listening on '${abs}'`);
  fs.unlinkSync(abs);
  return abs;
}

function listening(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = net.connect(socketPath);
    conn.once('connect', () => {
      conn.destroy();
      resolve(true);
    });
    conn.once('error', () => resolve(false));
  });
}
