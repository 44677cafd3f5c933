import { describe, expect, it } from "vitest";
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { previewDue, retrievability, reviewCard } from "@/lib/progress/flashcard-schedule";

describe("flashcard schedule", () => {
  const now = new Date("2026-12-01T10:00:00Z");

  it("schedules as ts-fsrs does, through the stored row and back", () => {
    const reference = fsrs(generatorParameters({ enable_fuzz: false }));
    const first = reviewCard(null, "good", now);
    const later = new Date(first.card.due.getTime() + 60_000);
    const second = reviewCard(first.card, "easy", later);
    const expectedFirst = reference.next(createEmptyCard(now), now, Rating.Good);
    const expectedSecond = reference.next(expectedFirst.card, later, Rating.Easy);
    expect(first.card.due).toEqual(expectedFirst.card.due);
    expect(second.card.due).toEqual(expectedSecond.card.due);
    expect(second.card.stability).toBeCloseTo(expectedSecond.card.stability);
    expect(second.card.due.getTime()).toBeGreaterThan(later.getTime() + 86_400_000);
    expect(second.card.reps).toBe(2);
    expect(second.log.rating).toBe(Rating.Easy);
  });

  it("shows each grade's next due date, again soonest and easy latest", () => {
    const due = previewDue(null, now);
    expect(due.again.getTime()).toBeLessThan(due.hard.getTime());
    expect(due.hard.getTime()).toBeLessThanOrEqual(due.good.getTime());
    expect(due.good.getTime()).toBeLessThan(due.easy.getTime());
    expect(reviewCard(null, "easy", now).card.due).toEqual(due.easy);
  });

  it("remembers less as time passes", () => {
    const { card } = reviewCard(null, "easy", now);
    const soon = retrievability(card, new Date(now.getTime() + 86_400_000));
    const late = retrievability(card, new Date(now.getTime() + 60 * 86_400_000));
    expect(soon).toBeGreaterThan(late);
    expect(soon).toBeLessThanOrEqual(1);
    expect(retrievability({ ...card, state: 0, lastReview: null }, now)).toBe(0);
  });
});
