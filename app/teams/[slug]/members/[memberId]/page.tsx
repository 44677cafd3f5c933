// /teams/:slug/members/:memberId — a candidate's roadmap progress, for the team's owners and interviewers.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MasteryBar } from "@/components/roadmap/mastery-bar";
import { Card } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/server/auth/require-user";
import { getMemberProgress, type MemberProgressView } from "@/lib/server/teams/get-member-progress";

export const metadata: Metadata = { title: "Candidate progress" };
export const dynamic = "force-dynamic";

const STATUS_LABEL = { learning: "learning", done: "done", skipped: "skipped" } as const;

export default async function MemberProgressPage({ params }: { params: Promise<{ slug: string; memberId: string }> }) {
  const { slug, memberId } = await params;
  const user = await requireUser({ returnTo: `/teams/${slug}/members/${memberId}` });
  let view: MemberProgressView;
  try {
    view = await getMemberProgress({ userId: user.id, slug, memberId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <p className="text-sm text-muted-foreground">
          <Link href={`/teams/${view.team.slug}`} className="underline underline-offset-4">
            {view.team.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{`${view.member.name}: roadmap progress`}</h1>
        <p className="text-sm text-muted-foreground">
          Mastery per topic from their accepted exercises, quiz answers and flashcard retention, and their own marks.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {view.roadmap.sections.map((section) => (
          <Card key={section.id} className="flex flex-col gap-3 p-4" data-section={section.id}>
            <h2 className="font-semibold">{section.title}</h2>
            <MasteryBar value={section.mastery ?? 0} label={`${section.title} mastery`} />
            <ul className="flex flex-col gap-2 text-sm">
              {section.topics.map((topic) => (
                <li key={topic.id} data-topic={topic.id}>
                  <p>
                    {topic.title}
                    {topic.status && <span className="ml-2 text-xs text-muted-foreground">({STATUS_LABEL[topic.status]})</span>}
                  </p>
                  <MasteryBar value={topic.mastery?.mastery ?? 0} label={`${topic.title} mastery`} />
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </div>
  );
}
