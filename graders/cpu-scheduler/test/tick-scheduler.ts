// A second simulator for the tests, as literal as the statement: time advances one unit at a time,
// and at every decision point the rules of exercises/cpu-scheduler/README.md pick the process. Slow
// (one step per time unit) and plain on purpose: the oracle (schedule.ts) must agree with it.
import type { Schedule, Scenario, Stretch } from "@/graders/cpu-scheduler/schedule";

/** Mistakes candidates make, for the tests that must catch them (graders/cpu-scheduler/grader.test.ts). */
export const QUIRKS = [
  "requeue-before-arrivals",
  "preempt-on-tie",
  "no-aging",
  "aging-rounded-down",
  "aging-while-running",
  "sjf-ties-by-number",
  "ready-ties-by-number",
] as const;
export type Quirk = (typeof QUIRKS)[number];

export function tickSchedule(scenario: Scenario, quirk?: Quirk): Schedule {
  const { processes, algorithm, parameter } = scenario;
  const n = processes.length;
  const left = processes.map((p) => p.burst);
  const becameReady = processes.map((p) => p.arrival);
  const first = new Array<number>(n).fill(-1);
  const done = new Array<number>(n).fill(-1);
  /** Round Robin's queue, in order. */
  const queue: number[] = [];
  let running = -1;
  let quantumUsed = 0;
  const perUnit: number[] = [];
  const isReady = (i: number, t: number) => processes[i]!.arrival <= t && left[i]! > 0 && i !== running;

  /** Whether a waits ahead of b: who became ready first, then the smaller number. */
  const earlier = (a: number, b: number) =>
    quirk === "ready-ties-by-number" ? a < b : becameReady[a]! < becameReady[b]! || (becameReady[a] === becameReady[b] && a < b);
  /** The effective priority of a waiting process at t, times aging (the same order, in integers). */
  const effective = (i: number, t: number) => {
    const waited = t - becameReady[i]!;
    if (quirk === "no-aging") return processes[i]!.priority * parameter;
    if (quirk === "aging-rounded-down") return (processes[i]!.priority - Math.floor(waited / parameter)) * parameter;
    return processes[i]!.priority * parameter - waited;
  };
  /** What the running process competes with: its own priority (times aging). */
  const runningPriority = (t: number) => (quirk === "aging-while-running" ? effective(running, t) : processes[running]!.priority * parameter);

  for (let t = 0; done.includes(-1); t++) {
    const arrivals = processes.map((_, i) => i).filter((i) => processes[i]!.arrival === t);
    const finished = running !== -1 && left[running] === 0;
    if (finished) {
      done[running] = t;
      running = -1;
    }
    if (algorithm === "RR") {
      const expired = running !== -1 && quantumUsed === parameter;
      if (expired && quirk === "requeue-before-arrivals") queue.push(running);
      queue.push(...arrivals);
      if (expired) {
        if (quirk !== "requeue-before-arrivals") queue.push(running);
        running = -1;
      }
      if (running === -1 && queue.length > 0) {
        running = queue.shift()!;
        quantumUsed = 0;
      }
    } else if (running === -1 || ((algorithm === "SRTF" || algorithm === "PRIORITY") && arrivals.length > 0)) {
      const candidates = processes.map((_, i) => i).filter((i) => isReady(i, t));
      let best = -1;
      for (const i of candidates) {
        if (best === -1) best = i;
        else if (algorithm === "FCFS" && earlier(i, best)) best = i;
        else if (algorithm === "SJF") {
          const a = processes[i]!.burst;
          const b = processes[best]!.burst;
          if (a < b || (a === b && (quirk === "sjf-ties-by-number" ? i < best : earlier(i, best)))) best = i;
        } else if (algorithm === "SRTF" && (left[i]! < left[best]! || (left[i] === left[best] && earlier(i, best)))) best = i;
        else if (algorithm === "PRIORITY") {
          const a = effective(i, t);
          const b = effective(best, t);
          if (a < b || (a === b && earlier(i, best))) best = i;
        }
      }
      if (best !== -1) {
        const takes =
          running === -1 ||
          (algorithm === "SRTF" && (quirk === "preempt-on-tie" ? left[best]! <= left[running]! : left[best]! < left[running]!)) ||
          (algorithm === "PRIORITY" && effective(best, t) < runningPriority(t));
        if (takes) {
          if (running !== -1) becameReady[running] = t;
          running = best;
        }
      }
    }
    if (!done.includes(-1)) break;
    if (running === -1) {
      perUnit.push(0);
      continue;
    }
    if (first[running] === -1) first[running] = t;
    perUnit.push(running + 1);
    left[running]! -= 1;
    quantumUsed += 1;
  }

  const timeline: Stretch[] = [];
  perUnit.forEach((pid, t) => {
    const last = timeline.at(-1);
    if (last && last.pid === pid) last.end = t + 1;
    else timeline.push({ start: t, end: t + 1, pid });
  });
  const figures = processes.map((p, i) => {
    const turnaround = done[i]! - p.arrival;
    return { waiting: turnaround - p.burst, turnaround, response: first[i]! - p.arrival };
  });
  return { timeline, figures };
}
