import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toPublicError } from "@/lib/errors";

describe("toPublicError", () => {
  it("passes an AppError through with its status", () => {
    expect(toPublicError(new AppError("PAYLOAD_TOO_LARGE", "Code is limited to 64 KiB."))).toEqual({
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "Code is limited to 64 KiB.",
      details: undefined,
    });
  });

  it("turns invalid input into 422 with the failing fields", () => {
    const result = z.object({ language: z.enum(["c", "go"]) }).safeParse({ language: "cobol" });
    const error = toPublicError(result.error);
    expect(error.status).toBe(422);
    expect(error.details).toEqual([{ path: "language", message: expect.any(String) }]);
  });

  it("says in the message itself what is wrong, for forms that show only the message", () => {
    const result = z.object({ code: z.string().max(3, "Code is limited to 3 bytes.") }).safeParse({ code: "too long" });
    expect(toPublicError(result.error).message).toBe("Some of the input is not valid: code: Code is limited to 3 bytes.");
  });

  it("never echoes an unexpected error", () => {
    const error = toPublicError(new Error("password=hunter2 at db.internal:5432"));
    expect(error).toEqual({ status: 500, code: "INTERNAL", message: expect.not.stringContaining("hunter2") });
  });
});
