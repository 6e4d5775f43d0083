import {
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  SortOrder,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import {
  DashboardBuilder,
  DatasourceVariableBuilder,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type Dashboard,
  type DataSourceRef,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as HeatmapPanelBuilder, HeatmapColorOptionsBuilder, HeatmapColorMode, YAxisConfigBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { AlertSpec, Catalog, CatalogEntry } from '../catalog/model.ts';
import { alertThreshold, promqlShape, type AlertThreshold } from './grafana-promql.ts';
import { grafanaUnit } from './grafana-units.ts';

/** Options for the dashboard. */
export interface GrafanaDashboardOptions {
  /** The catalog file named in the dashboard's description (default: `catalog.yaml`). */
  source?: string;
}

/** The dashboard's uid: provisioning and links find it by this. */
export const GRAFANA_DASHBOARD_UID = 'layer-gateway';

/** The name of the dashboard's data-source variable; every panel queries `${datasource}`. */
export const GRAFANA_DATASOURCE_VARIABLE = 'datasource';

const DATASOURCE: DataSourceRef = { type: 'prometheus', uid: `\${${GRAFANA_DATASOURCE_VARIABLE}}` };
// Half the 24-column grid: two panels side by side.
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/**
 * Builds the Grafana dashboard for the catalog with the Grafana Foundation SDK: a row per family
 * (sorted), in it a time-series panel per entry (sorted) plotting its example PromQL in the unit
 * its metric and expression give, a heatmap of each histogram's buckets, and its alert's threshold
 * drawn as a dashed line (on a panel of its own when the alert watches another expression).
 */
export function buildGrafanaDashboard(catalog: Catalog, options: GrafanaDashboardOptions = {}): Dashboard {
  const source = options.source ?? 'catalog.yaml';
  const builder = new DashboardBuilder('layer metrics gateway')
    .uid(GRAFANA_DASHBOARD_UID)
    .description(`Generated from ${source} by \`npm run catalog:export -- --format grafana\`. Do not edit: change the catalog and export again.`)
    .tags(['layer', 'generated'])
    .time({ from: 'now-1h', to: 'now' })
    .refresh('30s')
    .timezone('browser')
    .withVariable(new DatasourceVariableBuilder(GRAFANA_DATASOURCE_VARIABLE).label('Data source').type('prometheus'));
  const families = [...new Set(catalog.entries.map((entry) => entry.family))].sort(compare);
  let id = 0;
  for (const family of families) {
    builder.withRow(new RowBuilder(family).id(++id));
    const entries = catalog.entries.filter((entry) => entry.family === family).sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      for (const panel of entryPanels(entry)) builder.withPanel(panel.id(++id));
    }
  }
  return builder.build();
}

/** The dashboard as the JSON file Grafana provisions: two-space indents and a final newline. */
export function renderGrafanaDashboard(catalog: Catalog, options: GrafanaDashboardOptions = {}): string {
  return `${JSON.stringify(buildGrafanaDashboard(catalog, options), null, 2)}\n`;
}

/** The panels one entry gets: its example, its histogram's heatmap, and its alert's own panel when needed. */
function entryPanels(entry: CatalogEntry): (TimeseriesPanelBuilder | HeatmapPanelBuilder)[] {
  const threshold = entry.alert ? alertThreshold(entry.alert.condition) : undefined;
  const onExample = threshold && sameExpression(threshold.expression, entry.example_promql) ? threshold : undefined;
  const panels: (TimeseriesPanelBuilder | HeatmapPanelBuilder)[] = [
    timeseries(entry.name, describe(entry), entry.example_promql, grafanaUnit(entry.unit, promqlShape(entry.example_promql)), onExample),
  ];
  if (entry.kind === 'histogram') panels.push(heatmap(entry));
  if (entry.alert && threshold && !onExample) {
    const unit = grafanaUnit(entry.unit, promqlShape(threshold.expression));
    panels.push(timeseries(`${entry.alert.name} (alert on ${entry.name})`, describeAlert(entry.alert), threshold.expression, unit, threshold));
  }
  return panels;
}

function timeseries(title: string, description: string, expr: string, unit: string, threshold: AlertThreshold | undefined): TimeseriesPanelBuilder {
  const panel = new TimeseriesPanelBuilder()
    .title(title)
    .description(description)
    .datasource(DATASOURCE)
    .withTarget(query(expr).legendFormat('__auto'))
    .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending))
    .unit(unit)
    .span(PANEL_WIDTH)
    .height(PANEL_HEIGHT);
  if (threshold) {
    panel
      .thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(thresholdSteps(threshold)))
      .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
  }
  return panel;
}

/** A heatmap of the histogram's bucket rates, bucket bounds as the y axis, as Prometheus stores them. */
function heatmap(entry: CatalogEntry): HeatmapPanelBuilder {
  return new HeatmapPanelBuilder()
    .title(`${entry.name} (distribution)`)
    .description(`How ${entry.name} observations spread over its buckets, per second.`)
    .datasource(DATASOURCE)
    .withTarget(query(`sum by (le) (rate(${entry.name}_bucket[$__rate_interval]))`).format(PromQueryFormat.Heatmap).legendFormat('{{le}}'))
    .calculate(false)
    .color(new HeatmapColorOptionsBuilder().mode(HeatmapColorMode.Scheme).scheme('Oranges').exponent(0.5).steps(64))
    .yAxis(new YAxisConfigBuilder().unit(grafanaUnit(entry.unit, 'value')))
    .span(PANEL_WIDTH)
    .height(PANEL_HEIGHT);
}

function query(expr: string): DataqueryBuilder {
  return new DataqueryBuilder().expr(expr).range().refId('A').datasource(DATASOURCE);
}

/** Green below the line and red past it, or the reverse for a `<` alert. */
function thresholdSteps(threshold: AlertThreshold): { value: number | null; color: string }[] {
  const below = threshold.op === '<' || threshold.op === '<=';
  return [
    { value: null, color: below ? 'red' : 'green' },
    { value: threshold.value, color: below ? 'green' : 'red' },
  ];
}

function describe(entry: CatalogEntry): string {
  const alert = entry.alert ? ` ${describeAlert(entry.alert)}` : '';
  return `${entry.description.trim()} (${entry.kind}, ${entry.unit}, ${entry.stability})${alert}`;
}

function describeAlert(alert: AlertSpec): string {
  const held = alert.for !== undefined ? ` for ${alert.for}` : '';
  return `Alert ${alert.name} (${alert.severity ?? 'no severity'}) fires when \`${alert.condition}\` holds${held}.`;
}

// Spacing differences do not make two expressions different panels.
function sameExpression(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

// Code-point order, so the file does not change with the machine's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
