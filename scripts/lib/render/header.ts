/** The do-not-edit banner every generated file opens with (after openapi-typescript's `COMMENT_HEADER`). */
export function generatedHeader(source: string): string {
  return [
    '/**',
    ` * GENERATED from ${source} by \`npm run generate\`. Do not edit by hand:`,
    ` * change ${source} and run \`npm run generate\` again.`,
    ' */',
    '',
  ].join('\n');
}

/** Renders a value as a TypeScript literal: JSON is valid TypeScript and its key order is ours. */
export function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** `layer_query_duration_seconds` -> `LayerQueryDurationSeconds`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
