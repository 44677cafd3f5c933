// The one error type the app raises on purpose; anything else is a bug, logged and never echoed.
import { ZodError } from "zod";

export const appErrorCodes = {
  /** A request malformed in a way no form produces (a bad header or query parameter); bodies that fail their schema are INVALID_INPUT. */
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    /** A sentence for the person who made the request, saying what to do next. */
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return appErrorCodes[this.code];
  }
}

/** What a caller may see of any error: AppErrors as they are, invalid input with its fields, the rest hidden. */
export function toPublicError(error: unknown): { status: number; code: AppErrorCode; message: string; details?: unknown } {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    // The message says what is wrong by itself (a form shows only the message); details keep each field apart.
    const said = details.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
    return { status: appErrorCodes.INVALID_INPUT, code: "INVALID_INPUT", message: `Some of the input is not valid: ${said}`, details };
  }
  return { status: 500, code: "INTERNAL", message: "Something went wrong on our side. Please try again in a moment." };
}
