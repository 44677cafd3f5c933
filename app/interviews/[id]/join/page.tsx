// /interviews/:id/join?token=… — the guest link an interviewer shares: the candidate gives a name and
// enters the room without an account. The link opens this interview only, until it ends.
import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { joinAsGuestAction } from "@/lib/actions/interview-actions";
import { AppError } from "@/lib/errors";
import { getGuestInvitation } from "@/lib/server/interviews/join-as-guest";

export const metadata: Metadata = { title: "Join an interview" };
export const dynamic = "force-dynamic";

export default async function JoinInterviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ token?: string; problem?: string }>;
}) {
  const { id } = await params;
  const { token, problem } = await searchParams;
  let interview: Awaited<ReturnType<typeof getGuestInvitation>>;
  try {
    interview = await getGuestInvitation({ interviewId: id, token });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Card className="mx-auto flex max-w-md flex-col gap-2">
        <CardTitle>This link does not open an interview</CardTitle>
        <CardDescription role="alert">{error.message}</CardDescription>
      </Card>
    );
  }
  return (
    <Card className="mx-auto flex max-w-md flex-col gap-4">
      <div className="flex flex-col gap-1">
        <CardTitle>{interview.title}</CardTitle>
        <CardDescription>{interview.teamName} invites you to a mock interview. No account needed: tell them what to call you.</CardDescription>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <form action={joinAsGuestAction} className="flex flex-col gap-3">
        <input type="hidden" name="interviewId" value={interview.id} />
        <input type="hidden" name="token" value={token} />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="guest-name">Your name</Label>
          <Input id="guest-name" name="name" required maxLength={80} autoComplete="name" />
        </div>
        <Button type="submit">Join the interview</Button>
      </form>
    </Card>
  );
}
