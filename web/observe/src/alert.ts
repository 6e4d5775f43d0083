/**
 * An entry's alert block: its condition, and its state as the alerts API reports it (firing,
 * pending or inactive), with since when, the value and when it was read.
 */
import type { CatalogEntry } from './api.ts';
import { age, type AlertReading } from './alerts.ts';
import { h } from './dom.ts';
import { clock, formatNumber, moment } from './format.ts';
import { catalogText, promqlCode } from './text.ts';

/** The alert block of an entry, and how to show a new reading in it. */
export function alertBlock(entry: CatalogEntry): { block: HTMLElement; show: (reading: AlertReading | undefined) => void } {
  const alert = entry.alert!;
  const state = h('p', { class: 'alert-state', 'data-state': 'unknown', 'aria-live': 'polite', text: 'State not read yet' });
  const facts = [alert.severity && `severity ${alert.severity}`, alert.for && `for ${alert.for}`].filter(Boolean).join(' · ');
  const block = h(
    'aside',
    { class: 'alert', 'aria-label': `Alert ${alert.name}` },
    h('p', { class: 'alert-title' }, h('strong', { text: `Alert ${alert.name}` }), facts ? ` · ${facts}` : ''),
    alert.summary ? h('p', {}, ...catalogText(alert.summary)) : null,
    h('pre', { class: 'promql' }, promqlCode(alert.condition)),
    state,
  );
  const show = (reading: AlertReading | undefined) => {
    if (!reading) {
      state.dataset.state = 'unknown';
      state.textContent = 'State not read yet';
      return;
    }
    const read = `read ${clock(reading.readAt)}`;
    if (reading.error) {
      state.dataset.state = 'error';
      state.textContent = `State unknown: the alerts could not be read ${reading.error}; ${read}`;
      return;
    }
    const active = reading.alerts.filter((a) => a.labels.alertname === alert.name);
    const firing = active.filter((a) => a.state === 'firing');
    const now = firing.length > 0 ? firing : active;
    const first = now[0];
    if (!first) {
      state.dataset.state = 'inactive';
      state.textContent = `Inactive: neither firing nor pending; ${read}`;
      return;
    }
    const starts = now.flatMap((a) => (a.activeAt === undefined ? [] : [Date.parse(a.activeAt)]));
    const since = starts.length > 0 ? new Date(Math.min(...starts)) : undefined;
    const values = now.map((a) => (a.value === undefined ? '—' : formatNumber(Number(a.value)))).join(', ');
    const word = first.state === 'firing' ? 'Firing' : `Pending (fires once it holds for ${alert.for ?? '0m'})`;
    const series = now.length > 1 ? ` for ${now.length} series` : '';
    state.dataset.state = first.state;
    const sinceText = since ? ` since ${moment(since)} (${age(since)})` : '';
    state.textContent = `${word}${series}${sinceText}, value ${values}; ${read}`;
  };
  return { block, show };
}
