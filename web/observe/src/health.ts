/**
 * The at-a-glance cards: overall status with its reasons, backend, NVMe cache, each namespace and
 * uptime, from GET /health. Every state is a word on the card; colour only repeats it.
 */
import { readHealth, type Health } from './api.ts';
import { byId, h } from './dom.ts';
import { clock, formatDuration } from './format.ts';

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
  disabled: 'neutral',
  degraded: 'bad',
  down: 'bad',
  disconnected: 'bad',
  cold: 'bad',
  unreachable: 'bad',
};

const MARKS: Record<Tone, string> = { good: '✓', warn: '…', bad: '✕', neutral: '–' };

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

/** The cards for one /health answer. */
export function healthCards(health: Health): HTMLLIElement[] {
  const reasons = health.reasons ?? [];
  const cards = [
    card('Gateway', health.status, health.status === 'ok' ? 'every dependency is ok' : reasons.join('; ') || 'degraded', { 'data-card': 'overall' }),
  ];
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

/** Reads /health now and every `intervalMs`, redrawing the cards and the "last refreshed" line. */
export function watchHealth(intervalMs = 5000): void {
  const list = byId<HTMLUListElement>('cards');
  const refreshed = byId<HTMLParagraphElement>('refreshed');
  const tick = async () => {
    let cards: HTMLLIElement[];
    try {
      cards = healthCards(await readHealth());
    } catch (error) {
      const why = error instanceof TypeError ? 'no answer from the gateway' : String((error as Error).message);
      cards = [card('Gateway', 'unreachable', `${why}; retrying every ${intervalMs / 1000} s`, { 'data-card': 'overall' })];
    }
    list.replaceChildren(...cards);
    refreshed.textContent = `Health refreshed ${clock(new Date())}`;
    setTimeout(tick, intervalMs);
  };
  void tick();
}
