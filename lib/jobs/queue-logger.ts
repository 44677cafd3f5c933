// graphile-worker's logger, writing through our pino logger.
import { Logger as QueueLogger } from "graphile-worker";
import type { Logger } from "pino";

export function queueLogger(logger: Logger): QueueLogger {
  return new QueueLogger((scope) => (level, message, meta) => {
    const pinoLevel = level === "warning" ? "warn" : level === "error" ? "error" : level === "debug" ? "debug" : "info";
    logger[pinoLevel]({ queue: scope, ...meta }, message);
  });
}
