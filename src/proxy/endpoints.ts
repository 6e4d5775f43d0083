/**
 * The backend endpoints the passthrough reaches, and the only upstream paths it ever builds.
 * Each endpoint names a fixed path under the backend's `/api/v1/`; the one with a variable segment
 * (label values) takes it from a label name that has been validated, never from the client's path.
 */

/** Every backend endpoint the gateway requests; also the `endpoint` label of the upstream metrics. */
export type Endpoint = 'query' | 'query_range' | 'labels' | 'label_values' | 'series' | 'query_exemplars' | 'metadata';

// Prometheus's label name syntax (https://prometheus.io/docs/concepts/data_model/); `__name__`
// and the `U__` escapes of UTF-8 names that Grafana sends fit it too.
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether `name` is a Prometheus label name, safe to place in an upstream path as it is. */
export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** The route a client calls for `endpoint`, as error messages name it. */
export function routeOf(endpoint: Endpoint, labelName?: string): string {
  return endpoint === 'label_values' ? `/api/v1/label/${labelName ?? '{name}'}/values` : `/api/v1/${endpoint}`;
}

/**
 * The upstream path of `endpoint`, relative to the backend's base URL. Throws when the label name
 * of `label_values` is missing or not a label name: callers validate it first, so this is a bug.
 */
export function upstreamPath(endpoint: Endpoint, labelName?: string): string {
  if (endpoint !== 'label_values') return `/api/v1/${endpoint}`;
  if (labelName === undefined || !isLabelName(labelName)) throw new Error('upstreamPath: label_values needs a validated label name');
  return `/api/v1/label/${labelName}/values`;
}
