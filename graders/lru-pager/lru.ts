// The oracle: an LRU demand pager (hash-free: arrays indexed by page, a doubly linked recency list),
// the exercise's text format both ways, and the expected output of a workload.
export const PAGE_LIMIT = 1_000_000;
export const MAX_FRAMES = 100_000;
export const MAX_ACCESSES = 1_000_000;

/** A workload: the frame count and the accesses, as parallel arrays (up to a million of them). */
export interface Workload {
  frames: number;
  pages: number[];
  writes: boolean[];
}

/** What one access did: a hit, or a fault that took a free frame or evicted a page. */
export type AccessEvent = { hit: true } | { hit: false; evicted: number | null; writeBack: boolean };

const NONE = -1;
const HIT: AccessEvent = { hit: true };
// Per-page fields, interleaved so that one access touches one cache line of the page's state.
const OLDER = 0;
const NEWER = 1;
const LAST_USE = 2;
const LOADED = 3;
const FIRST_WRITE = 4;
const EVICTED = 5;
const WRITTEN_BACK = 6;
const FIELDS = 8;

/**
 * LRU over pages 0..pageLimit-1. Besides answering accesses it remembers, per page, when things
 * happened (access indices, 0-based), so a checker can explain a wrong answer.
 */
export class LruPager {
  residentCount = 0;
  /** Accesses so far; the index of the next access. */
  private clock = 0;
  /** Least recently used resident page (the next victim), and the most recently used one. */
  private oldest = NONE;
  private newest = NONE;
  private readonly state: Int32Array;

  constructor(
    readonly frames: number,
    private readonly pageLimit = PAGE_LIMIT,
  ) {
    this.state = new Int32Array(pageLimit * FIELDS).fill(NONE);
  }

  access(page: number, write: boolean): AccessEvent {
    const { state } = this;
    const now = this.clock++;
    const at = page * FIELDS;
    let event: AccessEvent;
    if (state[at + LOADED]! !== NONE) {
      this.unlink(page);
      event = HIT;
    } else {
      let victim: number | null = null;
      let writeBack = false;
      if (this.residentCount === this.frames) {
        victim = this.oldest;
        const victimAt = victim * FIELDS;
        writeBack = state[victimAt + FIRST_WRITE]! !== NONE;
        this.unlink(victim);
        state[victimAt + LOADED] = NONE;
        state[victimAt + FIRST_WRITE] = NONE;
        state[victimAt + EVICTED] = now;
        if (writeBack) state[victimAt + WRITTEN_BACK] = now;
      } else {
        this.residentCount++;
      }
      state[at + LOADED] = now;
      event = { hit: false, evicted: victim, writeBack };
    }
    if (write && state[at + FIRST_WRITE]! === NONE) state[at + FIRST_WRITE] = now;
    state[at + LAST_USE] = now;
    this.pushNewest(page);
    return event;
  }

  /** Any number may be asked about: a checker asks about pages a program made up. */
  isResident(page: number): boolean {
    return this.known(page) && this.state[page * FIELDS + LOADED]! !== NONE;
  }

  /** The page LRU evicts on the next fault once the frames are full. */
  leastRecentlyUsed(): number | null {
    return this.oldest === NONE ? null : this.oldest;
  }

  /** When `page` was last accessed, loaded (current stay), first written (current stay), last evicted, last written back: null for never. */
  history(page: number): { lastUse: number | null; loaded: number | null; firstWrite: number | null; evicted: number | null; writtenBack: number | null } {
    const at = (field: number) => {
      const value = this.known(page) ? this.state[page * FIELDS + field]! : NONE;
      return value === NONE ? null : value;
    };
    return { lastUse: at(LAST_USE), loaded: at(LOADED), firstWrite: at(FIRST_WRITE), evicted: at(EVICTED), writtenBack: at(WRITTEN_BACK) };
  }

  private known(page: number): boolean {
    return Number.isInteger(page) && page >= 0 && page < this.pageLimit;
  }

  private unlink(page: number): void {
    const { state } = this;
    const older = state[page * FIELDS + OLDER]!;
    const newer = state[page * FIELDS + NEWER]!;
    if (older === NONE) this.oldest = newer;
    else state[older * FIELDS + NEWER] = newer;
    if (newer === NONE) this.newest = older;
    else state[newer * FIELDS + OLDER] = older;
  }

  private pushNewest(page: number): void {
    const { state } = this;
    state[page * FIELDS + OLDER] = this.newest;
    state[page * FIELDS + NEWER] = NONE;
    if (this.newest === NONE) this.oldest = page;
    else state[this.newest * FIELDS + NEWER] = page;
    this.newest = page;
  }
}

/** The smallest table that holds every page of `workload`. */
export function pageLimitOf(workload: Workload): number {
  let max = 0;
  for (const page of workload.pages) if (page > max) max = page;
  return max + 1;
}

/** One access's output line: H, F, F <page> or F <page> W. */
export function formatEvent(event: AccessEvent): string {
  if (event.hit) return "H";
  if (event.evicted === null) return "F";
  return event.writeBack ? `F ${event.evicted} W` : `F ${event.evicted}`;
}

export interface Totals {
  accesses: number;
  hits: number;
  faults: number;
  writebacks: number;
}

export function formatTotals(totals: Totals): string {
  return `TOTAL accesses=${totals.accesses} hits=${totals.hits} faults=${totals.faults} writebacks=${totals.writebacks}`;
}

const R = 82;
const W = 87;
const SPACE = 32;
const NEWLINE = 10;

/** ASCII text built in a growing buffer: millions of short lines without millions of strings. */
class AsciiWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  byte(code: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = code;
  }

  /** A non-negative integer below 2^31. */
  integer(value: number): void {
    if (this.length + 10 > this.buffer.length) this.grow();
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
    this.length += digits;
    for (let i = this.length - 1; digits > 0; i--, digits--) {
      this.buffer[i] = 48 + (value % 10);
      value = (value / 10) | 0;
    }
  }

  text(value: string): void {
    for (let i = 0; i < value.length; i++) this.byte(value.charCodeAt(i));
  }

  toString(): string {
    return this.buffer.toString("latin1", 0, this.length);
  }

  private grow(): void {
    const larger = Buffer.allocUnsafe(this.buffer.length * 2);
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

/** What a correct program prints for `workload`: a line per access, then the totals. */
export function expectedOutput(workload: Workload): string {
  const pager = new LruPager(workload.frames, pageLimitOf(workload));
  const out = new AsciiWriter();
  let hits = 0;
  let writebacks = 0;
  for (let i = 0; i < workload.pages.length; i++) {
    const event = pager.access(workload.pages[i]!, workload.writes[i]!);
    if (event.hit) hits++;
    else if (event.writeBack) writebacks++;
    out.text(formatEvent(event));
    out.byte(NEWLINE);
  }
  const accesses = workload.pages.length;
  out.text(formatTotals({ accesses, hits, faults: accesses - hits, writebacks }));
  out.byte(NEWLINE);
  return out.toString();
}

export function formatInput(workload: Workload): string {
  const out = new AsciiWriter();
  out.text(`${workload.frames} ${workload.pages.length}\n`);
  for (let i = 0; i < workload.pages.length; i++) {
    out.integer(workload.pages[i]!);
    out.byte(SPACE);
    out.byte(workload.writes[i] ? W : R);
    out.byte(NEWLINE);
  }
  return out.toString();
}

/** Reads the input format back; null when `text` is not a valid input (custom input can be anything). */
export function parseInput(text: string): Workload | null {
  let at = 0;
  const isSpace = (code: number) => code === SPACE || code === NEWLINE || code === 13 || code === 9;
  /** The next token's end (`at` moved to its start), or -1 at the end of the text. */
  const nextToken = () => {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    let end = at;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    return end === at ? -1 : end;
  };
  const integer = (highest: number) => {
    const end = nextToken();
    if (end < 0 || end - at > 15) return null;
    let value = 0;
    for (; at < end; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return null;
      value = value * 10 + digit;
    }
    return value <= highest ? value : null;
  };
  const frames = integer(MAX_FRAMES);
  const count = integer(MAX_ACCESSES);
  if (!frames || count === null) return null;
  const pages: number[] = new Array(count);
  const writes: boolean[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const page = integer(PAGE_LIMIT - 1);
    const end = nextToken();
    const op = end - at === 1 ? text.charCodeAt(at) : 0;
    if (page === null || (op !== R && op !== W)) return null;
    at = end;
    pages[i] = page;
    writes[i] = op === W;
  }
  return nextToken() < 0 ? { frames, pages, writes } : null;
}
