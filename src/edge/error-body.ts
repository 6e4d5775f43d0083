/**
 * The two error bodies of openapi.yaml, typed from the contract: the Prometheus envelope
 * (PromError) that query routes answer with, and the gateway's Error that every other route
 * answers with. Every error response the gateway makes is built here.
 */
import type { components } from '../generated/api-types.ts';

/** openapi.yaml's PromError: `{status, errorType, error}`. */
export type PromErrorBody = components['schemas']['PromError'];

/** openapi.yaml's Error: `{code, message, request_id}`. */
export type GatewayErrorBody = components['schemas']['Error'];

/** The Prometheus error envelope, its fields in Prometheus's order. */
export function promErrorBody(errorType: string, error: string): PromErrorBody {
  return { status: 'error', errorType, error };
}

/** The gateway's error body. */
export function gatewayErrorBody(code: string, message: string, requestId: string): GatewayErrorBody {
  return { code, message, request_id: requestId };
}
