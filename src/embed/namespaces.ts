/**
 * The namespace registry as an embedding host sees it: set, delete and list. Names and states
 * that arrive untyped are checked here, so a JavaScript host learns of a typo at the call.
 */
import { NAMESPACE_PATTERN } from '../config.ts';
import { InvalidArgumentError } from '../invalid-argument-error.ts';
import type { NamespaceState, NamespaceStore } from '../cache/namespaces.ts';

export type { NamespaceState } from '../cache/namespaces.ts';

/** Per-namespace cache state, driven by the embedding host; /health and `layer_cache_namespace_state` follow it. */
export interface NamespaceRegistry {
  /**
   * Sets a namespace's state. Throws InvalidArgumentError for a name not matching
   * ^[A-Za-z0-9_.-]{1,128}$ (code ERR_INVALID_NAMESPACE) or a state other than `warm`, `warming`,
   * `cold` (code ERR_INVALID_NAMESPACE_STATE).
   */
  set(namespace: string, state: NamespaceState): void;
  /** Forgets a namespace; a no-op if unknown. */
  delete(namespace: string): void;
  /** Every namespace with its state, sorted by name. */
  list(): { namespace: string; state: NamespaceState }[];
}

const STATES: readonly NamespaceState[] = ['warm', 'warming', 'cold'];

/** The host's view of the registry, with its inputs checked. */
export function hostNamespaces(registry: NamespaceStore): NamespaceRegistry {
  return {
    set(namespace, state) {
      if (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace)) {
        throw new InvalidArgumentError('ERR_INVALID_NAMESPACE', `namespaces.set(${JSON.stringify(namespace)}, ...): the name must match ${NAMESPACE_PATTERN.source}`);
      }
      if (!STATES.includes(state)) {
        throw new InvalidArgumentError('ERR_INVALID_NAMESPACE_STATE', `namespaces.set(${JSON.stringify(namespace)}, ${JSON.stringify(state)}): the state must be one of ${STATES.join(', ')}`);
      }
      registry.set(namespace, state);
    },
    delete: (namespace) => registry.delete(namespace),
    list: () => registry.list(),
  };
}
