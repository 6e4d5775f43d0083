/**
 * The catalog by family, in catalog order: each family a <section> headed by its name and count,
 * each entry an <article> headed by the metric's name, with everything the catalog says about it.
 */
import { alertBlock } from './alert.ts';
import type { Catalog, CatalogEntry, LabelDetail } from './api.ts';
import { copyButton, h } from './dom.ts';
import { plotEntry, plotFigure } from './plot.ts';

/** One rendered entry and the lower-cased text search looks in. */
export interface RenderedEntry {
  entry: CatalogEntry;
  article: HTMLElement;
  haystack: string;
  /** Runs the alert check (absent when the entry has no alert). */
  checkAlert?: () => Promise<void>;
}

/** One rendered family: its section and the line holding its count. */
export interface RenderedFamily {
  name: string;
  section: HTMLElement;
  count: HTMLElement;
  entries: RenderedEntry[];
}

/** Entries grouped by family, families and entries in catalog order. */
export function groupByFamily(entries: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  const families = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const family = entry.family ?? entry.name.split('_').slice(0, 2).join('_');
    const list = families.get(family) ?? [];
    list.push(entry);
    families.set(family, list);
  }
  return families;
}

const metrics = (n: number) => `${n} ${n === 1 ? 'metric' : 'metrics'}`;

function labelsTable(entry: CatalogEntry): HTMLElement | null {
  const details: LabelDetail[] = entry.label_details ?? entry.labels.map((name) => ({ name, description: '' }));
  if (details.length === 0) return h('p', { class: 'muted', text: 'No labels.' });
  return h(
    'table',
    { class: 'labels' },
    h('caption', { text: `Labels of ${entry.name}` }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'label' }), h('th', { scope: 'col', text: 'meaning' }), h('th', { scope: 'col', text: 'values' }))),
    h(
      'tbody',
      {},
      ...details.map((label) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('code', { text: label.name })),
          h('td', { text: label.description }),
          h('td', {}, label.values ? h('span', { class: 'values' }, ...label.values.map((v) => h('code', { text: v }))) : label.max_values ? `open set, at most ${label.max_values} values` : 'open set'),
        ),
      ),
    ),
  );
}

function entryArticle(entry: CatalogEntry, windowSeconds: () => number): RenderedEntry {
  const id = `metric-${entry.name}`;
  const figure = plotFigure(entry.name);
  const plot = h('button', { type: 'button', class: 'plot-button', text: 'Plot' });
  plot.addEventListener('click', () => void plotEntry(entry, figure, windowSeconds()));
  const alert = entry.alert ? alertBlock(entry) : undefined;
  const meta = [
    h('span', { class: 'kind', text: entry.kind }),
    h('span', { text: `unit: ${entry.unit ?? 'none'}` }),
    h('span', { class: `stability ${entry.stability ?? ''}`, text: entry.stability ?? 'stability not stated' }),
  ];
  const article = h(
    'article',
    { class: 'entry', id, 'data-name': entry.name, 'aria-labelledby': `${id}-name` },
    h('header', { class: 'entry-head' }, h('h4', { id: `${id}-name`, class: 'name', text: entry.name }), copyButton(`Copy name ${entry.name}`, entry.name)),
    h('p', { class: 'meta' }, ...meta.flatMap((m, i) => (i === 0 ? [m] : [' · ', m]))),
    h('p', { class: 'description', text: entry.description }),
    entry.replaced_by ? h('p', { class: 'deprecated', text: `Deprecated: use ${entry.replaced_by}.` }) : null,
    labelsTable(entry),
    entry.buckets ? h('p', { class: 'buckets' }, 'Buckets (upper bounds): ', h('code', { text: entry.buckets.join(', ') })) : null,
    h('div', { class: 'example' }, h('span', { class: 'label', text: 'Example PromQL' }), copyButton(`Copy PromQL of ${entry.name}`, entry.example_promql)),
    h('pre', { class: 'promql' }, h('code', { text: entry.example_promql })),
    h('div', { class: 'row' }, plot),
    figure,
    alert?.block,
  );
  const labelText = (entry.label_details ?? []).flatMap((l) => [l.name, ...(l.values ?? [])]);
  const haystack = [entry.name, entry.description, ...entry.labels, ...labelText].join(' ').toLowerCase();
  return { entry, article, haystack, checkAlert: alert?.check };
}

/** Renders the catalog into `families` and `index` (links to each family); returns what search needs. */
export function renderCatalog(catalog: Catalog, families: HTMLElement, index: HTMLElement, windowSeconds: () => number): RenderedFamily[] {
  const rendered: RenderedFamily[] = [];
  for (const [name, entries] of groupByFamily(catalog.entries)) {
    const headingId = `family-${name}`;
    const count = h('span', { class: 'count', text: metrics(entries.length) });
    const items = entries.map((entry) => entryArticle(entry, windowSeconds));
    const section = h(
      'section',
      { class: 'family', 'aria-labelledby': headingId, 'data-family': name },
      h('h3', { id: headingId }, h('span', { class: 'family-name', text: name }), ' ', count),
      ...items.map((item) => item.article),
    );
    rendered.push({ name, section, count, entries: items });
  }
  families.replaceChildren(...rendered.map((family) => family.section));
  index.replaceChildren(h('ul', {}, ...rendered.map((family) => h('li', {}, h('a', { href: `#family-${family.name}`, text: `${family.name} (${family.entries.length})` })))));
  return rendered;
}

/** Shows only entries whose name, description or labels contain every word of `query`; returns how many match. */
export function filterCatalog(families: readonly RenderedFamily[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const family of families) {
    let inFamily = 0;
    for (const item of family.entries) {
      const match = words.every((word) => item.haystack.includes(word));
      item.article.hidden = !match;
      if (match) inFamily++;
    }
    family.section.hidden = inFamily === 0;
    family.count.textContent = words.length === 0 ? metrics(family.entries.length) : `${inFamily} of ${metrics(family.entries.length)}`;
    shown += inFamily;
  }
  return shown;
}
