/**
 * Per-namespace cache state, as the gateway reports it: warm (served from the NVMe cache),
 * warming (being filled) or cold (not cached). The real cache layer drives the registry with
 * set() and delete(); the standalone server, which has no cache layer, derives it from the cache
 * connection with followCacheConnection().
 */
import type { CacheSnapshot } from './monitor.ts';

/** How ready a namespace's cache is. */
export type NamespaceState = 'warm' | 'warming' | 'cold';

/** One change: `state` undefined means the namespace was deleted, `previous` undefined that it is new. */
export interface NamespaceChange {
  namespace: string;
  state: NamespaceState | undefined;
  previous: NamespaceState | undefined;
}

/** Per-namespace state inside the gateway, with change listeners; the embedding host sees it through embed/namespaces.ts. */
export interface NamespaceStore {
  /** Sets a namespace's state; listeners hear of it only if it changed. */
  set(namespace: string, state: NamespaceState): void;
  /** Forgets a namespace; a no-op if unknown. */
  delete(namespace: string): void;
  /** Every namespace with its state, sorted by name (code-unit order, so the same in every locale). */
  list(): { namespace: string; state: NamespaceState }[];
  /** Calls fn after every change, synchronously and in subscription order; returns an unsubscribe function. */
  onChange(fn: (change: NamespaceChange) => void): () => void;
}

/** Builds an empty store. */
export function createNamespaceStore(): NamespaceStore {
  const states = new Map<string, NamespaceState>();
  const listeners = new Set<(change: NamespaceChange) => void>();
  const emit = (change: NamespaceChange) => {
    // A copy, so a listener that unsubscribes while being called does not skip its neighbour.
    for (const fn of [...listeners]) fn(change);
  };
  return {
    set(namespace, state) {
      const previous = states.get(namespace);
      if (previous === state) return;
      states.set(namespace, state);
      emit({ namespace, state, previous });
    },
    delete(namespace) {
      const previous = states.get(namespace);
      if (previous === undefined) return;
      states.delete(namespace);
      emit({ namespace, state: undefined, previous });
    },
    list() {
      return [...states]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([namespace, state]) => ({ namespace, state }));
    },
    onChange(fn) {
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const wrapped = (change: NamespaceChange) => fn(change);
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
  };
}

/** The namespace state the standalone policy derives from a cache state; undefined means unlisted. */
export function namespaceStateFor(cache: CacheSnapshot['state']): NamespaceState | undefined {
  switch (cache) {
    case 'connected':
      return 'warm';
    case 'connecting':
      return 'warming';
    case 'disconnected':
      return 'cold';
    case 'disabled':
      return undefined;
  }
}

/**
 * The standalone server's policy, for running without the real cache layer: every configured
 * namespace follows the cache connection (connected → warm, connecting → warming,
 * disconnected → cold), and with no cache configured (disabled) none is listed. Call it from the
 * cache monitor's onChange; the real cache layer calls set() per namespace instead.
 */
export function followCacheConnection(registry: NamespaceStore, namespaces: string[], snapshot: CacheSnapshot): void {
  const state = namespaceStateFor(snapshot.state);
  for (const namespace of namespaces) {
    if (state === undefined) registry.delete(namespace);
    else registry.set(namespace, state);
  }
}
