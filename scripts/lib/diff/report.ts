import { countBreaking, gateOf, sortChanges, type LocatedChange } from './change.ts';

/** What every output format renders: the verdict, the base it was measured against, the changes. */
export interface Report {
  gate: 'pass' | 'fail';
  /** The git ref given as `--base`. */
  base: string;
  /** In report order (section, subject, kind, detail). */
  changes: LocatedChange[];
}

/** Builds the report of a diff against `base`. */
export function buildReport(base: string, changes: readonly LocatedChange[]): Report {
  return { gate: gateOf(changes), base, changes: sortChanges(changes) };
}

/** `FAIL (2 breaking changes)` / `PASS (no breaking changes)`: the verdict every format leads with. */
export function verdictOf(report: Report): string {
  const breaking = countBreaking(report.changes);
  if (report.gate === 'pass') return 'PASS (no breaking changes)';
  return `FAIL (${breaking} breaking change${breaking === 1 ? '' : 's'})`;
}

/** `3 changes: 1 breaking, 1 compatible, 1 note`. */
export function tallyOf(report: Report): string {
  const count = (classification: LocatedChange['classification']): number =>
    report.changes.filter((change) => change.classification === classification).length;
  const total = report.changes.length;
  return `${total} change${total === 1 ? '' : 's'}: ${count('breaking')} breaking, ${count('compatible')} compatible, ${count('note')} note${count('note') === 1 ? '' : 's'}`;
}
