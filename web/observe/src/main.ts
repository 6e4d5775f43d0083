/**
 * The observe tab: health cards that need no token, and, once a token is pasted, the catalog by
 * family with search, plots and alert checks. Everything goes to the page's own origin.
 */
import 'uplot/dist/uPlot.min.css';
import '../observe.css';
import { ApiError, readCatalog, token } from './api.ts';
import { filterCatalog, renderCatalog, type RenderedFamily } from './catalog.ts';
import { byId } from './dom.ts';
import { watchHealth } from './health.ts';

const form = byId<HTMLFormElement>('token-form');
const tokenInput = byId<HTMLInputElement>('token');
const tokenStatus = byId<HTMLParagraphElement>('token-status');
const search = byId<HTMLInputElement>('search');
const windowSelect = byId<HTMLSelectElement>('window');
const catalogStatus = byId<HTMLParagraphElement>('catalog-status');
const familiesEl = byId<HTMLDivElement>('families');
const indexEl = byId<HTMLElement>('family-index');

let families: RenderedFamily[] = [];
let total = 0;

const windowSeconds = () => Number(windowSelect.value);

function say(el: HTMLElement, text: string, tone: 'info' | 'error' = 'info'): void {
  el.textContent = text;
  el.dataset.tone = tone;
}

function clearCatalog(): void {
  families = [];
  familiesEl.replaceChildren();
  indexEl.replaceChildren();
  search.disabled = true;
}

async function loadCatalog(): Promise<void> {
  if (!token.get()) {
    clearCatalog();
    say(tokenStatus, 'No token yet.');
    say(catalogStatus, 'Paste an API token above to load the catalog.');
    return;
  }
  say(catalogStatus, 'Loading the catalog…');
  performance.mark('observe:catalog-requested');
  try {
    const catalog = await readCatalog();
    performance.mark('observe:catalog-received');
    families = renderCatalog(catalog, familiesEl, indexEl, windowSeconds);
    total = catalog.entries.length;
    performance.mark('observe:catalog-rendered');
    performance.measure('observe:catalog-render', 'observe:catalog-received', 'observe:catalog-rendered');
    // The next frame after the DOM is built is when the operator sees it.
    requestAnimationFrame(() => setTimeout(() => performance.mark('observe:catalog-painted')));
    search.disabled = false;
    say(tokenStatus, 'Token accepted.');
    say(catalogStatus, `${total} metrics in ${families.length} families, catalog version ${catalog.version}.`);
    applySearch();
    for (const family of families) for (const item of family.entries) void item.checkAlert?.();
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
  }
}

function applySearch(): void {
  const shown = filterCatalog(families, search.value);
  const query = search.value.trim();
  if (query) say(catalogStatus, shown === 0 ? `No metric matches “${query}”.` : `${shown} of ${total} metrics match “${query}”.`);
  else if (families.length > 0) say(catalogStatus, `${total} metrics in ${families.length} families.`);
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

search.addEventListener('input', applySearch);

// "/" jumps to the search box, as on most sites with one, unless the operator is typing.
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.closest('input, textarea, select, [contenteditable]')) return;
  if (search.disabled) return;
  event.preventDefault();
  search.focus();
});

/** Plots again every chart on the page: for a new window, or in the other colour scheme's ink. */
function replotOpen(): void {
  for (const figure of familiesEl.querySelectorAll<HTMLElement>('figure.plot:not([hidden])')) {
    figure.closest('article')?.querySelector<HTMLButtonElement>('.plot-button')?.click();
  }
}

windowSelect.addEventListener('change', replotOpen);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', replotOpen);

watchHealth();
void loadCatalog();
