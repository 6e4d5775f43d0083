/** Reading the generated Grafana dashboard in tests: its panels flat, its PromQL, Grafana's macros expanded. */
import type { Dashboard, FieldConfigSource } from '@grafana/grafana-foundation-sdk/dashboard';

/** The committed dashboard, the file Grafana provisions. */
export const COMMITTED_DASHBOARD = 'deploy/grafana/dashboards/layer-gateway.json';

/** What the tests read of one panel (rows included); targets are Prometheus queries. */
export interface PanelView {
  type: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  targets?: { expr: string; format?: string }[];
  fieldConfig?: FieldConfigSource;
}

/** The dashboard's panels and rows in order, rows' nested panels after their row. */
export function grafanaPanels(dashboard: Dashboard): PanelView[] {
  const views: PanelView[] = [];
  for (const panel of dashboard.panels ?? []) {
    views.push(panel as PanelView);
    if ('panels' in panel) views.push(...(panel.panels as PanelView[]));
  }
  return views;
}

/** Every target expression of the dashboard, as written in it. */
export function grafanaExpressions(dashboard: Dashboard): string[] {
  return grafanaPanels(dashboard).flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
}

/** The expression as Grafana sends it: `$__rate_interval` and `$__interval` replaced by a duration. */
export function withGrafanaMacros(expr: string, duration = '1m'): string {
  return expr.replaceAll('$__rate_interval', duration).replaceAll('$__interval', duration);
}
