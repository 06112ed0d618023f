/** The generator's seeded randomness: every article draws from its own stream of (seed, index, stream). */

/** mulberry32: small, fast, good enough for synthetic data. Returns floats in [0, 1). */
export function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes (seed, index, stream) into one 32-bit seed (murmur3 finalizer). */
export function mix(seed: number, index: number, stream: number): number {
  let h = (seed | 0) ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks `n` distinct items (n <= items.length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const out: T[] = [];
    const used = new Set<number>();
    while (out.length < n) {
      const k = Math.floor(this.next() * items.length);
      if (used.has(k)) continue;
      used.add(k);
      out.push(items[k]!);
    }
    return out;
  }
  /** A copy of `items` in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let k = out.length - 1; k > 0; k--) {
      const j = Math.floor(this.next() * (k + 1));
      [out[k], out[j]] = [out[j]!, out[k]!];
    }
    return out;
  }
  /** Skewed pick: favours the first items (a few big providers carry most stories). */
  pickSkewed<T>(items: readonly T[]): T {
    const r = this.next();
    return items[Math.floor(r * r * items.length)]!;
  }
  token(length: number, alphabet: string): string {
    let s = '';
    for (let k = 0; k < length; k++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}
