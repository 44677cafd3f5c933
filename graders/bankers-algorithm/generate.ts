// Workloads of bankers-algorithm from a seed: states built around a planned safe order cut into
// layers (a process of layer k needs something that only layers before k free, so the layers set how
// many passes the classic scan makes), and streams of operations built against the state as it goes.
import type { SeededRandom } from "@/graders/core/random";
import { type Bank, cloneBank, newBank, type Operation, release, request, safety, transfer, type Workload } from "@/graders/bankers-algorithm/bank";

export interface StateShape {
  n: number;
  m: number;
  /** 1: every process can finish at once; n: a chain with a single safe sequence. */
  layers: number;
  /** Allocations and the initial available amounts are drawn from 0..maxHeld. */
  maxHeld: number;
  /** The planned safe order: random, or the last process first (n-1, …, 0). */
  order?: "random" | "reverse";
}

function shuffled(random: SeededRandom, n: number): number[] {
  const items = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = random.int(0, i);
    [items[i], items[k]] = [items[k]!, items[i]!];
  }
  return items;
}

/** A safe state whose planned order finishes in `layers` waves. */
export function layeredBank(random: SeededRandom, shape: StateShape): Bank {
  const { n, m, maxHeld } = shape;
  const allocation = Array.from({ length: n }, () => Array.from({ length: m }, () => random.int(0, maxHeld)));
  const available = Array.from({ length: m }, () => random.int(0, maxHeld));
  const order = shape.order === "reverse" ? Array.from({ length: n }, (_, i) => n - 1 - i) : shuffled(random, n);
  const need: number[][] = Array.from({ length: n }, () => []);
  let before = available.slice();
  let base = available.slice();
  for (let layer = 0; layer < shape.layers; layer++) {
    const members = order.slice(Math.floor((layer * n) / shape.layers), Math.floor(((layer + 1) * n) / shape.layers));
    // A resource the previous layer frees: needing more of it than before that layer ties a process to this layer.
    const grown = base.flatMap((amount, j) => (amount > before[j]! ? [j] : []));
    for (const process of members) {
      need[process] = base.map((amount) => random.int(0, amount));
      if (grown.length > 0) {
        const j = random.pick(grown);
        need[process]![j] = random.int(before[j]! + 1, base[j]!);
      }
    }
    before = base;
    base = base.slice();
    for (const process of members) for (let j = 0; j < m; j++) base[j]! += allocation[process]![j]!;
  }
  const max = need.map((row, i) => row.map((amount, j) => amount + allocation[i]![j]!));
  return newBank(available, max, allocation);
}

/** Grants random requests without asking whether they are safe until the state is unsafe (on a fresh state if that takes long). */
export function unsafeBank(random: SeededRandom, shape: StateShape): Bank {
  for (;;) {
    const bank = layeredBank(random, shape);
    for (let grants = 0; grants < 10 * bank.n; grants++) {
      if (!safety(bank).safe) return bank;
      const process = random.int(0, bank.n - 1);
      transfer(
        bank,
        process,
        bank.need[process]!.map((need, j) => random.int(0, Math.min(need, bank.available[j]!))),
        1,
      );
    }
  }
}

/** Relative weights of the kinds of operation in a stream. */
export interface StreamMix {
  /** A request within the process's need and what is available (granted or unsafe). */
  fits: number;
  /** A request for all of the process's need, or as much of it as is available. */
  bold: number;
  overNeed: number;
  overAvailable: number;
  zero: number;
  /** A release of part of what the process holds, or all of it. */
  release: number;
  overRelease: number;
  query: number;
}

export const DEFAULT_MIX: StreamMix = { fits: 30, bold: 12, overNeed: 8, overAvailable: 8, zero: 2, release: 25, overRelease: 4, query: 11 };

type Kind = keyof StreamMix;

function pickKind(random: SeededRandom, mix: StreamMix): Kind {
  const kinds = Object.keys(mix) as Kind[];
  let roll = random.next() * kinds.reduce((sum, kind) => sum + mix[kind], 0);
  for (const kind of kinds) {
    roll -= mix[kind];
    if (roll < 0) return kind;
  }
  return kinds[kinds.length - 1]!;
}

/** A resource type to push over a limit: often the first or the last, where off-by-one bugs live. */
function edgeResource(random: SeededRandom, m: number): number {
  return random.pick([0, m - 1, random.int(0, m - 1)]);
}

function operation(random: SeededRandom, bank: Bank, kind: Kind): Operation {
  const { m } = bank;
  const process = random.int(0, bank.n - 1);
  const need = bank.need[process]!;
  const held = bank.allocation[process]!;
  const within = (limit: (j: number) => number) => Array.from({ length: m }, (_, j) => random.int(0, Math.max(0, limit(j))));
  const fitting = () => within((j) => Math.min(need[j]!, bank.available[j]!));
  switch (kind) {
    case "query":
      return { kind: "SAFE?" };
    case "fits":
      return { kind: "REQUEST", process, amounts: fitting() };
    case "bold":
      return { kind: "REQUEST", process, amounts: need.map((amount, j) => Math.min(amount, bank.available[j]!)) };
    case "zero":
      return { kind: "REQUEST", process, amounts: new Array<number>(m).fill(0) };
    case "overNeed": {
      const amounts = fitting();
      const j = edgeResource(random, m);
      amounts[j] = need[j]! + random.pick([1, 1, random.int(1, 10)]);
      return { kind: "REQUEST", process, amounts };
    }
    case "overAvailable": {
      const short = need.flatMap((amount, j) => (amount > bank.available[j]! ? [j] : []));
      if (short.length === 0) return { kind: "REQUEST", process, amounts: fitting() };
      const amounts = fitting();
      const j = short.includes(m - 1) && random.next() < 0.3 ? m - 1 : random.pick(short);
      amounts[j] = random.int(bank.available[j]! + 1, need[j]!);
      return { kind: "REQUEST", process, amounts };
    }
    case "release":
      return { kind: "RELEASE", process, amounts: random.next() < 0.4 ? held.slice() : within((j) => held[j]!) };
    case "overRelease": {
      const amounts = within((j) => held[j]!);
      amounts[edgeResource(random, m)]! += 1;
      return { kind: "RELEASE", process, amounts };
    }
  }
}

/** A stream of `count` operations against `initial` (left as it is), each built for the state it meets. */
export function stream(random: SeededRandom, initial: Bank, count: number, mix: StreamMix = DEFAULT_MIX): Operation[] {
  const bank = cloneBank(initial);
  const operations: Operation[] = [];
  let next: Kind | undefined;
  while (operations.length < count) {
    const op = operation(random, bank, next ?? pickKind(random, mix));
    next = undefined;
    operations.push(op);
    if (op.kind === "RELEASE") release(bank, op.process, op.amounts);
    // Right after a denial for safety, ask for what would be free had it been rolled back.
    if (op.kind === "REQUEST" && request(bank, op.process, op.amounts) === "DENY UNSAFE" && random.next() < 0.5) next = "bold";
  }
  return operations;
}

/** The oracle's answers, one line per operation (its own safe sequences). */
export function expectedOutput({ bank: initial, operations }: Workload): string {
  const bank = cloneBank(initial);
  const answers = operations.map((op) => {
    if (op.kind === "REQUEST") return request(bank, op.process, op.amounts);
    if (op.kind === "RELEASE") return release(bank, op.process, op.amounts);
    const state = safety(bank);
    return state.safe ? `SAFE ${state.order.join(" ")}` : "UNSAFE";
  });
  return answers.map((answer) => `${answer}\n`).join("");
}
