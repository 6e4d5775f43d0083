/**
 * The at-a-glance state: an overall line that stays at the top of the window, and cards for the
 * backend, the NVMe cache, each namespace and uptime, from GET /health and the alerts. Every
 * state is a word; colour only repeats it.
 */
import { readHealth, type Health } from './api.ts';
import { alertReading, type AlertReading } from './alerts.ts';
import { byId, h } from './dom.ts';
import { clock, formatDuration } from './format.ts';
import { refreshInterval } from './live.ts';

/** How a state reads: good, a warning, bad, or not applicable. */
type Tone = 'good' | 'warn' | 'bad' | 'neutral';

const TONES: Record<string, Tone> = {
  ok: 'good',
  up: 'good',
  connected: 'good',
  warm: 'good',
  starting: 'warn',
  connecting: 'warn',
  warming: 'warn',
  pending: 'warn',
  disabled: 'neutral',
  degraded: 'bad',
  alerting: 'bad',
  down: 'bad',
  disconnected: 'bad',
  cold: 'bad',
  unreachable: 'bad',
};

const MARKS: Record<Tone, string> = { good: '✓', warn: '…', bad: '✕', neutral: '–' };

/** The overall state: a word and the reasons behind it. */
export interface Overall {
  state: string;
  detail: string;
}

const plural = (n: number) => (n === 1 ? 'alert' : 'alerts');

/** Names of the alerts in `state`, each once. */
function names(reading: AlertReading, state: 'firing' | 'pending'): string[] {
  return [...new Set(reading.alerts.filter((a) => a.state === state).map((a) => a.labels.alertname ?? '(unnamed)'))];
}

/**
 * The overall state of a /health answer and the alerts: degraded when a dependency is, alerting
 * when one is fine but an alert fires, pending when one is about to; ok says only what is known.
 */
export function overallState(health: Health, reading: AlertReading | undefined): Overall {
  let firing: string[] | number | undefined;
  let pending: string[] | number | undefined;
  if (reading && !reading.error) {
    firing = names(reading, 'firing');
    pending = names(reading, 'pending');
  } else if (health.alerts) {
    firing = health.alerts.firing;
    pending = health.alerts.pending;
  }
  const count = (x: string[] | number) => (typeof x === 'number' ? x : x.length);
  const list = (x: string[] | number) => (typeof x === 'number' ? '' : `: ${x.join(', ')}`);
  const alerts: string[] = [];
  if (firing !== undefined && count(firing) > 0) alerts.push(`${count(firing)} ${plural(count(firing))} firing${list(firing)}`);
  if (pending !== undefined && count(pending) > 0) alerts.push(`${count(pending)} ${plural(count(pending))} pending${list(pending)}`);
  if (health.status !== 'ok') return { state: 'degraded', detail: [(health.reasons ?? []).join('; ') || 'degraded', ...alerts].join('; ') };
  if (firing !== undefined && count(firing) > 0) return { state: 'alerting', detail: ['dependencies ok', ...alerts].join('; ') };
  if (pending !== undefined && count(pending) > 0) return { state: 'pending', detail: ['dependencies ok', ...alerts].join('; ') };
  const known = firing === undefined ? 'alert states need a token' : 'no alert firing or pending';
  return { state: 'ok', detail: `every dependency is ok; ${known}` };
}

function card(title: string, state: string, detail: string, extra: Record<string, string> = {}): HTMLLIElement {
  const tone = TONES[state] ?? 'neutral';
  const mark = extra['data-card'] === 'uptime' ? '' : MARKS[tone];
  return h(
    'li',
    { class: 'card', 'data-tone': tone, ...extra },
    h('h3', { text: title }),
    h('p', { class: 'state' }, mark && h('span', { class: 'mark', 'aria-hidden': 'true', text: mark }), h('span', { class: 'word', text: state })),
    h('p', { class: 'detail', text: detail }),
  );
}

/** The cards for one /health answer and the alerts. */
export function healthCards(health: Health, reading: AlertReading | undefined): HTMLLIElement[] {
  const overall = overallState(health, reading);
  const cards = [card('Gateway', overall.state, overall.detail, { 'data-card': 'overall' })];
  if (health.backend) {
    const mode = health.backend.mode === 'bundled' ? 'bundled vmsingle' : 'external VictoriaMetrics';
    cards.push(card('Metrics backend', health.backend.state, mode, { 'data-card': 'backend' }));
  }
  const connection = health.cache.connection ? `connection: ${health.cache.connection}; ` : '';
  const cacheDetail =
    health.cache.state === 'disabled'
      ? 'not configured, or not reported yet by the embedding process'
      : `${connection}reconnect generation ${health.cache.reconnect_generation}`;
  cards.push(card('NVMe cache', health.cache.state, cacheDetail, { 'data-card': 'cache' }));
  for (const ns of health.namespaces) cards.push(card(`Namespace ${ns.namespace}`, ns.state, 'cache namespace', { 'data-card': 'namespace', 'data-namespace': ns.namespace }));
  if (health.uptime_seconds !== undefined) {
    const checked = health.checked_at ? `state last changed ${clock(new Date(health.checked_at))}` : '';
    cards.push(card('Uptime', formatDuration(health.uptime_seconds), checked, { 'data-card': 'uptime' }));
  }
  return cards;
}

/** Writes the overall line at the top of the window. */
function showOverall({ state, detail }: Overall): void {
  const line = byId<HTMLParagraphElement>('overall');
  const tone = TONES[state] ?? 'neutral';
  line.dataset.tone = tone;
  line.dataset.state = state;
  line.replaceChildren(h('span', { class: 'mark', 'aria-hidden': 'true', text: MARKS[tone] }), ' ', h('strong', { class: 'word', text: state }), ' ', h('span', { class: 'detail', text: detail }));
}

let lastHealth: Health | Error | undefined;

/** Draws the cards and the overall line from the last /health answer and the last alert reading. */
export function drawHealth(): void {
  if (lastHealth === undefined) return;
  const list = byId<HTMLUListElement>('cards');
  if (lastHealth instanceof Error) {
    const why = lastHealth instanceof TypeError ? 'no answer from the gateway' : lastHealth.message;
    const every = refreshInterval() > 0 ? `retrying every ${refreshInterval()} s` : 'refresh is paused';
    const overall = { state: 'unreachable', detail: `${why}; ${every}` };
    list.replaceChildren(card('Gateway', overall.state, overall.detail, { 'data-card': 'overall' }));
    showOverall(overall);
    return;
  }
  list.replaceChildren(...healthCards(lastHealth, alertReading()));
  showOverall(overallState(lastHealth, alertReading()));
}

/** Reads /health once and redraws; the refresh loop calls it. */
export async function refreshHealth(): Promise<void> {
  try {
    lastHealth = await readHealth();
  } catch (error) {
    lastHealth = error instanceof Error ? error : new Error(String(error));
  }
  byId<HTMLElement>('refreshed').textContent = `Health read ${clock(new Date())}`;
  drawHealth();
}
