/**
 * GET /v2/metrics/api/v1/rules and /v2/metrics/api/v1/alerts: the rule engine's answers in
 * Prometheus's shape, passed through as they came (status, content type, bytes). The engine is
 * the bundled vmalert or LAYER_RULES_URL (src/alerts/rules-access.ts); its address and
 * credentials never reach the client.
 */
import type { Middleware } from 'koa';
import type { RulesAccess } from '../alerts/rules-access.ts';

// vmalert 1.79 answers an empty list as `"alerts":null`; Prometheus, and the contract, say `[]`.
const EMPTY_VMALERT = Buffer.from('{"status":"success","data":{"alerts":null}}');
const EMPTY_PROMETHEUS = Buffer.from('{"status":"success","data":{"alerts":[]}}');

/** The body with vmalert's empty-list spelling replaced by Prometheus's (pure); any other body as it came. */
export function normalizeEmptyAlerts(body: Buffer): Buffer {
  return body.subarray(0, EMPTY_VMALERT.length).equals(EMPTY_VMALERT) && body.subarray(EMPTY_VMALERT.length).toString().trim() === '' ? EMPTY_PROMETHEUS : body;
}

/** Creates the handler for one rule-engine path; a client that leaves aborts the request. */
function createRulesApiHandler(rules: RulesAccess, path: '/api/v1/rules' | '/api/v1/alerts'): Middleware {
  return async (ctx) => {
    const gone = new AbortController();
    ctx.res.once('close', () => gone.abort());
    const answer = await rules.get(path, ctx.querystring, gone.signal);
    ctx.status = answer.status;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = answer.contentType;
    ctx.body = path === '/api/v1/alerts' ? normalizeEmptyAlerts(answer.body) : answer.body;
  };
}

/** The rules and alerts handlers. */
export function createRulesHandlers(rules: RulesAccess): { getRules: Middleware; getAlerts: Middleware } {
  return {
    getRules: createRulesApiHandler(rules, '/api/v1/rules'),
    getAlerts: createRulesApiHandler(rules, '/api/v1/alerts'),
  };
}
