import { describe, expect, it } from "vitest";
import { resetDraftSchema, saveDraftSchema } from "@/lib/validations/drafts";

const draft = { exerciseSlug: "syscall-echo", language: "c", code: "int main(void) { return 0; }\n" };

describe("a saved draft", () => {
  it("takes ordinary code, non-ASCII included", () => {
    expect(saveDraftSchema.parse({ ...draft, code: "// naïve\n" }).code).toBe("// naïve\n");
  });

  it("refuses a NUL character, naming the field and the line, since the database cannot keep one in text", () => {
    const result = saveDraftSchema.safeParse({ ...draft, code: "int a;\nint b;\u0000\n" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["code"], message: "Code cannot contain a NUL character (\\0); there is one on line 2." }),
    ]);
  });

  it("refuses an exercise slug no exercise can have (a NUL, a slash, capitals)", () => {
    for (const exerciseSlug of ["a\u0000b", "../x", "Syscall-Echo", ""]) {
      expect(resetDraftSchema.safeParse({ exerciseSlug, language: "c" }).error?.issues[0]?.path, exerciseSlug).toEqual(["exerciseSlug"]);
    }
  });

  it("refuses code over 64 KiB", () => {
    expect(saveDraftSchema.safeParse({ ...draft, code: "x".repeat(64 * 1024 + 1) }).error?.issues[0]?.message).toMatch(/^Code is limited to 64 KiB/);
  });
});
