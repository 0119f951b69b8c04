/**
 * The `faast` command. Errors in what the user typed print one line naming the problem and
 * exit with code 2.
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '@faast/core';
import { createLogger, startDaemon } from '@faast/daemon';
import { resolveDaemonOptions, type DaemonFlags } from './daemon-options';
import { runDemo } from './demo';
import { registerEmulatorCommand } from './emulator';
import { fetchRingStats, fetchStats, formatRing, formatStats } from './stats';
import { registerTraceCommands } from './trace';
import { registerReplayCommand } from './replay';

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {}

export function buildProgram(): Command {
  const program = new Command('faast')
    .description('Faa$T: a transparent, auto-scaling, distributed cache for serverless applications')
    .version('0.1.0')
    .showHelpAfterError(false)
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0]!.replace(/^error: /, 'faast: ') + '\n') })
    .exitOverride();

  program
    .command('daemon')
    .description('run a cachelet (faastd) for one app')
    .option('--app <name>', 'application name; one cache per app [FAAST_APP]')
    .option('--origin <url>', 'the origin: s3://BUCKET, or s3:// for any bucket [FAAST_ORIGIN]')
    .option('--endpoint <url>', 'S3 endpoint (S3-compatible servers) [FAAST_ENDPOINT]')
    .option('--region <region>', 'S3 region; default from the AWS chain, else us-east-1 [FAAST_REGION]')
    .option('--socket <path>', 'Unix socket the app connects to; default $TMPDIR/faast-APP.sock [FAAST_SOCKET]')
    .option('--listen <host:port>', 'also serve the app protocol on TCP [FAAST_LISTEN]')
    .option('--holder-keys <n>', 'keys one app connection may hold in its near cache, default 100000 [FAAST_HOLDER_KEYS]')
    .option('--holder-timeout <ms>', 'a holder that does not ack an invalidation within this is cut off, default 200 [FAAST_HOLDER_TIMEOUT]')
    .option('--capacity <size>', 'memory for cached objects, e.g. 256MiB (default) [FAAST_CAPACITY]')
    .option('--max-object <size>', 'larger objects are streamed, not stored; default capacity/8 [FAAST_MAX_OBJECT]')
    .option('--max-key <bytes>', 'longest key accepted, default 1024 [FAAST_MAX_KEY]')
    .option('--peer-listen <host:port>', 'serve the peer protocol on TCP (required with --members) [FAAST_PEER_LISTEN]')
    .option('--advertise <host:port>', 'the address peers use; also the member id; default the peer address [FAAST_ADVERTISE]')
    .option('--members <spec>', 'the app\'s cachelets: static:HOST:PORT,... or redis://HOST:PORT [FAAST_MEMBERS]')
    .option('--consistency <mode>', 'owner (default), ttl:<ms> or strict [FAAST_CONSISTENCY]')
    .option('--replica-share <0..0.9>', 'capacity share for replicas of hot objects owned by peers, default 0.2 [FAAST_REPLICA_SHARE]')
    .option('--chunk-size <size>', 'large objects are cached in chunks of this size, default 8MiB [FAAST_CHUNK_SIZE]')
    .option('--chunk-threshold <size>', 'objects larger than this are read in chunks, default 8MiB [FAAST_CHUNK_THRESHOLD]')
    .option('--read-ahead <n>', 'chunks fetched in parallel ahead of a reader, default 4 [FAAST_READ_AHEAD]')
    .option('--origin-check <mode>', 'check the origin at start: strict (exit 2 if unusable), warn (default: start, report), off [FAAST_ORIGIN_CHECK]')
    .option('--metrics-port <port>', 'serve Prometheus /metrics and /healthz on 127.0.0.1:PORT [FAAST_METRICS_PORT]')
    .addOption(new Option('--checksums <mode>', 'origin checksum mode [FAAST_CHECKSUMS]').choices(['when-supported', 'when-required']))
    .option('--log-level <level>', 'fatal|error|warn|info|debug|silent, default info [FAAST_LOG_LEVEL]')
    .action(async (flags: DaemonFlags) => {
      // Registry errors arrive after start; the logger exists by then.
      const log: { to?: ReturnType<typeof createLogger> } = {};
      const options = resolveDaemonOptions(flags, process.env, (err) => log.to?.warn({ err: err.message }, 'membership registry error'));
      const logger = (log.to = createLogger(options.logLevel));
      const daemon = await startDaemon({ ...options, logger });
      const stop = (signal: string): void => {
        logger.info({ signal }, 'shutting down');
        daemon.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      // Keep running until a signal.
      await new Promise<never>(() => undefined);
    });

  program
    .command('stats')
    .description("show a cachelet's counters")
    .option('--socket <path>', "the cachelet's app socket (its gRPC socket <path>.grpc is asked), or a peer port host:port [FAAST_SOCKET]")
    .option('--json', 'print JSON')
    .action(async (flags: { socket?: string; json?: boolean }) => {
      const socket = flags.socket ?? process.env['FAAST_SOCKET'];
      if (!socket) throw new ConfigError('--socket', 'is required (or set FAAST_SOCKET)');
      const stats = await fetchStats(socket);
      const members = await fetchRingStats(stats);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...stats, members: Object.fromEntries(members) }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatStats(stats)}\n\n${formatRing(stats, members)}\n`);
      }
    });

  program
    .command('demo')
    .description('run the example app against an embedded S3 origin, without and with the cache')
    .option('--reads <n>', 'reads per pass', '600')
    .option('--objects <n>', 'distinct objects', '60')
    .option('--latency <ms>', "the emulated origin's first-byte latency", '15')
    .option('--bandwidth <MBps>', "the emulated origin's bandwidth per connection, MB/s", '90')
    .option('--json <file>', 'also write the results as JSON')
    .action(async (flags: Record<string, string>) => {
      await runDemo({
        reads: int(flags['reads']!, '--reads', 1),
        objects: int(flags['objects']!, '--objects', 1),
        latencyMs: int(flags['latency']!, '--latency', 0),
        bandwidthMBps: int(flags['bandwidth']!, '--bandwidth', 0),
        json: flags['json'],
      });
    });

  registerEmulatorCommand(program);
  registerTraceCommands(program, UsageError);
  registerReplayCommand(program, UsageError);

  return program;
}

function int(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new ConfigError(flag, `'${value}' is not a whole number ≥ ${min}`);
  return n;
}

/** Runs the CLI; returns the exit code instead of exiting (for tests). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`faast: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`faast: ${(err as Error).message}\n`);
    // A command may say how it ended (e.g. 130: interrupted).
    const code = (err as { exitCode?: unknown }).exitCode;
    return typeof code === 'number' && Number.isInteger(code) && code > 0 ? code : 1;
  }
}
