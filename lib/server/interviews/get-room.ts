import "server-only";
// Everything the room page shows its viewer: the interview, its exercises, the timer, the runs, and
// for interviewers only, the planned questions, the guest link and the private notes. Interviewer-only data is chosen
// here, on the server; a candidate's page never receives it.
import { LANGUAGE_LABELS, type Language } from "@/contracts/languages";
import { guestLink } from "@/lib/auth/guest-link";
import { candidateName } from "@/lib/interviews/display-names";
import { db } from "@/lib/db";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import type { ExercisePackage } from "@/lib/exercises/load-exercise";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { type InterviewPhase, interviewPhase } from "@/lib/interviews/interview-phase";
import type { RoomParticipant } from "@/lib/interviews/room-token";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";
import { type AskedQuestions, readAsked } from "@/lib/server/interviews/asked-questions";
import { type NoteView, readNotes } from "@/lib/server/interviews/interview-notes";
import { readHintsOpened } from "@/lib/server/interviews/room-hints";
import { listRoomRuns, type RoomRun } from "@/lib/server/interviews/room-runs";
import { type OpenQuestionView, renderOpenQuestion } from "@/lib/questions/render-open-question";

export interface RoomExercise {
  slug: string;
  title: string;
  statement: string;
  languages: { id: Language; label: string; fileName: string }[];
}

export interface RoomView {
  id: string;
  title: string;
  teamName: string;
  teamSlug: string;
  candidateName: string | null;
  phase: InterviewPhase;
  timer: { startedAt: string | null; endsAt: string | null; endedAt: string | null };
  durationMinutes: number;
  exercises: RoomExercise[];
  participant: RoomParticipant;
  runs: RoomRun[];
  /** Interviewers only. */
  questions: string[] | null;
  /** Interviewers only: the bank's open questions chosen for this interview, with their model answers. */
  bankQuestions: OpenQuestionView[] | null;
  /** Interviewers only, while a guest may still join. */
  guestLink: string | null;
  /** Interviewers only: the interviewers' private notes. */
  notes: NoteView[] | null;
  /** Interviewers only: the planned questions marked as asked, by key ("spoken:<index>", "bank:<slug>"). */
  asked: AskedQuestions | null;
  /** Per exercise, how many hints the candidate has opened. */
  hintsOpened: Record<string, number>;
  /** An owner of the team (not its candidate) may delete the interview and everything recorded of it. */
  mayDelete: boolean;
}

/** The languages an exercise is offered in, as the room lists them, with the file the candidate writes in each. */
export function roomLanguages(exercise: ExercisePackage): RoomExercise["languages"] {
  return (Object.keys(exercise.starters) as Language[]).map((id) => ({ id, label: LANGUAGE_LABELS[id], fileName: exercise.starters[id]!.edit.name }));
}

async function chosenBankQuestions(slugs: string[]): Promise<OpenQuestionView[]> {
  const bank = await getQuestionBank();
  return Promise.all(
    slugs.flatMap((slug) => {
      const question = bank.questions.find((q) => q.slug === slug);
      return question?.kind === "open" ? [renderOpenQuestion(question)] : [];
    }),
  );
}

export async function getRoom({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<RoomView> {
  const { interview, participant, teamRole } = await requireRoomAccess({ interviewId, viewer });
  const interviewer = participant.role === "interviewer";
  const phase = interviewPhase(interview);
  const [exercises, runs, guest, bankQuestions, notes, asked, hintsOpened] = await Promise.all([
    Promise.all(
      interview.exerciseSlugs.map(async (slug): Promise<RoomExercise> => {
        const exercise = await getExercisePackage(slug);
        return { slug, title: exercise.manifest.title, statement: exercise.statement, languages: roomLanguages(exercise) };
      }),
    ),
    listRoomRuns({ interviewId }),
    interview.candidateUserId === null ? db.interviewGuest.findFirst({ where: { interviewId }, orderBy: { createdAt: "asc" }, select: { name: true } }) : null,
    interviewer ? chosenBankQuestions(interview.questionSlugs) : null,
    // Read without a second access check: requireRoomAccess above found the viewer an interviewer.
    interviewer ? readNotes(interviewId, participant.id) : null,
    interviewer ? readAsked(interviewId) : null,
    readHintsOpened(interviewId),
  ]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: interview.id,
    title: interview.title,
    teamName: interview.organization.name,
    teamSlug: interview.organization.slug,
    candidateName: candidateName({ candidate: interview.candidate, guest }),
    phase,
    timer: { startedAt: iso(interview.startedAt), endsAt: iso(interview.endsAt), endedAt: iso(interview.endedAt) },
    durationMinutes: interview.durationMinutes,
    exercises,
    participant,
    runs,
    questions: interviewer ? interview.questions : null,
    bankQuestions,
    guestLink: interviewer && interview.candidateUserId === null && phase !== "finished" ? guestLink(interview.id) : null,
    notes,
    asked,
    hintsOpened,
    mayDelete: interviewer && teamRole === "owner",
  };
}
