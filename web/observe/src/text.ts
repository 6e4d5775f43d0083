/**
 * The catalog's text convention: plain sentences in which `backticks` mark a literal (a label
 * value, a metric, a route). Only that is rendered, as <code>; nothing else is Markdown.
 */

/** The text as nodes: each `literal` a <code>, the rest as text. */
export function catalogText(text: string): Node[] {
  return text.split('`').map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

/** The text without its backticks, for search and aria labels. */
export function plainText(text: string): string {
  return text.replaceAll('`', '');
}

/**
 * PromQL as a <code> whose line breaks fall between tokens: after `(`, `,` and binary operators
 * and before `{`, never inside a metric name or a `[5m]` range.
 */
export function promqlCode(query: string): HTMLElement {
  const code = document.createElement('code');
  for (const part of query.split(/(?<=[(,])|(?=\{)|(?<=\s(?:[-+*/%^]|[<>!=]=?|==|and|or|unless|by|without)\s)/)) {
    if (code.childNodes.length > 0) code.append(document.createElement('wbr'));
    code.append(part);
  }
  return code;
}
