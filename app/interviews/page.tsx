// /interviews — the interviews you may enter: upcoming, live and finished, each opening its room.
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import type { InterviewPhase } from "@/lib/interviews/interview-phase";
import { requireUser } from "@/lib/server/auth/require-user";
import { type InterviewListEntry, listInterviews } from "@/lib/server/interviews/list-interviews";
import { listTeams } from "@/lib/server/teams/list-teams";

export const metadata: Metadata = { title: "Interviews" };
export const dynamic = "force-dynamic";

const SECTIONS: { phase: InterviewPhase; title: string; empty: string }[] = [
  { phase: "live", title: "Live", empty: "No interview is running." },
  { phase: "planned", title: "Upcoming", empty: "Nothing planned." },
  { phase: "finished", title: "Finished", empty: "None yet." },
];

export default async function InterviewsPage() {
  const user = await requireUser({ returnTo: "/interviews" });
  const [interviews, teams] = await Promise.all([listInterviews({ userId: user.id }), listTeams({ userId: user.id })]);
  const mayPlan = teams.some((team) => team.role !== "candidate");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Interviews</h1>
        <div className="flex gap-2">
          <Link href="/teams" className={buttonVariants({ variant: "outline" })}>
            Teams
          </Link>
          {mayPlan && (
            <Link href="/interviews/new" className={buttonVariants()}>
              Plan an interview
            </Link>
          )}
        </div>
      </div>
      {teams.length === 0 && (
        <p className="text-sm text-muted-foreground">
          Mock interviews happen in teams: a shared live editor, a timer, and the graders' verdicts for everyone in the room.{" "}
          <Link href="/teams" className="underline underline-offset-4">
            Create a team
          </Link>{" "}
          or open an invitation link someone sent you.
        </p>
      )}
      {SECTIONS.map((section) => {
        const entries = interviews.filter((interview) => interview.phase === section.phase);
        return (
          <section key={section.phase} aria-labelledby={`interviews-${section.phase}`} className="flex flex-col gap-2">
            <h2 id={`interviews-${section.phase}`} className="text-lg font-semibold">
              {section.title}
            </h2>
            {entries.length === 0 ? (
              <p className="text-sm text-muted-foreground">{section.empty}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {entries.map((interview) => (
                  <InterviewRow key={interview.id} interview={interview} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function InterviewRow({ interview }: { interview: InterviewListEntry }) {
  const when =
    interview.phase === "live" && interview.endsAt
      ? `ends ${interview.endsAt.toISOString().slice(11, 16)} UTC`
      : interview.phase === "finished"
        ? `held ${(interview.startedAt ?? interview.createdAt).toISOString().slice(0, 10)}`
        : `${interview.durationMinutes} min`;
  return (
    <li>
      <Link
        href={`/interviews/${interview.id}`}
        className="flex flex-wrap justify-between gap-2 rounded-md border p-3 hover:bg-accent"
        data-testid="interview-row"
      >
        <span className="font-medium">{interview.title}</span>
        <span className="text-sm text-muted-foreground">
          {interview.teamName} · {interview.candidateName ?? "guest by link"} · {when} · you: {interview.role}
        </span>
      </Link>
    </li>
  );
}
