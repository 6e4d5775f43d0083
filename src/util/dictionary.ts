/**
 * A table of string keys for entries that come and go with requests, without keeping the ones
 * that went. A Map would: when it has grown or shrunk enough, V8 rehashes it into a new table and
 * keeps the old one, with the entries it held then, linked to the new one for the Map's
 * iterators. Once one such table has reached the old generation, every table after it is kept
 * alive through that link until the next full collection, and so is every value it held. Young
 * collections then copy and promote the values of entries long deleted; with values that hold a
 * request and its answer, megabytes per collection (measurements in docs/decisions.md). An object
 * without a prototype is a hash table too, and its old tables hold no link to the new ones.
 */
export class Dictionary<V> {
  // No prototype: every key is an own property, whatever text it holds ("__proto__" included).
  private readonly entries = Object.create(null) as Record<string, V | undefined>;
  private count = 0;

  /** How many keys are set. */
  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.entries[key];
  }

  /** Sets `key` to `value` (never undefined: that is what an absent key reads as). */
  set(key: string, value: V): void {
    if (this.entries[key] === undefined) this.count++;
    this.entries[key] = value;
  }

  /** Removes `key`, if set. */
  delete(key: string): void {
    if (this.entries[key] === undefined) return;
    delete this.entries[key];
    this.count--;
  }

  /** The keys set, in no promised order. */
  keys(): string[] {
    return Object.keys(this.entries);
  }
}
