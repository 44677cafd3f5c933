import { describe, expect, it } from "vitest";
import { loadExercise } from "@/lib/exercises/load-exercise";

const names = (files: { name: string }[]) => files.map((file) => file.name);

describe("an exercise's starter files", () => {
  it("give a link exercise the harness's shared report helpers, read-only, in every language", async () => {
    const { starters } = await loadExercise("producer-consumer");
    expect(starters.c!.edit.name).toBe("buffer.c");
    expect(names(starters.c!.support)).toEqual(["buffer.h", "harness.c", "report.c", "report.h"]);
    expect(names(starters.go!.support)).toEqual(["main.go", "report.go"]);
    expect(names(starters.python!.support)).toEqual(["main.py", "osprep_report.py"]);
    expect(starters.c!.support.find((file) => file.name === "harness.c")!.content).toContain('#include "report.h"');
  });

  it("give other kinds of exercise their own files only", async () => {
    const { starters } = await loadExercise("cron");
    expect(names(starters.c!.support)).toEqual(["cron.h", "main.c"]);
    expect(names(starters.python!.support)).toEqual(["main.py"]);
  });
});
