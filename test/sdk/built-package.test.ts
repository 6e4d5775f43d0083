import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLIENT_DIR, ensureBuiltClient, ROOT } from './helpers/built-client.ts';

const run = promisify(execFile);

// A consumer in TypeScript, checked against dist/*.d.ts through the package's own name. It uses
// plain `strict` (no noUncheckedIndexedAccess), the README's form `r.data.result[0].values`.
const CONSUMER = `
import { createMetricsClient, MetricsClientError, type QueryResult } from '@layer/metrics-client';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const yes = <T extends true>(): T | void => undefined;

export async function consume(): Promise<void> {
  const client = createMetricsClient({ baseUrl: 'http://127.0.0.1:8080', token: 't' });
  const r: QueryResult = await client.queryRange('up', { start: new Date(), end: 1, step: '15s' });
  if (r.data.resultType === 'matrix') {
    const values = r.data.result[0].values;
    yes<Equal<typeof values, [number, string][]>>();
  }
  if (r.data.resultType === 'vector') {
    const value = r.data.result[0].value;
    yes<Equal<typeof value, [number, string]>>();
  }
  const h = await client.health();
  yes<Equal<typeof h.ok, boolean>>();
  try {
    await client.catalogEntry('x');
  } catch (err) {
    if (err instanceof MetricsClientError) yes<Equal<typeof err.errorType, string>>();
  }
}
`;

describe('@layer/metrics-client as built (packages/client/dist)', function () {
  // A cold build (openapi-typescript, then tsc) and a tsc run for the consumer.
  this.timeout(120_000);

  before(() => ensureBuiltClient());

  it('package.json exports dist/index.js as ESM with its declarations, and depends on openapi-fetch', () => {
    const pkg = JSON.parse(readFileSync(join(CLIENT_DIR, 'package.json'), 'utf8'));
    assert.equal(pkg.name, '@layer/metrics-client');
    assert.equal(pkg.type, 'module');
    assert.deepEqual(pkg.exports['.'], { types: './dist/index.d.ts', default: './dist/index.js' });
    assert.ok(pkg.dependencies['openapi-fetch'], 'openapi-fetch must be a runtime dependency');
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/client.d.ts', 'dist/generated/api.d.ts']) {
      assert.doesNotThrow(() => readFileSync(join(CLIENT_DIR, file)), `${file} is missing from the build`);
    }
  });

  it('loads in plain Node (no tsx) by its package name and answers a request', async () => {
    // Inside packages/client the package can import itself by name (Node's self-reference), the
    // way an installed consumer would. dist/ is gitignored and unlinted, so the probe lives there.
    const probe = join(CLIENT_DIR, 'dist', 'probe-plain-node.mjs');
    writeFileSync(probe, `
      import { createMetricsClient, MetricsClientError } from '@layer/metrics-client';
      const client = createMetricsClient({ baseUrl: 'http://gw.test', token: 't',
        fetch: async (req) => new Response(JSON.stringify({ code: 'ERR_NOT_FOUND', message: req.url }), { status: 404 }) });
      try { await client.catalogEntry('nope'); } catch (err) {
        console.log(JSON.stringify({ isError: err instanceof MetricsClientError, errorType: err.errorType, status: err.status }));
      }
    `);
    try {
      const env = { ...process.env };
      delete env.NODE_OPTIONS; // no loader hooks: this is plain Node
      const { stdout } = await run(process.execPath, [probe], { env, cwd: ROOT });
      assert.deepEqual(JSON.parse(stdout), { isError: true, errorType: 'ERR_NOT_FOUND', status: 404 });
    } finally {
      rmSync(probe, { force: true });
    }
  });

  it('declaration files type-check a strict TypeScript consumer, narrowing included', async () => {
    const consumer = join(CLIENT_DIR, 'dist', 'probe-consumer.mts');
    const config = join(CLIENT_DIR, 'dist', 'probe-tsconfig.json');
    writeFileSync(consumer, CONSUMER);
    // lib dom and no @types/node: what a browser consumer has. skipLibCheck because checking
    // lib.dom.d.ts takes seconds; an unresolvable import in dist/*.d.ts would still surface, as
    // `any` failing the Equal assertions.
    const options = { noEmit: true, strict: true, skipLibCheck: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [] };
    writeFileSync(config, JSON.stringify({ compilerOptions: options, files: ['probe-consumer.mts'] }));
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    try {
      await run(process.execPath, [tsc, '-p', config], { cwd: CLIENT_DIR }).catch((err: { stdout?: string }) => {
        assert.fail(`tsc rejected the consumer of dist/*.d.ts:\n${err.stdout ?? String(err)}`);
      });
    } finally {
      rmSync(consumer, { force: true });
      rmSync(config, { force: true });
    }
  });
});
