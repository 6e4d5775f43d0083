import type { Finding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

// Prometheus's duration grammar (prometheus/common model.ParseDuration): units in descending
// order, each at most once; a bare "0" is also accepted.
const DURATION = /^(?:0|(?=\d)(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?)$/;

/** Whether `text` is a Prometheus duration such as `5m` or `1h30m`. */
export function isPromDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Alert names are CamelCase and unique across the catalog (they become Prometheus alert names). */
export const alertName: Rule = {
  id: 'alert-name',
  summary: 'alert names are CamelCase and unique across the catalog',
  check: ({ catalog, lineOf }) => {
    const first = new Map<string, number>();
    const findings: Finding[] = [];
    catalog.entries.forEach((entry, index) => {
      const name = entry.alert?.name;
      if (name === undefined) return;
      const path = ['entries', index, 'alert', 'name'];
      if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
        findings.push({ entry: index, path, message: `alert names are CamelCase: rename to ${toCamelCase(name)}` });
      }
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
      } else {
        const owner = catalog.entries[earlier]?.name;
        const line = lineOf(['entries', earlier, 'alert', 'name']);
        findings.push({ entry: index, path, message: `alert ${name} is already used by ${owner} (line ${line}): give this alert another name` });
      }
    });
    return findings;
  },
};

/** `alert.for` is a Prometheus duration. */
export const alertFor: Rule = {
  id: 'alert-for',
  summary: 'alert.for is a Prometheus duration such as 5m or 1h30m',
  check: eachEntry(({ alert }) =>
    alert?.for !== undefined && !isPromDuration(alert.for)
      ? [{ path: ['alert', 'for'], message: `alert.for must be a Prometheus duration like 30s, 5m or 1h30m (got "${alert.for}"): write it in that form` }]
      : [],
  ),
};

/** `query p99_high` -> `QueryP99High`. */
function toCamelCase(name: string): string {
  const camel = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return /^[A-Z]/.test(camel) ? camel : `Alert${camel}`;
}

/** The alert rules, in report order. */
export const alertRules: readonly Rule[] = [alertName, alertFor];
