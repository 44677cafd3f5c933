// A small seeded generator (mulberry32): the same seed gives the same hidden tests on every machine.
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)]!;
  }

  /** A derived generator, so adding a test does not shift the numbers of the others. */
  fork(label: string): SeededRandom {
    let hash = this.state;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return new SeededRandom(hash);
  }
}
