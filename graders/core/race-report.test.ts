import { describe, expect, it } from "vitest";
import { hasRaceReport, trimRaceReport } from "@/graders/core/race-report";

// Real reports, from this project's sandbox images (gcc 12 TSan, Go 1.19 -race).
const TSAN = `==================
WARNING: ThreadSanitizer: data race (pid=24)
  Read of size 8 at 0x5571a3889058 by thread T2:
    #0 buffer_put /box/src/buffer.c:14 (prog+0x11bf)
    #1 producer /box/src/harness.c:88 (prog+0x1400)

  Previous write of size 8 at 0x5571a3889058 by thread T1:
    #0 buffer_get /box/src/buffer.c:31 (prog+0x11e9)
    #1 consumer /box/src/harness.c:102 (prog+0x1500)

  Location is heap block of size 64 at 0x7b1000000000 allocated by main thread:
    #0 malloc ../../../../src/libsanitizer/tsan/tsan_interceptors_posix.cpp:647 (libtsan.so.2+0x3fd3b)
    #1 main /box/src/harness.c:150 (prog+0x1237)

  Thread T2 (tid=32, running) created by main thread at:
    #0 pthread_create ../../../../src/libsanitizer/tsan/tsan_interceptors_posix.cpp:1001 (libtsan.so.2+0x5e686)
    #1 main /box/src/harness.c:160 (prog+0x1237)

SUMMARY: ThreadSanitizer: data race /box/src/buffer.c:14 in buffer_put
==================
ThreadSanitizer: reported 1 warnings
`;

const GO = `==================
WARNING: DATA RACE
Read at 0x0000005da5c0 by goroutine 7:
  main.(*Buffer).Put()
      /box/src/buffer.go:21 +0x44
  main.producer()
      /box/src/harness.go:60 +0x88

Previous write at 0x0000005da5c0 by goroutine 10:
  main.(*Buffer).Get()
      /box/src/buffer.go:40 +0x5c

Goroutine 7 (running) created at:
  main.main()
      /box/src/harness.go:120 +0x64
==================
Found 1 data race(s)
`;

describe("race reports", () => {
  it("recognises both detectors' reports", () => {
    expect(hasRaceReport(TSAN)).toBe(true);
    expect(hasRaceReport(GO)).toBe(true);
    expect(hasRaceReport("panic: runtime error: index out of range")).toBe(false);
  });

  it("keeps ThreadSanitizer's accesses and the frames in the user's file only", () => {
    expect(trimRaceReport(TSAN, "buffer.c")).toBe(
      [
        "WARNING: ThreadSanitizer: data race (pid=24)",
        "Read of size 8 at 0x5571a3889058 by thread T2:",
        "    #0 buffer_put buffer.c:14",
        "Previous write of size 8 at 0x5571a3889058 by thread T1:",
        "    #0 buffer_get buffer.c:31",
      ].join("\n"),
    );
  });

  it("keeps Go's accesses with the user's functions and lines", () => {
    expect(trimRaceReport(GO, "buffer.go")).toBe(
      [
        "WARNING: DATA RACE",
        "Read at 0x0000005da5c0 by goroutine 7:",
        "    main.(*Buffer).Put() at buffer.go:21",
        "Previous write at 0x0000005da5c0 by goroutine 10:",
        "    main.(*Buffer).Get() at buffer.go:40",
      ].join("\n"),
    );
  });
});
