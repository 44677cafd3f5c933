// /review — flashcards due now (all topics, or one with ?topic=, which also brings that topic's new cards).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlashcardReview } from "@/components/questions/flashcard-review";
import { getRoadmap } from "@/lib/exercises/roadmap";
import { requireUser } from "@/lib/server/auth/require-user";
import { getReviewSession, NEW_CARDS_PER_SESSION } from "@/lib/server/questions/get-review-session";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ topic?: string | string[] }> }) {
  const { topic: topicParam } = await searchParams;
  const topicId = typeof topicParam === "string" ? topicParam : undefined;
  const topic = topicId ? (await getRoadmap()).sections.flatMap((s) => s.topics).find((t) => t.id === topicId) : undefined;
  if (topicId && !topic) notFound();
  const user = await requireUser({ returnTo: topicId ? `/review?topic=${topicId}` : "/review" });
  const session = await getReviewSession({ userId: user.id, topicId });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{topic ? `Flashcards: ${topic.title}` : "Review"}</h1>
        <p className="text-sm text-muted-foreground">
          {topic
            ? `The topic's cards that are due, then up to ${NEW_CARDS_PER_SESSION} new ones. `
            : "Every card due across the roadmap. Study a topic's flashcards from its page to add new cards. "}
          Scheduled by FSRS: grade honestly and it brings each card back just before you would forget it.
        </p>
        {topic && (
          <p className="text-sm">
            <Link href={`/roadmap/${topic.id}`} className="underline underline-offset-4">
              Back to {topic.title}
            </Link>
          </p>
        )}
      </div>
      <FlashcardReview cards={session.cards} dueLaterToday={session.dueLaterToday} backHref={topic ? `/roadmap/${topic.id}` : "/dashboard"} />
    </div>
  );
}
