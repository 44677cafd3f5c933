// Contracts of submissions: what a client may send, what it is sent back, and the progress events.
import "@/lib/validations/zod-setup";
import { z } from "zod";
import { gradingResultSchema } from "@/contracts/grading-result";
import { verdictSchema } from "@/contracts/verdicts";
import { LANGUAGES } from "@/contracts/languages";

export const MAX_CODE_BYTES = 64 * 1024;
export const MAX_STDIN_BYTES = 64 * 1024;

const byteLimit = (max: number, what: string) => (value: string) =>
  Buffer.byteLength(value, "utf8") <= max || `${what} is limited to ${max / 1024} KiB; this is ${Math.ceil(Buffer.byteLength(value, "utf8") / 1024)} KiB.`;

/**
 * Source code: at most 64 KiB of UTF-8 and no NUL character, which no compiler takes in a source
 * file and the database cannot keep in text (custom input, which may be any bytes, is stored as bytes).
 */
export const codeSchema = z.string().check((ctx) => {
  const verdict = byteLimit(MAX_CODE_BYTES, "Code")(ctx.value);
  if (verdict !== true) ctx.issues.push({ code: "custom", message: verdict, input: ctx.value });
  const nul = ctx.value.indexOf("\u0000");
  if (nul !== -1) {
    const line = ctx.value.slice(0, nul).split("\n").length;
    ctx.issues.push({ code: "custom", message: `Code cannot contain a NUL character (\\0); there is one on line ${line}.`, input: ctx.value });
  }
});

/** Exercise slugs are kebab-case (exercises/<slug>/); anything else names no exercise. */
export const exerciseSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "An exercise is named by its slug: lowercase letters, digits and hyphens.");

export const createSubmissionSchema = z
  .object({
    exerciseSlug: exerciseSlugSchema,
    language: z.enum(LANGUAGES, { error: `Choose one of the languages: ${LANGUAGES.join(", ")}.` }),
    // A draft may be empty; what is sent to be graded may not (an empty C file fails to link, an empty Python one prints nothing).
    code: codeSchema.refine((code) => code.trim() !== "", "Your file is empty: write your solution (or use Reset to starter) before you run it."),
    kind: z.enum(["run", "submit"]).default("submit"),
    /** Run only: the user's own standard input. */
    stdin: z
      .string()
      .check((ctx) => {
        const verdict = byteLimit(MAX_STDIN_BYTES, "Custom input")(ctx.value);
        if (verdict !== true) ctx.issues.push({ code: "custom", message: verdict, input: ctx.value });
      })
      .optional(),
  })
  .strict()
  .refine((input) => input.kind === "run" || input.stdin === undefined, {
    message: "Custom input goes with a Run, not a Submit.",
    path: ["stdin"],
  });

export type CreateSubmissionInput = z.infer<typeof createSubmissionSchema>;

export const submissionEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("queued") }),
  z.object({ type: z.literal("started"), attempt: z.number().int().positive() }),
  /** Checking a Python file's syntax, building C or Go, or building and starting a server; absent from older events. */
  z.object({ type: z.literal("compiling"), step: z.enum(["checking", "building", "starting"]).optional() }),
  z.object({ type: z.literal("test-started"), index: z.number().int().positive(), total: z.number().int().positive() }),
  z.object({
    type: z.literal("test"),
    index: z.number().int().positive(),
    total: z.number().int().positive(),
    name: z.string(),
    verdict: z.union([verdictSchema, z.literal("skipped")]),
  }),
  z.object({
    type: z.literal("performance"),
    state: z.enum(["started", "measuring", "finished"]),
    /** While measuring: measurements made, of at most `planned` (fewer when the verdict is clear early). */
    done: z.number().int().nonnegative().optional(),
    planned: z.number().int().positive().optional(),
  }),
  /** Our side failed; the job will be tried again. */
  z.object({ type: z.literal("retrying"), attempt: z.number().int().positive() }),
  z.object({
    type: z.literal("done"),
    status: z.enum(["done", "internal_error"]),
    verdict: verdictSchema.nullable(),
    score: z.number().nullable(),
  }),
]);

export type SubmissionEvent = z.infer<typeof submissionEventSchema>;

/** A submission as its owner may see it: no hidden tests, no internal reasons. */
export const publicSubmissionSchema = z.object({
  id: z.string(),
  exerciseSlug: z.string(),
  language: z.enum(LANGUAGES),
  kind: z.enum(["run", "submit"]),
  status: z.enum(["queued", "running", "done", "internal_error"]),
  verdict: verdictSchema.nullable(),
  score: z.number().nullable(),
  result: gradingResultSchema.nullable(),
  /** Shown for internal_error: always our fault, never the user's. */
  notice: z.string().nullable(),
  /** While queued: how many submissions are ahead of it, plus one. */
  queuePosition: z.number().int().positive().nullable(),
  queuedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export type PublicSubmission = z.infer<typeof publicSubmissionSchema>;

export const INTERNAL_ERROR_NOTICE = "Something went wrong on our side while grading this submission; it is not your code's fault. Submit again in a minute.";
