// Every starter is code a user may Run as it is: the exercise's source rules and, in a link
// exercise, the platform's (which read Python's strings too) take it. A starter refused as a
// compile error would greet each newcomer with one.
import { describe, expect, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { sourceRulesFor } from "@/graders/core/judge-submission";
import { loadGrader } from "@/graders/core/load-grader";
import { refusal } from "@/graders/core/source-rules";
import { listExercises, loadExercise } from "@/lib/exercises/load-exercise";

const exercises = await listExercises();

describe("starters", () => {
  it.each(exercises.map((manifest) => manifest.slug))("%s: every language's starter passes its source rules", async (slug) => {
    const [exercise, grader] = await Promise.all([loadExercise(slug), loadGrader(slug)]);
    const refusals = Object.entries(exercise.starters).flatMap(([language, starter]) => {
      const refused = refusal(starter.edit.content, language as Language, sourceRulesFor(grader, language as Language, starter.edit.name));
      return refused ? [`${language} ${starter.edit.name}:${refused.line}: ${refused.what}`] : [];
    });
    expect(refusals).toEqual([]);
  });
});
