// malloc: the harness (exercises/malloc/starter/c) replays an allocation trace on the user's
// allocator, checks every block (aligned, inside the heap, overlapping nothing, its bytes kept, calloc's
// zeroed), where the policy puts blocks and that the heap does not grow where free memory was enough,
// and reports the operations replayed, the peak of the bytes allocated at once, the bytes it checked
// and the heap's peak size. This grader recomputes the first three from the trace (model.ts) and
// judges utilisation, the peak allocated against the peak heap, on the traces shaped like programs';
// the performance workload is judged against the reference.
import { defineLinkGrader, type LinkTestCase } from "@/graders/core/types";
import { type Figures, figures, readTrace, type Trace, traceText } from "@/graders/malloc/model";
import {
  alignmentTrace,
  bestFitTieProbe,
  callocTrace,
  coalesceProbe,
  limitsTrace,
  placementProbe,
  programTrace,
  reallocTrace,
  reuseTrace,
  roverMergeProbe,
  roverProbe,
  serverTrace,
  splitProbe,
} from "@/graders/malloc/traces";

/** A trace the user wrote for Run, as the statement's Input section describes it, or why the harness would refuse it. */
export function customScenario(input: string): { ok: true; scenario: string } | { ok: false; message: string } {
  const read = readTrace(input);
  return read.ok ? { ok: true, scenario: traceText(read.trace) } : read;
}

/**
 * The least utilisation (peak bytes allocated / peak heap) each trace shaped like a program's needs,
 * measured when the traces were written: well under what the reference (boundary tags, immediate
 * coalescing, the heap grown by just what a request lacks) reaches with the same policy, and under
 * what a plain allocator reaches too (AC-plain-realloc-4k-chunks: a realloc that always mallocs,
 * copies and frees, the heap grown 4 KiB at a time; and with 32 bytes of tags a block, best fit 70%),
 * so that only an allocator that wastes memory fails: one that never reuses, never merges, or grows
 * the heap by far more than it needs.
 */
const MIN_UTILISATION: Record<string, number> = {
  "a small program": 0.5, // the reference: 77.6%, the plain allocator 71.8%
  "memory is reused": 0.75, // 97.7%, 96.8%
  "a program, first fit": 0.7, // 89.7%, 88.1%
  "a program, best fit": 0.55, // 81.7%, 76.3% (69.4% with the heap grown by just what a request lacks)
  "a program, next fit": 0.12, // 22.8%, 16.4%: the rover scatters the long-lived blocks over the heap
  "a program with long phases": 0.7, // 89.4%, 87.1%
};

function test(name: string, visibility: "public" | "hidden", trace: Trace, description: string): LinkTestCase {
  return { name, visibility, scenario: traceText(trace), description };
}

// A program trace's figures take a pass over its operations: once per scenario, not once per check.
const worked = new Map<string, Figures>();
function expected(scenario: string): Figures {
  let known = worked.get(scenario);
  if (!known) {
    const read = readTrace(scenario);
    if (!read.ok) throw new Error(`A malloc test's trace does not read back: ${read.message}`);
    known = figures(read.trace);
    worked.set(scenario, known);
  }
  return known;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export default defineLinkGrader({
  sourceRules: {
    c: [
      {
        // The heap is mem_sbrk's: the C library's allocator (or the kernel's memory, directly) would be
        // the allocator for you, or a heap the harness cannot see.
        names: [
          "malloc",
          "calloc",
          "realloc",
          "reallocarray",
          "free",
          "aligned_alloc",
          "posix_memalign",
          "memalign",
          "valloc",
          "pvalloc",
          "strdup",
          "strndup",
          "mmap",
          "munmap",
          "mremap",
          "sbrk",
          "brk",
        ],
        codeOnly: true,
        why: "your allocator hands out the memory mem_sbrk gives it, and keeps its bookkeeping there or in static variables; the C library's allocator and the kernel's mmap, sbrk and brk are not for it.",
      },
    ],
  },
  tests: () => [
    test("first fit takes the lowest hole", "public", placementProbe("first"), "holes of 4000, 1000 and 2000 bytes; first fit"),
    test("freed neighbours merge", "public", coalesceProbe([0, 2, 1]), "three neighbours freed, the middle one last"),
    test("a small program", "public", programTrace("first", { ops: 2000, phaseObjects: 150, seed: 1 }), "2,000 operations of a program; first fit"),
    test("best fit takes the smallest hole", "hidden", placementProbe("best"), "holes of 4000, 1000 and 2000 bytes; best fit"),
    test("best fit breaks a tie by address", "hidden", bestFitTieProbe(), "800 bytes, two holes of 1000, the higher freed last; best fit"),
    test("next fit goes on from the rover", "hidden", roverProbe("next"), "holes of 100,000, 400,000 and 100,000 bytes; next fit"),
    test("first fit goes back to the lowest hole", "hidden", roverProbe("first"), "holes of 100,000, 400,000 and 100,000 bytes; first fit"),
    test("the rover follows a merge", "hidden", roverMergeProbe(), "the rover's block merged into the block freed below it; next fit"),
    test("merging with the block below", "hidden", coalesceProbe([0, 1, 2]), "three neighbours freed from the lowest up"),
    test("merging with the block above", "hidden", coalesceProbe([2, 1, 0]), "three neighbours freed from the highest down"),
    test("a free block is split", "hidden", splitProbe(), "ten blocks of 700 bytes where 8000 were freed"),
    test("realloc keeps the data", "hidden", reallocTrace(), "vectors and strings grown and shrunk"),
    test("calloc zeroes reused memory", "hidden", callocTrace(), "calloc on freed blocks and new heap"),
    test("the edges of the API", "hidden", limitsTrace(), "malloc(0), calloc overflows, sizes over the heap, free(NULL), realloc(NULL)"),
    test("every size aligned", "hidden", alignmentTrace(), "sizes 1 to 256"),
    test("memory is reused", "hidden", reuseTrace(100, 1 << 20, 7), "100 rounds of 1 MiB allocated and freed"),
    test("a program, first fit", "hidden", programTrace("first", { ops: 100_000, phaseObjects: 3000, seed: 11 }), "100,000 operations; first fit"),
    test("a program, best fit", "hidden", programTrace("best", { ops: 60_000, phaseObjects: 2000, seed: 12 }), "60,000 operations; best fit"),
    test("a program, next fit", "hidden", programTrace("next", { ops: 100_000, phaseObjects: 3000, seed: 13 }), "100,000 operations; next fit"),
    test(
      "a program with long phases",
      "hidden",
      programTrace("first", { ops: 200_000, phaseObjects: 8000, seed: 14 }),
      "200,000 operations in long phases; first fit",
    ),
  ],
  customScenario,
  check: (test, report) => {
    const want = expected(test.scenario);
    if (report.ops !== want.ops)
      return { ok: false, message: `The harness replayed ${String(report.ops)} operations; the trace has ${want.ops.toLocaleString("en-US")}.` };
    if (report.peak_live !== want.peakLive)
      return {
        ok: false,
        message: `At most ${want.peakLive.toLocaleString("en-US")} bytes were allocated at once; the harness counted ${String(report.peak_live)}.`,
      };
    if (report.checked !== want.checked)
      return {
        ok: false,
        message: `The harness should have checked ${want.checked.toLocaleString("en-US")} bytes of blocks; it checked ${String(report.checked)}.`,
      };
    const heap = report.peak_heap;
    if (typeof heap !== "number" || heap < want.peakLive)
      return { ok: false, message: `The heap's peak size, ${String(heap)}, is less than the bytes allocated at once: the report is not the harness's.` };
    const least = MIN_UTILISATION[test.name];
    if (least === undefined || test.ownInput) return { ok: true };
    const share = heap === 0 ? 1 : want.peakLive / heap;
    if (share >= least) return { ok: true };
    return {
      ok: false,
      message: `Too much memory: the heap grew to ${heap.toLocaleString("en-US")} bytes for at most ${want.peakLive.toLocaleString("en-US")} bytes allocated at once, a utilisation of ${percent(share)}; this trace needs ${percent(least)}. Reuse freed blocks, merge them with their free neighbours, split large ones, and keep the headers small.`,
    };
  },
  performance: {
    // 30,000 long-lived objects, then 300,000 requests' small allocations and frees among them: a
    // search of the free blocks finds room near the top; a walk over every block from the heap's
    // start passes the 30,000 each time.
    workloads: () => [
      test(
        "allocations among many live blocks",
        "hidden",
        serverTrace(30_000, 300_000, 21),
        "300,000 small allocations and frees among 30,000 long-lived blocks; first fit",
      ),
    ],
    tolerance: 3,
  },
});
