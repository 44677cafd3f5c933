// Wraps every HTTP API route handler once: errors become JSON with the right status, unknown ones
// are logged with the request and never echoed.
import "server-only";
import { NextResponse } from "next/server";
import { toPublicError } from "@/lib/errors";
import { logger } from "@/lib/logger";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/** Routes without dynamic segments are called with no context (and tests call them so). */
export function apiRoute<Context = unknown>(handler: Handler<Context>): (request: Request, context?: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context as Context);
    } catch (error) {
      const publicError = toPublicError(error);
      if (publicError.status >= 500) {
        logger.error({ err: error, method: request.method, url: request.url }, "API request failed");
      }
      const { status, ...body } = publicError;
      const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      const headers = retryAfter ? { "retry-after": String(retryAfter) } : undefined;
      return NextResponse.json({ error: body }, { status, headers });
    }
  };
}
