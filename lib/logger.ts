// Structured logs: JSON lines in production, readable lines while developing.
import pino from "pino";
import { env } from "@/lib/env";

const pretty = env.NODE_ENV === "development" && process.stdout.isTTY;

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: process.env.OSPREP_SERVICE ?? "osprep" },
  redact: ["password", "*.password", "headers.cookie", "headers.authorization"],
  ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
});
