// A second buddy allocator, for tests: the free blocks in one list, searched whole at every step,
// as the statement describes the rules. Slow and written apart from buddy.ts, so that the two
// agreeing on thousands of small scenarios means something (the drivers' bookkeeping around it,
// ScenarioRun, is buddy.ts's: it is held to the textbook sequences in buddy.test.ts). QUIRKS are the
// mistakes of the known-bad solutions, so that grader.test.ts can show the test aimed at each one
// catches it.
import { type Allocator, runScenario, type Scenario } from "@/graders/buddy-allocator/buddy";

export const QUIRKS = [
  /** A split keeps the upper half and frees the lower one. */
  "keeps-upper-half",
  /** Takes the most recently freed block of the order, not the lowest. */
  "most-recent-first",
  /** Takes the lowest free block that fits of any order, not the smallest order first. */
  "lowest-of-any-order",
  /** Merges once at most. */
  "merges-once",
  /** Merges when the buddy's first page starts a free block of any order. */
  "merges-with-part-of-buddy",
] as const;
export type Quirk = (typeof QUIRKS)[number];

type Block = { start: number; order: number };

export class NaiveBuddy implements Allocator {
  /** In the order they were freed: "most-recent-first" takes from the end. */
  private blocks: Block[];

  constructor(
    private readonly maxOrder: number,
    private readonly quirk?: Quirk,
  ) {
    this.blocks = [{ start: 0, order: maxOrder }];
  }

  alloc(order: number): number {
    const { quirk } = this;
    const fits = this.blocks.filter((b) => b.order >= order);
    if (fits.length === 0) return -1;
    let block: Block;
    if (quirk === "lowest-of-any-order") block = fits.reduce((a, b) => (b.start < a.start ? b : a));
    else {
      const smallest = Math.min(...fits.map((b) => b.order));
      const candidates = fits.filter((b) => b.order === smallest);
      block = quirk === "most-recent-first" ? candidates.at(-1)! : candidates.reduce((a, b) => (b.start < a.start ? b : a));
    }
    this.blocks = this.blocks.filter((b) => b !== block);
    let start = block.start;
    for (let k = block.order - 1; k >= order; k--) {
      if (quirk === "keeps-upper-half") {
        this.blocks.push({ start, order: k });
        start += 2 ** k;
      } else this.blocks.push({ start: start + 2 ** k, order: k });
    }
    return start;
  }

  free(start: number, order: number): Block {
    const { quirk } = this;
    let merges = 0;
    while (order < this.maxOrder && !(quirk === "merges-once" && merges === 1)) {
      const buddy = start ^ (2 ** order);
      const partner = this.blocks.find((b) => b.start === buddy && (quirk === "merges-with-part-of-buddy" ? true : b.order === order));
      if (!partner) break;
      this.blocks = this.blocks.filter((b) => b !== partner);
      start = Math.min(start, buddy);
      order++;
      merges++;
    }
    this.blocks.push({ start, order });
    return { start, order };
  }

  freeBlocks(): [number, number][] {
    return [...this.blocks].sort((a, b) => a.order - b.order || a.start - b.start).map((b) => [b.order, b.start]);
  }
}

/** What the drivers print for the scenario with the whole-list allocator (given `quirk`). */
export const naiveRun = (s: Scenario, quirk?: Quirk): string[] => runScenario(s, new NaiveBuddy(s.maxOrder, quirk));
