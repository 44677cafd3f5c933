// Starts osprep's web server (lib/web-server/serve.ts) on the production build, and the
// collaboration server (collab/main.ts) behind it, as `npm start` does.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "@/test/support/free-port";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface RunningWebServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startWebServer(options: { databaseUrl: string; authSecret: string; env?: Record<string, string> }): Promise<RunningWebServer> {
  const port = await freePort();
  const collabPort = await freePort();
  const url = `http://localhost:${port}`;
  const collab = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["collab/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: options.authSecret,
      OSPREP_URL: url,
      OSPREP_SERVICE: "collab",
      COLLAB_PORT: String(collabPort),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealthy(`http://127.0.0.1:${collabPort}/health`, collab);
  const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["lib/web-server/serve.ts", "--port", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: options.authSecret,
      OSPREP_URL: url,
      LOG_LEVEL: "warn",
      COLLAB_PORT: String(collabPort),
      ...options.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealthy(`${url}/api/health`, server);
  return {
    url,
    stop: async () => {
      await Promise.all(
        [server, collab].map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          await new Promise((resolve) => child.once("exit", resolve));
        }),
      );
    },
  };
}

async function waitForHealthy(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${url} : the server exited with code ${server.exitCode} before serving.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGKILL");
  throw new Error(`The server did not answer ${url} within 60 s.`);
}
