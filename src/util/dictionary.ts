/**
 * A table for entries that come and go with requests, without keeping the ones that went.
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
 * How keys are hashed and compared is the table's `KeyKind`: text (`textKeys`), or keys that carry
 * their own hash. Measurements of all three tables are in docs/decisions.md.
 */

/** How a table hashes and compares its keys. Collisions cost time, not correctness: keys are compared whole. */
export interface KeyKind<K> {
  /** A 32-bit unsigned hash; equal keys hash alike. */
  hash(key: K): number;
  equal(a: K, b: K): boolean;
}

/**
 * Text keys: 32-bit FNV-1a over the UTF-16 code units, from a seed drawn per table, so that no
 * set of keys collides in every process. The key hashed last is remembered, since a lookup is
 * mostly followed by a write or delete of the same key.
 */
export function textKeys(): KeyKind<string> {
  const seed = (Math.random() * 0x1_0000_0000) >>> 0;
  let lastKey: string | undefined;
  let lastHash = 0;
  return {
    hash(key) {
      if (key === lastKey) return lastHash;
      let hash = seed ^ 0x811c9dc5;
      for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
      lastKey = key;
      lastHash = hash >>> 0;
      return lastHash;
    },
    equal: (a, b) => a === b,
  };
}

/** One key set in a table: `set` hands it back, and `remove` takes it out without hashing the key again. */
export interface DictionaryEntry<K, V> {
  readonly key: K;
  /** The key's value while it is set; undefined once removed. */
  readonly value: V | undefined;
}

interface Entry<K, V> extends DictionaryEntry<K, V> {
  value: V | undefined;
  next: Entry<K, V> | undefined;
  readonly hash: number;
}

// Buckets stay a power of two; the table doubles when it holds more keys than it has buckets.
const INITIAL_BUCKETS = 64;

export class Dictionary<K, V> {
  private buckets: (Entry<K, V> | undefined)[] = new Array<Entry<K, V> | undefined>(INITIAL_BUCKETS).fill(undefined);
  private count = 0;

  constructor(private readonly kind: KeyKind<K>) {}

  /** How many keys are set. */
  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    return this.entryOf(key, this.kind.hash(key))?.value;
  }

  /** Sets `key` to `value` (never undefined: that is what an absent key reads as); its entry. */
  set(key: K, value: V): DictionaryEntry<K, V> {
    const hash = this.kind.hash(key);
    const entry = this.entryOf(key, hash);
    if (entry !== undefined) {
      entry.value = value;
      return entry;
    }
    const index = hash & (this.buckets.length - 1);
    const added: Entry<K, V> = { key, value, next: this.buckets[index], hash };
    this.buckets[index] = added;
    if (++this.count > this.buckets.length) this.grow();
    return added;
  }

  /** Removes `key`, if set. */
  delete(key: K): void {
    const entry = this.entryOf(key, this.kind.hash(key));
    if (entry !== undefined) this.remove(entry);
  }

  /** Removes the key of `entry` (from `set`), if it is still set: found by the entry itself, without hashing or comparing keys. */
  remove(entry: DictionaryEntry<K, V>): void {
    const index = (entry as Entry<K, V>).hash & (this.buckets.length - 1);
    let before: Entry<K, V> | undefined;
    for (let candidate = this.buckets[index]; candidate !== undefined; before = candidate, candidate = candidate.next) {
      if (candidate !== entry) continue;
      if (before === undefined) this.buckets[index] = candidate.next;
      else before.next = candidate.next;
      // Emptied: should this entry have reached the old generation, it holds nothing young alive.
      candidate.value = undefined;
      candidate.next = undefined;
      this.count--;
      return;
    }
  }

  /** The keys set, in no promised order. */
  keys(): K[] {
    const keys: K[] = [];
    for (let entry of this.buckets) for (; entry !== undefined; entry = entry.next) keys.push(entry.key);
    return keys;
  }

  private entryOf(key: K, hash: number): Entry<K, V> | undefined {
    for (let entry = this.buckets[hash & (this.buckets.length - 1)]; entry !== undefined; entry = entry.next) {
      if (entry.hash === hash && this.kind.equal(entry.key, key)) return entry;
    }
    return undefined;
  }

  private grow(): void {
    const old = this.buckets;
    this.buckets = new Array<Entry<K, V> | undefined>(old.length * 2).fill(undefined);
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
