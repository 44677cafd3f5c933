// The web server `npm start` and `npm run dev` run: Next.js behind a plain Node HTTP server that
// first settles what Next.js cannot, or only at a cost: who the client is (the socket's peer, or what
// trusted proxies say; see client-address.ts), whether the path is well-formed at all, and whether a
// visitor must sign in before a page only signed-in users see (signed-in-pages.ts).
//   tsx lib/web-server/serve.ts [--dev] [--port N]
import "@/lib/load-dotenv";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import next from "next";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientAddress, isTrustedProxy, parseTrustedProxies } from "@/lib/web-server/client-address";
import { isCollabPath, proxyCollabUpgrade } from "@/lib/web-server/collab-proxy";
import { signInFirst } from "@/lib/web-server/signed-in-pages";

/** Headers only a trusted proxy may set; from anyone else they are dropped before Next.js reads them. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

const root = path.resolve(import.meta.dirname, "..", "..");

/** False when the path's percent-encoding does not decode to UTF-8 (%FF, the overlong %C0%AF). */
export function isWellFormedPath(url: string): boolean {
  const pathname = url.split("?", 1)[0]!;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function refuseMalformedPath(response: ServerResponse): void {
  const body = JSON.stringify({
    error: { code: "BAD_REQUEST", message: "The address is not valid: its percent-encoding (%XX) does not decode to UTF-8 text." },
  });
  response.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-content-type-options": "nosniff" });
  response.end(body);
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const portFlag = process.argv.indexOf("--port");
  const port = portFlag === -1 ? env.PORT : Number(process.argv[portFlag + 1]);
  const trusted = parseTrustedProxies(env.OSPREP_TRUSTED_PROXIES);
  const server = createServer();
  const collab = new URL(env.OSPREP_COLLAB_URL ?? `http://127.0.0.1:${env.COLLAB_PORT}`);
  // Next.js listens for every WebSocket upgrade on this server (the development server's hot reload)
  // and ends those it has no route for; the rooms' sockets go to the collaboration server before it sees them.
  const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
  server.emit = ((event: string, ...args: unknown[]) => {
    const [request, socket, head] = args as [IncomingMessage, Duplex, Buffer];
    if (event === "upgrade" && isCollabPath(request.url)) {
      proxyCollabUpgrade({ request, socket, head, upstream: collab, logger });
      return true;
    }
    return emit(event, ...args);
  }) as typeof server.emit;
  const app = next({ dev, dir: root, port, hostname: "localhost", httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!isWellFormedPath(request.url ?? "/")) return refuseMalformedPath(response);
    const signIn = signInFirst(request);
    if (signIn) {
      response.writeHead(307, { location: signIn, "cache-control": "no-store" });
      return response.end();
    }
    const client = clientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor: request.headers["x-forwarded-for"], trusted });
    if (!isTrustedProxy(trusted, request.socket.remoteAddress)) for (const header of FORWARDING_HEADERS) delete request.headers[header];
    // Next.js, better-auth and osprep's throttles read the client from here: now it is only ever one address.
    request.headers["x-forwarded-for"] = client;
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, "request failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.listen(port, () => logger.info({ port, dev, trustedProxies: env.OSPREP_TRUSTED_PROXIES ?? null }, "web server listening"));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // open progress streams would hold the close up
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the web server could not start");
  process.exit(1);
});
