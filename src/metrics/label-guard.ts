/**
 * Cardinality guard for generated metric handles. A label value outside its allowed set, or a new
 * value once a label's budget of distinct values is spent, is recorded under OVERFLOW_VALUE and
 * reported through `onOverflow`: the observation is kept, never dropped and never thrown (the
 * approach of the OpenTelemetry SDK's cardinality limit).
 */

/** The label value that stands in for every value past a label's set or budget. */
export const OVERFLOW_VALUE = '__overflow__';

/** One label's bound, as catalog.yaml declares it: a closed set or a budget. */
export interface LabelRule {
  name: string;
  /** The closed set of allowed values. */
  values?: readonly string[];
  /** How many distinct values an open set may take. */
  maxValues?: number;
}

/** Raw label values as callers pass them; numbers (status codes) are stringified. */
export type RawLabels = Readonly<Record<string, string | number>>;

/** Maps raw label values to the values actually recorded. */
export type LabelGuard = (labels: RawLabels) => Record<string, string>;

/** Builds the guard of one metric; `onOverflow(label)` is called once per folded observation. */
export function createLabelGuard(rules: readonly LabelRule[], onOverflow: (label: string) => void): LabelGuard {
  const checks = rules.map((rule) => {
    if (rule.values) {
      const allowed = new Set(rule.values);
      return (value: string) => allowed.has(value);
    }
    const seen = new Set<string>();
    const budget = rule.maxValues ?? Infinity;
    return (value: string) => {
      if (seen.has(value)) return true;
      if (seen.size >= budget) return false;
      seen.add(value);
      return true;
    };
  });
  return (labels) => {
    const out: Record<string, string> = {};
    for (let i = 0; i < rules.length; i++) {
      const name = rules[i]!.name;
      const raw = labels[name];
      const value = raw === undefined ? '' : String(raw);
      if (checks[i]!(value)) {
        out[name] = value;
      } else {
        out[name] = OVERFLOW_VALUE;
        onOverflow(name);
      }
    }
    return out;
  };
}
