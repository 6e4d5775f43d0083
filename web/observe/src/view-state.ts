/**
 * What the address bar keeps of the view, so a copied link opens the same one: the search, the
 * plot range, the plotted entries, the refresh interval and the explored query with the way it
 * ran, in the query string. The token is never written there.
 */

/** The shareable part of the view. */
export interface ViewState {
  search: string;
  range: string;
  plots: string[];
  refresh: string;
  expr: string;
  run: string;
}

/** The view the address bar asks for; absent keys are empty. */
export function readView(): ViewState {
  const params = new URLSearchParams(location.search);
  return {
    search: params.get('q') ?? '',
    range: params.get('range') ?? '',
    plots: (params.get('plot') ?? '').split(',').filter(Boolean),
    refresh: params.get('refresh') ?? '',
    expr: params.get('expr') ?? '',
    run: params.get('run') ?? '',
  };
}

/** Writes `view` into the address bar (replacing the entry, keeping the #fragment); empty keys are left out. */
export function writeView(view: ViewState): void {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  if (view.range) params.set('range', view.range);
  if (view.plots.length > 0) params.set('plot', view.plots.join(','));
  if (view.refresh) params.set('refresh', view.refresh);
  if (view.expr) params.set('expr', view.expr);
  if (view.expr && view.run) params.set('run', view.run);
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}
