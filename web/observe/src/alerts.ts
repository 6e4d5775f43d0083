/**
 * The alerts firing or pending now, from GET /v2/metrics/api/v1/alerts: read on every refresh,
 * listed in the overview beside health (severity, since when, value, a link to the entry) and
 * handed to each entry's alert block.
 */
import { ApiError, readAlerts, token, type ActiveAlert } from './api.ts';
import { byId, h } from './dom.ts';
import { formatDuration, formatNumber, moment, clock } from './format.ts';

/** One reading of the alerts: what was active, or why it could not be read, and when. */
export interface AlertReading {
  alerts: ActiveAlert[];
  readAt: Date;
  error?: string;
}

let latest: AlertReading | undefined;
const listeners: ((reading: AlertReading | undefined) => void)[] = [];
/** Alert name → the catalog entry that declares it, for the overview's links. */
let entryOf = new Map<string, string>();

/** The last reading; undefined without a token. */
export function alertReading(): AlertReading | undefined {
  return latest;
}

/** Calls `listener` with every new reading. */
export function onAlerts(listener: (reading: AlertReading | undefined) => void): void {
  listeners.push(listener);
}

/** Tells the overview which entry declares each alert. */
export function linkAlerts(map: Map<string, string>): void {
  entryOf = map;
  render(latest);
}

/** Reads the alerts now (when a token is set) and tells every listener. */
export async function refreshAlerts(): Promise<void> {
  if (!token.get()) latest = undefined;
  else {
    try {
      latest = { alerts: await readAlerts(), readAt: new Date() };
    } catch (error) {
      const why = error instanceof ApiError ? `(${error.status}) ${error.message}` : 'no answer from the gateway';
      latest = { alerts: [], readAt: new Date(), error: why };
    }
  }
  render(latest);
  for (const listener of listeners) listener(latest);
}

const ORDER = { firing: 0, pending: 1 } as const;

/** How long ago `since` was, in words. */
export function age(since: Date, now: Date = new Date()): string {
  return formatDuration(Math.max(0, (now.getTime() - since.getTime()) / 1000));
}

function row(alert: ActiveAlert): HTMLTableRowElement {
  const name = alert.labels.alertname ?? '(unnamed)';
  const entry = entryOf.get(name);
  // Prometheus and vmalert always send activeAt and value; the contract leaves them optional.
  const since = alert.activeAt === undefined ? undefined : new Date(alert.activeAt);
  return h(
    'tr',
    { 'data-alert': name, 'data-state': alert.state },
    h('th', { scope: 'row' }, entry ? h('a', { href: `#metric-${entry}`, text: name }) : name),
    h('td', { class: 'alert-state', 'data-state': alert.state, text: alert.state }),
    h('td', { text: alert.labels.severity ?? '—' }),
    since ? h('td', {}, h('time', { datetime: alert.activeAt, text: moment(since) }), ` (${age(since)})`) : h('td', { text: '—' }),
    h('td', { text: alert.value === undefined ? '—' : formatNumber(Number(alert.value)) }),
  );
}

function render(reading: AlertReading | undefined): void {
  const status = byId<HTMLParagraphElement>('alerts-status');
  const table = byId<HTMLTableElement>('alerts-table');
  const rows = byId<HTMLTableSectionElement>('alerts-rows');
  if (!reading) {
    table.hidden = true;
    status.dataset.tone = 'info';
    status.textContent = 'Paste an API token below to list firing and pending alerts.';
    return;
  }
  const read = `read ${clock(reading.readAt)}`;
  if (reading.error) {
    table.hidden = true;
    status.dataset.tone = 'error';
    status.textContent = `Could not read the alerts ${reading.error}; ${read}.`;
    return;
  }
  const alerts = [...reading.alerts].sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.activeAt ?? '').localeCompare(b.activeAt ?? ''));
  const firing = alerts.filter((a) => a.state === 'firing').length;
  status.dataset.tone = firing > 0 ? 'error' : 'info';
  status.textContent = alerts.length === 0 ? `No alert is firing or pending; ${read}.` : `${firing} firing, ${alerts.length - firing} pending; ${read}.`;
  rows.replaceChildren(...alerts.map(row));
  table.hidden = alerts.length === 0;
}
