import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

// GitHub's workflows cannot run here: they are checked by their shape, and their shell steps run
// locally. `npx @action-validator/cli <file>` checks them against GitHub's full schema.

const ROOT = process.cwd();

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  'runs-on': string;
  container?: { image: string };
  'timeout-minutes'?: number;
  steps: Step[];
}

interface Workflow {
  name: string;
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOW_KEYS = new Set(['name', 'on', 'permissions', 'env', 'concurrency', 'jobs']);
const JOB_KEYS = new Set(['runs-on', 'container', 'timeout-minutes', 'steps', 'env', 'permissions', 'if', 'needs', 'strategy']);
const STEP_KEYS = new Set(['name', 'uses', 'run', 'with', 'env', 'if', 'id', 'shell', 'working-directory', 'continue-on-error', 'timeout-minutes']);

function unknownKeys(object: object, allowed: Set<string>): string[] {
  return Object.keys(object).filter((key) => !allowed.has(key));
}

/** Parses a workflow and checks what GitHub refuses or silently ignores: unknown keys, steps without one action. */
function loadWorkflow(file: string): Workflow {
  const text = readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8');
  const workflow = parse(text, { uniqueKeys: true, strict: true }) as Workflow;
  assert.deepEqual(unknownKeys(workflow, WORKFLOW_KEYS), [], `${file}: unknown top-level keys`);
  assert.ok(workflow.on, `${file}: no trigger`);
  for (const [id, job] of Object.entries(workflow.jobs)) {
    assert.deepEqual(unknownKeys(job, JOB_KEYS), [], `${file}: job ${id} has unknown keys`);
    assert.equal(typeof job['runs-on'], 'string', `${file}: job ${id} has no runs-on`);
    assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${file}: job ${id} has no steps`);
    job.steps.forEach((step, index) => {
      const where = `${file}: job ${id} step ${index + 1}`;
      assert.deepEqual(unknownKeys(step, STEP_KEYS), [], `${where} has unknown keys`);
      assert.ok((step.uses === undefined) !== (step.run === undefined), `${where}: want exactly one of uses and run`);
      if (step.uses !== undefined) assert.match(step.uses, /^[\w.-]+\/[\w.-]+@v\d+$/, `${where}: want owner/action@vN`);
      if (step.run !== undefined) {
        const check = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
        assert.equal(check.status, 0, `${where}: bash -n says ${check.stderr}`);
      }
    });
  }
  return workflow;
}

/** The local files that a workflow's run steps name (`bash .ci/run`), each of which must exist. */
function scriptsRun(job: Job): string[] {
  return job.steps.flatMap((step) => [...(step.run ?? '').matchAll(/\bbash (\.ci\/[\w.-]+|scripts\/[\w.-]+)/g)].map((match) => match[1]!));
}

describe('.github/workflows/ci.yml', () => {
  it('runs .ci/run as root in a Debian 12 container, after installing git and Node', () => {
    const job = loadWorkflow('ci.yml').jobs.ci;
    assert.ok(job, 'want a job named ci');
    assert.match(job.container?.image ?? '', /^debian:12(\.\d+)?$/, 'want the Debian 12 of the machines here');
    assert.ok((job['timeout-minutes'] ?? Infinity) <= 90, 'want the job within .ci/run\'s 90 minutes');
    const steps = job.steps.map((step) => step.uses ?? step.run ?? '');
    const at = (pattern: RegExp): number => steps.findIndex((text) => pattern.test(text));
    const git = at(/apt-get install[^\n]* git\b/);
    const checkout = at(/^actions\/checkout@/);
    const node = at(/^bash \.ci\/install-node\.sh\b/);
    const run = at(/^bash \.ci\/run$/);
    assert.ok(git >= 0 && checkout > git, 'git is installed before checkout, so that checkout makes a clone');
    assert.ok(node > checkout && run > node, 'Node is installed from the checkout, then .ci/run runs');
    assert.match(steps[git]!, /apt-get update/, 'a bare container has no package lists');
    assert.ok(!steps.some((text) => text.startsWith('actions/setup-node@')), 'the container gets Node from .ci/install-node.sh');
    for (const script of scriptsRun(job)) assert.ok(existsSync(join(ROOT, script)), `${script} is missing`);
  });
});

describe('.github/workflows/pr.yml', () => {
  let job: Job | undefined;
  let step: Step | undefined;
  before(() => {
    job = loadWorkflow('pr.yml').jobs['catalog-diff'];
    step = job?.steps.find((each) => each.name === 'Contract diff');
  });

  it('checks out the whole history and installs a supported Node', () => {
    assert.ok(job && step, 'want the catalog-diff job and its Contract diff step');
    const checkout = job.steps.find((each) => each.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0, 'origin/<base> must exist');
    const node = job.steps.find((each) => each.uses?.startsWith('actions/setup-node@'));
    const major = Number(node?.with?.['node-version']);
    assert.ok([22, 24, 26].includes(major), `node-version ${major}; want an LTS line that npm run test:node-versions covers`);
  });

  // The step's own text, run as GitHub runs it (bash -e), in a repository whose origin/main is the
  // base: the report goes to the summary file, and the step's exit code is the gate's.
  describe('its Contract diff step, run in a temporary repository', function () {
    // Each run starts npm and tsx twice: seconds on an idle machine, far more on a loaded one.
    this.timeout(120_000);
    let repo = '';
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=ci test', '-c', 'user.email=ci@test.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
    };
    const runStep = (): { code: number | null; summary: string; output: string } => {
      const summary = join(repo, 'summary.md');
      writeFileSync(summary, '');
      assert.ok(step?.run && step.env?.BASE_REF, 'want the Contract diff step with its BASE_REF');
      const env = { ...process.env, BASE_REF: step.env.BASE_REF.replace('${{ github.base_ref }}', 'main'), GITHUB_STEP_SUMMARY: summary };
      const result = spawnSync('bash', ['-e', '-c', step.run], { cwd: repo, env, encoding: 'utf8' });
      return { code: result.status, summary: readFileSync(summary, 'utf8'), output: result.stdout + result.stderr };
    };

    before(() => {
      repo = mkdtempSync(join(tmpdir(), 'pr-workflow-'));
      for (const file of ['package.json', 'tsconfig.json', 'openapi.yaml', 'catalog.yaml']) copyFileSync(join(ROOT, file), join(repo, file));
      for (const dir of ['node_modules', 'scripts', 'src']) symlinkSync(join(ROOT, dir), join(repo, dir));
      git('init', '-q');
      git('add', 'package.json', 'openapi.yaml', 'catalog.yaml');
      git('commit', '-q', '-m', 'base');
      git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    });

    after(() => rmSync(repo, { recursive: true, force: true }));

    it('passes, with the markdown report in the summary, when the contracts are unchanged', () => {
      const got = runStep();
      assert.equal(got.code, 0, `got exit ${got.code}; want 0: ${got.output}`);
      assert.match(got.summary, /^#+ /m, `want a markdown heading in the summary; got ${got.summary}`);
    });

    it('fails, with the annotation and the summary, when a stable metric is removed', () => {
      const catalog = readFileSync(join(repo, 'catalog.yaml'), 'utf8');
      const entries = catalog.split(/\n(?= {2}- name: )/);
      const stable = entries.findIndex((entry, index) => index > 0 && /\n {4}stability: stable\n/.test(entry));
      assert.ok(stable > 0, 'want a stable metric in catalog.yaml');
      writeFileSync(join(repo, 'catalog.yaml'), entries.filter((_entry, index) => index !== stable).join('\n'));
      const got = runStep();
      assert.equal(got.code, 1, `got exit ${got.code}; want 1: ${got.output}`);
      assert.match(got.output, /^::error file=catalog\.yaml/m, 'the github format annotates the change');
      assert.match(got.summary, /^#+ /m, `want the markdown report in the summary; got ${got.summary}`);
    });
  });
});
