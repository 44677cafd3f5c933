// An allocation trace as the harness reads it (the statement's Input section), read back from text
// with the reasons the harness would refuse it, and the figures the harness reports for it, worked
// out from the trace alone: how many operations, the peak of the bytes allocated at once, and the
// bytes whose pattern the harness checked (each block as it is freed or reallocated, the rest at the
// end). They follow mm.h's conventions: mm_malloc(0) holds no bytes, a request over the heap's 64
// MiB and a calloc whose product overflows get NULL, mm_realloc(p, 0) frees.

export const POLICIES = ["first", "best", "next"] as const;
export type Policy = (typeof POLICIES)[number];

export type Op =
  | { kind: "a" | "r"; id: number; size: bigint }
  | { kind: "c"; id: number; n: bigint; size: bigint }
  | { kind: "f"; id: number }
  | { kind: "w"; id: number; from: number; to: number }
  | { kind: "j"; id: number; prev: number }
  | { kind: "m" | "n" };

export interface Trace {
  policy: Policy;
  ops: Op[];
}

/** memlib.h's MEM_MAX_HEAP: a request over it must get NULL. */
export const MAX_HEAP = 64 * 1024 * 1024;
export const MAX_IDS = 1_000_000;
export const MAX_OPS = 2_000_000;
const MAX_SIZE = 2n ** 64n - 1n;

export function opLine(op: Op): string {
  switch (op.kind) {
    case "a":
    case "r":
      return `${op.kind} ${op.id} ${op.size}`;
    case "c":
      return `c ${op.id} ${op.n} ${op.size}`;
    case "f":
      return `f ${op.id}`;
    case "w":
      return `w ${op.id} ${op.from} ${op.to}`;
    case "j":
      return `j ${op.id} ${op.prev}`;
    default:
      return op.kind;
  }
}

export function traceText(trace: Trace): string {
  return `${trace.policy}\n${trace.ops.map(opLine).join("\n")}\n`;
}

const ARGUMENTS: Record<string, number> = { a: 2, r: 2, c: 3, f: 1, w: 3, j: 2, m: 0, n: 0 };

/**
 * A trace written as the statement's Input section says (an optional first line with one word, the
 * policy, then an operation a line), or the first reason the harness would refuse it. Beyond the
 * syntax: an ID is allocated again only once freed, and w and j name blocks the trace allocated.
 */
export function readTrace(text: string): { ok: true; trace: Trace } | { ok: false; message: string } {
  const lines = text.split("\n").map((line) => line.trim());
  let at = lines.findIndex((line) => line !== "");
  if (at >= 0 && !POLICIES.includes(lines[at] as Policy) && /^\S+$/.test(lines[at]!) && !/^[acrfwjmn]$/.test(lines[at]!)) {
    const next = lines.findIndex((line, i) => i > at && line !== "");
    if (next >= 0) at = next;
  }
  if (at < 0 || !POLICIES.includes(lines[at] as Policy))
    return {
      ok: false,
      message: `the trace starts with its policy, first, best or next, on a line of its own${at < 0 ? "; it is empty." : `; it starts with "${lines[at]!.slice(0, 40)}".`}`,
    };
  const policy = lines[at] as Policy;
  const ops: Op[] = [];
  const allocated = new Set<number>();
  const ever = new Set<number>();
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const where = `line ${i + 1} ("${line.slice(0, 60)}")`;
    const [kind, ...words] = line.split(/\s+/) as [string, ...string[]];
    if (!(kind in ARGUMENTS)) return { ok: false, message: `${where}: an operation is a, c, r, f, w, j, m or n.` };
    if (words.length !== ARGUMENTS[kind])
      return { ok: false, message: `${where}: ${kind} takes ${ARGUMENTS[kind]} number${ARGUMENTS[kind] === 1 ? "" : "s"}.` };
    const bad = words.find((word) => !/^\d+$/.test(word) || BigInt(word) > MAX_SIZE);
    if (bad !== undefined) return { ok: false, message: `${where}: "${bad.slice(0, 40)}" is not a whole number from 0 to 2^64 - 1.` };
    const numbers = words.map((word) => BigInt(word));
    if (kind !== "m" && kind !== "n") {
      const ids = kind === "w" || kind === "j" ? numbers : [numbers[0]!];
      const over = ids.find((id) => id >= BigInt(MAX_IDS));
      if (over !== undefined) return { ok: false, message: `${where}: block IDs are 0 to 999,999; ${over} is not.` };
    }
    const id = Number(numbers[0] ?? 0n);
    let op: Op;
    if (kind === "a" || kind === "r") op = { kind, id, size: numbers[1]! };
    else if (kind === "c") op = { kind, id, n: numbers[1]!, size: numbers[2]! };
    else if (kind === "f") op = { kind, id };
    else if (kind === "w") op = { kind, id, from: Number(numbers[1]), to: Number(numbers[2]) };
    else if (kind === "j") op = { kind, id, prev: Number(numbers[1]) };
    else op = { kind: kind as "m" | "n" };
    if ((op.kind === "a" || op.kind === "c") && allocated.has(id))
      return { ok: false, message: `${where}: block ${id} is still allocated; free it (f ${id}) before allocating that ID again.` };
    if (op.kind === "r" && op.size === 0n && !allocated.has(id))
      return { ok: false, message: `${where}: block ${id} is not allocated, and r ${id} 0 frees it; write a ${id} 0 for mm_malloc(0).` };
    if (op.kind === "w" && (!allocated.has(id) || !ever.has(op.from) || !ever.has(op.to)))
      return { ok: false, message: `${where}: w needs block ${id} allocated, and blocks it names allocated earlier in the trace.` };
    if (op.kind === "j" && (!allocated.has(id) || !allocated.has(op.prev))) return { ok: false, message: `${where}: j needs both blocks allocated.` };
    if (op.kind === "a" || op.kind === "c" || (op.kind === "r" && op.size > 0n)) {
      allocated.add(id);
      ever.add(id);
    }
    if (op.kind === "f" || (op.kind === "r" && op.size === 0n)) allocated.delete(id);
    ops.push(op);
    if (ops.length > MAX_OPS) return { ok: false, message: `the trace has more than ${MAX_OPS.toLocaleString("en-US")} operations.` };
  }
  return { ok: true, trace: { policy, ops } };
}

export interface Figures {
  ops: number;
  /** The most bytes allocated at once (the sizes asked for). */
  peakLive: number;
  /** Bytes whose pattern the harness checked: blocks as freed or reallocated, and those left at the end. */
  checked: number;
}

/** The bytes a request holds when it succeeds, or null when mm.h says it gets NULL. */
function granted(op: Op): number | null {
  if (op.kind === "c") {
    const total = op.n * op.size;
    return total > MAX_SIZE || total > BigInt(MAX_HEAP) ? null : Number(total);
  }
  if (op.kind === "a" || op.kind === "r") return op.size > BigInt(MAX_HEAP) ? null : Number(op.size);
  return null;
}

/** The harness's figures for a trace replayed by a correct allocator. */
export function figures(trace: Trace): Figures {
  const live = new Map<number, number>();
  let liveBytes = 0;
  let peakLive = 0;
  let checked = 0;
  for (const op of trace.ops) {
    if (op.kind === "a" || op.kind === "c" || (op.kind === "r" && !live.has(op.id))) {
      const size = granted(op);
      if (size !== null && !(op.kind === "r" && size === 0)) {
        live.set(op.id, size);
        liveBytes += size;
      }
    } else if (op.kind === "r") {
      const old = live.get(op.id)!;
      checked += old;
      const size = granted(op);
      if (op.size === 0n) {
        live.delete(op.id);
        liveBytes -= old;
      } else if (size !== null) {
        live.set(op.id, size);
        liveBytes += size - old;
      }
    } else if (op.kind === "f" && live.has(op.id)) {
      const size = live.get(op.id)!;
      checked += size;
      liveBytes -= size;
      live.delete(op.id);
    }
    peakLive = Math.max(peakLive, liveBytes);
  }
  for (const size of live.values()) checked += size;
  return { ops: trace.ops.length, peakLive, checked };
}
