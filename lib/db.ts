// The Prisma client, one per process (kept on globalThis so dev-server reloads don't open new pools).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, isBuildPhase, requireDatabaseUrl } from "@/lib/env";

function createPrismaClient(): PrismaClient {
  // `next build` imports server modules without a database; connecting happens on first query.
  const connectionString = isBuildPhase ? env.DATABASE_URL : requireDatabaseUrl();
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const globalForPrisma = globalThis as unknown as { osprepPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.osprepPrisma ?? createPrismaClient();
if (env.NODE_ENV !== "production") globalForPrisma.osprepPrisma = db;
