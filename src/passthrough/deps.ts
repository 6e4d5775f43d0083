/** What every step of the passthrough pipeline needs, fixed per operation when its handler is built. */
import type { LayerUpstreamPartialResponsesTotalLabels, MetricHandles } from '../generated/metrics.ts';
import type { OperationId } from '../generated/routes.ts';
import type { MetricBatch } from '../metrics/batch.ts';
import type { InFlightAnswers } from '../proxy/coalesce.ts';
import type { Endpoint } from '../proxy/endpoints.ts';
import type { Limiter, LimitRefusal } from '../proxy/limiter.ts';
import type { MatchLimits } from '../proxy/match-limits.ts';
import type { PartialAnswers } from '../proxy/partial-answer.ts';
import type { Quarantine } from '../proxy/quarantine.ts';
import type { QueryRefusalReason } from '../proxy/query-guard.ts';
import type { QueryLengthLimit, RawParamsBound, SelectorLimitError } from '../proxy/query-length.ts';
import type { AnswerLimits } from '../proxy/shared-answer.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { RequestValidator } from '../validation.ts';
import type { UpstreamInFlight, UpstreamMetrics } from './upstream-metrics.ts';

/** The route label of the passthrough's metrics. */
export type PassthroughRoute = LayerUpstreamPartialResponsesTotalLabels['route'];

/** What the passthrough needs. */
export interface QueryHandlerDeps {
  upstream: Upstream;
  /** LAYER_PROXY_MAX_CONCURRENT slots (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN per token), shared by every passthrough route, taken (or waited for, LAYER_PROXY_QUEUE_TIMEOUT_MS) once the request is read. */
  limiter: Limiter;
  /** Slots for request bodies being received (per token too), so slow uploads cannot hold many bodies in memory. */
  bodyReaders: Limiter;
  /** LAYER_PROXY_BODY_TIMEOUT_MS. */
  bodyTimeoutMs: number;
  /** LAYER_PROXY_STALL_TIMEOUT_MS. */
  stallTimeoutMs: number;
  metrics: MetricHandles;
  /** Where per-request metric updates queue (see src/metrics/batch.ts). */
  batch: MetricBatch;
  /** The count behind layer_upstream_in_flight_requests, shared by every route that calls the backend. */
  upstreamInFlight: UpstreamInFlight;
  validate: RequestValidator;
  /** LAYER_PROXY_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** The backend's longest query (LAYER_VM_MAX_QUERY_LEN, or the bundled vmsingle's). */
  queryLength: QueryLengthLimit;
  /** LAYER_PROXY_MAX_MATCHERS and LAYER_PROXY_MAX_MATCHER_BYTES. */
  matchLimits: MatchLimits;
  /** Strings that identify the backend (its host, host:port); scrubbed from its JSON error texts outside the client's own text. */
  redact: () => readonly string[];
  /** Queries refused since the bundled backend crashed; absent with an external backend. (default: none) */
  quarantine?: Quarantine;
  /** LAYER_PROXY_BUFFER_BYTES per answer, LAYER_PROXY_BUFFER_TOTAL_BYTES across answers, and the most readers of one shared answer. */
  buffer: AnswerLimits;
  /** Answers in flight that identical requests join. */
  inFlight: InFlightAnswers;
  /** Watches successful answers for the backend's partial mark. (default: none) */
  partialAnswers?: PartialAnswers<PassthroughRoute>;
}

/** Every reason a passthrough request is refused before it reaches the backend. */
export type Rejection = 'bad_request' | 'body_too_large' | 'body_timeout' | SelectorLimitError['reason'] | LimitRefusal | QueryRefusalReason;

/** One passthrough operation: its dependencies and what is derived from them once. */
export interface Passthrough {
  deps: QueryHandlerDeps;
  endpoint: Endpoint;
  operationId: OperationId;
  route: PassthroughRoute;
  /** The longest raw query string and body a valid request can have. */
  rawBound: RawParamsBound;
  /** LAYER_PROXY_BUFFER_BYTES and the rest, with a linger for query_range answers. */
  answerLimits: AnswerLimits;
  /** The one place the upstream metrics are recorded. */
  upstreamMetrics: UpstreamMetrics;
  /** Counts a refusal in layer_proxy_rejections_total. */
  reject: (reason: Rejection) => void;
}

