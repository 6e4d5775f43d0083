import { BytesIEC, BytesPerSecondSI, CountsPerSecond, NoUnit, PercentUnit, RequestsPerSecond, Seconds, Short } from '@grafana/grafana-foundation-sdk/units';
import type { PromqlShape } from './grafana-promql.ts';

// Catalog units whose values are 0/1 flags or carry labels: a number axis would only mislead.
const UNITLESS = new Set(['state', 'info']);

/**
 * The Grafana unit id for a panel that plots an expression of the given shape over a metric in
 * the given catalog unit: `s`, `bytes` and `short` for values, `reqps`, `Bps` and `cps` per second,
 * `percentunit` for ratios and for seconds per second (the share of one CPU core).
 */
export function grafanaUnit(catalogUnit: string, shape: PromqlShape): string {
  switch (shape) {
    case 'ratio':
      return PercentUnit;
    case 'count':
      return Short;
    case 'per-second':
      if (catalogUnit === 'seconds') return PercentUnit;
      if (catalogUnit === 'bytes') return BytesPerSecondSI;
      return catalogUnit === 'requests' ? RequestsPerSecond : CountsPerSecond;
    case 'quantile':
    case 'value':
      if (catalogUnit === 'seconds') return Seconds;
      if (catalogUnit === 'bytes') return BytesIEC;
      return UNITLESS.has(catalogUnit) ? NoUnit : Short;
  }
}
