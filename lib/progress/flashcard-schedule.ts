// Spaced repetition with ts-fsrs (FSRS-6, its default parameters): a card row in Postgres ↔ ts-fsrs's
// Card, and what each of again / hard / good / easy would do to it. Fuzz is off so that the same
// history always gives the same due date, which a user can check against FSRS and a test can assert.
import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating, type ReviewLog, State } from "ts-fsrs";

export const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export const GRADES = [
  { rating: Rating.Again, name: "again" },
  { rating: Rating.Hard, name: "hard" },
  { rating: Rating.Good, name: "good" },
  { rating: Rating.Easy, name: "easy" },
] as const;

export type GradeName = (typeof GRADES)[number]["name"];

export const ratingOf = (name: GradeName): Grade => GRADES.find((g) => g.name === name)?.rating as Grade;

/** The columns of a ReviewCard row. */
export interface CardRow {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

/** The columns of a ReviewLog row (without its ids). */
export interface LogRow {
  rating: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

export function toCard(row: CardRow | null, now: Date): Card {
  if (!row) return createEmptyCard(now);
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.lastReview ?? undefined,
  };
}

export function toCardRow(card: Card): CardRow {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

export function toLogRow(log: ReviewLog): LogRow {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: log.review,
  };
}

/** A review: the card after it and the log of it. */
export function reviewCard(row: CardRow | null, grade: GradeName, now: Date): { card: CardRow; log: LogRow } {
  const { card, log } = scheduler.next(toCard(row, now), now, ratingOf(grade));
  return { card: toCardRow(card), log: toLogRow(log) };
}

/** When each grade would make the card due next (shown on its button). */
export function previewDue(row: CardRow | null, now: Date): Record<GradeName, Date> {
  const preview = scheduler.repeat(toCard(row, now), now);
  return Object.fromEntries(GRADES.map(({ rating, name }) => [name, preview[rating as Grade].card.due])) as Record<GradeName, Date>;
}

/** The probability of recalling the card now (0 for a card never reviewed). */
export function retrievability(row: CardRow, now: Date): number {
  if (row.state === State.New || !row.lastReview) return 0;
  return scheduler.get_retrievability(toCard(row, now), now, false);
}

/** "in 10 minutes", "in 3 days": how far a due date is, for a grade's button. */
export function describeInterval(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} d`;
  const months = Math.round(days / 30.4);
  if (months < 12) return `${months} mo`;
  return `${(days / 365).toFixed(1)} y`;
}
