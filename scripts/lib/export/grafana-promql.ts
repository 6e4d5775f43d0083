import { parser } from '@prometheus-io/lezer-promql';

// The syntax node type, taken from the parser so no undeclared @lezer package is imported.
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** What an expression's outermost operation makes of its metric's unit. */
export type PromqlShape = 'quantile' | 'ratio' | 'per-second' | 'count' | 'value';

/** The threshold an alert condition of the form `<expression> <comparison> <number>` compares with. */
export interface AlertThreshold {
  /** The expression left of the comparison, as written in the condition. */
  expression: string;
  /** The comparison operator: `>`, `>=`, `<`, `<=`, `==` or `!=`. */
  op: string;
  value: number;
}

const COMPARISONS: Readonly<Record<string, string>> = { Gtr: '>', Gte: '>=', Lss: '<', Lte: '<=', Eql: '==', Neq: '!=' };
const PER_SECOND = new Set(['rate', 'irate', 'deriv']);
const COUNTING = new Set(['changes', 'resets', 'increase', 'count_over_time']);

/**
 * Classifies an expression by the operation that decides its unit: a histogram quantile keeps the
 * metric's unit, a division of two series is a ratio, `rate` makes it per second, counting
 * functions and `count` make it a plain number; anything else keeps the metric's unit.
 */
export function promqlShape(expr: string): PromqlShape {
  let node: SyntaxNode | null = parser.parse(expr).topNode.firstChild;
  // Aggregations, parentheses, comparisons filtering a series and `time() - x` keep the unit of
  // their operand, so look through them to the operation that sets it.
  while (node) {
    if (node.name === 'FunctionCall') {
      const name = functionName(node, expr);
      if (name === 'histogram_quantile') return 'quantile';
      if (PER_SECOND.has(name)) return 'per-second';
      if (COUNTING.has(name)) return 'count';
      node = node.getChild('FunctionCallBody')?.firstChild ?? null;
    } else if (node.name === 'AggregateExpr') {
      if (expr.slice(node.from, node.to).startsWith('count')) return 'count';
      node = node.getChild('FunctionCallBody')?.firstChild ?? null;
    } else if (node.name === 'BinaryExpr') {
      if (node.getChild('Div')) return 'ratio';
      // The side that is not a plain number or `time()` carries the unit.
      const [left, right] = operands(node);
      node = left && isConstant(left, expr) ? right : left;
    } else if (node.name === 'ParenExpr') {
      node = node.firstChild;
    } else {
      return 'value';
    }
  }
  return 'value';
}

/** The threshold of an alert condition `<expression> <op> <number>`, or undefined for any other shape. */
export function alertThreshold(condition: string): AlertThreshold | undefined {
  const top = parser.parse(condition).topNode.firstChild;
  if (top?.name !== 'BinaryExpr' || top.getChild('BoolModifier')) return undefined;
  const [left, right] = operands(top);
  const op = Object.keys(COMPARISONS).find((name) => top.getChild(name));
  if (!left || !right || op === undefined || right.name !== 'NumberDurationLiteral') return undefined;
  const value = Number(condition.slice(right.from, right.to));
  if (!Number.isFinite(value)) return undefined;
  return { expression: condition.slice(left.from, left.to), op: COMPARISONS[op] ?? op, value };
}

function functionName(call: SyntaxNode, expr: string): string {
  const identifier = call.getChild('FunctionIdentifier');
  return identifier ? expr.slice(identifier.from, identifier.to) : '';
}

/** The two operand nodes of a binary expression (operators and modifiers skipped). */
function operands(binary: SyntaxNode): [SyntaxNode | null, SyntaxNode | null] {
  const left = binary.firstChild;
  let right = binary.lastChild;
  if (right === left) right = null;
  return [left, right];
}

function isConstant(node: SyntaxNode, expr: string): boolean {
  return node.name === 'NumberDurationLiteral' || (node.name === 'FunctionCall' && functionName(node, expr) === 'time');
}
