// What the exercise page loads for its reader after the (prerendered) page itself: their drafts and
// their recent Runs and Submits of the exercise, with the code of each (theirs to see).
import "@/lib/validations/zod-setup";
import { z } from "zod";
import { LANGUAGES } from "@/lib/exercises/manifest";

export const historyEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(["run", "submit"]),
  language: z.enum(LANGUAGES),
  status: z.enum(["queued", "running", "done", "internal_error"]),
  verdict: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  code: z.string(),
});

export const workspaceSchema = z.strictObject({
  signedIn: z.boolean(),
  drafts: z.partialRecord(z.enum(LANGUAGES), z.string()),
  history: z.array(historyEntrySchema),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
