// Contracts of teams and interviews: what the forms send and the server checks, one schema each.
import "@/lib/validations/zod-setup";
import { z } from "zod";
import { nameProblem } from "@/lib/auth/account-rules";
import { LANGUAGES } from "@/contracts/languages";
import { questionSlugSchema } from "@/lib/validations/progress";
import { codeSchema, exerciseSlugSchema } from "@/lib/validations/submissions";

export const MAX_EXERCISES_PER_INTERVIEW = 3;
export const MAX_QUESTIONS = 20;
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 240;
/** What one extension of the timer may add. */
export const MAX_EXTENSION_MINUTES = 60;

const idSchema = z.string().regex(/^[\w-]{1,64}$/, "That id names nothing here.");

const nameRule = (context: { value: string; issues: unknown[] }) => {
  const problem = nameProblem(context.value);
  if (problem) context.issues.push({ code: "custom", message: problem, input: context.value });
};

export const teamSlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "A team's address is 1 to 48 lowercase letters, digits and hyphens, not starting or ending with a hyphen.");

export const createTeamSchema = z.object({
  name: z
    .string()
    .check(nameRule)
    .transform((name) => name.trim()),
  slug: teamSlugSchema,
});

export const teamRoleSchema = z.enum(["owner", "interviewer", "candidate"], { error: "A team role is owner, interviewer or candidate." });

export const inviteMemberSchema = z.object({
  teamId: idSchema,
  email: z.email("Enter the email address of the person you invite."),
  role: teamRoleSchema,
});

export const changeRoleSchema = z.object({ teamId: idSchema, memberId: idSchema, role: teamRoleSchema });
export const removeMemberSchema = z.object({ teamId: idSchema, memberId: idSchema });
export const cancelInvitationSchema = z.object({ teamId: idSchema, invitationId: idSchema });

export const planInterviewSchema = z.object({
  teamId: idSchema,
  title: z.string().trim().min(1, "Give the interview a title.").max(120, "Keep the title to 120 characters."),
  /** A team member with the candidate role; absent: a guest joins by the interview's link. */
  candidateUserId: idSchema.optional(),
  exerciseSlugs: z
    .array(exerciseSlugSchema)
    .min(1, "Choose at least one exercise.")
    .max(MAX_EXERCISES_PER_INTERVIEW, `Choose at most ${MAX_EXERCISES_PER_INTERVIEW} exercises.`)
    .refine((slugs) => new Set(slugs).size === slugs.length, "Choose each exercise once."),
  durationMinutes: z.coerce
    .number()
    .int("The duration is a whole number of minutes.")
    .min(MIN_DURATION_MINUTES, `An interview lasts at least ${MIN_DURATION_MINUTES} minutes.`)
    .max(MAX_DURATION_MINUTES, `An interview lasts at most ${MAX_DURATION_MINUTES} minutes.`),
  questions: z
    .array(z.string().trim().min(1).max(500, "Keep each question to 500 characters."))
    .max(MAX_QUESTIONS, `Plan at most ${MAX_QUESTIONS} questions.`)
    .default([]),
  /** Open questions from the bank (questions/), asked aloud; their model answers show to interviewers only. */
  questionSlugs: z
    .array(questionSlugSchema)
    .max(MAX_QUESTIONS, `Choose at most ${MAX_QUESTIONS} questions from the bank.`)
    .refine((slugs) => new Set(slugs).size === slugs.length, "Choose each question once.")
    .default([]),
});

export type PlanInterviewInput = z.infer<typeof planInterviewSchema>;

export const interviewIdSchema = z.object({ interviewId: idSchema });

export const extendInterviewSchema = z.object({
  interviewId: idSchema,
  minutes: z.coerce
    .number()
    .int()
    .min(1, "Extend by at least a minute.")
    .max(MAX_EXTENSION_MINUTES, `Extend by at most ${MAX_EXTENSION_MINUTES} minutes at a time.`),
});

export const joinAsGuestSchema = z.object({
  interviewId: idSchema,
  token: z.string().max(200),
  name: z
    .string()
    .check(nameRule)
    .transform((name) => name.trim()),
});

export const roomRunSchema = z.object({
  interviewId: idSchema,
  exerciseSlug: exerciseSlugSchema,
  language: z.enum(LANGUAGES, { error: `Choose one of the languages: ${LANGUAGES.join(", ")}.` }),
  code: codeSchema.refine((code) => code.trim() !== "", "The file is empty: write the solution before you run it."),
  kind: z.enum(["run", "submit"]),
});

export type RoomRunInput = z.infer<typeof roomRunSchema>;

/** A private note's longest Markdown: pages of notes, far from a paste of the whole session. */
export const MAX_NOTE_CHARS = 20_000;

const noteBodySchema = z
  .string()
  .max(MAX_NOTE_CHARS, `Keep a note to ${MAX_NOTE_CHARS.toLocaleString("en-US")} characters; write another for more.`)
  .refine((body) => body.trim() !== "", "The note is empty.")
  .refine((body) => !body.includes("\0"), "A note cannot hold a NUL character.");

export const addNoteSchema = z.object({ interviewId: idSchema, body: noteBodySchema });
export const editNoteSchema = z.object({ interviewId: idSchema, noteId: idSchema, body: noteBodySchema });
export const noteIdSchema = z.object({ interviewId: idSchema, noteId: idSchema });

/** A planned question of the room: "spoken:<index>" (the interviewer's own) or "bank:<slug>". */
export const questionKeySchema = z.string().regex(/^(spoken:\d{1,2}|bank:[a-z0-9-]{1,80})$/, "That names no question of this interview.");
/** A hint of one of the room's exercises, counted from 0; hints open in order. */
export const openHintSchema = z.object({ interviewId: idSchema, exerciseSlug: exerciseSlugSchema, index: z.number().int().min(0).max(50) });

export const markAskedSchema = z.object({ interviewId: idSchema, questionKey: questionKeySchema, asked: z.boolean() });
