import type { Document } from "@hocuspocus/server";
import pino from "pino";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CursorSampler, SAMPLE_MS, type SampleRow } from "@/collab/cursor-sampler";

const TEXT = "code:cpu-scheduler:c";
const CLIENT = 7;

/** A room with one candidate connected as awareness client CLIENT, whose selection the test moves. */
function room() {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT);
  text.insert(0, "x".repeat(100));
  const states = new Map<number, unknown>();
  const document = Object.assign(doc, {
    name: "interview-1",
    awareness: { getStates: () => states },
    connections: new Map([["c", { clients: new Set([CLIENT]), connection: { context: { participant: { kind: "member", id: "candidate" } } } }]]),
  }) as unknown as Document;
  const position = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
  const select = (anchor: number, at: number) => {
    states.set(CLIENT, { selection: { anchor: position(anchor), head: position(anchor) } });
    sampler.observe(document, [CLIENT], at);
  };
  const written: SampleRow[] = [];
  const sampler = new CursorSampler(pino({ level: "silent" }), async (_interviewId, rows) => written.push(...rows));
  return { sampler, select, written };
}

describe("cursor samples for the replay", () => {
  it("writes the first move at once and the latest of a burst no sooner than SAMPLE_MS after it, stamped so", async () => {
    const { sampler, select, written } = room();
    select(1, 1_000);
    await sampler.flush(1_005);
    // A burst right after the first sample, the interval firing in between: only the latest is kept.
    for (let i = 2; i <= 10; i++) select(i, 1_005 + i * 5);
    await sampler.flush(1_047);
    expect(written.map((row) => row.sample.anchor)).toEqual([1]);
    await sampler.flush(1_505);
    expect(written.map((row) => [row.sample.anchor, row.at.getTime()])).toEqual([
      [1, 1_000],
      [10, 1_000 + SAMPLE_MS],
    ]);
    await sampler.stop();
  });

  it("stamps a move made long after the last sample with the moment it was seen", async () => {
    const { sampler, select, written } = room();
    select(1, 1_000);
    await sampler.flush(1_005);
    select(30, 3_000);
    await sampler.flush(3_400);
    expect(written.map((row) => row.at.getTime())).toEqual([1_000, 3_000]);
    await sampler.stop();
  });

  it("writes nothing for a cursor back where it was last written, and what is waiting when it stops", async () => {
    const { sampler, select, written } = room();
    select(1, 1_000);
    await sampler.flush(1_005);
    select(5, 1_100);
    select(1, 1_200);
    await sampler.flush(2_000);
    expect(written).toHaveLength(1);
    select(9, 2_100);
    await sampler.stop();
    expect(written.map((row) => row.sample.anchor)).toEqual([1, 9]);
    for (let i = 1; i < written.length; i++) expect(written[i]!.at.getTime() - written[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(SAMPLE_MS);
  });
});
