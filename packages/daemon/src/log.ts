/** Structured logs: JSON lines on stderr, quiet by default (lifecycle at info, per request only at debug). */
import pino, { type Logger, type LevelWithSilent } from 'pino';

export const LOG_LEVELS: LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({ level, base: { component: 'faastd', pid: process.pid } }, pino.destination(2));
}
