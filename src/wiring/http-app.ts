/**
 * The Koa app: every operation's handler, the token check and request validation. It is built
 * before the server listens and never listens itself.
 */
import type Koa from 'koa';
import { createApp } from '../app.ts';
import type { RulesAccess } from '../alerts/rules-access.ts';
import type { TokenStore } from '../auth/token-store.ts';
import type { Config } from '../config.ts';
import { createTokenCheck } from '../edge/token-check.ts';
import { createHandlers } from '../handlers/create-handlers.ts';
import type { Logger } from '../logger.ts';
import { createInFlightAnswers, MAX_SHARED_READERS } from '../proxy/coalesce.ts';
import { createLimiter } from '../proxy/limiter.ts';
import { createPartialAnswers } from '../proxy/partial-answer.ts';
import { queryLengthLimit } from '../proxy/query-length.ts';
import { createBufferBudget } from '../proxy/shared-answer.ts';
import { createRequestValidator } from '../validation.ts';
import type { BackendAccess } from './backend-access.ts';
import type { Observability } from './observability.ts';

/** What the app is built from. */
export interface HttpAppDeps {
  config: Config;
  logger: Logger;
  tokens: TokenStore;
  observability: Observability;
  backend: BackendAccess;
  rules: RulesAccess;
}

/** The handlers over the backend access, and the app around them. */
export async function buildHttpApp(deps: HttpAppDeps): Promise<Koa> {
  const { config, logger, tokens, backend } = deps;
  const { metrics, batch, upstreamInFlight, health, readiness, registry } = deps.observability;
  const { upstream, redact, quarantine } = backend;
  const validate = await createRequestValidator();
  const handlers = createHandlers({
    upstream,
    limiter: createLimiter(config.proxyMaxConcurrent, config.proxyMaxConcurrentPerToken, config.proxyQueueTimeoutMs),
    bodyReaders: createLimiter(config.proxyMaxConcurrent, config.proxyMaxConcurrentPerToken),
    bodyTimeoutMs: config.proxyBodyTimeoutMs,
    stallTimeoutMs: config.proxyStallTimeoutMs,
    buffer: { answerBytes: config.proxyBufferBytes, budget: createBufferBudget(config.proxyBufferTotalBytes), maxReaders: MAX_SHARED_READERS },
    inFlight: createInFlightAnswers(),
    metrics,
    batch,
    upstreamInFlight,
    validate,
    maxBodyBytes: config.proxyMaxBodyBytes,
    queryLength: queryLengthLimit(config.vmUrl !== undefined, config.vmMaxQueryLen),
    matchLimits: { maxMatchers: config.proxyMaxMatchers, maxMatcherBytes: config.proxyMaxMatcherBytes },
    redact,
    health,
    readiness,
    registry,
    rules: deps.rules,
    ...(quarantine ? { quarantine } : {}),
    partialAnswers: createPartialAnswers((route) => {
      metrics.layer_upstream_partial_responses_total.inc({ route });
      health.recordPartial();
    }),
  });
  return createApp({
    logger,
    metrics,
    batch,
    handlers,
    authenticate: createTokenCheck(tokens, (reason) => metrics.layer_auth_failures_total.inc({ reason })),
    metricsAuth: config.metricsAuth,
    validate,
  });
}
