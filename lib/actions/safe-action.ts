import "server-only";
// The one wrapper every server action goes through: it loads the signed-in user, validates the
// input with the action's schema, and turns any failure into a result the form can show.
import type { z } from "zod";
import { AppError, toPublicError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type CurrentUser, getCurrentUser } from "@/lib/server/auth/get-current-user";
import { currentViewer, type Viewer } from "@/lib/server/interviews/room-access";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

export function authedAction<Schema extends z.ZodType, Output>(
  schema: Schema,
  handler: (input: z.infer<Schema>, context: { user: CurrentUser }) => Promise<Output>,
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return async (rawInput) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in to do that: your work is kept while you do.");
      const input = schema.parse(rawInput);
      return { ok: true, data: await handler(input, { user }) };
    } catch (error) {
      const publicError = toPublicError(error);
      if (publicError.status >= 500) logger.error({ err: error }, "server action failed");
      return { ok: false, error: { code: publicError.code, message: publicError.message, details: publicError.details } };
    }
  };
}

/**
 * The wrapper of an interview room's actions, which guests (no account) use too: the viewer is the
 * session's user and this interview's guest cookie; the handler decides what the viewer may do
 * (lib/server/interviews/room-access.ts).
 */
export function roomAction<Schema extends z.ZodType<{ interviewId: string }>, Output>(
  schema: Schema,
  handler: (input: z.infer<Schema>, context: { viewer: Viewer }) => Promise<Output>,
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return async (rawInput) => {
    try {
      const input = schema.parse(rawInput);
      const viewer = await currentViewer(input.interviewId);
      return { ok: true, data: await handler(input, { viewer }) };
    } catch (error) {
      const publicError = toPublicError(error);
      if (publicError.status >= 500) logger.error({ err: error }, "server action failed");
      return { ok: false, error: { code: publicError.code, message: publicError.message, details: publicError.details } };
    }
  };
}
