import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request } from '../helpers/http.ts';
import { startScript } from '../helpers/script-child.ts';
import { installPackedGateway, plainNodeEnv, ROOT, runtimeImports, type InstalledPackage, type PackageJson } from './installed-package.ts';

const run = promisify(execFile);
const TOKEN = 'embed-test-token-0123456789';

/** The first ```js block after the README's "Embedding" heading, as written. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding the gateway'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('README.md has no ```js block under "## Embedding the gateway"');
  return match[1];
}

// A TypeScript consumer of the packed .d.ts: the right calls compile, the wrong ones must not
// (an unused @ts-expect-error is itself an error, so each line below has to stay a compile error).
const CONSUMER = `
import { loadConfig, startGateway, type Gateway } from 'layer-metrics-gateway';

export async function consume(): Promise<void> {
  const gateway: Gateway = await startGateway(loadConfig({ LAYER_GATEWAY_PORT: '0' }));
  gateway.pipeline.observeQuery({ pipeline_id: 'p', namespace: 'n', status: 'timeout' }, 1.5);
  gateway.pipeline.setStageCount('merging', 2);
  gateway.cache.report('warming');
  gateway.namespaces.set('products', 'cold');
  const listed: { namespace: string; state: 'warm' | 'warming' | 'cold' }[] = gateway.namespaces.list();
  void listed;
  // @ts-expect-error a stage outside the catalog's set
  gateway.pipeline.setStageCount('queued', 1);
  // @ts-expect-error a status outside the catalog's set
  gateway.pipeline.observeQuery({ pipeline_id: 'p', namespace: 'n', status: 'failed' }, 1);
  // @ts-expect-error a label the family does not have
  gateway.pipeline.observeQuery({ pipeline_id: 'p', namespace: 'n', status: 'ok', tenant: 't' }, 1);
  // @ts-expect-error a missing label
  gateway.pipeline.observeQuery({ pipeline_id: 'p', status: 'ok' }, 1);
  // @ts-expect-error a connection state is not a cache report
  gateway.cache.report('connected');
  // @ts-expect-error the registry is the gateway's, not the host's
  void gateway.registry;
  // @ts-expect-error so are the other families
  void gateway.metrics;
  await gateway.stop();
}
`;

describe('layer-metrics-gateway as a packed package, in plain Node', function () {
  // A build, a pack, and gateways with their bundled vmsingle.
  this.timeout(180_000);
  let installed: InstalledPackage;

  before(async () => {
    installed = await installPackedGateway();
  });
  after(async () => {
    await installed?.remove();
  });

  it('exports the bundle as ESM with its declarations, and packs neither sources, tests, the demo nor unbundled modules', async () => {
    const pkg = JSON.parse(await readFile(join(installed.packageDir, 'package.json'), 'utf8')) as PackageJson;
    assert.equal(pkg.type, 'module');
    assert.deepEqual(pkg.exports['.'], { types: './dist/index.d.ts', default: './dist/bundle/index.js' });
    for (const file of ['dist/bundle/index.js', 'dist/index.d.ts', 'dist/embed/gateway.d.ts', 'dist/generated/metrics.d.ts', 'dist/observe/index.html']) {
      assert.ok(installed.files.includes(file), `${file} is not in the package`);
    }
    const stray = installed.files.filter((file) => /^(src|test|scripts|bench|dist\/demo)\//.test(file));
    assert.deepEqual(stray, [], 'sources, tests or the demo in the package');
    const unbundled = installed.files.filter((file) => file.endsWith('.js') && !/^dist\/(bundle|observe)\//.test(file));
    assert.deepEqual(unbundled, [], 'JavaScript outside the bundle and the observe tab');
  });

  it('declares as dependencies exactly the packages its JavaScript loads at run time', async () => {
    const pkg = JSON.parse(await readFile(join(installed.packageDir, 'package.json'), 'utf8')) as PackageJson;
    const loaded = await runtimeImports(installed.packageDir, installed.files);
    assert.deepEqual(loaded, Object.keys(pkg.dependencies ?? {}).sort(), `got imports ${JSON.stringify(loaded)}; want the dependencies of package.json`);
  });

  it('examples/embed.mjs records a query and a stage count and reads both back through /metrics and PromQL', async () => {
    await copyFile(join(ROOT, 'examples/embed.mjs'), join(installed.dir, 'embed.mjs'));
    const script = startScript(['embed.mjs'], installed.dir, plainNodeEnv());
    const exit = await script.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, script.output());
    const result = JSON.parse(script.output().trim().split('\n').at(-1)!);
    assert.deepEqual(result.promql, { query: '1', stage: '7' });
    assert.match(result.metrics.query, / 1$/);
  });

  it("runs the README's embedding example as written, and stops on SIGTERM", async () => {
    await writeFile(join(installed.dir, 'readme-example.mjs'), await readmeExample());
    const env = plainNodeEnv({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: join(installed.dir, 'data'), LAYER_API_TOKENS: TOKEN, LAYER_LOG_LEVEL: 'warn' });
    const script = startScript(['readme-example.mjs'], installed.dir, env);
    try {
      const [, url] = await script.waitFor(/metrics gateway on (http:\/\/\S+)/, 60_000);
      const health = await request(`${url}/health`);
      assert.equal(health.status, 200, health.text);
      const body = JSON.parse(health.text);
      assert.deepEqual(body.cache, { state: 'warm', reconnect_generation: 0, connection: 'connected' });
      assert.deepEqual(body.namespaces, [{ namespace: 'products', state: 'warm' }]);
      const metrics = (await request(`${url}/metrics`)).text;
      assert.match(metrics, /^layer_query_duration_seconds_count\{pipeline_id="search",namespace="products",status="ok"\} 1$/m);
      assert.match(metrics, /^layer_pipeline_stage_count\{stage="pending"\} 3$/m);
      assert.deepEqual(await script.stop('SIGTERM', 20_000), { code: 0, signal: null }, script.output());
    } finally {
      await script.stop('SIGKILL', 5000).catch(() => undefined);
    }
  });

  it('types from catalog.yaml: the right calls compile and wrong labels, stages and members do not, with the package alone', async () => {
    await writeFile(join(installed.dir, 'consumer.mts'), CONSUMER);
    // No @types/node and no skipLibCheck: the package's declarations must stand on their own.
    const options = { noEmit: true, strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: [] };
    await writeFile(join(installed.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['consumer.mts'] }));
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: installed.dir }).catch((err: { stdout?: string }) => {
      assert.fail(`tsc rejected the consumer of the packed .d.ts:\n${err.stdout ?? String(err)}`);
    });
  });
});
