/** The arguments of `npm run bench:cpu` (bench/cpu.ts): the builds to compare and how to measure them. */
import { resolve } from 'node:path';
import { LOG_LEVELS, type LogLevel } from '../src/config.ts';

export const USAGE = 'usage: npm run bench:cpu -- NAME=DIR [NAME=DIR ...] [--rounds N] [--seconds S] [--connections C] [--workloads catalog,small,metrics] [--processes K] [--log-level LEVEL]';

/** The workloads by the names --workloads takes. */
export const WORKLOAD_KEYS = ['catalog', 'small', 'metrics'] as const;
export type WorkloadKey = (typeof WORKLOAD_KEYS)[number];

/** What to measure: every figure is per round, per build. */
export interface CpuArgs {
  /** NAME=DIR in the order given; the first is the one the others are compared with. (DIR made absolute) */
  builds: { name: string; dir: string }[];
  /** --rounds (default: 6) */
  rounds: number;
  /** --seconds of wrk per build per round (default: 4) */
  seconds: number;
  /** --connections of wrk (default: 16) */
  connections: number;
  /** --workloads (default: all) */
  workloads: ReadonlySet<WorkloadKey>;
  /** --processes per build (default: 1) */
  processes: number;
  /** --log-level: LAYER_LOG_LEVEL of every gateway; at info each request writes its access line, as users get by default (default: warn, a request logs nothing) */
  logLevel: LogLevel;
}

/** The whole number after `flag` (wrk takes whole seconds too), or the usage error. */
function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isInteger(n)) throw new Error(`${flag} takes a positive whole number, got "${value ?? ''}"\n${USAGE}`);
  return n;
}

/** Reads `npm run bench:cpu`'s arguments; throws the message to print, which ends with the usage. */
export function parseCpuArgs(argv: string[]): CpuArgs {
  const builds: { name: string; dir: string }[] = [];
  let rounds = 6;
  let seconds = 4;
  let connections = 16;
  let processes = 1;
  let logLevel: LogLevel = 'warn';
  let workloads: ReadonlySet<WorkloadKey> = new Set(WORKLOAD_KEYS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rounds') rounds = positive(arg, argv[++i]);
    else if (arg === '--seconds') seconds = positive(arg, argv[++i]);
    else if (arg === '--connections') connections = positive(arg, argv[++i]);
    else if (arg === '--processes') processes = positive(arg, argv[++i]);
    else if (arg === '--log-level') {
      const level = argv[++i] ?? '';
      if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`--log-level takes one of ${LOG_LEVELS.join(', ')}; got "${level}"\n${USAGE}`);
      logLevel = level as LogLevel;
    } else if (arg === '--workloads') {
      const names = (argv[++i] ?? '').split(',').filter((name) => name !== '');
      const unknown = names.filter((name) => !(WORKLOAD_KEYS as readonly string[]).includes(name));
      if (names.length === 0 || unknown.length > 0) throw new Error(`--workloads takes a comma-separated list of ${WORKLOAD_KEYS.join(', ')}; got "${argv[i] ?? ''}"\n${USAGE}`);
      workloads = new Set(names as WorkloadKey[]);
    } else if (/^[\w-]+=/.test(arg)) builds.push({ name: arg.slice(0, arg.indexOf('=')), dir: resolve(arg.slice(arg.indexOf('=') + 1)) });
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (builds.length === 0) throw new Error(USAGE);
  const names = builds.map((build) => build.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new Error(`two builds are named "${repeated}"; give each NAME=DIR a name of its own (the same DIR twice measures how far two processes of one build differ)\n${USAGE}`);
  return { builds, rounds, seconds, connections, workloads, processes, logLevel };
}
