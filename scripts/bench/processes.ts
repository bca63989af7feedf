/**
 * CPU time of processes read from /proc, so a benchmark can say how much of the machine each part used
 * (load generator, gateway, each subgraph, PostgreSQL) without instrumenting them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

export interface ProcessInfo {
  readonly pid: number;
  readonly parentPid: number;
  /** User + system CPU time used so far, in milliseconds. */
  readonly cpuMs: number;
  readonly command: string;
}

/** Every process visible now, by pid; one that exits while being read is left out. */
export function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may contain spaces; fields after it are plain.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      table.set(Number(entry), {
        pid: Number(entry),
        parentPid: Number(fields[1]),
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
        command,
      });
    } catch {
      // Exited between the listing and the read.
    }
  }
  return table;
}

/** `pid` and all its descendants. */
export function processTree(table: Map<number, ProcessInfo>, pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) {
    for (const process of table.values()) if (process.parentPid === tree[index]) tree.push(process.pid);
  }
  return tree.filter((member) => table.has(member));
}

/** CPU milliseconds used by `pids` between two tables; a process born in between counts from zero. */
export function cpuMsBetween(
  before: Map<number, ProcessInfo>,
  after: Map<number, ProcessInfo>,
  pids: readonly number[],
): number {
  let total = 0;
  for (const pid of pids) total += (after.get(pid)?.cpuMs ?? 0) - (before.get(pid)?.cpuMs ?? 0);
  return total;
}

/** Busy CPU milliseconds of the whole machine (all cores) so far, from /proc/stat. */
export function machineBusyMs(): number {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq: idle and waiting for I/O are not busy.
  const [user, nice, system, _idle, _iowait, irq, softirq] = values.map(Number);
  return (
    (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) * 1000) / TICKS_PER_SECOND
  );
}
