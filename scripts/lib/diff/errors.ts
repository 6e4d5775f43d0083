/**
 * Why `catalog:diff` could not decide (exit 2): `ERR_USAGE` bad arguments, `ERR_GIT_REF` an unknown
 * `--base`, `ERR_GIT` no repository or a failing git, `ERR_MISSING_FILE` a contract file absent from
 * the working tree, `ERR_PARSE` a contract file that is not the YAML it should be.
 */
export type DiffErrorCode = 'ERR_USAGE' | 'ERR_GIT_REF' | 'ERR_GIT' | 'ERR_MISSING_FILE' | 'ERR_PARSE';

/** An error the CLI reports as one line and exit code 2; the message says what to do. */
export class CatalogDiffError extends Error {
  readonly code: DiffErrorCode;

  constructor(code: DiffErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogDiffError';
    this.code = code;
  }
}
