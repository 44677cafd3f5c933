// The oracle: slab.h's rules run over the scenario's operations, so the grader can recompute the
// harness's figures (allocations, NULLs, frees, pages reclaimed, constructor calls, the most pages
// held, and a checksum of which object every cache_alloc returned) from the scenario alone. An object
// is named by its slab's page (the pool hands out its lowest free page) and the order in which it was
// first handed out from that slab, so the rules decide every name whatever the slab's layout. The
// operations are the harness's (the same generator and the same choices), written again here.

export const PAGE_SIZE = 4096;
export const SLAB_HEADER = 64;
const WORD = 8;

export interface Scenario {
  caches: number;
  maxSize: number;
  ops: number;
  live: number;
  pages: number;
  seed: number;
}

export interface Run {
  allocs: number;
  nulls: number;
  frees: number;
  reclaimed: number;
  constructed: number;
  peakPages: number;
  /** FNV-1a (32-bit) over each cache_alloc's object (page << 16 | order first handed out), or 0xFFFFFFFF for NULL. */
  checksum: number;
}

/** Objects per slab, as slab.h defines slab_objects(size, align). */
export function slabObjects(size: number, align: number): number {
  const stride = Math.ceil((size + WORD) / align) * align;
  return Math.floor((PAGE_SIZE - SLAB_HEADER) / stride);
}

/** The harness's generator (a SplitMix-style 32-bit mix), from the seed. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface CacheShape {
  size: number;
  align: number;
  constructor: boolean;
  perSlab: number;
}

/** Cache i's objects: drawn from the generator in order, before any operation. */
export function cacheShapes(s: Scenario, next: () => number): CacheShape[] {
  return Array.from({ length: s.caches }, (_, i) => {
    const size = 8 + (next() % (s.maxSize - 7));
    const align = 8 << (next() % 4);
    return { size, align, constructor: i % 2 === 0, perSlab: slabObjects(size, align) };
  });
}

/** One slab: its free objects (those freed, the most recent last) and its place in a list. */
interface Slab {
  page: number;
  freed: number[];
  handedOut: number;
  inUse: number;
  list: List | undefined;
  before: Slab | undefined;
  after: Slab | undefined;
}

/** A cache's partial or empty slabs, the front first, with constant-time moves. */
class List {
  front: Slab | undefined;
  length = 0;

  remove(slab: Slab): void {
    if (slab.before) slab.before.after = slab.after;
    else this.front = slab.after;
    if (slab.after) slab.after.before = slab.before;
    slab.list = slab.before = slab.after = undefined;
    this.length--;
  }

  pushFront(slab: Slab): void {
    slab.list = this;
    slab.before = undefined;
    slab.after = this.front;
    if (this.front) this.front.before = slab;
    this.front = slab;
    this.length++;
  }
}

export class Cache {
  partial = new List();
  empty = new List();
  /** Objects in use, as the harness keeps them (a removal moves the last one into the gap). */
  live: Array<[Slab, number]> = [];

  constructor(readonly shape: CacheShape) {}

  /** After an alloc or a free: the slab to the front of the list its objects in use put it in (a full slab in none). */
  toFront(slab: Slab): void {
    slab.list?.remove(slab);
    if (slab.inUse === 0) this.empty.pushFront(slab);
    else if (slab.inUse < this.shape.perSlab) this.partial.pushFront(slab);
  }
}

/** The pool and the caches under slab.h's rules; every call returns what the harness would see. */
export class Slabs {
  readonly caches: Cache[];
  private readonly held: Uint8Array;
  private pagesHeld = 0;
  readonly run: Run = { allocs: 0, nulls: 0, frees: 0, reclaimed: 0, constructed: 0, peakPages: 0, checksum: 2166136261 };

  constructor(shapes: CacheShape[], pages: number) {
    this.caches = shapes.map((shape) => new Cache(shape));
    this.held = new Uint8Array(pages);
  }

  private mix(value: number): void {
    this.run.checksum = Math.imul(this.run.checksum ^ value, 16777619) >>> 0;
  }

  /** cache_alloc: the object's name (page << 16 | order first handed out from its slab), or undefined for NULL. */
  alloc(cacheIndex: number): number | undefined {
    const cache = this.caches[cacheIndex]!;
    let slab = cache.partial.front ?? cache.empty.front;
    if (!slab) {
      const page = this.held.indexOf(0);
      if (page < 0) {
        this.run.nulls++;
        this.mix(0xffffffff);
        return undefined;
      }
      this.held[page] = 1;
      this.pagesHeld++;
      this.run.peakPages = Math.max(this.run.peakPages, this.pagesHeld);
      if (cache.shape.constructor) this.run.constructed += cache.shape.perSlab;
      slab = { page, freed: [], handedOut: 0, inUse: 0, list: undefined, before: undefined, after: undefined };
    }
    const order = slab.freed.length > 0 ? slab.freed.pop()! : slab.handedOut++;
    slab.inUse++;
    cache.toFront(slab);
    cache.live.push([slab, order]);
    this.run.allocs++;
    const name = ((slab.page << 16) | order) >>> 0;
    this.mix(name);
    return name;
  }

  /** cache_free of the cache's index-th object in use (the last one moves into its place). */
  free(cacheIndex: number, index: number): void {
    const cache = this.caches[cacheIndex]!;
    const [slab, order] = cache.live[index]!;
    cache.live[index] = cache.live[cache.live.length - 1]!;
    cache.live.pop();
    slab.freed.push(order);
    slab.inUse--;
    cache.toFront(slab);
    this.run.frees++;
  }

  /** Every empty slab's page back to the pool (cache_reclaim, or cache_destroy when `reclaim` is false); how many. */
  giveBackEmpty(cacheIndex: number, reclaim = true): number {
    const cache = this.caches[cacheIndex]!;
    const count = cache.empty.length;
    for (let slab = cache.empty.front; slab; slab = slab.after) this.held[slab.page] = 0;
    this.pagesHeld -= count;
    cache.empty = new List();
    if (reclaim) this.run.reclaimed += count;
    return count;
  }

  get pages(): number {
    return this.pagesHeld;
  }
}

/** Runs the scenario's operations on slab.h's rules. */
export function runSlabs(s: Scenario): Run {
  const next = generator(s.seed);
  const slabs = new Slabs(cacheShapes(s, next), s.pages);
  const period = Math.max(s.live * 2, 16);
  let inUse = 0;
  for (let op = 0; op < s.ops; op++) {
    const c = next() % s.caches;
    const live = slabs.caches[c]!.live;
    const r = next() % 1000;
    if (r < 2) slabs.giveBackEmpty(c);
    else if (r >= 5) {
      const growing = Math.floor(op / period) % 2 === 0;
      let wantsAlloc = next() % 4 < (growing ? 3 : 1);
      if (live.length === 0) wantsAlloc = true;
      if (wantsAlloc && inUse >= s.live) continue;
      if (wantsAlloc) {
        if (slabs.alloc(c) !== undefined) inUse++;
      } else {
        const how = next() % 4;
        slabs.free(c, how < 2 ? live.length - 1 : how === 2 ? 0 : next() % live.length);
        inUse--;
      }
    }
  }
  slabs.caches.forEach((cache, c) => {
    while (cache.live.length > 0) slabs.free(c, cache.live.length - 1);
    if (c % 2 === 0) slabs.giveBackEmpty(c);
    slabs.giveBackEmpty(c, false);
  });
  return slabs.run;
}
