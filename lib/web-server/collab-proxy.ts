// Passes the interview rooms' WebSockets (/collab) from the web server to the collaboration server,
// so a browser talks to one origin: the upgrade request is written to the collaboration server as
// it came, and the two sockets are joined.
import type { IncomingMessage } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";

export const COLLAB_PATH = "/collab";

export function isCollabPath(url: string | undefined): boolean {
  const pathname = (url ?? "/").split("?", 1)[0];
  return pathname === COLLAB_PATH;
}

export function proxyCollabUpgrade(options: { request: IncomingMessage; socket: Duplex; head: Buffer; upstream: URL; logger: Logger }): void {
  const { request, socket, head, upstream, logger } = options;
  const upstreamSocket = connect({ host: upstream.hostname, port: Number(upstream.port || 80) });
  const fail = (error?: Error) => {
    if (error) logger.warn({ err: error, upstream: upstream.host }, "the collaboration server cannot be reached");
    if (!socket.destroyed) socket.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    upstreamSocket.destroy();
  };
  upstreamSocket.once("error", fail);
  socket.on("error", () => upstreamSocket.destroy());
  upstreamSocket.once("connect", () => {
    upstreamSocket.removeListener("error", fail);
    upstreamSocket.on("error", () => socket.destroy());
    const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
    for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    upstreamSocket.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length > 0) upstreamSocket.write(head);
    socket.pipe(upstreamSocket).pipe(socket);
  });
}
