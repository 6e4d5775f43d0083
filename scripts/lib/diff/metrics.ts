import type { Change, Contracts, DocPath } from './change.ts';
import { diffLabels } from './metric-labels.ts';
import { isRecord, listOf, recordOf, type Record_ } from './refs.ts';

interface EntryAt {
  entry: Record_;
  index: number;
}

function entriesOf(catalog: unknown): Map<string, EntryAt> {
  const entries = new Map<string, EntryAt>();
  listOf(recordOf(catalog).entries).forEach((entry, index) => {
    if (isRecord(entry) && typeof entry.name === 'string') entries.set(entry.name, { entry, index });
  });
  return entries;
}

function change(subject: string, kind: string, classification: Change['classification'], detail: string, path: DocPath): Change {
  return { section: 'metrics', kind, subject, classification, detail, file: 'catalog.yaml', path };
}

function text(value: unknown): string {
  return value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
}

const ALERT_FIELDS = ['name', 'condition', 'for', 'severity', 'summary'] as const;

function diffAlert(name: string, base: Record_, head: Record_, path: DocPath): Change[] {
  const before = base.alert;
  const after = head.alert;
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [change(name, 'alert_added', 'compatible', `alert ${text(recordOf(after).name)} added`, [...path, 'alert'])];
  if (after === undefined) return [change(name, 'alert_removed', 'compatible', `alert ${text(recordOf(before).name)} removed`, path)];
  const fields = ALERT_FIELDS.filter((field) => JSON.stringify(recordOf(before)[field]) !== JSON.stringify(recordOf(after)[field]));
  return fields.length === 0 ? [] : [change(name, 'alert_changed', 'compatible', `alert ${fields.join(', ')} changed`, [...path, 'alert'])];
}

// Fields whose change dashboards and alerts survive: listed, never failing.
const WORDING = [
  ['description', 'description_changed', 'description reworded'],
  ['example_promql', 'example_changed', 'example PromQL changed'],
  ['family', 'family_changed', 'family'],
  ['replaced_by', 'replaced_by_changed', 'replaced_by'],
] as const;

function diffEntry(name: string, base: Record_, head: Record_, path: DocPath): Change[] {
  const changes: Change[] = [];
  const kindChanged = base.kind !== head.kind;
  if (kindChanged) {
    changes.push(change(name, 'kind_changed', 'breaking', `kind ${text(base.kind)} -> ${text(head.kind)}; queries and dashboards built for the old kind break`, [...path, 'kind']));
  }
  if (base.unit !== head.unit) {
    // Declaring a unit that was missing changes no value; changing or dropping one does.
    const declared = base.unit === undefined;
    changes.push(
      change(name, 'unit_changed', declared ? 'compatible' : 'breaking', `unit ${text(base.unit)} -> ${text(head.unit)}${declared ? '' : '; existing thresholds and panels read the wrong scale'}`, [...path, 'unit']),
    );
  }
  changes.push(...diffLabels(name, base, head, path));
  // After a kind change the buckets say nothing more.
  if (!kindChanged && JSON.stringify(base.buckets) !== JSON.stringify(head.buckets)) {
    changes.push(
      change(name, 'buckets_changed', 'breaking', `buckets ${text(base.buckets)} -> ${text(head.buckets)}; quantiles and le= queries change meaning`, [...path, 'buckets']),
    );
  }
  for (const [field, kind, what] of WORDING) {
    if (JSON.stringify(base[field]) === JSON.stringify(head[field])) continue;
    const detail = field === 'description' || field === 'example_promql' ? what : `${what} ${text(base[field])} -> ${text(head[field])}`;
    changes.push(change(name, kind, 'compatible', detail, [...path, field]));
  }
  if (base.stability !== head.stability) {
    changes.push(change(name, 'stability_changed', 'compatible', `stability ${text(base.stability)} -> ${text(head.stability)}`, [...path, 'stability']));
  }
  changes.push(...diffAlert(name, base, head, path));
  return changes;
}

function diffRemoved(name: string, base: Record_, head: Map<string, EntryAt>): Change {
  const successor = typeof base.replaced_by === 'string' ? base.replaced_by : undefined;
  const target = successor === undefined ? undefined : head.get(successor);
  if (base.stability === 'deprecated' && successor !== undefined && target) {
    return change(name, 'renamed', 'compatible', `renamed to ${successor} (deprecated at the base with replaced_by)`, ['entries', target.index]);
  }
  if (base.stability === 'deprecated') {
    return change(name, 'removed', 'compatible', 'removed after deprecation', ['entries']);
  }
  return change(
    name,
    'removed',
    'breaking',
    'removed without deprecation; mark it stability: deprecated with replaced_by first and remove it in a later change',
    ['entries'],
  );
}

/**
 * The metrics section: catalog.yaml entries compared by name. Anything that silently breaks a
 * dashboard or an alert (a metric, label or label value gone, a new kind, unit or buckets) is
 * breaking; additions, wording and stability changes are listed and pass.
 */
export function diffMetrics(base: Contracts, head: Contracts): Change[] {
  const before = entriesOf(base.catalog);
  const after = entriesOf(head.catalog);
  const changes: Change[] = [];
  const renameTargets = new Set<string>();
  for (const [name, { entry }] of before) {
    const now = after.get(name);
    if (now) {
      changes.push(...diffEntry(name, entry, now.entry, ['entries', now.index]));
      continue;
    }
    const removed = diffRemoved(name, entry, after);
    if (removed.kind === 'renamed' && typeof entry.replaced_by === 'string') renameTargets.add(entry.replaced_by);
    changes.push(removed);
  }
  for (const [name, { index }] of after) {
    // The successor of a declared rename is reported by the rename, not again as an addition.
    if (before.has(name) || renameTargets.has(name)) continue;
    changes.push(change(name, 'added', 'compatible', 'new metric', ['entries', index]));
  }
  return changes;
}
