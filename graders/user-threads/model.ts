// The oracle: round-robin as uthread.h defines it, run over the scenario's thread programs. It says
// which thread takes each step, so the grader can recompute the harness's figures (the number of
// steps, a checksum of who took them, how many threads were created) from the scenario alone. The
// programs' choices are the harness's (the same generator and the same rules), written again here.

export interface Scenario {
  /** 0: random programs; 1: up to THREADS alive until TOTAL were created; 2: thread THREADS overflows its stack. */
  mode: 0 | 1 | 2;
  threads: number;
  steps: number;
  total: number;
  stackKib: number;
  seed: number;
}

/** How many children a MODE 0 thread keeps unjoined before a random step may create another. */
const MAX_OPEN_CHILDREN = 16;

type Step = "yield" | "work" | "create" | "join" | "end" | "overflow";

class Program {
  random: number;
  stepsLeft: number;
  createsLeft = 0;
  stepsTaken = 0;
  /** Created and not joined yet, oldest first. */
  readonly children: number[] = [];
  childrenJoined = 0;

  constructor(
    readonly id: number,
    readonly scenario: Scenario,
  ) {
    this.random = (scenario.seed ^ Math.imul(id, 0x9e3779b1)) >>> 0;
    if (id === 0) {
      this.createsLeft = scenario.mode === 1 ? 0 : scenario.threads;
      this.stepsLeft = scenario.mode === 1 ? 0 : scenario.steps;
    } else if (scenario.mode === 0) {
      this.stepsLeft = 1 + (this.next() % scenario.steps);
      this.next(); // how it ends (returns, or exits from a few calls down): the same order either way
    } else {
      this.stepsLeft = scenario.steps;
    }
  }

  /** The harness's generator (a SplitMix-style 32-bit mix). */
  next(): number {
    this.random = (this.random + 0x9e3779b9) >>> 0;
    let z = this.random;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  get openChildren(): number {
    return this.children.length - this.childrenJoined;
  }

  joinOldest(): { step: Step; target: number } {
    return { step: "join", target: this.children[this.childrenJoined++]! };
  }

  decide(created: number): { step: Step; target?: number } {
    const { mode, threads, total } = this.scenario;
    this.stepsTaken++;
    if (this.createsLeft > 0) {
      this.createsLeft--;
      return { step: "create" };
    }
    if (mode === 1 && this.id === 0 && created < total && this.openChildren < threads) return { step: "create" };
    if (this.stepsLeft > 0) {
      this.stepsLeft--;
      if (mode === 2) return { step: this.id === threads && this.stepsTaken === 2 ? "overflow" : "yield" };
      if (mode === 1) return { step: "yield" };
      const r = this.next() % 100;
      if (r < 50) return { step: "yield" };
      if (r < 60) return { step: "work" };
      if (r < 72) return { step: created < total && this.openChildren < MAX_OPEN_CHILDREN ? "create" : "yield" };
      if (r < 84) return this.openChildren > 0 ? this.joinOldest() : { step: "work" };
      return { step: "yield" }; // from deep down the stack, or holding values in registers
    }
    if (this.openChildren > 0) return this.joinOldest();
    return { step: "end" };
  }
}

export interface Run {
  /** Steps taken, in all. */
  steps: number;
  /** FNV-1a (32-bit) over the id of the thread taking each step, as the harness sums it. */
  checksum: number;
  created: number;
}

/** Runs the scenario on one FIFO ready queue, as uthread.h's rules say. */
export function roundRobin(scenario: Scenario): Run {
  const programs: Program[] = [new Program(0, scenario)];
  const finished: boolean[] = [false];
  const joiner: number[] = [-1];
  const ready: number[] = [];
  let front = 0;
  let current = 0;
  let steps = 0;
  let checksum = 2166136261;
  for (;;) {
    const { step, target } = programs[current]!.decide(programs.length - 1);
    steps++;
    checksum = Math.imul(checksum ^ current, 16777619) >>> 0;
    if (step === "yield") {
      if (front < ready.length) {
        ready.push(current);
        current = ready[front++]!;
      }
    } else if (step === "create") {
      const id = programs.length;
      programs.push(new Program(id, scenario));
      finished.push(false);
      joiner.push(-1);
      programs[current]!.children.push(id);
      ready.push(id);
    } else if (step === "join") {
      if (!finished[target!]) {
        joiner[target!] = current;
        current = ready[front++]!;
      }
    } else if (step === "overflow" || (step === "end" && current === 0)) {
      return { steps, checksum, created: programs.length - 1 };
    } else if (step === "end") {
      finished[current] = true;
      if (joiner[current]! >= 0) ready.push(joiner[current]!);
      current = ready[front++]!;
    }
    // Trim what the queue has handed out, so a long run's array stays the size of the queue.
    if (front > 65536) {
      ready.splice(0, front);
      front = 0;
    }
  }
}
