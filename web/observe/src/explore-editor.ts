/**
 * The explore editor, loaded on demand as its own chunk: CodeMirror with PromQL highlighting,
 * linting and completion (metric names, label names and values, functions, HELP text), which
 * asks the gateway's lookup routes (labels, label values, series, metadata) relative to the page
 * with the tab's Bearer token.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { token } from './api.ts';

/** The editor as the page drives it. */
export interface QueryEditor {
  text(): string;
  focus(): void;
}

/** A fetch that carries the tab's token, for the completion's lookups. */
function withToken(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  const bearer = token.get();
  if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
  return fetch(input, { ...init, headers, cache: 'no-store' });
}

/** Creates the editor in `parent` holding `doc`; Ctrl/Cmd-Enter runs `run`, every edit calls `changed`. */
export function createEditor(parent: HTMLElement, doc: string, run: () => void, changed: (text: string) => void): QueryEditor {
  const promql = new PromQLExtension().setComplete({
    // '' + a prefix without a leading slash: the lookups resolve beside the page, under any path prefix.
    remote: { url: '', apiPrefix: 'v2/metrics/api/v1', httpMethod: 'GET', fetchFn: withToken, cache: { maxAge: 60_000 } },
    maxMetricsMetadata: 10_000,
  });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        history(),
        closeBrackets(),
        bracketMatching(),
        autocompletion({ icons: false }),
        syntaxHighlighting(defaultHighlightStyle),
        placeholder('rate(layer_http_requests_total[5m]) — Ctrl-Space completes, Ctrl-Enter runs'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'PromQL expression', spellcheck: 'false' }),
        keymap.of([{ key: 'Mod-Enter', run: () => (run(), true) }, ...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed(update.state.doc.toString());
        }),
        promql.asExtension(),
      ],
    }),
  });
  return { text: () => view.state.doc.toString(), focus: () => view.focus() };
}
