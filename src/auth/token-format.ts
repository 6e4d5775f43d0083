/**
 * What an API token must look like, wherever it comes from (LAYER_API_TOKENS, the token file, the
 * generated file). One rule, so a token accepted in one place is never refused in another.
 */

/** The shortest token accepted; shorter secrets are guessable. */
export const MIN_TOKEN_LENGTH = 16;

// Visible ASCII only: a token must survive an HTTP header unchanged (RFC 9110 section 5.5 leaves
// non-ASCII to chance) and a line of a text file, and whitespace would split it in either.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** Says why `token` is not an acceptable API token, without quoting it; undefined when it is. */
export function tokenProblem(token: string): string | undefined {
  if (!VISIBLE_ASCII.test(token)) {
    return 'a token must be printable ASCII with no whitespace';
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    return `a token must be at least ${MIN_TOKEN_LENGTH} characters (this one has ${token.length})`;
  }
  return undefined;
}
