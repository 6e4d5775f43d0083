/** Where the client's copy of the API types lives, relative to the repository root. */
export const CLIENT_TYPES_PATH = 'packages/client/src/generated/api.ts';

/** The one openapi-typescript output, which `npm run generate` writes and the server imports. */
export const SERVER_TYPES_PATH = 'src/generated/api-types.ts';

/** The do-not-edit banner of the client's copy, naming where it comes from and the command. */
export function clientTypesHeader(origin: string): string {
  return [
    '/**',
    ` * COPIED from ${origin} (openapi-typescript's output for openapi.yaml) by \`npm run sdk\`. Do not edit by hand:`,
    ' * change openapi.yaml and run `npm run generate`, then `npm run sdk`; `npm run sdk -- --check` fails while this',
    ' * file differs from the server\'s. (A copy, not an import: the package compiles and ships its own .d.ts.)',
    ' */',
    '',
  ].join('\n');
}

/**
 * The client's copy of the server's API types: the same declarations under the client's banner.
 * Pure: the same input always gives the same bytes, which is what lets `--check` compare.
 */
export function clientTypesFrom(serverTypes: string, origin = SERVER_TYPES_PATH): string {
  // The server's file opens with its own generated-file banner, one block comment.
  const body = serverTypes.startsWith('/**') ? serverTypes.slice(serverTypes.indexOf('*/') + 2).replace(/^\n/, '') : serverTypes;
  return `${clientTypesHeader(origin)}${body}`;
}
