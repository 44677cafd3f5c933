import { describe, expect, it } from "vitest";
import { topicMastery } from "@/lib/progress/mastery";

const content = {
  exercises: [
    { slug: "easy-one", difficulty: "easy" as const },
    { slug: "hard-one", difficulty: "hard" as const },
  ],
  choiceSlugs: ["q1", "q2", "q3", "q4"],
  cardSlugs: ["c1", "c2"],
};
const none = { solved: new Set<string>(), latestQuizAnswer: new Map<string, boolean>(), retention: new Map<string, number>() };

describe("topicMastery", () => {
  it("is zero before anything is done", () => {
    expect(topicMastery(content, none)).toEqual({ mastery: 0, exercises: 0, quiz: 0, retention: 0 });
  });

  it("weights exercises by difficulty and parts 50 / 25 / 25", () => {
    const result = topicMastery(content, {
      solved: new Set(["hard-one"]),
      latestQuizAnswer: new Map([
        ["q1", true],
        ["q2", false],
        ["q3", true],
      ]),
      retention: new Map([["c1", 0.9]]),
    });
    expect(result.exercises).toBeCloseTo(3 / 4);
    expect(result.quiz).toBeCloseTo(2 / 4);
    expect(result.retention).toBeCloseTo(0.45);
    expect(result.mastery).toBeCloseTo(0.5 * 0.75 + 0.25 * 0.5 + 0.25 * 0.45);
  });

  it("counts only the latest answer: a right answer later wrong is not mastered", () => {
    const result = topicMastery(content, { ...none, latestQuizAnswer: new Map([["q1", false]]) });
    expect(result.quiz).toBe(0);
  });

  it("judges a topic without exercises on quiz and retention alone", () => {
    const result = topicMastery(
      { exercises: [], choiceSlugs: ["q1"], cardSlugs: ["c1"] },
      { ...none, latestQuizAnswer: new Map([["q1", true]]), retention: new Map([["c1", 0.5]]) },
    );
    expect(result.exercises).toBeNull();
    expect(result.mastery).toBeCloseTo(0.75);
  });

  it("reaches 1 only when everything is done and remembered", () => {
    const result = topicMastery(content, {
      solved: new Set(["easy-one", "hard-one"]),
      latestQuizAnswer: new Map(content.choiceSlugs.map((slug) => [slug, true])),
      retention: new Map(content.cardSlugs.map((slug) => [slug, 1])),
    });
    expect(result.mastery).toBe(1);
  });
});
