/**
 * The gateway package as a consumer installs it: `npm pack` (which builds and bundles first,
 * `prepack`), the tarball unpacked into <tmp>/node_modules/layer-metrics-gateway, and whatever it
 * declares as runtime or peer dependencies linked from this repository's node_modules (the
 * registry is not needed). A script in <tmp> then imports the package by its name.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The fields of package.json the tests read. */
export interface PackageJson {
  type?: string;
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** A temporary consumer directory with the packed gateway installed. */
export interface InstalledPackage {
  /** The consumer directory; scripts written here resolve `layer-metrics-gateway`. */
  dir: string;
  /** The installed package's directory. */
  packageDir: string;
  /** Paths inside the tarball, relative to its root. */
  files: string[];
  remove(): Promise<void>;
}

/** Packs (and so builds) and installs the gateway into a new temporary directory. */
export async function installPackedGateway(): Promise<InstalledPackage> {
  const dir = await makeTempDir('layer-consumer');
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    if (!packed) throw new Error(`npm pack printed no package: ${stdout}`);
    const packageDir = join(dir, 'node_modules', 'layer-metrics-gateway');
    await mkdir(packageDir, { recursive: true });
    await run('tar', ['-xzf', join(dir, packed.filename), '-C', packageDir, '--strip-components=1']);
    const pkg = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]) {
      const link = join(dir, 'node_modules', name);
      await mkdir(dirname(link), { recursive: true });
      await symlink(join(ROOT, 'node_modules', name), link);
    }
    return { dir, packageDir, files: packed.files.map((file) => file.path).sort(), remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await removeTempDir(dir);
    throw error;
  }
}

/** The environment of a plain-Node child: no loader hooks (tsx) inherited from the test runner. */
export function plainNodeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  for (const name of Object.keys(env)) if (name.startsWith('LAYER_') && !(name in extra)) delete env[name];
  return env;
}

/**
 * The packages the installed package's JavaScript loads at run time, found as esbuild parses it
 * (real `import`, `import()` and `require()` calls, not text that looks like one): every external
 * specifier, without Node's built-in modules.
 */
export async function runtimeImports(packageDir: string, files: readonly string[]): Promise<string[]> {
  const entryPoints = files.filter((name) => /\.m?js$/.test(name) && !name.startsWith('dist/observe/')).map((name) => join(packageDir, name));
  const result = await build({ entryPoints, bundle: true, packages: 'external', platform: 'node', format: 'esm', write: false, outdir: join(packageDir, '.scan'), metafile: true, logLevel: 'silent' });
  const packages = Object.values(result.metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((imported) => imported.external && !isBuiltin(imported.path))
    .map((imported) => (imported.path.startsWith('@') ? imported.path.split('/').slice(0, 2).join('/') : imported.path.split('/')[0]!));
  return [...new Set(packages)].sort();
}
