"use client";
// Reviewing flashcards: the prompt, then the answer on demand, then again / hard / good / easy, each
// button saying when FSRS would bring the card back. Each grade is saved before the next card shows.
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { reviewFlashcardAction } from "@/lib/actions/progress-actions";
import type { ReviewCardView } from "@/lib/server/questions/get-review-session";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";

const GRADE_LABEL = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" } as const;

export function FlashcardReview({ cards, dueLaterToday, backHref }: { cards: ReviewCardView[]; dueLaterToday: number; backHref: string }) {
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState(false);
  const [reviewed, setReviewed] = useState<{ slug: string; due: string; interval: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (index >= cards.length)
    return (
      <Card className="flex flex-col items-start gap-3">
        <p className="text-lg font-semibold" data-testid="review-done">
          {cards.length === 0 ? "Nothing to review right now." : `Done: ${reviewed.length} card${reviewed.length === 1 ? "" : "s"} reviewed.`}
        </p>
        {dueLaterToday > 0 && (
          <p className="text-sm text-muted-foreground">
            {dueLaterToday} more card{dueLaterToday === 1 ? "" : "s"} fall due later today.
          </p>
        )}
        {reviewed.length > 0 && (
          <ul className="text-sm" data-testid="review-schedule">
            {reviewed.map((card) => (
              <li key={card.slug} data-slug={card.slug} data-due={card.due}>
                Next review of <span className="font-mono text-xs">{card.slug}</span> in {card.interval}
              </li>
            ))}
          </ul>
        )}
        <Link href={backHref} className={buttonVariants({ size: "sm" })}>
          Back
        </Link>
      </Card>
    );

  const card = cards[index]!;
  const grade = (name: keyof typeof GRADE_LABEL) =>
    startTransition(async () => {
      setError(null);
      const reply = await reviewFlashcardAction({ questionSlug: card.slug, grade: name });
      if (!reply.ok) return setError(reply.error.message);
      setReviewed((was) => [...was, { slug: card.slug, ...reply.data }]);
      setShown(false);
      setIndex((i) => i + 1);
    });

  return (
    <Card className="flex flex-col gap-4" data-card={card.slug}>
      <p className="text-xs text-muted-foreground">
        Card {index + 1} of {cards.length} · {card.topicTitle}
        {card.isNew ? " · new" : ""}
        {card.kind === "open" ? " · interview question" : ""}
      </p>
      <RenderedMarkdown className="text-base" html={card.promptHtml} />
      {shown ? (
        <>
          <RenderedMarkdown className="border-t pt-4 text-sm" data-testid="card-answer" html={card.answerHtml} />
          {card.strongAnswer.length > 0 && (
            <div className="text-sm">
              <p className="font-medium">A strong answer covers</p>
              <ul className="ml-5 list-disc">
                {card.strongAnswer.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="flex flex-col gap-2">
            <p className="text-sm text-muted-foreground">How well did you recall it?</p>
            <div className="flex flex-wrap gap-2">
              {card.grades.map((option) => (
                <Button
                  key={option.grade}
                  variant={option.grade === "good" ? "default" : "outline"}
                  size="sm"
                  disabled={pending}
                  data-due={option.due}
                  onClick={() => grade(option.grade)}
                >
                  {GRADE_LABEL[option.grade]} <span className="ml-1 text-xs opacity-75">{option.interval}</span>
                </Button>
              ))}
            </div>
          </div>
        </>
      ) : (
        <Button size="sm" className="self-start" onClick={() => setShown(true)}>
          Show answer
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </Card>
  );
}
