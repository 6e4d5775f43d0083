/**
 * The Grafana Foundation SDK's dashboard types as a JSON file must satisfy them: methods dropped,
 * string enums as their values, and each panel's `options` and `fieldConfig.defaults.custom`
 * (typed `any` in the SDK's Panel) held to the types of its panel plugin.
 */
import type { Dashboard, FieldConfig, FieldConfigSource, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';
import type { FieldConfig as HeatmapFieldConfig, Options as HeatmapOptions } from '@grafana/grafana-foundation-sdk/heatmap';
import type { Dataquery as PrometheusQuery } from '@grafana/grafana-foundation-sdk/prometheus';
import type { FieldConfig as TimeseriesFieldConfig, Options as TimeseriesOptions } from '@grafana/grafana-foundation-sdk/timeseries';

type Method = (...args: never[]) => unknown;

/** A type as JSON can hold it: no methods, string enums as their string values, `any` kept. */
export type Json<T> = 0 extends 1 & T
  ? T
  : T extends Method
    ? never
    : T extends string
      ? `${T}`
      : T extends readonly (infer Item)[]
        ? Json<Item>[]
        : T extends object
          ? { [K in keyof T as T[K] extends Method ? never : K]: Json<T[K]> }
          : T;

/** A panel of one plugin type: the SDK's Panel with that plugin's options and custom field config, and Prometheus targets. */
type PluginPanel<Type extends string, Options, Custom> = Omit<Json<Panel>, 'type' | 'options' | 'fieldConfig' | 'targets'> & {
  type: Type;
  options: Json<Options>;
  fieldConfig: Omit<Json<FieldConfigSource>, 'defaults'> & { defaults: Omit<Json<FieldConfig>, 'custom'> & { custom: Json<Custom> } };
  targets: Json<PrometheusQuery>[];
};

/** The generated dashboard file: the SDK's Dashboard with rows, time-series and heatmap panels. */
export type DashboardJson = Omit<Json<Dashboard>, 'panels'> & {
  panels: (Json<RowPanel> | PluginPanel<'timeseries', TimeseriesOptions, TimeseriesFieldConfig> | PluginPanel<'heatmap', HeatmapOptions, HeatmapFieldConfig>)[];
};
