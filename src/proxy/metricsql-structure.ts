/**
 * The structure of a lexed MetricsQL query that the crash scan reads: matching brackets, the
 * innermost bracket around each token, `WITH` templates with their scopes and uses, and which
 * tokens end an expression. Built in passes linear in the number of tokens; deciding whether a
 * template is used is bounded by a step budget linear in it too.
 */
import type { Tokens } from './metricsql-lexer.ts';

/** Binary operators written as words (compared in lower case). */
export const BINARY_OP_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'unless', 'if', 'ifnot', 'default', 'atan2']);
/** Binary operators written as symbols. */
export const BINARY_OP_SYMBOLS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '^', '==', '!=', '>', '<', '>=', '<=']);
const MODIFIER_WORDS: ReadonlySet<string> = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'with']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** The vector-matching modifiers followed by a label list. */
export const GROUPING_WORDS: ReadonlySet<string> = new Set(['on', 'ignoring', 'group_left', 'group_right']);
/** Templates used by templates used by ... deeper than this count as used without looking further. */
export const MAX_USE_DEPTH = 32;

/** One `name = expr` of a WITH, over token indexes. */
export interface Template {
  name: string;
  from: number;
  /** The first token of its expression, after `=`. */
  body: number;
  /** The last token where its name can refer to it: the end of the bracket or template its WITH is in. */
  scopeEnd: number;
  to: number;
  parent: Template | undefined;
  used?: boolean;
}

/** The bracket structure of a query's tokens. */
export interface Brackets {
  /** Index of the matching closer of each opener, and of the opener of each closer; -1 elsewhere. */
  match: Int32Array;
  /** Index of the innermost bracket open around each token, or -1. */
  parent: Int32Array;
}

/** The query's tokens with the structure the checks need. */
export class Scan {
  readonly match: Int32Array;
  readonly parent: Int32Array;
  /** The innermost template each token is in. */
  readonly innermost: (Template | undefined)[];
  /** Token indexes of each identifier (unescaped), ascending; template names excluded. */
  readonly uses = new Map<string, number[]>();
  /** Tokens that do not end an expression although they look like it: WITH's closing paren, `offset` and its value. */
  readonly notEnding = new Set<number>();
  /** The closing parens of WITH's template lists: the expression after one is the WITH's body. */
  readonly withCloses = new Set<number>();
  /** Tokens read as a range, step or offset value (the others of kind duration are expressions). */
  readonly durationValues = new Set<number>();
  /** A subquery step the optimizer's printed copy cannot parse back (`[1h: 1h-5m]`). */
  reparse: { text: string; index: number; at: number } | undefined;
  /** Loop steps taken so far; past `budget`, an undecided template counts as used. */
  steps = 0;
  readonly budget: number;

  constructor(readonly tokens: Tokens, brackets: Brackets) {
    this.match = brackets.match;
    this.parent = brackets.parent;
    this.innermost = new Array<Template | undefined>(tokens.count);
    this.budget = 8 * tokens.count + 64;
    // The label list of `on(...)`, `ignoring(...)`, `group_left(...)` is followed by an operand: it ends nothing.
    for (let i = 1; i < tokens.count; i++) {
      if (tokens.is(i, '(') && GROUPING_WORDS.has(this.word(i - 1))) this.notEnding.add(this.match[i]!);
    }
    this.findTemplates();
  }

  text(at: number): string | undefined {
    return this.tokens.text(at);
  }

  /** The lower-cased text of a short identifier (a keyword candidate), else ''. */
  word(at: number): string {
    if (this.tokens.kind(at) !== 'ident') return '';
    const text = this.tokens.text(at)!;
    return text.length <= 11 ? text.toLowerCase() : '';
  }

  /** Finds each WITH's templates and which template each token is inside, in one pass. */
  private findTemplates(): void {
    const starts = new Map<number, Template>();
    const open: Template[] = [];
    for (let i = 0; i < this.tokens.count; i++) {
      this.steps++;
      while (open.length > 0 && open[open.length - 1]!.to < i) open.pop();
      const template = starts.get(i);
      if (template) {
        template.parent = open[open.length - 1];
        open.push(template);
      }
      this.innermost[i] = open[open.length - 1];
      if (this.tokens.kind(i) !== 'ident') continue;
      if (this.word(i) === 'with' && this.tokens.is(i + 1, '(')) {
        const around = this.parent[i]!;
        const scopeEnd = Math.min(around === -1 ? this.tokens.count : this.match[around]!, open[open.length - 1]?.to ?? this.tokens.count);
        this.templatesOf(i + 1, scopeEnd, starts);
      }
      if (template) continue; // its own name is no use of it
      const name = unescapeIdent(this.tokens.text(i)!);
      const list = this.uses.get(name);
      if (list) list.push(i);
      else this.uses.set(name, [i]);
    }
  }

  /** Splits the WITH paren at `open` into its `name[(args)] = expr` parts. */
  private templatesOf(open: number, scopeEnd: number, starts: Map<number, Template>): void {
    const close = this.match[open]!;
    this.notEnding.add(close);
    this.withCloses.add(close);
    let from = open + 1;
    for (let i = from; i <= close; i++) {
      this.steps++;
      if (i < close && !this.tokens.is(i, ',')) {
        if (this.match[i]! > i) i = this.match[i]!;
        continue;
      }
      if (i > from && this.tokens.kind(from) === 'ident') {
        const body = (this.tokens.is(from + 1, '(') ? this.match[from + 1]! + 1 : from + 1) + 1;
        starts.set(from, { name: unescapeIdent(this.tokens.text(from)!), from, body, to: i - 1, scopeEnd, parent: undefined });
      }
      from = i + 1;
    }
  }

  /** Whether the template is used: its name appears after it, outside templates that are unused themselves. */
  isUsed(template: Template, depth = 0): boolean {
    if (template.used !== undefined) return template.used;
    if (depth > MAX_USE_DEPTH) return true;
    const uses = this.uses.get(template.name) ?? [];
    template.used = false;
    for (let k = firstAfter(uses, template.to); k < uses.length && uses[k]! <= template.scopeEnd; k++) {
      if (++this.steps > this.budget) return (template.used = true);
      if (this.isEvaluated(uses[k]!, template.parent, depth + 1)) return (template.used = true);
    }
    return false;
  }

  /** Whether token `at` is evaluated: every template around it, inside `outer`, is used. */
  isEvaluated(at: number, outer: Template | undefined = undefined, depth = 0): boolean {
    for (let inside = this.innermost[at]; inside !== undefined && inside !== outer; inside = inside.parent) {
      if (++this.steps > this.budget) return true;
      if (!this.isUsed(inside, depth)) return false;
    }
    return true;
  }

  /** Whether token `at` can end the expression a `[` or `offset` follows. */
  endsExpression(at: number): boolean {
    const kind = this.tokens.kind(at);
    if (kind === undefined || this.notEnding.has(at)) return false;
    if (kind === 'ident') return !BINARY_OP_WORDS.has(this.word(at)) && !MODIFIER_WORDS.has(this.word(at));
    return kind !== 'other' || this.tokens.is(at, ')') || this.tokens.is(at, '}') || this.tokens.is(at, ']');
  }

  /** Whether token `at` may follow a complete rollup (`offset` only when it has none yet). */
  mayFollowRollup(at: number, offsetAllowed: boolean): boolean {
    const kind = this.tokens.kind(at);
    if (kind === undefined || this.tokens.is(at, ')') || this.tokens.is(at, ',') || this.tokens.is(at, '@')) return true;
    if (kind === 'ident') return BINARY_OP_WORDS.has(this.word(at)) || (offsetAllowed && this.word(at) === 'offset');
    return kind === 'other' && BINARY_OP_SYMBOLS.has(this.text(at)!);
  }
}

/** Index of the first entry of the ascending `list` above `value`. */
export function firstAfter(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `\x41` is `A`, `\c` is `c`. */
function unescapeIdent(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(?:x([0-9a-fA-F]{2})|([\s\S]))/gu, (_, hex: string | undefined, other: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : other ?? ''));
}

/** Matching brackets of the tokens, or undefined when they do not balance (the parser refuses that). */
export function matchBrackets(tokens: Tokens): Brackets | undefined {
  const match = new Int32Array(tokens.count).fill(-1);
  const parent = new Int32Array(tokens.count).fill(-1);
  const stack: number[] = [];
  const closers: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    parent[i] = stack[stack.length - 1] ?? -1;
    if (tokens.kind(i) !== 'other' || !(tokens.is(i, '(') || tokens.is(i, ')') || tokens.is(i, '[') || tokens.is(i, ']') || tokens.is(i, '{') || tokens.is(i, '}'))) continue;
    const text = tokens.text(i)!;
    const closer = OPENERS[text];
    if (closer) {
      stack.push(i);
      closers.push(closer);
    } else if (text === ')' || text === ']' || text === '}') {
      if (closers.pop() !== text) return undefined;
      const open = stack.pop()!;
      match[open] = i;
      match[i] = open;
    }
  }
  return stack.length === 0 ? { match, parent } : undefined;
}
