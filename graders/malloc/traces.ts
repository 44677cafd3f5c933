// The traces the grader replays: small probes whose holes sit at known places (guards between them, so
// no policy can merge them), where each policy's choice, coalescing and splitting are observable; the
// conventions at their edges; and seeded traces shaped like real programs' allocations.
import { SeededRandom } from "@/graders/core/random";
import type { Op, Policy, Trace } from "@/graders/malloc/model";

/** Writes a trace, handing out IDs (a freed ID is used again, as a program's pointers are). */
export class TraceBuilder {
  readonly ops: Op[] = [];
  private next = 0;
  private readonly spare: number[] = [];

  constructor(readonly policy: Policy) {}

  private id(): number {
    return this.spare.pop() ?? this.next++;
  }
  alloc(size: number | bigint): number {
    const id = this.id();
    this.ops.push({ kind: "a", id, size: BigInt(size) });
    return id;
  }
  calloc(n: number | bigint, size: number | bigint): number {
    const id = this.id();
    this.ops.push({ kind: "c", id, n: BigInt(n), size: BigInt(size) });
    return id;
  }
  realloc(id: number, size: number | bigint): void {
    this.ops.push({ kind: "r", id, size: BigInt(size) });
    if (BigInt(size) === 0n) this.spare.push(id);
  }
  free(id: number): void {
    this.ops.push({ kind: "f", id });
    this.spare.push(id);
  }
  /** Frees `id` without handing its ID out again (a later w names it). */
  freeAndKeep(id: number): void {
    this.ops.push({ kind: "f", id });
  }
  within(id: number, from: number, to = from): void {
    this.ops.push({ kind: "w", id, from, to });
  }
  adjacent(id: number, prev: number): void {
    this.ops.push({ kind: "j", id, prev });
  }
  mark(): void {
    this.ops.push({ kind: "m" });
  }
  noGrowth(): void {
    this.ops.push({ kind: "n" });
  }
  trace(): Trace {
    return { policy: this.policy, ops: this.ops };
  }
}

const GUARD = 64;

/** Blocks of `sizes`, each followed by a guard that stays allocated; returns the blocks' IDs. */
function holes(t: TraceBuilder, sizes: number[]): number[] {
  return sizes.map((size) => {
    const id = t.alloc(size);
    t.alloc(GUARD);
    return id;
  });
}

/** Holes of 4000, 1000 and 2000 bytes, then a request of 1000: first fit takes the lowest, best fit the exact one. */
export function placementProbe(policy: "first" | "best"): Trace {
  const t = new TraceBuilder(policy);
  const [a, b, c] = holes(t, [4000, 1000, 2000]) as [number, number, number];
  for (const id of [a, b, c]) t.freeAndKeep(id);
  const x = t.alloc(1000);
  t.within(x, policy === "first" ? a : b);
  return t.trace();
}

/**
 * Holes of 1000, 4000 and 1000 bytes, the highest freed last, then a request of 800: best fit's tie
 * between the two goes to the lower address, not to the block freed most recently (the head of a
 * list that links freed blocks in at its front) nor to the last equal one a walk meets. Not an exact
 * fit, which a walk may stop at.
 */
export function bestFitTieProbe(): Trace {
  const t = new TraceBuilder("best");
  const [a, b, c] = holes(t, [1000, 4000, 1000]) as [number, number, number];
  for (const id of [a, b, c]) t.freeAndKeep(id);
  t.within(t.alloc(800), a);
  return t.trace();
}

/**
 * Holes of 100,000, 400,000 and 100,000 bytes; 200,000 bytes, then 50,000: next fit puts the 50,000
 * right after the 200,000, first fit in the lowest hole. The holes are larger than any free rest an
 * allocator growing its heap in chunks leaves at the top (up to 64 KiB), so the 200,000 can only go
 * in the middle hole, wherever the rover was.
 */
export function roverProbe(policy: "first" | "next"): Trace {
  const t = new TraceBuilder(policy);
  const [a, b, c] = holes(t, [100_000, 400_000, 100_000]) as [number, number, number];
  for (const id of [a, b, c]) t.freeAndKeep(id);
  const y = t.alloc(200_000);
  t.within(y, b);
  const x = t.alloc(50_000);
  if (policy === "next") t.adjacent(x, y);
  else t.within(x, a);
  return t.trace();
}

/**
 * Next fit's rover in the free rest of a split hole; the block just below the rest is freed and the
 * rest merges into it: the rover moves down with it, and the next block goes where the freed one was.
 */
export function roverMergeProbe(): Trace {
  const t = new TraceBuilder("next");
  t.alloc(GUARD);
  const hole = t.alloc(400_000);
  t.alloc(GUARD);
  t.freeAndKeep(hole);
  const z = t.alloc(200_000);
  t.within(z, hole);
  const below = t.alloc(1000);
  t.adjacent(below, z);
  t.freeAndKeep(below);
  t.within(t.alloc(1000), below);
  return t.trace();
}

/** Three neighbours of 1000 bytes freed in `order` (indexes 0 to 2, low to high), then 3000 bytes must fit where they were. */
export function coalesceProbe(order: [number, number, number]): Trace {
  const t = new TraceBuilder("first");
  const blocks = [t.alloc(1000), t.alloc(1000), t.alloc(1000)];
  t.alloc(GUARD);
  for (const i of order) t.freeAndKeep(blocks[i]!);
  t.mark();
  const x = t.alloc(3000);
  t.noGrowth();
  t.within(x, blocks[0]!, blocks[2]!);
  return t.trace();
}

/** A freed block of 8000 bytes between guards, then ten blocks of 700 that must all fit in it. */
export function splitProbe(): Trace {
  const t = new TraceBuilder("first");
  t.alloc(GUARD);
  const big = t.alloc(8000);
  t.alloc(GUARD);
  t.freeAndKeep(big);
  t.mark();
  for (let i = 0; i < 10; i++) t.within(t.alloc(700), big);
  t.noGrowth();
  return t.trace();
}

/** Vectors grown by doubling and strings by a few bytes at a time among other blocks; shrinks; realloc(NULL) and realloc(p, 0). */
export function reallocTrace(): Trace {
  const t = new TraceBuilder("first");
  const vector = t.alloc(16);
  const others: number[] = [];
  for (let size = 32; size <= 65536; size *= 2) {
    t.realloc(vector, size);
    others.push(t.alloc(24 + (size % 100)));
  }
  const text = t.alloc(1);
  for (let length = 2; length <= 300; length += 7) t.realloc(text, length);
  t.realloc(vector, 100);
  t.realloc(vector, 5000);
  for (const id of others.filter((_, i) => i % 2 === 0)) t.free(id);
  t.realloc(vector, 40);
  const fromNull = 500_000;
  t.ops.push({ kind: "r", id: fromNull, size: 777n });
  t.realloc(text, 0);
  t.realloc(fromNull, 3000);
  t.free(fromNull);
  t.realloc(vector, 0);
  return t.trace();
}

/** Blocks freed (the harness fills them with junk) and reused by calloc, and calloc on new heap. */
export function callocTrace(): Trace {
  const t = new TraceBuilder("best");
  const first = [t.calloc(100, 24), t.calloc(1, 4096), t.calloc(37, 3)];
  const used = [t.alloc(2400), t.alloc(4096), t.alloc(111), t.alloc(64)];
  for (const id of used) t.free(id);
  for (const id of first) t.free(id);
  for (const size of [2400, 4096, 111, 64, 8, 333]) t.calloc(1, size);
  t.calloc(300, 8);
  return t.trace();
}

/** malloc(0), calloc(0, n), products that overflow, sizes the heap cannot hold, free(NULL) and realloc(NULL). */
export function limitsTrace(): Trace {
  const t = new TraceBuilder("first");
  const zero = t.alloc(0);
  t.free(zero);
  t.free(t.calloc(0, 16));
  const kept = t.alloc(100);
  t.calloc(2n ** 62n + 1n, 4n); // 4 bytes, once the product wraps
  t.calloc(2n ** 32n, 2n ** 32n); // 0, once it wraps
  t.calloc(2n ** 63n, 3n);
  t.alloc(2n ** 64n - 1n);
  t.alloc(2n ** 64n - 16n);
  t.alloc(64 * 1024 * 1024 + 1);
  t.realloc(kept, 2n ** 64n - 8n);
  t.realloc(kept, 200);
  t.ops.push({ kind: "f", id: 999_999 });
  t.ops.push({ kind: "r", id: 999_998, size: 50n });
  t.ops.push({ kind: "f", id: 999_998 });
  t.free(kept);
  return t.trace();
}

/** Every size from 1 to 256 allocated, every other one freed, and odd sizes again. */
export function alignmentTrace(): Trace {
  const t = new TraceBuilder("first");
  const ids = Array.from({ length: 256 }, (_, i) => t.alloc(i + 1));
  ids.forEach((id, i) => {
    if (i % 2 === 1) t.free(id);
  });
  for (let size = 1; size < 300; size += 6) t.alloc(size);
  t.calloc(3, 5);
  return t.trace();
}

/** Rounds that allocate `perRound` bytes in mixed sizes and free them all: memory is reused or runs out. */
export function reuseTrace(rounds: number, perRound: number, seed: number): Trace {
  const random = new SeededRandom(seed);
  const t = new TraceBuilder("first");
  for (let round = 0; round < rounds; round++) {
    const ids: number[] = [];
    for (let bytes = 0; bytes < perRound; ) {
      const size = random.next() < 0.9 ? random.int(8, 512) : random.int(1024, 16384);
      ids.push(t.alloc(size));
      bytes += size;
    }
    for (let i = ids.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    for (const id of ids) t.free(id);
  }
  return t.trace();
}

export interface ProgramShape {
  ops: number;
  /** The most objects a phase keeps before its end frees most of them. */
  phaseObjects: number;
  seed: number;
}

const SMALL_CLASSES = [16, 24, 32, 40, 48, 64, 96, 128, 160, 256];

/**
 * Allocations shaped like a program's: small objects of a few sizes (structs, nodes, strings) with
 * short or long lives, some odd sizes, buffers of kilobytes, vectors and strings grown by realloc,
 * calloc'd arrays; in phases (a request served, a file parsed) whose end frees most of what they
 * made. Objects are freed in an order of their own, not the reverse of their allocation.
 */
export function programTrace(policy: Policy, shape: ProgramShape): Trace {
  const random = new SeededRandom(shape.seed);
  const t = new TraceBuilder(policy);
  const longLived: number[] = [];
  let phase: number[] = [];
  const growing: { id: number; size: number }[] = [];
  const sizeOf = new Map<number, number>();
  const removeAt = (list: number[], i: number) => {
    const id = list[i]!;
    list[i] = list[list.length - 1]!;
    list.pop();
    return id;
  };
  while (t.ops.length < shape.ops) {
    const r = random.next();
    if (phase.length >= shape.phaseObjects) {
      // The phase ends: most of its objects go, a few survive into the program's long-lived state.
      for (const id of phase) {
        if (random.next() < 0.05) longLived.push(id);
        else t.free(id);
      }
      phase = [];
      for (const v of growing.splice(0)) t.free(v.id);
    } else if (r < 0.5) {
      const size = random.next() < 0.85 ? random.pick(SMALL_CLASSES) : random.int(1, 600);
      const id = t.alloc(size);
      sizeOf.set(id, size);
      phase.push(id);
    } else if (r < 0.8 && phase.length > 0) {
      // Short lives: a recent object, mostly.
      const i = random.next() < 0.7 ? Math.max(0, phase.length - 1 - random.int(0, 8)) : random.int(0, phase.length - 1);
      t.free(removeAt(phase, i));
    } else if (r < 0.87) {
      if (growing.length > 0 && random.next() < 0.8) {
        const v = random.pick(growing);
        v.size = random.next() < 0.5 ? Math.ceil(v.size * 1.5) + 8 : v.size + random.int(1, 64);
        if (v.size > 1 << 18) {
          t.free(v.id);
          growing.splice(growing.indexOf(v), 1);
        } else t.realloc(v.id, v.size);
      } else if (growing.length < 8) {
        const size = random.int(8, 64);
        growing.push({ id: t.alloc(size), size });
      }
    } else if (r < 0.92) {
      const id = t.calloc(random.int(1, 200), random.pick([4, 8, 12, 16, 24]));
      phase.push(id);
    } else if (r < 0.94) {
      const id = t.alloc(random.int(1024, 65536));
      phase.push(id);
    } else if (r < 0.96 && longLived.length > 0) {
      t.free(removeAt(longLived, random.int(0, longLived.length - 1)));
    } else {
      const id = t.alloc(random.pick(SMALL_CLASSES));
      longLived.push(id);
    }
  }
  return t.trace();
}

/**
 * The performance workload: a program builds `kept` long-lived objects (an index, a cache), then
 * serves requests that allocate and free small objects of a few sizes among them. Searching only
 * the free blocks costs little per request; walking every block from the heap's start costs as many
 * steps as there are long-lived objects.
 */
export function serverTrace(kept: number, requests: number, seed: number): Trace {
  const random = new SeededRandom(seed);
  const t = new TraceBuilder("first");
  for (let i = 0; i < kept; i++) t.alloc(random.pick(SMALL_CLASSES) + (random.next() < 0.2 ? random.int(1, 200) : 0));
  const inFlight: number[] = [];
  for (let i = 0; i < requests; i++) {
    if (inFlight.length < 64 || (inFlight.length < 4000 && random.next() < 0.5)) {
      inFlight.push(t.alloc(random.next() < 0.95 ? random.pick(SMALL_CLASSES) : random.int(512, 4096)));
    } else {
      const j = random.int(0, inFlight.length - 1);
      const id = inFlight[j]!;
      inFlight[j] = inFlight[inFlight.length - 1]!;
      inFlight.pop();
      t.free(id);
    }
  }
  return t.trace();
}
