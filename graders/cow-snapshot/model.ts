// The grader's own model of a cow-snapshot run, written apart from the C harness: the scenario's
// changes replayed on a map of key → version, and what every snapshot stream must then hold (its
// pairs, its bytes and a checksum of which version of which key it held), summed over the run.

export interface Scenario {
  keys: number;
  maxValue: number;
  rounds: number;
  after: number;
  overlap: number;
  seed: number;
}

export interface Run {
  snapshots: number;
  pairs: number;
  bytes: number;
  gets: number;
  checksum: number;
}

const MIN_KEY = 8;
const KEY_SPREAD = 25;

/** The statement's mixing function, in 32-bit unsigned arithmetic. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export const keySpace = (keys: number) => Math.max(2 * keys, 16);

export const keyLength = (id: number, seed: number) => MIN_KEY + (mix32((id ^ seed ^ 0x85ebca6b) >>> 0) % KEY_SPREAD);

export const valueLength = (id: number, version: number, s: Scenario) =>
  s.maxValue === 0 ? 0 : mix32((Math.imul(id, 0x9e3779b1) ^ version ^ s.seed) >>> 0) % (s.maxValue + 1);

const pairHash = (id: number, version: number) => mix32((id ^ mix32(version)) >>> 0);

export function runStore(s: Scenario): Run {
  const space = keySpace(s.keys);
  const store = new Map<number, number>();
  let version = 0;
  let state = s.seed >>> 0;
  const random = () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state);
  };
  const run: Run = { snapshots: 0, pairs: 0, bytes: 0, gets: 0, checksum: 0 };
  const snapshot = () => {
    run.snapshots++;
    for (const [id, v] of store) {
      run.pairs++;
      run.bytes += 8 + keyLength(id, s.seed) + valueLength(id, v, s);
      run.checksum = (run.checksum + pairHash(id, v)) >>> 0;
    }
  };
  const change = () => {
    for (let i = 0; i < s.after; i++) {
      const r = random() % 100;
      const id = random() % space;
      if (r < 55) store.set(id, ++version);
      else if (r < 85) run.gets += store.has(id) ? 1 : 0;
      else store.delete(id);
    }
  };
  for (let id = 0; id < s.keys; id++) store.set(id, ++version);
  for (let round = 0; round < s.rounds; round++) {
    // A snapshot holds the store as it is at its fork: counted there, before the changes that follow.
    snapshot();
    change();
    if (s.overlap) {
      snapshot();
      change();
    }
  }
  return run;
}
