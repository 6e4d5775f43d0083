/**
 * A synthetic dashboard for `npm run demo`: it reads the catalog over HTTP and runs its example
 * queries through the passthrough, a few at a time, as a dashboard would; and a stray client now
 * and then sends a wrong token and a query without `query`, so the refusal families have data.
 */

/** Options of startDashboard. */
export interface DashboardOptions {
  /** The gateway's URL. */
  url: string;
  /** A valid API token. */
  token: string;
  /** Time between two rounds of queries, in ms. (default: 5000) */
  everyMs?: number;
  /** Queries per round. (default: 4) */
  perRound?: number;
  /** Time between two requests of the stray client, in ms. (default: 30000) */
  strayEveryMs?: number;
  /** Told of a request that failed to reach the gateway. (default: none) */
  onError?(error: Error): void;
}

/** A running dashboard. */
export interface Dashboard {
  stop(): void;
}

const STRAY_TOKEN = 'revoked-token-0000000000000000';

/** Starts polling; the first round runs at once. */
export function startDashboard(options: DashboardOptions): Dashboard {
  const { url, token, everyMs = 5000, perRound = 4, strayEveryMs = 30_000 } = options;
  const auth = { authorization: `Bearer ${token}` };
  let queries: string[] = [];
  let next = 0;
  let stopped = false;
  const report = (error: unknown) => {
    if (!stopped) options.onError?.(error as Error);
  };

  async function round(): Promise<void> {
    if (queries.length === 0) {
      const res = await fetch(`${url}/v2/metrics/catalog`, { headers: auth });
      const catalog = (await res.json()) as { entries: { example_promql: string }[] };
      queries = catalog.entries.map((entry) => entry.example_promql);
    }
    for (let i = 0; i < perRound && queries.length > 0; i++) {
      const query = queries[next++ % queries.length]!;
      await (await fetch(`${url}/v2/metrics/query?query=${encodeURIComponent(query)}`, { headers: auth })).arrayBuffer();
    }
  }
  async function stray(): Promise<void> {
    await (await fetch(`${url}/v2/metrics/query?query=up`, { headers: { authorization: `Bearer ${STRAY_TOKEN}` } })).arrayBuffer();
    await (await fetch(`${url}/v2/metrics/query?time=0`, { headers: auth })).arrayBuffer();
  }

  void round().catch(report);
  void stray().catch(report);
  const rounds = setInterval(() => void round().catch(report), everyMs);
  const strays = setInterval(() => void stray().catch(report), strayEveryMs);
  return {
    stop() {
      stopped = true;
      clearInterval(rounds);
      clearInterval(strays);
    },
  };
}
