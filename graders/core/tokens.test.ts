import { describe, expect, it } from "vitest";
import { Tokens } from "@/graders/core/tokens";

describe("Tokens", () => {
  it("reads words and bounded integers in order, as the drivers do", () => {
    const tokens = new Tokens("  3 full\r\n\t0 999999999999999 1000000000000000 -1 +2 7\n");
    expect(tokens.integer(1, 20)).toBe(3);
    expect(tokens.word()).toBe("full");
    expect(tokens.integer(0, 0)).toBe(0);
    expect(tokens.integer(0, Number.MAX_SAFE_INTEGER)).toBe(999_999_999_999_999);
    // Sixteen digits, a sign, a value out of range: not integers the drivers take.
    expect(tokens.integer(0, Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(tokens.integer(-5, 5)).toBeNull();
    expect(tokens.integer(0, 5)).toBeNull();
    expect(tokens.done).toBe(false);
    expect(tokens.integer(0, 6)).toBeNull();
    expect(tokens.done).toBe(true);
    expect(tokens.word()).toBeUndefined();
    expect(tokens.integer(0, 1)).toBeNull();
  });
});
