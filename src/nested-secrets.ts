/**
 * Credentials one level down in a log entry (`{ config: { apiTokens } }`, `{ client: { token } }`)
 * are censored here rather than by pino's `*.token` redact paths. pino runs a wildcard path's
 * redactor over every top-level value of every line, strings and numbers included, which doubled
 * what an access line costs to write; this looks only at the values that are objects, and does
 * nothing to an entry that has none.
 *
 * Like pino's redactor, a value is censored in place while the line is serialized and put back
 * afterwards, so the caller's object, its prototype and its toJSON are as they were. A property
 * that cannot be written (a frozen object) is censored in a copy instead.
 */

/** The property names of credentials: censored at the top level by the logger's redact paths, one level down here. */
export const SECRET_NAMES: readonly string[] = ['token', 'tokens', 'apiTokens'];

type Entry = Record<string, unknown>;

/** A censored property and the value to put back. */
interface Censored {
  holder: Entry;
  name: string;
  value: unknown;
}

/** Whether `value` holds a credential under one of SECRET_NAMES. */
function holdsSecret(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  for (const name of SECRET_NAMES) if ((value as Entry)[name] !== undefined) return true;
  return false;
}

/** A shallow copy of `value` with its credentials replaced by `censor`: its prototype and every other own property kept. */
function censoredCopy(value: Entry, censor: string): Entry {
  const descriptors = Object.getOwnPropertyDescriptors(value) as Record<string, PropertyDescriptor>;
  for (const name of SECRET_NAMES) {
    if (value[name] !== undefined) descriptors[name] = { value: censor, enumerable: true, writable: true, configurable: true };
  }
  return Object.create(Object.getPrototypeOf(value) as object | null, descriptors) as Entry;
}

/** Censors `value`'s credentials in place, noting in `undo` what to put back; false when one could not be written. */
function censorInPlace(value: Entry, censor: string, undo: Censored[]): boolean {
  let written = true;
  for (const name of SECRET_NAMES) {
    const before = value[name];
    if (before === undefined) continue;
    if (Reflect.set(value, name, censor)) undo.push({ holder: value, name, value: before });
    else written = false;
  }
  return written;
}

/** `entry` with its credentials one level down censored: itself, changed in place, or a copy where that failed. */
function censorEntry(entry: object, censor: string, undo: Censored[]): object {
  // pino logs an Error under its error key, so one level down is the error's own properties.
  if (entry instanceof Error) {
    if (!holdsSecret(entry) || censorInPlace(entry, censor, undo)) return entry;
    return censoredCopy(entry, censor);
  }
  let copy: Entry | undefined;
  for (const key in entry) {
    const value = (entry as Entry)[key];
    // pino writes own properties only, and a copy holds only those.
    if (holdsSecret(value) && Object.hasOwn(entry, key) && !censorInPlace(value, censor, undo)) (copy ??= { ...entry })[key] = censoredCopy(value, censor);
  }
  return copy ?? entry;
}

/**
 * Runs `write()` with every credential one level down in each object of `args` (a log call's
 * arguments: the entry, or an object a format string interpolates) reading `censor`, then puts
 * them back. An argument whose credential cannot be written is replaced in `args` by a copy.
 */
export function withNestedSecretsCensored<T>(args: unknown[], censor: string, write: () => T): T {
  const undo: Censored[] = [];
  try {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (typeof arg === 'object' && arg !== null) args[i] = censorEntry(arg, censor, undo);
    }
    return write();
  } finally {
    for (let i = undo.length - 1; i >= 0; i--) Reflect.set(undo[i]!.holder, undo[i]!.name, undo[i]!.value);
  }
}

/** A copy of a child logger's bindings with every credential one level down censored (bindings are serialized once, when the child is made). */
export function bindingsCensored(bindings: Entry, censor: string): Entry {
  let copy: Entry | undefined;
  for (const key in bindings) {
    const value = bindings[key];
    if (holdsSecret(value)) (copy ??= { ...bindings })[key] = censoredCopy(value, censor);
  }
  return copy ?? bindings;
}
