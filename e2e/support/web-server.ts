// Starts osprep's web server (lib/web-server/serve.ts) on the production build, as `npm start` does.
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
  const url = `http://localhost:${port}`;
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
      ...options.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealthy(`${url}/api/health`, server);
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    },
  };
}

async function waitForHealthy(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The web server exited with code ${server.exitCode} before serving.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGKILL");
  throw new Error(`The web server did not answer ${url} within 60 s.`);
}
