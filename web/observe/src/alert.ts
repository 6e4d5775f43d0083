/**
 * An entry's alert and whether its condition holds now: the condition as an instant query through
 * the passthrough. This is not the alert's firing state: `for` is not evaluated here.
 */
import { ApiError, queryInstant, type CatalogEntry } from './api.ts';
import { h } from './dom.ts';

/** The outcome of one check. */
export type AlertState = 'condition true' | 'ok' | 'no data' | 'error';

/** The series an entry's samples are stored under: a histogram's are _bucket, _sum and _count. */
export function seriesSelector(entry: CatalogEntry): string {
  const suffixes = entry.kind === 'histogram' ? '(_bucket|_sum|_count)' : '';
  return `count({__name__=~"${entry.name}${suffixes}"})`;
}

/** Runs the condition; when it returns nothing, whether the metric has any series at all. */
export async function checkAlert(entry: CatalogEntry): Promise<{ state: AlertState; detail: string }> {
  const alert = entry.alert!;
  try {
    const firing = await queryInstant(alert.condition);
    if (firing.length > 0) return { state: 'condition true', detail: `the condition returns ${firing.length} series now` };
    const present = await queryInstant(seriesSelector(entry));
    if (present.length === 0) return { state: 'no data', detail: `${entry.name} has no series yet, so the condition cannot hold` };
    return { state: 'ok', detail: 'the condition returns no series now' };
  } catch (error) {
    const message = error instanceof ApiError ? `${error.status}: ${error.message}` : String(error);
    return { state: 'error', detail: message };
  }
}

/** The alert block of an entry, with its state line to fill in. */
export function alertBlock(entry: CatalogEntry): { block: HTMLElement; check: () => Promise<void> } {
  const alert = entry.alert!;
  const state = h('p', { class: 'alert-state', 'data-state': 'unchecked', 'aria-live': 'polite', text: 'Condition not checked yet' });
  const again = h('button', { type: 'button', class: 'secondary', text: 'Check again' });
  const facts = [alert.severity && `severity ${alert.severity}`, alert.for && `for ${alert.for}`].filter(Boolean).join(' · ');
  const block = h(
    'aside',
    { class: 'alert', 'aria-label': `Alert ${alert.name}` },
    h('p', { class: 'alert-title' }, h('strong', { text: `Alert ${alert.name}` }), facts ? ` · ${facts}` : ''),
    alert.summary ? h('p', { text: alert.summary }) : null,
    h('pre', { class: 'promql' }, h('code', { text: alert.condition })),
    h('div', { class: 'row' }, state, again),
    h('p', { class: 'hint', text: `Checked now as an instant query. The "for ${alert.for ?? '0m'}" duration is not evaluated here, so this is not the alert's firing state.` }),
  );
  const check = async () => {
    state.dataset.state = 'checking';
    state.textContent = 'Checking the condition…';
    const { state: result, detail } = await checkAlert(entry);
    state.dataset.state = result;
    state.textContent = result === 'error' ? `Check failed: ${detail}` : `Now: ${result} — ${detail}`;
  };
  again.addEventListener('click', () => void check());
  return { block, check };
}
