import openapiTS, { astToString } from 'openapi-typescript';

/** Where the client's generated types live, relative to the repository root. */
export const CLIENT_TYPES_PATH = 'packages/client/src/generated/api.ts';

/** The do-not-edit banner of the client's generated types, naming the source file and the command. */
export function clientTypesHeader(source: string): string {
  return [
    '/**',
    ` * GENERATED from ${source} by \`npm run sdk\` (scripts/sdk.ts, openapi-typescript). Do not edit by hand:`,
    ` * change ${source} and run \`npm run sdk\` again; \`npm run sdk -- --check\` fails while this file is stale.`,
    ' */',
    '',
  ].join('\n');
}

/**
 * Renders packages/client/src/generated/api.ts from the text of openapi.yaml. Pure: no file I/O,
 * and the same input always gives the same bytes (document order, no timestamps), which is what
 * lets `--check` compare it with the committed file.
 */
export async function renderClientTypes(openapiText: string, source = 'openapi.yaml'): Promise<string> {
  // silent: openapi-typescript would otherwise print its own progress lines into our CLI's output.
  const ast = await openapiTS(openapiText, { silent: true });
  return `${clientTypesHeader(source)}${astToString(ast)}`;
}
