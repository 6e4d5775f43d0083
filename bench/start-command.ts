/**
 * How a bench starts a compiled gateway: with the Node options of the checkout's own `npm start`
 * script, so a run measures the runtime settings users get, and a checkout measured beside
 * another runs with the settings it was built with. The tests' gateway child takes the same
 * options (test/helpers/child-gateway.ts), so every Node line the suite runs on starts it as
 * `npm start` would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The words of `dir`'s package.json `start` script, checked to be `node [options] dist/main.js [arguments]`. */
function startWords(dir: string): { words: string[]; main: number } {
  const start = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.start ?? '';
  const words = start.trim().split(/\s+/);
  const main = words.indexOf('dist/main.js');
  if (words[0] !== 'node' || main === -1) throw new Error(`${dir}/package.json: the start script "${start}" is not "node [options] dist/main.js"; cannot tell how to start the gateway`);
  return { words, main };
}

/** The Node options `dir`'s `start` script runs the gateway with. */
export function startOptions(dir: string): string[] {
  const { words, main } = startWords(dir);
  return words.slice(1, main);
}

/** The arguments for `node` that run `dir`'s dist/main.js as its package.json's `start` script does. */
export function gatewayArgs(dir: string): string[] {
  const { words, main } = startWords(dir);
  // Arguments after the script, if the start script ever has any, go to the gateway as npm passes them.
  return words.slice(1).map((word, i) => (i === main - 1 ? join(dir, 'dist/main.js') : word));
}
