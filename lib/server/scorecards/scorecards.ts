import "server-only";
// Interviewers' scorecards. Each interviewer has one per interview, opened once the interview has
// begun: the team's rubric as it is then, the room's grading signals, and the scores those signals
// suggest, which the interviewer confirms or overrides. Saving keeps the signals of that moment as
// evidence; submitting needs every score and a recommendation. Candidates and guests never reach
// any of it (requireInterviewer), and another interviewer's scorecard shows once yours is submitted
// (or to an owner), so no one scores anchored on a colleague's.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { candidateName } from "@/lib/interviews/display-names";
import type { Prisma } from "@/lib/generated/prisma/client";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import { renderNote } from "@/lib/interviews/render-note";
import { type Recommendation, type Rubric, rubricSchema, type Score } from "@/lib/validations/scorecards";
import type { ScorecardSignals } from "@/lib/scorecards/signals";
import { suggestScores } from "@/lib/scorecards/suggest-scores";
import { requireInterviewer, type Viewer } from "@/lib/server/interviews/room-access";
import { loadSignals } from "@/lib/server/scorecards/interview-signals";
import { rubricOf } from "@/lib/server/scorecards/team-rubric";
import type { SaveScorecardInput } from "@/lib/validations/scorecards";

export type DimensionScores = Record<string, { score: Score | null; suggested: Score | null }>;

export interface ScorecardView {
  id: string;
  interviewId: string;
  authorName: string;
  rubric: Rubric;
  scores: DimensionScores;
  recommendation: Recommendation | null;
  summary: string;
  summaryHtml: string;
  signals: ScorecardSignals;
  /** When the signals were taken (the last save). */
  signalsAt: string;
  submittedAt: string | null;
}

const scorecardSelect = {
  id: true,
  interviewId: true,
  rubric: true,
  scores: true,
  recommendation: true,
  summary: true,
  signals: true,
  updatedAt: true,
  submittedAt: true,
  author: { select: { name: true } },
} as const;

type ScorecardRow = Prisma.InterviewScorecardGetPayload<{ select: typeof scorecardSelect }>;

async function toView(row: ScorecardRow): Promise<ScorecardView> {
  return {
    id: row.id,
    interviewId: row.interviewId,
    authorName: row.author.name,
    rubric: rubricSchema.parse(row.rubric),
    scores: row.scores as DimensionScores,
    recommendation: row.recommendation as Recommendation | null,
    summary: row.summary,
    summaryHtml: await renderNote(row.summary),
    signals: row.signals as unknown as ScorecardSignals,
    signalsAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The scores with the suggestions of new signals: a score the interviewer left as suggested follows the suggestion; one they chose stays. */
function withSuggestions(scores: DimensionScores, rubric: Rubric, suggested: Record<string, Score | null>): DimensionScores {
  return Object.fromEntries(
    rubric.map(({ key }) => {
      const current = scores[key] ?? { score: null, suggested: null };
      const next = suggested[key] ?? null;
      return [key, { score: current.score === current.suggested ? next : current.score, suggested: next }];
    }),
  );
}

async function requireScorable(options: { interviewId: string; viewer: Viewer }) {
  const access = await requireInterviewer(options);
  if (interviewPhase(access.interview) === "planned") throw new AppError("CONFLICT", "A scorecard opens once the interview has begun: start it first.");
  return access;
}

/** The viewer's scorecard of the interview, opened now if it was not: pre-filled from the room's grading. A draft's signals are brought up to date. */
export async function openScorecard({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<ScorecardView> {
  const { interview, participant } = await requireScorable({ interviewId, viewer });
  const authorId = participant.id;
  const existing = await db.interviewScorecard.findUnique({ where: { interviewId_authorId: { interviewId, authorId } }, select: scorecardSelect });
  if (existing?.submittedAt) return toView(existing);
  const signals = await loadSignals(interview);
  if (existing) {
    const rubric = rubricSchema.parse(existing.rubric);
    const scores = withSuggestions(existing.scores as DimensionScores, rubric, suggestScores(rubric, signals));
    const updated = await db.interviewScorecard.update({
      where: { id: existing.id },
      data: { signals: json(signals), scores: json(scores) },
      select: scorecardSelect,
    });
    return toView(updated);
  }
  const rubric = await rubricOf(interview.organizationId);
  const suggested = suggestScores(rubric, signals);
  const scores: DimensionScores = Object.fromEntries(rubric.map(({ key }) => [key, { score: suggested[key] ?? null, suggested: suggested[key] ?? null }]));
  // Two tabs opening it at once make one scorecard.
  const created = await db.interviewScorecard.upsert({
    where: { interviewId_authorId: { interviewId, authorId } },
    create: { interviewId, authorId, rubric: json(rubric), scores: json(scores), signals: json(signals) },
    update: {},
    select: scorecardSelect,
  });
  return toView(created);
}

/** Saves the viewer's scores, recommendation and summary, with the signals of now; `submit` (or a scorecard already submitted) needs them complete. */
export async function saveScorecard({ viewer, input }: { viewer: Viewer; input: SaveScorecardInput }): Promise<ScorecardView> {
  const { interviewId } = input;
  const { interview, participant } = await requireScorable({ interviewId, viewer });
  const existing = await db.interviewScorecard.findUnique({
    where: { interviewId_authorId: { interviewId, authorId: participant.id } },
    select: { id: true, rubric: true, scores: true, submittedAt: true },
  });
  if (!existing) throw new AppError("NOT_FOUND", "Open your scorecard before saving it.");
  const rubric = rubricSchema.parse(existing.rubric);
  const keys = rubric.map((d) => d.key);
  const unknown = Object.keys(input.scores).filter((key) => !keys.includes(key));
  if (unknown.length > 0) throw new AppError("INVALID_INPUT", `This scorecard's rubric has no dimension "${unknown[0]}": reload the page.`);
  const submitting = input.submit || existing.submittedAt !== null;
  if (submitting) {
    const missing = rubric.filter((d) => (input.scores[d.key] ?? null) === null).map((d) => d.name);
    if (missing.length > 0) throw new AppError("INVALID_INPUT", `Score every dimension before submitting: ${missing.join(", ")}.`);
    if (!input.recommendation) throw new AppError("INVALID_INPUT", "Choose your overall recommendation before submitting.");
  }
  const signals = await loadSignals(interview);
  const suggested = suggestScores(rubric, signals);
  const scores: DimensionScores = Object.fromEntries(
    keys.map((key) => [key, { score: (input.scores[key] ?? null) as Score | null, suggested: suggested[key] ?? null }]),
  );
  const saved = await db.interviewScorecard.update({
    where: { id: existing.id },
    data: {
      scores: json(scores),
      recommendation: input.recommendation,
      summary: input.summary,
      signals: json(signals),
      submittedAt: existing.submittedAt ?? (input.submit ? new Date() : null),
    },
    select: scorecardSelect,
  });
  return toView(saved);
}

export interface CandidateScorecards {
  candidateName: string | null;
  /** Others' scorecards are held back until the viewer submits theirs (owners see them at once). */
  hidden: boolean;
  /** Submitted scorecards of the interviews shown, the viewer's included. */
  submittedCount: number;
  /** This interview, and the team's other interviews of the same candidate, newest first. */
  interviews: { id: string; title: string; heldAt: string | null; scorecards: ScorecardView[] }[];
}

/** The submitted scorecards of this interview's candidate, across the team's interviews of them, side by side. */
export async function listCandidateScorecards({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<CandidateScorecards> {
  const { interview, participant, teamRole } = await requireInterviewer({ interviewId, viewer });
  const interviews = await db.interview.findMany({
    where: interview.candidateUserId ? { organizationId: interview.organizationId, candidateUserId: interview.candidateUserId } : { id: interview.id },
    orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 50,
    select: {
      id: true,
      title: true,
      startedAt: true,
      guests: { select: { name: true }, orderBy: { createdAt: "asc" }, take: 1 },
      scorecards: { where: { submittedAt: { not: null } }, orderBy: { submittedAt: "asc" }, select: { ...scorecardSelect, authorId: true } },
    },
  });
  const submittedCount = interviews.reduce((sum, i) => sum + i.scorecards.length, 0);
  const ownSubmitted = interviews.find((i) => i.id === interviewId)?.scorecards.some((card) => card.authorId === participant.id) ?? false;
  const hidden = teamRole !== "owner" && !ownSubmitted;
  const guest = interviews.find((i) => i.id === interviewId)?.guests[0];
  return {
    candidateName: candidateName({ candidate: interview.candidate, guest }),
    hidden,
    submittedCount,
    interviews: await Promise.all(
      interviews.map(async (i) => ({
        id: i.id,
        title: i.title,
        heldAt: i.startedAt?.toISOString() ?? null,
        scorecards: await Promise.all(i.scorecards.filter((card) => !hidden || card.authorId === participant.id).map(toView)),
      })),
    ),
  };
}
