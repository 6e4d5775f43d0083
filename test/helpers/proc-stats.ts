/** What a process holds, read from /proc (Linux): open file descriptors and resident memory. */
import { readdir, readFile, readlink } from 'node:fs/promises';

/** Open file descriptors of `pid` (default: this process). */
export async function fdCount(pid: number | 'self' = 'self'): Promise<number> {
  return (await readdir(`/proc/${pid}/fd`)).length;
}

/** Resident set size of `pid` in bytes (default: this process). */
export async function rssBytes(pid: number | 'self' = 'self'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** The q-quantile (0..1) of `values`, nearest-rank; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Bytes as MB with one decimal, for printed figures. */
export function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

/** The remote ports of `pid`'s established TCP connections over IPv4 (from /proc: its socket fds matched to /proc/net/tcp). */
export async function tcpRemotePorts(pid: number): Promise<number[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const ports: number[] = [];
  for (const line of (await readFile(`/proc/${pid}/net/tcp`, 'utf8')).split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    // sl local_address rem_address st ... inode (column 9); st 01 is ESTABLISHED.
    if (cols.length < 10 || cols[3] !== '01' || !inodes.has(cols[9]!)) continue;
    ports.push(parseInt(cols[2]!.split(':')[1]!, 16));
  }
  return ports;
}
