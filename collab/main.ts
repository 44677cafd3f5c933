// The collaboration server process (interview rooms' shared documents), started by scripts/osprep.ts
// beside the web server and the worker, which passes it DATABASE_URL and BETTER_AUTH_SECRET.
import "@/lib/load-dotenv";
import { env, requireAuthSecret } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startCollabServer } from "@/collab/collab-server";

async function main(): Promise<void> {
  const server = await startCollabServer({ port: env.COLLAB_PORT, host: env.COLLAB_HOST, secret: requireAuthSecret(), logger });
  const stop = (signal: string) => {
    logger.info({ signal }, "collaboration server stopping; storing open documents");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "could not store every document while stopping");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the collaboration server could not start");
  process.exit(1);
});
