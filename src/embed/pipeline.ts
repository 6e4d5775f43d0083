/**
 * The layer pipeline's metric families, as the embedding layer process records them. Label types
 * come from catalog.yaml through the generated handles, so a wrong label or stage fails to
 * compile; values past a label's budget fold into `__overflow__` like every other family.
 */
import { InvalidArgumentError } from '../invalid-argument-error.ts';
import type { LayerPipelineStageCountLabels, LayerQueryDurationSecondsLabels, MetricHandles } from '../generated/metrics.ts';

/** Labels of one query: the pipeline that served it, the namespace it read, how it ended. */
export type QueryLabels = LayerQueryDurationSecondsLabels;

/** How a query ended: `ok`, `error`, `timeout` or `canceled`. */
export type QueryStatus = QueryLabels['status'];

/** A pipeline stage: `pending`, `planning`, `fetching`, `merging` or `done`. */
export type PipelineStage = LayerPipelineStageCountLabels['stage'];

/** Records into `layer_query_duration_seconds` and `layer_pipeline_stage_count`. */
export interface PipelineMetrics {
  /**
   * Records one query's wall-clock time in seconds (`layer_query_duration_seconds`). Throws
   * InvalidArgumentError (code ERR_INVALID_AMOUNT) for a negative or non-finite duration.
   */
  observeQuery(labels: QueryLabels, seconds: number): void;
  /**
   * Sets how many queries are in a stage now (`layer_pipeline_stage_count`). Throws
   * InvalidArgumentError (code ERR_INVALID_AMOUNT) for a negative or non-finite count.
   */
  setStageCount(stage: PipelineStage, count: number): void;
}

function checkAmount(what: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError('ERR_INVALID_AMOUNT', `${what} must be a finite number >= 0; got ${String(value)}`);
  }
}

/** The pipeline recorder over the generated handles. */
export function createPipelineMetrics(metrics: Pick<MetricHandles, 'layer_query_duration_seconds' | 'layer_pipeline_stage_count'>): PipelineMetrics {
  return {
    observeQuery(labels, seconds) {
      checkAmount('pipeline.observeQuery(labels, seconds): seconds', seconds);
      metrics.layer_query_duration_seconds.observe(labels, seconds);
    },
    setStageCount(stage, count) {
      checkAmount('pipeline.setStageCount(stage, count): count', count);
      metrics.layer_pipeline_stage_count.set({ stage }, count);
    },
  };
}
