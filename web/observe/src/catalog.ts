/**
 * The catalog by family, in catalog order: each family a <section> headed by its name, count and
 * a button that folds it, each entry an <article> headed by the metric's name, with everything
 * the catalog says about it.
 */
import { alertBlock } from './alert.ts';
import type { AlertReading } from './alerts.ts';
import type { Catalog, CatalogEntry, LabelDetail } from './api.ts';
import { copyButton, h } from './dom.ts';
import { closePlot, plotEntry, plotFigure } from './plot.ts';
import type { TimeRange } from './range.ts';
import { catalogText, plainText, promqlCode } from './text.ts';

/** One rendered entry and the lower-cased text search looks in. */
export interface RenderedEntry {
  entry: CatalogEntry;
  article: HTMLElement;
  figure: HTMLElement;
  haystack: string;
  /** Plots the entry over the current range (again). */
  plot: () => Promise<void>;
  /** Shows an alert reading (absent when the entry has no alert). */
  showAlert?: (reading: AlertReading | undefined) => void;
}

/** One rendered family: its section, the line holding its count and its index link. */
export interface RenderedFamily {
  name: string;
  section: HTMLElement;
  count: HTMLElement;
  link: HTMLAnchorElement;
  entries: RenderedEntry[];
}

/** What the catalog asks of the page around it. */
export interface CatalogHooks {
  range: () => TimeRange;
  /** An entry was plotted (true) or its plot closed (false). */
  plotted: (name: string, shown: boolean) => void;
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
          h('td', {}, ...catalogText(label.description)),
          h('td', {}, label.values ? h('span', { class: 'values' }, ...label.values.map((v) => h('code', { text: v }))) : label.max_values ? `open set, at most ${label.max_values} values` : 'open set'),
        ),
      ),
    ),
  );
}

/**
 * Words an operator searches with that the catalog's text need not contain: what a histogram's
 * quantile is called (p99), and what a duration measures (latency, slow).
 */
function searchWords(entry: CatalogEntry): string[] {
  const words: string[] = [entry.kind];
  if (entry.unit) words.push(entry.unit);
  for (const match of entry.example_promql.matchAll(/histogram_quantile\(\s*0?\.(\d+)/g)) words.push(`p${match[1]!.padEnd(2, '0')}`, 'percentile', 'quantile');
  if (entry.unit === 'seconds' && !entry.name.endsWith('_total')) words.push('latency', 'duration', 'time', 'slow');
  if (entry.unit === 'bytes') words.push('memory', 'size');
  if (entry.kind === 'counter') words.push('rate');
  return words;
}

function entryArticle(entry: CatalogEntry, hooks: CatalogHooks): RenderedEntry {
  const id = `metric-${entry.name}`;
  const figure = plotFigure(entry.name);
  const plotButton = h('button', { type: 'button', class: 'plot-button', text: 'Plot' });
  const closeButton = h('button', { type: 'button', class: 'secondary close-plot', text: 'Close plot', hidden: '' });
  const plot = async () => {
    closeButton.hidden = false;
    hooks.plotted(entry.name, true);
    await plotEntry(entry, figure, hooks.range());
  };
  plotButton.addEventListener('click', () => void plot());
  closeButton.addEventListener('click', () => {
    closePlot(figure);
    closeButton.hidden = true;
    hooks.plotted(entry.name, false);
  });
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
    h('p', { class: 'description' }, ...catalogText(entry.description)),
    entry.replaced_by ? h('p', { class: 'deprecated', text: `Deprecated: use ${entry.replaced_by}.` }) : null,
    labelsTable(entry),
    entry.buckets ? h('p', { class: 'buckets' }, 'Buckets (upper bounds): ', h('code', { text: entry.buckets.join(', ') })) : null,
    h('div', { class: 'example' }, h('span', { class: 'label', text: 'Example PromQL' }), copyButton(`Copy PromQL of ${entry.name}`, entry.example_promql)),
    h('pre', { class: 'promql' }, promqlCode(entry.example_promql)),
    h('div', { class: 'row' }, plotButton, closeButton),
    figure,
    alert?.block,
  );
  const labelText = (entry.label_details ?? []).flatMap((l) => [l.name, plainText(l.description), ...(l.values ?? [])]);
  const alertText = entry.alert ? [entry.alert.name, entry.alert.severity ?? '', entry.alert.summary ?? ''] : [];
  const haystack = [entry.name, plainText(entry.description), ...entry.labels, ...labelText, ...alertText, ...searchWords(entry)].join(' ').toLowerCase();
  return { entry, article, figure, haystack, plot, showAlert: alert?.show };
}

/** Folds or unfolds a family's entries. */
export function setFolded(family: RenderedFamily, folded: boolean): void {
  family.section.dataset.folded = String(folded);
  family.section.querySelector('.fold')!.setAttribute('aria-expanded', String(!folded));
  for (const item of family.entries) item.article.classList.toggle('folded', folded);
}

/** Renders the catalog into `families` and `index` (links to each family); returns what search needs. */
export function renderCatalog(catalog: Catalog, families: HTMLElement, index: HTMLElement, hooks: CatalogHooks): RenderedFamily[] {
  const rendered: RenderedFamily[] = [];
  for (const [name, entries] of groupByFamily(catalog.entries)) {
    const headingId = `family-${name}`;
    const count = h('span', { class: 'count', text: metrics(entries.length) });
    const items = entries.map((entry) => entryArticle(entry, hooks));
    const fold = h('button', { type: 'button', class: 'fold', 'aria-expanded': 'true', 'aria-label': `Fold or unfold ${name}` }, h('span', { class: 'chevron', 'aria-hidden': 'true', text: '▾' }));
    const section = h(
      'section',
      { class: 'family', 'aria-labelledby': headingId, 'data-family': name, 'data-folded': 'false' },
      h('h3', { id: headingId }, fold, h('span', { class: 'family-name', text: name }), ' ', count),
      ...items.map((item) => item.article),
    );
    const link = h('a', { href: `#family-${name}`, text: `${name} (${entries.length})` });
    const family: RenderedFamily = { name, section, count, link, entries: items };
    fold.addEventListener('click', () => setFolded(family, section.dataset.folded !== 'true'));
    rendered.push(family);
  }
  families.replaceChildren(...rendered.map((family) => family.section));
  index.replaceChildren(h('ul', {}, ...rendered.map((family) => h('li', { 'data-family': family.name }, family.link))));
  return rendered;
}

/**
 * Shows only entries whose text (name, description, labels and their descriptions and values,
 * alert, unit) contains every word of `query`; the index follows. Returns how many match.
 */
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
    family.link.parentElement!.hidden = inFamily === 0;
    const total = family.entries.length;
    family.count.textContent = words.length === 0 ? metrics(total) : `${inFamily} of ${metrics(total)}`;
    family.link.textContent = words.length === 0 ? `${family.name} (${total})` : `${family.name} (${inFamily} of ${total})`;
    shown += inFamily;
  }
  return shown;
}
