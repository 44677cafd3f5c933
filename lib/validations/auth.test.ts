import { describe, expect, it } from "vitest";
import { safeReturnPath, signUpSchema } from "@/lib/validations/auth";

describe("safeReturnPath", () => {
  it.each([
    ["/exercises/bankers", "/exercises/bankers"],
    ["/dashboard?tab=progress", "/dashboard?tab=progress"],
    [null, "/dashboard"],
    ["", "/dashboard"],
    ["https://evil.example/phish", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe("signUpSchema", () => {
  it("says what is wrong with each field", () => {
    const result = signUpSchema.safeParse({ name: "  ", email: "not-an-email", password: "short" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      name: "Tell us what to call you.",
      email: "Enter a valid email address.",
      password: "Use at least 8 characters.",
    });
  });

  it("trims the name", () => {
    expect(signUpSchema.parse({ name: " Ada ", email: "ada@example.com", password: "kernel panic at dawn" }).name).toBe("Ada");
  });
});
