// /interviews/new — plan an interview, for the owners and interviewers of a team.
import type { Metadata } from "next";
import Link from "next/link";
import { PlanInterviewForm } from "@/components/interviews/plan-interview-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/server/auth/require-user";
import { getPlanningOptions } from "@/lib/server/interviews/get-planning-options";

export const metadata: Metadata = { title: "Plan an interview" };
export const dynamic = "force-dynamic";

export default async function PlanInterviewPage() {
  const user = await requireUser({ returnTo: "/interviews/new" });
  const { teams, exercises, bankQuestions } = await getPlanningOptions({ userId: user.id });
  if (teams.length === 0) {
    return (
      <Card className="mx-auto flex max-w-md flex-col gap-2">
        <CardTitle>Plan an interview</CardTitle>
        <p className="text-sm text-muted-foreground">
          Interviews are planned by a team's owners and interviewers.{" "}
          <Link href="/teams" className="underline underline-offset-4">
            Create a team
          </Link>{" "}
          or ask to be made an interviewer of yours.
        </p>
      </Card>
    );
  }
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Plan an interview</h1>
      <PlanInterviewForm teams={teams} exercises={exercises} bankQuestions={bankQuestions} />
    </div>
  );
}
