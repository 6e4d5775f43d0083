import assert from 'node:assert/strict';
import { request } from './http.ts';
import { responseProblems } from './openapi.ts';

/** GET /health, checked against openapi.yaml's getHealth response: its status and parsed body. */
export async function readHealth(url: string) {
  const res = await request(`${url}/health`);
  assert.deepEqual(responseProblems('getHealth', res.status, res.headers['content-type'] ?? null, res.text), []);
  return { status: res.status, body: JSON.parse(res.text) };
}
