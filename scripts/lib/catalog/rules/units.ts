import type { EntryFinding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

/** Base units: a metric measuring one of these carries it as the last name segment (before `_total`). */
export const BASE_UNITS = ['seconds', 'bytes', 'ratio', 'meters', 'volts', 'amperes', 'joules', 'grams', 'celsius'];

// Units promlint and the Prometheus naming guide reject, with the base unit to use instead.
const NON_BASE_UNITS: Record<string, string> = {
  ms: 'seconds', msec: 'seconds', millis: 'seconds', micros: 'seconds', nanos: 'seconds', us: 'seconds', usec: 'seconds', ns: 'seconds', nsec: 'seconds',
  sec: 'seconds', secs: 'seconds', minutes: 'seconds', mins: 'seconds', hours: 'seconds', days: 'seconds', weeks: 'seconds',
  kb: 'bytes', kib: 'bytes', mb: 'bytes', mib: 'bytes', gb: 'bytes', gib: 'bytes', tb: 'bytes', tib: 'bytes', bits: 'bytes',
  percent: 'ratio', percentage: 'ratio', pct: 'ratio',
  fahrenheit: 'celsius', inches: 'meters', miles: 'meters', pounds: 'grams', calories: 'joules',
};

// promlint also rejects any SI or binary prefix on a base unit: milliseconds, kilobytes, gibibytes...
const PREFIXES = ['pico', 'nano', 'micro', 'milli', 'centi', 'deci', 'deca', 'hecto', 'kilo', 'kibi', 'mega', 'mebi', 'giga', 'gibi', 'tera', 'tebi', 'peta', 'pebi'];

/** The base unit to use instead of `word`, or undefined when `word` is not a non-base unit. */
export function baseUnitFor(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (NON_BASE_UNITS[lower]) return NON_BASE_UNITS[lower];
  const prefix = PREFIXES.find((p) => lower.startsWith(p));
  const rest = prefix ? lower.slice(prefix.length) : '';
  if (BASE_UNITS.includes(rest)) return rest;
  if (BASE_UNITS.includes(`${lower}s`)) return `${lower}s`; // "second" -> "seconds"
  return undefined;
}

/** Base units as name suffixes, and no non-base units in the name or the unit field. */
export const baseUnit: Rule = {
  id: 'base-unit',
  summary: 'use base units (seconds, bytes, ratio, ...) and end the name in _<unit> (before _total)',
  check: eachEntry(({ name, kind, unit }) => {
    const findings: EntryFinding[] = [];
    const unitBase = baseUnitFor(unit);
    if (unitBase) {
      findings.push({ path: ['unit'], message: `unit ${unit} is not a base unit: record ${unitBase} instead (unit: ${unitBase}, and convert the values)` });
    }
    const segments = name.split('_');
    const badSegment = segments.find((segment) => baseUnitFor(segment) && !BASE_UNITS.includes(segment));
    if (badSegment) {
      const base = baseUnitFor(badSegment);
      const renamed = segments.map((segment) => (segment === badSegment ? base : segment)).join('_');
      findings.push({ path: ['name'], message: `the name uses ${badSegment}, not a base unit: measure in ${base} and rename to ${renamed}` });
      return findings;
    }
    const stem = kind === 'counter' && name.endsWith('_total') ? name.slice(0, -'_total'.length) : name;
    const nameUnit = BASE_UNITS.find((base) => stem.endsWith(`_${base}`));
    const total = kind === 'counter' ? '_total' : '';
    if (nameUnit && nameUnit !== unit && !unitBase) {
      findings.push({ path: ['unit'], message: `the name ends in _${nameUnit} but unit is ${unit}: set unit: ${nameUnit}, or rename the metric` });
    } else if (BASE_UNITS.includes(unit) && !nameUnit) {
      findings.push({ path: ['name'], message: `unit is ${unit}, so the name must end in _${unit}${total}: rename to ${stem}_${unit}${total}` });
    }
    return findings;
  }),
};
