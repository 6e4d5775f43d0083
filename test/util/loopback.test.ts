import assert from 'node:assert/strict';
import { isLoopbackHost } from '../../src/util/loopback.ts';

describe('isLoopbackHost(host)', () => {
  for (const host of ['localhost', '::1', '127.0.0.1', '127.1.2.3']) {
    it(`${host} is loopback`, () => assert.equal(isLoopbackHost(host), true));
  }
  for (const host of ['0.0.0.0', '::', '10.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '128.0.0.1', '']) {
    it(`${JSON.stringify(host)} is not loopback`, () => assert.equal(isLoopbackHost(host), false));
  }
});
