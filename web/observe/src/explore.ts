/**
 * Explore: any PromQL, run as an instant query (a table) or over the plot range (a plot). The
 * box is a plain text area until it is first focused; then the editor with completion is loaded
 * as its own chunk (explore-editor.ts), so the first page stays small.
 */
import { ApiError, queryInstantAnswer, type QueryAnswer } from './api.ts';
import { byId, h } from './dom.ts';
import { clock, formatNumber } from './format.ts';
import { plotQuery, seriesLabel } from './plot.ts';
import type { TimeRange } from './range.ts';

/** How a query was last run: as a table now, or as a plot over the range. */
export type ExploreMode = 'instant' | 'range';

/** What explore asks of the page around it. */
export interface ExploreHooks {
  range: () => TimeRange;
  /** The expression or the way it runs changed (for the address bar). */
  changed: (expr: string, mode: ExploreMode | '') => void;
}

const textarea = byId<HTMLTextAreaElement>('expr');
const editorHost = byId<HTMLDivElement>('expr-editor');
const status = byId<HTMLParagraphElement>('explore-status');
const table = byId<HTMLTableElement>('explore-table');
const figure = byId<HTMLElement>('explore-plot');
let editor: { text(): string; focus(): void } | undefined;
let loading: Promise<void> | undefined;
let mode: ExploreMode | '' = '';
let hooks: ExploreHooks;

// A no-break space (from a paste, or a browser's typing into the editor) is no PromQL whitespace.
const text = () => (editor ? editor.text() : textarea.value).replaceAll('\u00a0', ' ').trim();

function say(message: string, tone: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.dataset.tone = tone;
}

/** Loads the editor chunk and puts the editor where the text area was. */
function loadEditor(): Promise<void> {
  loading ??= import('./explore-editor.ts').then(
    ({ createEditor }) => {
      editor = createEditor(editorHost, textarea.value, () => void run('instant'), () => hooks.changed(text(), mode));
      textarea.hidden = true;
      editorHost.hidden = false;
      editor.focus();
    },
    (error: unknown) => say(`The editor could not be loaded (${String(error)}); the plain box still runs queries.`, 'error'),
  );
  return loading;
}

function answerTable(answer: QueryAnswer): HTMLTableSectionElement[] {
  const data = answer.data;
  const rows: [string, string][] =
    data.resultType === 'vector'
      ? data.result.map((s) => [seriesLabel(s.metric), formatNumber(Number(s.value[1]))])
      : data.resultType === 'scalar'
        ? [['scalar', formatNumber(Number(data.result[1]))]]
        : data.resultType === 'string'
          ? [['string', String(data.result[1])]]
          : data.result.map((s) => [seriesLabel(s.metric), `${s.values.length} samples`]);
  return [
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'series' }), h('th', { scope: 'col', text: 'value' }))),
    h('tbody', {}, ...rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, h('code', { text: label })), h('td', { text: value })))),
  ];
}

/** Runs the expression as `how`. */
export async function run(how: ExploreMode): Promise<void> {
  const query = text();
  if (!query) {
    say('The expression is empty: write PromQL first, for example rate(layer_http_requests_total[5m]).', 'error');
    return;
  }
  mode = how;
  hooks.changed(query, mode);
  if (how === 'range') {
    table.hidden = true;
    say('');
    await plotQuery({ query, unit: { unit: '', perSecond: false } }, figure, hooks.range());
    return;
  }
  figure.hidden = true;
  say('Running…');
  try {
    const answer = await queryInstantAnswer(query);
    table.replaceChildren(...answerTable(answer));
    table.hidden = false;
    const kind = answer.data.resultType;
    const count = kind === 'vector' || kind === 'matrix' ? `${answer.data.result.length} series` : `a ${kind}`;
    say(`${count} (${kind}); read ${clock(new Date())}.`);
  } catch (error) {
    table.hidden = true;
    say(error instanceof ApiError ? `The query failed (${error.status}): ${error.message}` : `The query failed: ${String(error)}`, 'error');
  }
}

/** Wires the explore section; `expr` and `how` come from the address bar. */
export function setupExplore(given: ExploreHooks, expr: string, how: string): void {
  hooks = given;
  textarea.value = expr;
  mode = how === 'instant' || how === 'range' ? how : '';
  textarea.addEventListener('focus', () => void loadEditor(), { once: true });
  textarea.addEventListener('input', () => hooks.changed(text(), mode));
  byId<HTMLFormElement>('explore-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run('instant');
  });
  byId<HTMLButtonElement>('run-range').addEventListener('click', () => void run('range'));
}

/** Enables explore once a token is in use (and runs the address bar's query); disables it without one. */
export function enableExplore(on: boolean): void {
  textarea.disabled = !on;
  textarea.placeholder = on ? 'rate(layer_http_requests_total[5m]) — click to get completion' : 'paste a token above first';
  for (const button of document.querySelectorAll<HTMLButtonElement>('#explore-form button')) button.disabled = !on;
  if (on && mode && text()) void run(mode);
}

/** Draws the plot again (a new range, or a refresh) when it is shown. */
export function replotExplore(): Promise<void> {
  return mode === 'range' && !figure.hidden && text() ? run('range') : Promise.resolve();
}
