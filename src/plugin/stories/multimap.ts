/**
 * Values by key, where most keys have one value: a lone value is held as itself, not in a set.
 * At 100,000 articles 2 million related items are each listed by one article; a set per item
 * held 500 MB of the clustering's peak memory.
 */
export class MultiMap<K, V extends object> {
  private readonly entries = new Map<K, V | V[]>();

  /** Adds a value the key does not have yet (the caller adds each value once per key). */
  add(key: K, value: V): void {
    const held = this.entries.get(key);
    if (held === undefined) this.entries.set(key, value);
    else if (Array.isArray(held)) held.push(value);
    else this.entries.set(key, [held, value]);
  }

  delete(key: K, value: V): void {
    const held = this.entries.get(key);
    if (held === value) this.entries.delete(key);
    else if (Array.isArray(held)) {
      const at = held.indexOf(value);
      if (at >= 0) held.splice(at, 1);
      if (held.length === 1) this.entries.set(key, held[0]!);
    }
  }

  /** How many values the key has. */
  count(key: K): number {
    const held = this.entries.get(key);
    return held === undefined ? 0 : Array.isArray(held) ? held.length : 1;
  }

  /** The key's values (do not change the list). */
  get(key: K): readonly V[] {
    const held = this.entries.get(key);
    return held === undefined ? [] : Array.isArray(held) ? held : [held];
  }
}
