import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const FIXTURE = join(process.cwd(), 'test/fixtures/generate/wrong-label.bad.ts');

describe('generated metric handles (type level)', function () {
  this.timeout(60_000);
  it('reject a wrong label name, a value outside a closed set, an extra label, and labels on an unlabelled metric', () => {
    const config = ts.readConfigFile(join(process.cwd(), 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, process.cwd());
    const program = ts.createProgram([FIXTURE], { ...parsed.options, noEmit: true });
    const errorLines = new Set(
      ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === FIXTURE)
        .map((d) => d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1),
    );
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    lines.forEach((text, index) => {
      const line = index + 1;
      const want = text.includes('WANT-ERROR');
      if (text.includes('.inc(') || text.includes('.set(')) {
        assert.equal(errorLines.has(line), want, `line ${line}: got ${errorLines.has(line) ? 'an error' : 'no error'}; want ${want ? 'an error' : 'none'}: ${text.trim()}`);
      }
    });
  });
});
