"use client";
// The interview room: the statement (switchable when there are several exercises), the shared live
// editor with everyone's cursors, who is here, the server's timer, and Run/Submit whose progress and
// result every participant sees. Interviewers start, extend and end the timer; at the end the
// candidate's editor locks (the server refuses their edits too).
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { SubmissionResult } from "@/components/exercises/submission-result";
import { remoteCursorStyles } from "@/components/interviews/presence";
import { AskedToggle } from "@/components/interviews/asked-toggle";
import { InterviewRecord } from "@/components/interviews/interview-record";
import { RoomNotes } from "@/components/interviews/room-notes";
import { RoomRunList } from "@/components/interviews/room-runs";
import { RoomClock, remainingMs } from "@/components/interviews/room-timer";
import { SharedEditor } from "@/components/interviews/shared-editor-loader";
import { useRoomDocument } from "@/components/interviews/use-room-document";
import { useRoomRuns } from "@/components/interviews/use-room-runs";
import { Button } from "@/components/ui/button";
import type { Language } from "@/contracts/languages";
import { endInterviewAction, extendInterviewAction, startInterviewAction } from "@/lib/actions/interview-actions";
import { ModelAnswer } from "@/components/questions/model-answer";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";
import { codeTextName } from "@/lib/interviews/room-document";
import type { RoomExercise, RoomView } from "@/lib/server/interviews/get-room";

const CONNECTION_SAYS = {
  connecting: "Connecting…",
  connected: "Live",
  offline: "Offline: keep typing, your edits merge when the connection is back",
  refused: "Not connected",
} as const;

export function InterviewRoom({ room, serverNow, statements }: { room: RoomView; serverNow: number; statements: Record<string, ReactNode> }) {
  const { participant } = room;
  const interviewer = participant.role === "interviewer";
  const live = useRoomDocument({ interviewId: room.id, participant, timer: room.timer, serverNow });
  const runs = useRoomRuns({ interviewId: room.id, initialRuns: room.runs, revision: live.runsRevision });
  const [timerProblem, setTimerProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [asked, setAsked] = useState(room.asked ?? {});

  const over = remainingMs(live.timer, live.clockOffsetMs) === 0;
  const readOnly = live.readOnlyScope || (participant.role === "candidate" && over);
  const selection = live.selection ?? { exercise: room.exercises[0]!.slug, language: room.exercises[0]!.languages[0]!.id };
  const exercise: RoomExercise = room.exercises.find((e) => e.slug === selection.exercise) ?? room.exercises[0]!;
  const language = exercise.languages.find((l) => l.id === selection.language) ?? exercise.languages[0]!;
  const text = live.doc.getText(codeTextName(exercise.slug, language.id));

  async function timerAction(action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    setTimerProblem(null);
    const result = await action();
    if (!result.ok) setTimerProblem(result.error?.message ?? "That did not work.");
  }

  const send = (kind: "run" | "submit") => {
    if (!live.synced || runs.sending) return;
    void runs.send({ exerciseSlug: exercise.slug, language: language.id as Language, code: text.toString(), kind });
  };

  return (
    <div className="flex flex-col gap-4">
      <style>{remoteCursorStyles(live.people)}</style>
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-semibold">{room.title}</h1>
          <p className="text-sm text-muted-foreground">
            {room.teamName} · candidate: {room.candidateName ?? "not joined yet"} · you are the {participant.role}
          </p>
        </div>
        <RoomClock timer={live.timer} clockOffsetMs={live.clockOffsetMs} durationMinutes={room.durationMinutes} />
        {interviewer && (
          <div className="flex flex-wrap items-center gap-2">
            {!live.timer.startedAt && (
              // Live first: the room's timer arrives through the shared document (and a click before the page is live would be lost).
              <Button size="sm" disabled={!live.synced} onClick={() => timerAction(() => startInterviewAction({ interviewId: room.id }))}>
                Start interview
              </Button>
            )}
            {live.timer.startedAt && !over && (
              <>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={!live.synced}
                  onClick={() => timerAction(() => extendInterviewAction({ interviewId: room.id, minutes: 5 }))}
                >
                  +5 min
                </Button>
                <Button size="sm" variant="outline" disabled={!live.synced} onClick={() => timerAction(() => endInterviewAction({ interviewId: room.id }))}>
                  End interview
                </Button>
              </>
            )}
          </div>
        )}
        {live.timer.startedAt && (
          <nav className="flex gap-3 text-sm" aria-label="After the interview">
            {interviewer && (
              <Link href={`/interviews/${room.id}/scorecard`} className="underline underline-offset-4">
                Scorecard
              </Link>
            )}
            <Link href={`/interviews/${room.id}/replay`} className="underline underline-offset-4">
              Replay
            </Link>
          </nav>
        )}
        <p className="ml-auto text-xs text-muted-foreground" data-testid="room-connection" data-state={live.connection} data-synced={live.synced}>
          {CONNECTION_SAYS[live.connection]}
        </p>
      </header>
      {(timerProblem || live.problem) && (
        <p role="alert" className="text-sm text-destructive">
          {timerProblem ?? live.problem}
        </p>
      )}
      {room.guestLink && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border p-2 text-sm">
          <span className="text-muted-foreground">Guest link for the candidate (works for this interview, until it ends):</span>
          <code className="truncate" data-testid="guest-link">
            {room.guestLink}
          </code>
          <Button
            size="sm"
            variant="outline"
            onClick={() => {
              void navigator.clipboard?.writeText(room.guestLink!).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-label="Statement" className="flex max-h-[75vh] flex-col gap-3 overflow-auto rounded-md border p-4">
          {room.exercises.length > 1 && (
            <div role="tablist" aria-label="Exercises" className="flex flex-wrap gap-1">
              {room.exercises.map((e) => (
                <Button
                  key={e.slug}
                  role="tab"
                  aria-selected={e.slug === exercise.slug}
                  size="sm"
                  variant={e.slug === exercise.slug ? "default" : "outline"}
                  onClick={() => live.select({ exercise: e.slug, language: (e.languages.find((l) => l.id === language.id) ?? e.languages[0]!).id })}
                >
                  {e.title}
                </Button>
              ))}
            </div>
          )}
          {statements[exercise.slug]}
          {room.bankQuestions && room.bankQuestions.length > 0 && (
            <details className="rounded-md border p-3 text-sm" open data-testid="bank-questions">
              <summary className="font-medium">Questions from the bank (only interviewers see these and their answers)</summary>
              <ol className="mt-2 flex list-decimal flex-col gap-2 pl-5">
                {room.bankQuestions.map((question) => (
                  <li key={question.slug}>
                    <RenderedMarkdown html={question.promptHtml} />
                    <AskedToggle interviewId={room.id} questionKey={`bank:${question.slug}`} asked={asked} onChange={setAsked} />
                    <ModelAnswer question={question} summary="Model answer, what a strong answer covers, common mistakes" />
                  </li>
                ))}
              </ol>
            </details>
          )}
          {room.questions && room.questions.length > 0 && (
            <details className="rounded-md border p-3 text-sm" open>
              <summary className="font-medium">Your questions (only interviewers see these)</summary>
              <ol className="mt-2 list-decimal pl-5">
                {room.questions.map((question, index) => (
                  <li key={question}>
                    {question}
                    <AskedToggle interviewId={room.id} questionKey={`spoken:${index}`} asked={asked} onChange={setAsked} />
                  </li>
                ))}
              </ol>
            </details>
          )}
          {room.notes && <RoomNotes interviewId={room.id} initialNotes={room.notes} />}
        </section>
        <section aria-label="Shared code" className="flex min-h-[60vh] flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <label className="text-sm">
              Language{" "}
              <select
                className="rounded-md border bg-background px-2 py-1 text-sm"
                value={language.id}
                onChange={(event) => live.select({ exercise: exercise.slug, language: event.target.value as Language })}
                aria-label="Language"
              >
                {exercise.languages.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
            <span className="font-mono text-xs text-muted-foreground">{language.fileName}</span>
            <ul className="ml-auto flex flex-wrap gap-2 text-xs" aria-label="In the room" data-testid="presence">
              {live.people.map((person) => (
                <li key={person.clientId} className="flex items-center gap-1">
                  <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ background: person.color }} />
                  {person.name}
                  {person.self ? " (you)" : ""} · {person.role}
                </li>
              ))}
            </ul>
          </div>
          {readOnly && (
            <p role="status" className="text-sm text-muted-foreground" data-testid="read-only-notice">
              The interview is over: the code is read-only now.
            </p>
          )}
          <div className="min-h-0 flex-1 overflow-hidden rounded-md border">
            {live.provider && (
              <SharedEditor
                text={text}
                awareness={live.provider.awareness!}
                path={`file:///${exercise.slug}/${language.id}/${language.fileName}`}
                language={language.id}
                readOnly={readOnly || !live.synced}
                ariaLabel={`${language.fileName}, shared with the room`}
                onRun={() => send("run")}
                onSubmit={() => send("submit")}
              />
            )}
          </div>
          <div className="flex items-center gap-2">
            <Button variant="outline" onClick={() => send("run")} disabled={!live.synced || runs.sending || (participant.role === "candidate" && over)}>
              Run
            </Button>
            <Button onClick={() => send("submit")} disabled={!live.synced || runs.sending || (participant.role === "candidate" && over)}>
              Submit
            </Button>
            {runs.problem && (
              <p role="alert" className="text-sm text-destructive">
                {runs.problem}
              </p>
            )}
          </div>
          {runs.shown && <SubmissionResult submission={runs.shown.submission} progress={runs.shown.progress} />}
          <details className="text-sm" open>
            <summary className="font-medium">Runs</summary>
            <div className="mt-2">
              <RoomRunList runs={runs.runs} shownId={runs.shown?.id ?? null} onShow={runs.show} />
            </div>
          </details>
        </section>
      </div>
      <InterviewRecord interviewId={room.id} mayDelete={room.mayDelete} live={Boolean(live.timer.startedAt) && !over} />
    </div>
  );
}
