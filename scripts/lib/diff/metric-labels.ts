import type { Change, DocPath } from './change.ts';
import { isRecord, listOf, stringsOf, type Record_ } from './refs.ts';

interface LabelAt {
  label: Record_;
  name: string;
  index: number;
}

function labelsOf(entry: Record_): LabelAt[] {
  return listOf(entry.labels).flatMap((label, index) =>
    isRecord(label) && typeof label.name === 'string' ? [{ label, name: label.name, index }] : [],
  );
}

function change(subject: string, kind: string, classification: Change['classification'], detail: string, path: DocPath): Change {
  return { section: 'metrics', kind, subject, classification, detail, file: 'catalog.yaml', path };
}

// The allowed values of a label: a closed list, or an open set with an optional budget.
type ValueSet = { closed: string[] } | { open: number | undefined };

function valueSetOf(label: Record_): ValueSet {
  if (Array.isArray(label.values)) return { closed: stringsOf(label.values) };
  return { open: typeof label.max_values === 'number' ? label.max_values : undefined };
}

function budgetText(budget: number | undefined): string {
  return budget === undefined ? 'no max_values' : `max_values ${budget}`;
}

function diffValues(subject: string, base: Record_, head: Record_, path: DocPath): Change[] {
  const before = valueSetOf(base);
  const after = valueSetOf(head);
  if ('closed' in before && 'closed' in after) {
    const removed = before.closed.filter((value) => !after.closed.includes(value));
    const added = after.closed.filter((value) => !before.closed.includes(value));
    return [
      ...(removed.length > 0
        ? [change(subject, 'label_values_narrowed', 'breaking', `value removed: ${removed.join(', ')}; queries matching it stop finding series`, [...path, 'values'])]
        : []),
      ...(added.length > 0 ? [change(subject, 'label_values_widened', 'compatible', `value added: ${added.join(', ')}`, [...path, 'values'])] : []),
    ];
  }
  if ('closed' in before && 'open' in after) {
    return [change(subject, 'label_values_opened', 'compatible', `closed set -> open set (${budgetText(after.open)})`, path)];
  }
  if ('open' in before && 'closed' in after) {
    return [
      change(
        subject,
        'label_values_closed',
        'breaking',
        `open set -> closed set [${after.closed.join(', ')}]; other values now fold into __overflow__`,
        [...path, 'values'],
      ),
    ];
  }
  if ('open' in before && 'open' in after && before.open !== after.open) {
    // A smaller budget folds into __overflow__ values the base kept: a narrowing.
    const narrowed = after.open !== undefined && (before.open === undefined || after.open < before.open);
    return [
      change(
        subject,
        narrowed ? 'label_values_narrowed' : 'label_values_widened',
        narrowed ? 'breaking' : 'compatible',
        `${budgetText(before.open)} -> ${budgetText(after.open)}`,
        [...path, 'max_values'],
      ),
    ];
  }
  return [];
}

/**
 * The label changes of one metric present at both sides. Removing or renaming a label breaks the
 * queries that use it; adding one does not (PromQL matchers ignore labels they do not name).
 * A rename has no declaration, so a label removed and another added at the same position is read
 * as a rename.
 */
export function diffLabels(metric: string, base: Record_, head: Record_, entryPath: DocPath): Change[] {
  const before = labelsOf(base);
  const after = labelsOf(head);
  const beforeNames = new Set(before.map((label) => label.name));
  const afterByName = new Map(after.map((label) => [label.name, label]));
  const added = after.filter((label) => !beforeNames.has(label.name));
  const renamedTo = new Set<string>();
  const changes: Change[] = [];
  const labelsPath = [...entryPath, 'labels'];

  for (const old of before) {
    const now = afterByName.get(old.name);
    const subject = `${metric}{${old.name}}`;
    if (!now) {
      const successor = added.find((label) => label.index === old.index && !renamedTo.has(label.name));
      if (successor) {
        renamedTo.add(successor.name);
        changes.push(
          change(subject, 'label_renamed', 'breaking', `label "${old.name}" renamed to "${successor.name}"; queries using it break`, [...labelsPath, successor.index]),
        );
      } else {
        changes.push(change(subject, 'label_removed', 'breaking', `label "${old.name}" removed; queries using it break`, labelsPath));
      }
      continue;
    }
    const path = [...labelsPath, now.index];
    changes.push(...diffValues(subject, old.label, now.label, path));
    if (old.label.description !== now.label.description) {
      changes.push(change(subject, 'label_description_changed', 'compatible', 'label description reworded', [...path, 'description']));
    }
  }
  for (const label of added) {
    if (renamedTo.has(label.name)) continue;
    changes.push(
      change(`${metric}{${label.name}}`, 'label_added', 'compatible', `label "${label.name}" added; existing queries still match`, [...labelsPath, label.index]),
    );
  }
  return changes;
}
