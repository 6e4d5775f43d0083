import type { Change, Contracts } from './change.ts';
import { recordOf } from './refs.ts';

// Semantic Versioning 2.0.0 (https://semver.org), as OpenAPI recommends for info.version.
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const VERSION_PATH = ['info', 'version'] as const;

/** `[major, minor, patch]` of a semver string, or undefined. */
function parseSemver(version: string | undefined): [number, number, number] | undefined {
  const match = version === undefined ? null : SEMVER.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function versionOf(openapi: unknown): string | undefined {
  const version = recordOf(recordOf(openapi).info).version;
  return typeof version === 'string' ? version : undefined;
}

function compareSemver(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function versionChange(kind: string, classification: Change['classification'], detail: string): Change {
  return { section: 'api', kind, subject: 'info.version', classification, detail, file: 'openapi.yaml', path: VERSION_PATH };
}

/**
 * The API's version gate over the API section's changes: an incompatible change passes, as a
 * note, only with a major bump of openapi.yaml `info.version` (semver; 0.x to 1.0 counts). A bump
 * is itself a note (saying whether it was needed); a version going back or one that is not semver
 * breaks.
 */
export function gateApiVersion(base: Contracts, head: Contracts, changes: readonly Change[]): Change[] {
  if (head.openapi === undefined) return [...changes];
  const beforeText = versionOf(base.openapi);
  const afterText = versionOf(head.openapi);
  const before = parseSemver(beforeText);
  const after = parseSemver(afterText);
  const incompatible = changes.filter((change) => change.classification === 'breaking').length;
  const gate: Change[] = [];
  let bumped = false;
  if (after === undefined) {
    gate.push(versionChange('version_invalid', 'breaking', `API version ${JSON.stringify(afterText ?? null)} is not semver MAJOR.MINOR.PATCH; set info.version to one`));
  } else if (base.openapi === undefined || before === undefined) {
    // No API at the base (or no readable version there): nothing to compare the version with.
  } else if (compareSemver(after, before) < 0) {
    gate.push(versionChange('version_regressed', 'breaking', `API version went backwards: ${beforeText} -> ${afterText}; it must only move forward`));
  } else if (after[0] > before[0]) {
    bumped = true;
    gate.push(
      versionChange(
        'version_bumped',
        'note',
        incompatible === 0
          ? `major bump ${beforeText} -> ${afterText} with no incompatible API change; the bump is not needed`
          : `major bump ${beforeText} -> ${afterText} covers ${incompatible} incompatible API change${incompatible === 1 ? '' : 's'}`,
      ),
    );
  }
  const next = before === undefined ? 'the next major version' : `${before[0] + 1}.0.0`;
  const covered = changes.map((change): Change => {
    if (change.classification !== 'breaking') return change;
    return {
      ...change,
      classification: bumped ? 'note' : 'breaking',
      detail: `${change.detail}; incompatible for API clients: ${bumped ? `covered by the major version bump to ${afterText}` : `bump openapi.yaml info.version to ${next}`}`,
    };
  });
  return [...gate, ...covered];
}
