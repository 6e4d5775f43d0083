import { parser } from '@prometheus-io/lezer-promql';

// The syntax node type, taken from the parser so no undeclared @lezer package is imported.
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** Where a PromQL expression stops parsing. */
export interface PromqlSyntaxError {
  /** 0-based offset into the expression. */
  offset: number;
  /** 1-based column, for messages. */
  column: number;
  /** The text at the error (empty at the end of the expression). */
  near: string;
}

/** What the catalog tooling needs from one PromQL expression. */
export interface PromqlAnalysis {
  /** The first syntax error, if the expression does not parse. */
  error?: PromqlSyntaxError;
  /** Metric names the expression selects, in order of appearance, without duplicates. */
  metricNames: string[];
}

/**
 * Parses PromQL with the grammar the Prometheus UI uses and lists the metric names it selects:
 * `name{...}`, `name[5m]`, `{__name__="name"}` and the quoted form `{"name"}`.
 */
export function analyzePromql(expr: string): PromqlAnalysis {
  const tree = parser.parse(expr);
  let error: PromqlSyntaxError | undefined;
  const names = new Set<string>();
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        // lezer recovers from errors, so keep only the first: later ones are usually its echoes.
        error ??= { offset: node.from, column: node.from + 1, near: expr.slice(node.from, node.from + 20) };
        return false;
      }
      if (node.name === 'VectorSelector') {
        for (const name of selectorNames(node.node, expr)) names.add(name);
      }
      return undefined;
    },
  });
  return error ? { error, metricNames: [...names] } : { metricNames: [...names] };
}

/** The metric names one VectorSelector node selects (usually one; none for `{job="x"}`). */
function selectorNames(selector: SyntaxNode, expr: string): string[] {
  const text = (from: number, to: number): string => expr.slice(from, to);
  const names: string[] = [];
  const identifier = selector.getChild('Identifier');
  if (identifier) names.push(text(identifier.from, identifier.to));
  const matchers = selector.getChild('LabelMatchers');
  for (let child = matchers?.firstChild; child; child = child.nextSibling) {
    if (child.name === 'QuotedLabelName') {
      names.push(unquote(text(child.from, child.to)));
    } else if (child.name === 'UnquotedLabelMatcher' || child.name === 'QuotedLabelMatcher') {
      const label = child.getChild('LabelName') ?? child.getChild('QuotedLabelName');
      const op = child.getChild('MatchOp')?.firstChild;
      const value = child.getChild('StringLiteral');
      const labelText = label ? text(label.from, label.to) : '';
      const isName = labelText === '__name__' || labelText === '"__name__"';
      // Only equality names one series; a regex or negative matcher could match anything.
      if (isName && op?.name === 'EqlSingle' && value) names.push(unquote(text(value.from, value.to)));
    }
  }
  return names;
}

/** One label matcher of a selector, its value unquoted. */
export interface LabelMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** One vector selector of an expression: its metric names (as analyzePromql lists them), matchers and source text. */
export interface SelectorInfo {
  metricNames: string[];
  matchers: LabelMatcher[];
  text: string;
  /** 1-based column, for messages. */
  column: number;
}

const MATCH_OPS: Record<string, LabelMatcher['op']> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

/** Every vector selector of a parsable expression, in order; empty when it does not parse. */
export function vectorSelectors(expr: string): SelectorInfo[] {
  const tree = parser.parse(expr);
  const selectors: SelectorInfo[] = [];
  let broken = false;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) broken = true;
      if (node.name !== 'VectorSelector') return undefined;
      const matchers: LabelMatcher[] = [];
      const list = node.node.getChild('LabelMatchers');
      for (let child = list?.firstChild; child; child = child.nextSibling) {
        if (child.name !== 'UnquotedLabelMatcher' && child.name !== 'QuotedLabelMatcher') continue;
        const label = child.getChild('LabelName') ?? child.getChild('QuotedLabelName');
        const op = MATCH_OPS[child.getChild('MatchOp')?.firstChild?.name ?? ''];
        const value = child.getChild('StringLiteral');
        if (!label || !op || !value) continue;
        const name = expr.slice(label.from, label.to);
        matchers.push({ label: name.startsWith('"') ? unquote(name) : name, op, value: unquote(expr.slice(value.from, value.to)) });
      }
      selectors.push({ metricNames: selectorNames(node.node, expr), matchers, text: expr.slice(node.from, node.to), column: node.from + 1 });
      return false;
    },
  });
  return broken ? [] : selectors;
}

/**
 * Whether a selector's matchers let a series with `label` = `value` through. PromQL regexes are
 * anchored RE2; a JavaScript RegExp reads the ones alert conditions use the same way. A regex that
 * JavaScript cannot read counts as letting everything through.
 */
export function matchersAdmit(matchers: readonly LabelMatcher[], label: string, value: string): boolean {
  return matchers.every((m) => {
    if (m.label !== label) return true;
    if (m.op === '=') return value === m.value;
    if (m.op === '!=') return value !== m.value;
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${m.value})$`);
    } catch {
      return true;
    }
    return m.op === '=~' ? re.test(value) : !re.test(value);
  });
}

/** Undoes PromQL string quoting ("...", '...' or `...`) well enough for metric names. */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return literal.startsWith('`') ? body : body.replace(/\\(.)/g, '$1');
}
