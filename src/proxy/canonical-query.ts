/**
 * The canonical form of a MetricsQL query, which the quarantine is keyed by: its tokens
 * (src/proxy/metricsql-lexer.ts) one space apart, without whitespace or comments, MetricsQL's
 * case-insensitive keywords and function names in lower case. Queries that differ only in those
 * read the same to the backend, so they share one key; strings and names are kept as written.
 * Text after a lexing error is kept with its whitespace runs collapsed.
 */
import { lex } from './metricsql-lexer.ts';

const KEYWORDS = new Set([
  'offset', 'with', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless',
  'if', 'ifnot', 'default', 'atan2', 'inf', 'nan', 'keep_metric_names', 'limit',
]);

/** The canonical form of `query` (see the module comment). */
export function canonicalQuery(query: string): string {
  const { tokens, error } = lex(query);
  const parts: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const text = tokens.text(i)!;
    // A function name comes before `(`, an aggregation's also before `by` or `without`.
    const next = tokens.kind(i + 1) === 'ident' ? tokens.text(i + 1)!.toLowerCase() : '';
    const lowerable = tokens.kind(i) === 'ident' && text.length <= 64 && (KEYWORDS.has(text.toLowerCase()) || tokens.is(i + 1, '(') || next === 'by' || next === 'without');
    parts.push(lowerable ? text.toLowerCase() : text);
  }
  if (error !== undefined) parts.push(query.slice(error).trim().replace(/\s+/g, ' '));
  return parts.join(' ');
}
