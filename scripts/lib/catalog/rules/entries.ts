import type { CatalogEntry } from '../model.ts';
import type { Finding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

/** The series names an entry exposes: a histogram adds `_bucket`, `_sum` and `_count`. */
export function seriesNames(entry: Pick<CatalogEntry, 'name' | 'kind'>): string[] {
  const { name, kind } = entry;
  return kind === 'histogram' ? [name, `${name}_bucket`, `${name}_sum`, `${name}_count`] : [name];
}

/** Entry names are unique, and no entry's series collide with another's (`x_count` vs histogram `x`). */
export const duplicateEntry: Rule = {
  id: 'duplicate-entry',
  summary: 'no two entries share a name or a series name',
  check: ({ catalog, lineOf }) => {
    const owner = new Map<string, number>();
    const findings: Finding[] = [];
    catalog.entries.forEach((entry, index) => {
      const clash = seriesNames(entry).find((series) => owner.has(series));
      const earlier = clash === undefined ? undefined : owner.get(clash);
      if (clash !== undefined && earlier !== undefined) {
        const other = catalog.entries[earlier];
        const line = lineOf(['entries', earlier]);
        const message =
          other?.name === entry.name
            ? `entry ${entry.name} is already defined at line ${line}: merge the two or rename one`
            : `series ${clash} is already exposed by ${other?.kind} ${other?.name} (line ${line}): rename one of them`;
        findings.push({ entry: index, path: ['entries', index, 'name'], message });
        return;
      }
      for (const series of seriesNames(entry)) owner.set(series, index);
    });
    return findings;
  },
};

/** `version` is YYYY-MM. */
export const version: Rule = {
  id: 'version',
  summary: 'version is YYYY-MM with month 01-12',
  check: ({ catalog }) =>
    /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(catalog.version)
      ? []
      : [{ path: ['version'], message: `version must be YYYY-MM with month 01-12 (got "${catalog.version}"): for example "2026-05"` }],
};

/** `replaced_by` is for deprecated entries and names a live entry of the catalog. */
export const replacedBy: Rule = {
  id: 'replaced-by',
  summary: 'replaced_by names another, non-deprecated catalog entry, and only on deprecated entries',
  check: (context) => {
    const byName = new Map(context.catalog.entries.map((entry) => [entry.name, entry]));
    return eachEntry(({ name, stability, replaced_by: replacement }) => {
      if (replacement === undefined) return [];
      const path = ['replaced_by'];
      const target = byName.get(replacement);
      if (stability !== 'deprecated') {
        return [{ path, message: `replaced_by is only for deprecated entries: set stability: deprecated or remove replaced_by` }];
      }
      if (replacement === name) return [{ path, message: `replaced_by names the entry itself: name the metric that replaces it` }];
      if (!target) {
        return [{ path, message: `replaced_by names ${replacement}, which is not in the catalog: name an existing entry or remove replaced_by` }];
      }
      if (target.stability === 'deprecated') {
        const next = target.replaced_by ? `point at ${target.replaced_by} instead` : 'point at a live metric';
        return [{ path, message: `replaced_by names ${replacement}, which is itself deprecated: ${next}` }];
      }
      return [];
    })(context);
  },
};

/** The catalog-structure rules, in report order. */
export const entryRules: readonly Rule[] = [duplicateEntry, version, replacedBy];
