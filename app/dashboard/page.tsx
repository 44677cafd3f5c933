import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/server/auth/require-user";
import { getProgressSummary } from "@/lib/server/progress/get-progress-summary";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser({ returnTo: "/dashboard" });
  const summary = await getProgressSummary({ userId: user.id });
  const figures = [
    { label: "Exercises solved", value: summary.solved },
    { label: "Exercises attempted", value: summary.attempted },
    { label: "Submissions", value: summary.submissions },
  ];
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {user.name}</h1>
        <p className="text-muted-foreground">Your progress through the OS roadmap.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {figures.map((figure) => (
          <Card key={figure.label}>
            <CardDescription>{figure.label}</CardDescription>
            <p className="mt-2 text-3xl font-semibold tabular-nums">{figure.value}</p>
          </Card>
        ))}
      </div>
      {summary.submissions === 0 && (
        <Card className="flex flex-col items-start gap-3">
          <CardTitle>Start with your first exercise</CardTitle>
          <CardDescription>Pick a problem from the catalog, write it in C, Go or Python, and submit it to the sandbox.</CardDescription>
          <Link href="/exercises" className={buttonVariants()}>
            Browse exercises
          </Link>
        </Card>
      )}
    </div>
  );
}
