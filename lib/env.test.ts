import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("fills in defaults for a bare environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      OSPREP_URL: "http://localhost:3000",
      OSPREP_DATA_DIR: ".data",
      LOG_LEVEL: "info",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts a full production environment and coerces numbers", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://osprep:pw@db:5432/osprep",
      BETTER_AUTH_SECRET: "x".repeat(32),
      OSPREP_URL: "https://osprep.example.com",
      PORT: "8080",
      EMBEDDED_POSTGRES_PORT: "60000",
    });
    expect(env.PORT).toBe(8080);
    expect(env.EMBEDDED_POSTGRES_PORT).toBe(60000);
    expect(env.DATABASE_URL).toBe("postgresql://osprep:pw@db:5432/osprep");
  });

  it("parses the sandbox's uid range and names it when it is not one", () => {
    expect(parseEnv({}).SANDBOX_UID_RANGE).toEqual({ first: 1_879_048_192, last: 1_879_113_727 });
    expect(parseEnv({ SANDBOX_UID_RANGE: "200000-300000" }).SANDBOX_UID_RANGE).toEqual({ first: 200_000, last: 300_000 });
    expect(() => parseEnv({ SANDBOX_UID_RANGE: "1000-2000" })).toThrow(/SANDBOX_UID_RANGE: must be FIRST-LAST/);
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("names every bad variable in one error", () => {
    const parse = () => parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty", BETTER_AUTH_SECRET: "short", LOG_LEVEL: "loud" });
    expect(parse).toThrow(EnvError);
    const message = (() => {
      try {
        parse();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// connection URL");
    expect(message).toContain("PORT:");
    expect(message).toContain("BETTER_AUTH_SECRET: must be at least 32 characters");
    expect(message).toContain("LOG_LEVEL:");
  });

  it("rejects a relative public URL", () => {
    expect(() => parseEnv({ OSPREP_URL: "localhost:3000/" })).toThrow(/OSPREP_URL/);
  });
});
