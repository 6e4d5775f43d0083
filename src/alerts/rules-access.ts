/**
 * Where the gateway reads rules and alerts (Prometheus's /api/v1/rules and /api/v1/alerts): the
 * bundled vmalert, the operator's own rule engine at LAYER_RULES_URL, or none. Built before the
 * app, like the backend access; the bundled vmalert is set once the alerts step has created it.
 */
import type { Config } from '../config.ts';
import { NoRuleEngineError, RuleEngineUnavailableError } from '../errors.ts';
import { redactJsonError } from '../proxy/wrap-error.ts';
import type { Vmalert } from './vmalert.ts';

/** Which rule engine answers: `bundled` (the gateway's vmalert), `external` (LAYER_RULES_URL) or `none`. */
export type RulesSourceKind = 'bundled' | 'external' | 'none';

/** The rule engine as the request path sees it. */
export interface RulesAccess {
  readonly kind: RulesSourceKind;
  /** The supervised vmalert, set by the alerts step in bundled mode. */
  readonly bundled: { vmalert?: Vmalert };
  /** GETs `path` (with `rawQuery`) from the rule engine; throws NoRuleEngineError or RuleEngineUnavailableError. */
  get(path: '/api/v1/rules' | '/api/v1/alerts', rawQuery: string, signal?: AbortSignal): Promise<{ status: number; contentType: string; body: Buffer }>;
}

/** Which engine the config asks for (pure). */
export function rulesSourceKind(config: Pick<Config, 'vmUrl' | 'alertWriteUrl' | 'rulesUrl'>): RulesSourceKind {
  if (config.rulesUrl !== undefined) return 'external';
  if (config.vmUrl === undefined || config.alertWriteUrl !== undefined) return 'bundled';
  return 'none';
}

/** Every spelling of `url`'s address a body may carry: origin, host, host name, `:port`. */
function addressForms(url: string): string[] {
  const parsed = new URL(url);
  return [parsed.origin, parsed.host, parsed.hostname, ...(parsed.port ? [`:${parsed.port}`] : [])];
}

/**
 * Builds the access; LAYER_VM_TIMEOUT_MS bounds each request. `backendSecrets` names what no answer
 * may show of the metrics backend: a rule's lastError quotes the URL vmalert failed to query.
 */
export function createRulesAccess(config: Pick<Config, 'vmUrl' | 'alertWriteUrl' | 'rulesUrl' | 'vmTimeoutMs'>, backendSecrets: () => string[] = () => []): RulesAccess {
  const kind = rulesSourceKind(config);
  const bundled: { vmalert?: Vmalert } = {};
  const target = (): { url: string; authorization?: string } => {
    if (kind === 'external') return { url: config.rulesUrl! };
    if (kind === 'bundled' && bundled.vmalert?.pid !== undefined) return { url: bundled.vmalert.url, authorization: bundled.vmalert.authorization };
    if (kind === 'bundled') throw new RuleEngineUnavailableError();
    throw new NoRuleEngineError();
  };
  return {
    kind,
    bundled,
    async get(path, rawQuery, signal) {
      const { url, authorization } = target();
      const timeout = AbortSignal.timeout(config.vmTimeoutMs);
      try {
        const res = await fetch(`${url}${path}${rawQuery === '' ? '' : `?${rawQuery}`}`, {
          headers: { accept: 'application/json', ...(authorization === undefined ? {} : { authorization }) },
          signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
        });
        const body = Buffer.from(await res.arrayBuffer());
        const secrets = [...backendSecrets(), ...addressForms(url), ...(config.alertWriteUrl === undefined ? [] : addressForms(config.alertWriteUrl))];
        const text = body.toString('utf8');
        const redacted = redactJsonError(text, secrets, []);
        return {
          status: res.status,
          contentType: res.headers.get('content-type') ?? 'application/json',
          body: redacted === undefined || redacted === text ? body : Buffer.from(redacted),
        };
      } catch (error) {
        throw new RuleEngineUnavailableError({ cause: error });
      }
    },
  };
}
