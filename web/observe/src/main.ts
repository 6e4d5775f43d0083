/**
 * The observe tab: an overall state at the top of the window, health cards and the alerts that
 * fire, and, once a token is pasted, the catalog by family with search, plots and each alert's
 * state. Everything refreshes on one interval and goes to the page's own origin, relative to the
 * page; the address bar keeps the view (never the token).
 */
import 'uplot/dist/uPlot.min.css';
import '../observe.css';
import { alertReading, linkAlerts, onAlerts, refreshAlerts } from './alerts.ts';
import { ApiError, readCatalog, token } from './api.ts';
import { filterCatalog, renderCatalog, setFolded, type RenderedEntry, type RenderedFamily } from './catalog.ts';
import { byId } from './dom.ts';
import { enableExplore, replotExplore, setupExplore, type ExploreMode } from './explore.ts';
import { drawHealth, refreshHealth } from './health.ts';
import { onRefresh, refreshInterval, refreshNow, setRefreshInterval } from './live.ts';
import { rangeFromInputs, rangeFromParam, rangeToParam, type TimeRange } from './range.ts';
import { readView, writeView } from './view-state.ts';

const form = byId<HTMLFormElement>('token-form');
const tokenInput = byId<HTMLInputElement>('token');
const tokenStatus = byId<HTMLParagraphElement>('token-status');
const search = byId<HTMLInputElement>('search');
const windowSelect = byId<HTMLSelectElement>('window');
const customForm = byId<HTMLFormElement>('custom-range');
const rangeFrom = byId<HTMLInputElement>('range-from');
const rangeTo = byId<HTMLInputElement>('range-to');
const rangeStatus = byId<HTMLParagraphElement>('range-status');
const refreshSelect = byId<HTMLSelectElement>('refresh');
const catalogStatus = byId<HTMLParagraphElement>('catalog-status');
const familiesEl = byId<HTMLDivElement>('families');
const indexEl = byId<HTMLElement>('family-index');

const view = readView();
let families: RenderedFamily[] = [];
let total = 0;
let range: TimeRange = rangeFromParam(view.range) ?? { kind: 'relative', seconds: 3600 };
const plotted = new Set<string>(view.plots);
let explored: { expr: string; run: ExploreMode | '' } = { expr: view.expr, run: view.run === 'instant' || view.run === 'range' ? view.run : '' };
const inView = new Set<RenderedEntry>();
const byFigure = new Map<Element, RenderedEntry>();
const watcher = new IntersectionObserver((changes) => {
  for (const change of changes) {
    const item = byFigure.get(change.target);
    if (!item) continue;
    if (change.isIntersecting) inView.add(item);
    else inView.delete(item);
  }
});

function say(el: HTMLElement, text: string, tone: 'info' | 'error' = 'info'): void {
  el.textContent = text;
  el.dataset.tone = tone;
}

function saveView(): void {
  writeView({ search: search.value.trim(), range: rangeToParam(range), plots: [...plotted], refresh: String(refreshInterval()), expr: explored.expr, run: explored.run });
}

/** Shows the range in the picker: a preset, or "custom" with its from and to filled in. */
function showRange(): void {
  const param = rangeToParam(range);
  const preset = [...windowSelect.options].find((o) => o.value === param);
  windowSelect.value = preset ? preset.value : 'custom';
  customForm.hidden = Boolean(preset);
  if (!preset) {
    const [from, to] = range.kind === 'relative' ? [`now-${param}`, 'now'] : param.replaceAll('T', ' ').split('..');
    rangeFrom.value = from ?? '';
    rangeTo.value = to ?? 'now';
  }
}

function clearCatalog(): void {
  enableExplore(false);
  families = [];
  inView.clear();
  byFigure.clear();
  familiesEl.replaceChildren();
  indexEl.replaceChildren();
  search.disabled = true;
}

function showAlerts(): void {
  for (const family of families) for (const item of family.entries) item.showAlert?.(alertReading());
  drawHealth();
}

async function loadCatalog(): Promise<void> {
  if (!token.get()) {
    clearCatalog();
    say(tokenStatus, 'No token yet.');
    say(catalogStatus, 'Paste an API token above to load the catalog.');
    await refreshAlerts();
    return;
  }
  say(catalogStatus, 'Loading the catalog…');
  performance.mark('observe:catalog-requested');
  try {
    const catalog = await readCatalog();
    performance.mark('observe:catalog-received');
    const hooks = {
      range: () => range,
      plotted: (name: string, shown: boolean) => {
        if (shown) plotted.add(name);
        else plotted.delete(name);
        saveView();
      },
    };
    clearCatalog();
    families = renderCatalog(catalog, familiesEl, indexEl, hooks);
    total = catalog.entries.length;
    performance.mark('observe:catalog-rendered');
    performance.measure('observe:catalog-render', 'observe:catalog-received', 'observe:catalog-rendered');
    // The next frame after the DOM is built is when the operator sees it.
    requestAnimationFrame(() => setTimeout(() => performance.mark('observe:catalog-painted')));
    search.disabled = false;
    enableExplore(true);
    say(tokenStatus, 'Token accepted.');
    say(catalogStatus, `${total} metrics in ${families.length} families, catalog version ${catalog.version}.`);
    applySearch();
    const alertEntries = new Map<string, string>();
    for (const family of families) {
      for (const item of family.entries) {
        if (item.entry.alert) alertEntries.set(item.entry.alert.name, item.entry.name);
        byFigure.set(item.figure, item);
        watcher.observe(item.figure);
        if (plotted.has(item.entry.name)) void item.plot();
      }
    }
    linkAlerts(alertEntries);
    await refreshAlerts();
    if (location.hash) revealHash();
  } catch (error) {
    clearCatalog();
    if (error instanceof ApiError && error.status === 401) {
      token.clear();
      say(tokenStatus, `The gateway refused the token (401): ${error.message}`, 'error');
      say(catalogStatus, 'Paste a valid API token to load the catalog.');
    } else {
      const why = error instanceof ApiError ? `(${error.status}) ${error.message}` : 'no answer from the gateway';
      say(catalogStatus, `Could not load the catalog: ${why}. It is retried when you submit the token again.`, 'error');
    }
    await refreshAlerts();
  }
}

function applySearch(): void {
  const shown = filterCatalog(families, search.value);
  const query = search.value.trim();
  if (query) say(catalogStatus, shown === 0 ? `No metric matches “${query}”.` : `${shown} of ${total} metrics match “${query}”.`);
  else if (families.length > 0) say(catalogStatus, `${total} metrics in ${families.length} families.`);
}

/** Unfolds the family holding the #fragment's entry (a link from the alert overview) and scrolls to it. */
function revealHash(): void {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const section = target?.closest<HTMLElement>('section.family');
  const family = families.find((f) => f.section === section);
  if (family && section?.dataset.folded === 'true') setFolded(family, false);
  if (target && target.hidden) {
    search.value = '';
    applySearch();
    saveView();
  }
  target?.scrollIntoView();
}

/** Plots again every chart in view (all of them for a new range or colour scheme). */
async function replot(all: boolean): Promise<void> {
  const items = all ? families.flatMap((f) => f.entries).filter((item) => plotted.has(item.entry.name)) : [...inView].filter((item) => plotted.has(item.entry.name));
  await Promise.all([...items.map((item) => item.plot()), replotExplore()]);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (!value) {
    say(tokenStatus, 'The token field is empty: paste a token first.', 'error');
    return;
  }
  token.set(value);
  tokenInput.value = '';
  void loadCatalog();
});

byId<HTMLButtonElement>('forget').addEventListener('click', () => {
  token.clear();
  void loadCatalog();
});

search.addEventListener('input', () => {
  applySearch();
  saveView();
});

windowSelect.addEventListener('change', () => {
  if (windowSelect.value === 'custom') {
    customForm.hidden = false;
    rangeFrom.focus();
    return;
  }
  range = rangeFromParam(windowSelect.value)!;
  customForm.hidden = true;
  say(rangeStatus, '');
  saveView();
  void replot(true);
});

customForm.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    range = rangeFromInputs(rangeFrom.value, rangeTo.value);
  } catch (error) {
    say(rangeStatus, `Range not applied: ${(error as Error).message}.`, 'error');
    return;
  }
  say(rangeStatus, '');
  showRange();
  saveView();
  void replot(true);
});

refreshSelect.addEventListener('change', () => {
  setRefreshInterval(Number(refreshSelect.value));
  saveView();
});

// "/" jumps to the search box, as on most sites with one, unless the operator is typing.
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.closest('input, textarea, select, [contenteditable]')) return;
  if (search.disabled) return;
  event.preventDefault();
  search.focus();
});

addEventListener('hashchange', revealHash);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void replot(true));
onAlerts(showAlerts);
onRefresh(refreshHealth);
onRefresh(refreshAlerts);
// A fixed range does not move, so only a range relative to now is drawn again.
onRefresh(() => (range.kind === 'relative' ? replot(false) : Promise.resolve()));

search.value = view.search;
showRange();
setupExplore(
  {
    range: () => range,
    changed: (expr, run) => {
      explored = { expr, run };
      saveView();
    },
  },
  view.expr,
  view.run,
);
const interval = [...refreshSelect.options].find((o) => o.value === view.refresh)?.value ?? '5';
refreshSelect.value = interval;
setRefreshInterval(Number(interval));
if (Number(interval) === 0) void refreshNow();
void loadCatalog();
