/**
 * Type-level test of the client's result types: this file is never run, it only has to type-check
 * (`npx tsc -p tsconfig.json`, part of `npm test`). Each `@ts-expect-error` is an assertion that
 * the line must NOT compile; if the types ever let it through, the unused directive fails the check.
 */
import type { MetricsClient, MetricsClientError, PromResponse, QueryResult, Sample } from '../../packages/client/src/index.ts';

/** True when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when given `true`. */
function assertType<T extends true>(): T | void {}

/** Narrowing on `data.resultType` gives `values` for a matrix and `value` for a vector. */
export async function narrowsOnResultType(client: MetricsClient): Promise<void> {
  const r = await client.queryRange('up', { start: 0, end: 60, step: '15s' });
  if (r.data.resultType === 'matrix') {
    // The repository's tsconfig has noUncheckedIndexedAccess, hence `!`; without that option the
    // plain `r.data.result[0].values` of the README compiles as is.
    const _values = r.data.result[0]!.values;
    assertType<Equal<typeof _values, Sample[]>>();
    assertType<Equal<Sample, [number, string]>>();
    // @ts-expect-error a matrix series has `values`, not `value`
    void r.data.result[0]!.value;
  }

  const v = await client.query('up');
  if (v.data.resultType === 'vector') {
    const _value = v.data.result[0]!.value;
    assertType<Equal<typeof _value, Sample>>();
    const labels: Record<string, string> = v.data.result[0]!.metric;
    void labels;
    // @ts-expect-error a vector series has `value`, not `values`
    void v.data.result[0]!.values;
  }
  if (v.data.resultType === 'scalar') {
    const [_time, _text] = v.data.result;
    assertType<Equal<[typeof _time, typeof _text], [number, string]>>();
  }
  if (v.data.resultType === 'string') {
    assertType<Equal<typeof v.data.result, [number, string]>>();
  }
  // @ts-expect-error without narrowing, `result` may be a scalar sample, which has no `values`
  void v.data.result[0]?.values;
}

/** The four result types are all there is: a switch over them is exhaustive. */
export function resultTypesAreExhaustive(r: QueryResult): string {
  switch (r.data.resultType) {
    case 'vector':
    case 'matrix':
    case 'scalar':
    case 'string':
      return r.data.resultType;
    default: {
      const unreachable: never = r.data;
      return unreachable;
    }
  }
}

/** The raw envelope is discriminated on `status`: `data` on success, `errorType` on error. */
export function envelopeNarrowsOnStatus(body: PromResponse): string {
  if (body.status === 'error') {
    // @ts-expect-error an error envelope has no data
    void body.data;
    return `${body.errorType}: ${body.error}`;
  }
  assertType<Equal<typeof body.status, 'success'>>();
  return body.data.resultType;
}

/** MetricsClientError's fields have the documented types. */
export function errorFields(_err: MetricsClientError): void {
  assertType<Equal<typeof _err.status, number>>();
  assertType<Equal<typeof _err.errorType, string>>();
  assertType<Equal<typeof _err.body, unknown>>();
  assertType<Equal<typeof _err.requestId, string | undefined>>();
}

/** health() resolves with the Health body plus `ok`. */
export async function healthHasOk(client: MetricsClient): Promise<void> {
  const _h = await client.health();
  assertType<Equal<typeof _h.ok, boolean>>();
  assertType<Equal<typeof _h.status, 'ok' | 'degraded'>>();
}
