import "server-only";
// better-auth's endpoints, called from osprep's server actions, fail with its APIError; a person
// should read its message with the status osprep would give it, like any other AppError.
import { isAPIError } from "better-auth/api";
import { AppError, type AppErrorCode } from "@/lib/errors";

const BY_STATUS: Record<number, AppErrorCode> = {
  400: "INVALID_INPUT",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  429: "RATE_LIMITED",
};

export async function callAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAPIError(error)) {
      const code = BY_STATUS[error.statusCode] ?? (error.statusCode >= 500 ? "INTERNAL" : "INVALID_INPUT");
      if (code === "INTERNAL") throw error;
      throw new AppError(code, error.body?.message || error.message || "That could not be done.");
    }
    throw error;
  }
}
