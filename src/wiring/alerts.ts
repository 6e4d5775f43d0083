/**
 * Runs the catalog's alert evaluation: the bundled vmalert on the catalog's rules (against the
 * bundled vmsingle, or LAYER_VM_URL with LAYER_ALERT_WRITE_URL), notifying LAYER_ALERTMANAGER_URL
 * or the gateway's own loopback receiver; or nothing of its own with LAYER_RULES_URL. Either way
 * /health's alert counts are read from the rule engine in the background. Runs after the backend
 * step, so that vmalert's first evaluation finds the backend up; registered after it, so vmalert
 * stops (and flushes its last state) before vmsingle does.
 */
import { pollAlertCounts } from '../alerts/alert-counts.ts';
import { startNotificationReceiver } from '../alerts/notification-receiver.ts';
import { alertRuleGroups } from '../alerts/rule-groups.ts';
import type { RulesAccess } from '../alerts/rules-access.ts';
import { createVmalert, type VmalertTargets } from '../alerts/vmalert.ts';
import type { Config } from '../config.ts';
import { servedCatalog } from '../generated/catalog.ts';
import type { Logger } from '../logger.ts';
import type { BackendAccess } from './backend-access.ts';
import type { Observability } from './observability.ts';
import type { Cleanups } from './shutdown.ts';

/** What the alerts step needs. */
export interface AlertsDeps {
  config: Config;
  logger: Logger;
  observability: Observability;
  access: BackendAccess;
  rules: RulesAccess;
  cleanups: Cleanups;
  /** The gateway's URL, named as the source of the alerts vmalert sends. */
  url: string;
}

/** The bundled vmalert's rules file: the catalog's alerting rules (JSON, which YAML readers accept). */
export function renderVmalertRules(): string {
  return `${JSON.stringify({ groups: alertRuleGroups(servedCatalog.entries) }, null, 2)}\n`;
}

/** Where the notifications go: LAYER_ALERTMANAGER_URL, or a receiver of the gateway's own. */
async function startNotifier(deps: AlertsDeps): Promise<{ url: string; authorization?: string }> {
  if (deps.config.alertmanagerUrl !== undefined) return { url: deps.config.alertmanagerUrl };
  const receiver = await startNotificationReceiver(deps.logger);
  deps.cleanups.push(() => receiver.close());
  return { url: receiver.url, authorization: receiver.authorization };
}

/** Starts the bundled vmalert (if this gateway runs one) and the alert counts; resolves once vmalert answers. */
export async function startAlerts(deps: AlertsDeps): Promise<void> {
  const { config, logger, observability, access, rules, cleanups } = deps;
  const source = rules.kind;
  observability.health.setAlerts({ firing: 0, pending: 0, source });
  if (source === 'none') {
    logger.warn({}, 'no alert evaluation: LAYER_VM_URL is set without LAYER_ALERT_WRITE_URL or LAYER_RULES_URL');
    return;
  }
  if (source === 'bundled') {
    const notifier = await startNotifier(deps);
    const targets = (): VmalertTargets => {
      const backendUrl = config.vmUrl ?? access.bundled.vmsingle!.url;
      return {
        backendUrl,
        writeUrl: config.alertWriteUrl ?? backendUrl,
        notifierUrl: notifier.url,
        evalIntervalMs: config.alertEvalIntervalMs,
        externalUrl: deps.url,
        auth: { backend: access.authorization(), write: access.authorization(), notifier: notifier.authorization },
      };
    };
    const vmalert = createVmalert({ binary: config.vmalertBinary, dataDir: config.dataDir, rules: renderVmalertRules(), targets, logger });
    rules.bundled.vmalert = vmalert;
    cleanups.push(() => vmalert.stop());
    await vmalert.start();
    const follow = setInterval(() => void vmalert.followTargets().catch((err: unknown) => logger.error({ err }, 'vmalert restart failed')), Math.max(1000, config.alertEvalIntervalMs));
    follow.unref();
    cleanups.push(() => clearInterval(follow));
    logger.info({ evaluationInterval: config.alertEvalInterval, notifier: config.alertmanagerUrl === undefined ? 'gateway' : 'alertmanager' }, 'alert evaluation running');
  }
  const poll = pollAlertCounts({
    rules,
    intervalMs: config.alertEvalIntervalMs,
    logger,
    onCounts: (counts) => observability.health.setAlerts({ ...counts, source }),
  });
  cleanups.push(() => poll.stop());
}
