/**
 * A table of string keys for entries that come and go with requests, without keeping the ones
 * that went.
 *
 * Not a Map: when a Map has grown or shrunk enough, V8 rehashes it into a new table and keeps the
 * old one, with the entries it held then, linked to the new one for the Map's iterators. Once one
 * such table has reached the old generation, every table after it is kept alive through that link
 * until the next full collection, and so is every value it held. Young collections then copy and
 * promote the values of entries long deleted; with values that hold a request and its answer,
 * megabytes per collection.
 *
 * Not an object used as a hash table either: V8 looks a long, freshly built key up in its table of
 * internalized strings before it can read such an object, and adds it there on a write, which
 * costs several times a Map's lookup.
 *
 * So a hash table of our own: chains of small entries hung from one array of buckets. An entry
 * deleted is unlinked and emptied, so nothing in the table, old or young, still leads to its value.
 * Measurements of all three are in docs/decisions.md.
 */

interface Entry<V> {
  key: string;
  value: V | undefined;
  next: Entry<V> | undefined;
  hash: number;
}

// Buckets stay a power of two; the table doubles when it holds more keys than it has buckets.
const INITIAL_BUCKETS = 64;

export class Dictionary<V> {
  private buckets: (Entry<V> | undefined)[] = new Array<Entry<V> | undefined>(INITIAL_BUCKETS).fill(undefined);
  private count = 0;
  // Per table, so that no set of keys collides in every process. Collisions cost time, not
  // correctness: keys are compared whole.
  private readonly seed = (Math.random() * 0x1_0000_0000) >>> 0;
  // The key hashed last and its hash: a lookup is mostly followed by a write of the same key.
  private lastKey: string | undefined;
  private lastHash = 0;

  /** How many keys are set. */
  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.entryOf(key, this.hashOf(key))?.value;
  }

  /** Sets `key` to `value` (never undefined: that is what an absent key reads as). */
  set(key: string, value: V): void {
    const hash = this.hashOf(key);
    const entry = this.entryOf(key, hash);
    if (entry !== undefined) {
      entry.value = value;
      return;
    }
    const index = hash & (this.buckets.length - 1);
    this.buckets[index] = { key, value, next: this.buckets[index], hash };
    if (++this.count > this.buckets.length) this.grow();
  }

  /** Removes `key`, if set. */
  delete(key: string): void {
    const hash = this.hashOf(key);
    const index = hash & (this.buckets.length - 1);
    let before: Entry<V> | undefined;
    for (let entry = this.buckets[index]; entry !== undefined; before = entry, entry = entry.next) {
      if (entry.hash !== hash || entry.key !== key) continue;
      if (before === undefined) this.buckets[index] = entry.next;
      else before.next = entry.next;
      // Emptied: should this entry have reached the old generation, it holds nothing young alive.
      entry.value = undefined;
      entry.next = undefined;
      this.count--;
      return;
    }
  }

  /** The keys set, in no promised order. */
  keys(): string[] {
    const keys: string[] = [];
    for (let entry of this.buckets) for (; entry !== undefined; entry = entry.next) keys.push(entry.key);
    return keys;
  }

  private entryOf(key: string, hash: number): Entry<V> | undefined {
    for (let entry = this.buckets[hash & (this.buckets.length - 1)]; entry !== undefined; entry = entry.next) {
      if (entry.hash === hash && entry.key === key) return entry;
    }
    return undefined;
  }

  // 32-bit FNV-1a over the key's UTF-16 code units, from the table's seed.
  private hashOf(key: string): number {
    if (key === this.lastKey) return this.lastHash;
    let hash = this.seed ^ 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    this.lastKey = key;
    this.lastHash = hash >>> 0;
    return this.lastHash;
  }

  private grow(): void {
    const old = this.buckets;
    this.buckets = new Array<Entry<V> | undefined>(old.length * 2).fill(undefined);
    const mask = this.buckets.length - 1;
    for (let i = 0; i < old.length; i++) {
      for (let entry = old[i]; entry !== undefined; ) {
        const next = entry.next;
        entry.next = this.buckets[entry.hash & mask];
        this.buckets[entry.hash & mask] = entry;
        entry = next;
      }
      // The old array is dropped; emptied, it keeps no entry alive should it be in the old generation.
      old[i] = undefined;
    }
  }
}
