import "server-only";
// better-auth's endpoints, called from osprep's server actions (always by a signed-in user), fail
// with its APIError; a person should read what osprep would say, with the status osprep would give:
// a team they are not in does not exist for them, and a refusal to a signed-in user is FORBIDDEN.
import { isAPIError } from "better-auth/api";
import { AppError, type AppErrorCode } from "@/lib/errors";

/** better-auth's ways of saying the caller is not in the team (MEMBER_NOT_FOUND: the caller's membership, or the member named). */
const NOT_IN_TEAM = ["ORGANIZATION_NOT_FOUND", "MEMBER_NOT_FOUND", "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION", "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION"];
const BY_STATUS: Record<number, AppErrorCode> = {
  400: "INVALID_INPUT",
  401: "FORBIDDEN",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  429: "RATE_LIMITED",
};

export async function callAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isAPIError(error) || error.statusCode >= 500) throw error;
    const code = (error.body as { code?: string } | undefined)?.code ?? "";
    if (NOT_IN_TEAM.includes(code)) throw new AppError("NOT_FOUND", "There is no such team or member, or you are not one of the team's members.");
    throw new AppError(BY_STATUS[error.statusCode] ?? "INVALID_INPUT", error.body?.message || error.message || "That could not be done.");
  }
}
