// Workloads for deadlock-detection: random streams that keep to the input's rules (generated against
// the oracle's own system, so every event is valid where it happens), scripted edge cases, and the
// chains on which a detection that sweeps the waiting processes again after each one it finishes is
// quadratic.
import type { SeededRandom } from "@/graders/core/random";
import { type Event, ResourceSystem, type Workload } from "@/graders/deadlock-detection/system";

export interface StreamShape {
  n: number;
  m: number;
  /** Each type's total is drawn from [low, high]. */
  total: [number, number];
  events: number;
  /** The share of events that are DETECT. */
  detect: number;
  /** How likely a waiting process picked to act exits (is killed); otherwise another process acts. Default 0.25. */
  killWaiting?: number;
}

/**
 * A random stream: processes request (mostly small amounts), release some of what they hold, and
 * exit; waiting processes are killed now and then, which is what resolves deadlocks. Small totals
 * make waits and deadlocks frequent; with totals of 1, every type is a single instance.
 */
export function randomStream(random: SeededRandom, shape: StreamShape): Workload {
  const total = Array.from({ length: shape.m }, () => random.int(...shape.total));
  const system = new ResourceSystem(shape.n, total);
  const events: Event[] = [];
  const killWaiting = shape.killWaiting ?? 0.25;
  const amount = (room: number) => 1 + Math.floor(random.next() ** 3 * room);
  const next = (): Event | null => {
    const p = random.int(0, shape.n - 1);
    if (system.waiting[p]) return random.next() < killWaiting ? { kind: "EXIT", process: p } : null;
    const held = system.held[p]!;
    const roll = random.next();
    if (roll < 0.05) return { kind: "EXIT", process: p };
    if (roll < 0.45) {
      const holding = held.flatMap((count, r) => (count > 0 ? [r] : []));
      if (holding.length === 0) return null;
      const r = random.pick(holding);
      return { kind: "RELEASE", process: p, type: r, amount: random.int(1, held[r]!) };
    }
    const r = random.int(0, shape.m - 1);
    const room = total[r]! - held[r]!;
    return room === 0 ? null : { kind: "REQUEST", process: p, type: r, amount: amount(room) };
  };
  while (events.length < shape.events) {
    if (random.next() < shape.detect) {
      events.push({ kind: "DETECT" });
      continue;
    }
    let event = next();
    while (event === null) event = next();
    system.apply(event);
    events.push(event);
  }
  return { n: shape.n, total, events };
}

/** Events written as lines: "REQUEST 0 1 2; DETECT; EXIT 3". */
export function scripted(n: number, total: number[], text: string): Workload {
  const events = text
    .split(";")
    .map((line) => line.trim().split(/\s+/))
    .filter((words) => words[0] !== "")
    .map(([kind, ...numbers]): Event => {
      const [process, type, amount] = numbers.map(Number);
      if (kind === "DETECT") return { kind };
      if (kind === "EXIT") return { kind, process: process! };
      const move = { process: process!, type: type!, amount: amount! };
      if (kind === "REQUEST") return { kind, ...move };
      if (kind === "RELEASE") return { kind, ...move };
      throw new Error(`Unknown event ${kind}`);
    });
  return { n, total, events };
}

/**
 * Chains that unlock one process at a time, against the order of the process numbers: per chain a
 * type with L instances, L processes holding one each; the chain's last process does not wait, and
 * the one before it waits for 1 more, the one before that for 2, and so on. Whoever finishes frees
 * exactly what the next one needs, so a sweep in process order finishes about one per pass (L passes
 * of up to L processes). Beside the chains, two processes deadlocked over two single instances, so
 * every detection has something to report, and one that takes and gives back one instance of a type
 * of its own between detections, so every detection sees a changed system. `n` processes in all
 * (`n - 3` in the chains), `detections` DETECT events.
 */
export function chains(n: number, chainCount: number, detections: number): Workload {
  const inChains = n - 3;
  const lengths = Array.from({ length: chainCount }, (_, c) => Math.floor(inChains / chainCount) + (c < inChains % chainCount ? 1 : 0));
  // Types: one per chain, then the two of the cycle, then the toggled one.
  const cycle = chainCount;
  const toggled = chainCount + 2;
  const total = [...lengths, 1, 1, 1];
  const events: Event[] = [];
  // Process numbers: chain c's members are c, c + chainCount, c + 2 × chainCount …, numbered so the
  // last member (the one not waiting) has the highest number.
  const member = (c: number, i: number) => c + i * chainCount;
  lengths.forEach((length, c) => {
    for (let i = 0; i < length; i++) events.push({ kind: "REQUEST", process: member(c, i), type: c, amount: 1 });
  });
  lengths.forEach((length, c) => {
    for (let i = length - 2; i >= 0; i--) events.push({ kind: "REQUEST", process: member(c, i), type: c, amount: length - 1 - i });
  });
  const [a, b, toggler] = [inChains, inChains + 1, inChains + 2];
  events.push(
    { kind: "REQUEST", process: a, type: cycle, amount: 1 },
    { kind: "REQUEST", process: b, type: cycle + 1, amount: 1 },
    { kind: "REQUEST", process: a, type: cycle + 1, amount: 1 },
    { kind: "REQUEST", process: b, type: cycle, amount: 1 },
  );
  for (let d = 0; d < detections; d++) {
    events.push({ kind: d % 2 === 0 ? "REQUEST" : "RELEASE", process: toggler, type: toggled, amount: 1 }, { kind: "DETECT" });
  }
  return { n, total, events };
}
