// `npm run bench:collab`: 20 interview rooms × 2 participants, each typing 8 characters a second into
// the room's file for 60 s, against the collaboration server (collab/main.ts, its own process, on a
// fresh database). Measured: keystroke-to-other-screen latency (median, p95; target p95 < 100 ms on
// this machine), divergence between the replicas at the end (and against what the server holds),
// and the server's CPU and memory. Baseline, in the same run: the same typing through a bare
// WebSocket relay (no Yjs, no authentication, no persistence), which is the floor of this machine.
// Not a test: a measurement. BENCH_ROOMS, BENCH_SECONDS and BENCH_RATE change the load.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { HocuspocusProvider } from "@hocuspocus/provider";
import pg from "pg";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { freshDatabase } from "@/bench/fresh-database";
import { median, percentile } from "@/bench/stats";
import { codeTextName } from "@/lib/interviews/room-document";
import { signRoomToken } from "@/lib/interviews/room-token";
import { freePort } from "@/test/support/free-port";

const ROOMS = Number(process.env.BENCH_ROOMS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 8);
const BASELINE_SECONDS = Math.min(20, SECONDS);
const SECRET = "bench-secret-that-is-long-enough-0123456789";
const TEXT = codeTextName("lru-pager", "python");

const database = await freshDatabase();

/** CPU seconds and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssMiB: number; peakMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

/** Each participant types RATE characters a second at its own end of the text; `type` does one keystroke. */
async function typeFor(seconds: number, participants: { type: () => void }[]): Promise<void> {
  const period = 1000 / RATE;
  const timers = participants.map((participant, i) =>
    setTimeout(
      () => {
        const interval = setInterval(participant.type, period);
        timers.push(interval as unknown as NodeJS.Timeout);
      },
      (i * period) / participants.length,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const timer of timers) clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

// ── Baseline: a bare relay, each message passed to the room's other socket ──────────────────────
async function baseline(): Promise<number[]> {
  const port = await freePort();
  const relay = spawn(
    process.execPath,
    [
      "-e",
      `const { WebSocketServer } = require("ws");
       const rooms = new Map();
       new WebSocketServer({ port: ${port} }).on("connection", (socket, request) => {
         const room = request.url; const peers = rooms.get(room) ?? new Set(); rooms.set(room, peers); peers.add(socket);
         socket.on("message", (data) => { for (const peer of peers) if (peer !== socket) peer.send(data); });
         socket.on("close", () => peers.delete(socket));
       });`,
    ],
    { stdio: "inherit" },
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  const participants: { type: () => void }[] = [];
  for (let room = 0; room < ROOMS; room++) {
    for (let side = 0; side < 2; side++) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/room-${room}`);
      await new Promise((resolve) => socket.once("open", resolve));
      socket.on("message", (data: Buffer) => latencies.push(performance.now() - Number(data.toString())));
      sockets.push(socket);
      participants.push({ type: () => socket.send(String(performance.now())) });
    }
  }
  await typeFor(BASELINE_SECONDS, participants);
  for (const socket of sockets) socket.close();
  relay.kill();
  return latencies;
}

// ── The collaboration server ────────────────────────────────────────────────────────────────────
async function collaboration() {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "collab/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: SECRET,
      COLLAB_PORT: String(port),
      LOG_LEVEL: "warn",
      OSPREP_SERVICE: "collab",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealth(`http://127.0.0.1:${port}/health`, server);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('bench-owner', 'Owner', 'owner@example.com', now())`);
  await client.query(`INSERT INTO "Organization" (id, name, slug) VALUES ('bench-team', 'Bench', 'bench')`);
  await client.query(`INSERT INTO "Member" (id, "organizationId", "userId", role) VALUES ('bench-member', 'bench-team', 'bench-owner', 'owner')`);
  const rooms: string[] = [];
  for (let room = 0; room < ROOMS; room++) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Interview" (id, "organizationId", title, "plannedById", "exerciseSlugs", "durationMinutes", questions, "updatedAt")
       VALUES ($1, 'bench-team', 'Bench room', 'bench-owner', ARRAY['lru-pager'], 60, ARRAY[]::text[], now()) RETURNING id`,
      [`bench-room-${room}`],
    );
    rooms.push(rows[0]!.id);
  }
  await client.end();

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const replicas: { room: string; doc: Y.Doc; provider: HocuspocusProvider }[] = [];
  const participants: { type: () => void }[] = [];
  const open = (room: string) =>
    new Promise<{ doc: Y.Doc; provider: HocuspocusProvider }>((resolve) => {
      const doc = new Y.Doc();
      const provider: HocuspocusProvider = new HocuspocusProvider({
        url: `ws://127.0.0.1:${port}/collab`,
        name: room,
        document: doc,
        token: signRoomToken({ secret: SECRET, interviewId: room, participant: { kind: "member", id: "bench-owner", name: "Owner", role: "interviewer" } }),
        // @ts-expect-error: passed on to the provider's socket (Node has no WebSocket of its own here)
        WebSocketPolyfill: WebSocket,
        onSynced: (): void => resolve({ doc, provider }),
      });
    });
  for (const room of rooms) {
    for (let side = 0; side < 2; side++) {
      const { doc, provider } = await open(room);
      const text = doc.getText(TEXT);
      // A keystroke arrives when the other replica's state takes in its (client id, clock).
      doc.on("afterTransaction", (transaction: Y.Transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const [clientId, after] of transaction.afterState) {
          for (let clock = transaction.beforeState.get(clientId) ?? 0; clock < after; clock++) {
            const sent = sentAt.get(`${clientId}:${clock}`);
            if (sent !== undefined) latencies.push(now - sent);
          }
        }
      });
      replicas.push({ room, doc, provider });
      participants.push({
        type: () => {
          const clock = Y.getState(doc.store, doc.clientID);
          sentAt.set(`${doc.clientID}:${clock}`, performance.now());
          if (side === 0) text.insert(0, "a");
          else text.insert(text.length, "b");
        },
      });
    }
  }

  const before = usage(server.pid!);
  const wallStart = performance.now();
  let peakMiB = before.rssMiB;
  const sampler = setInterval(() => {
    peakMiB = Math.max(peakMiB, usage(server.pid!).rssMiB);
  }, 1000);
  await typeFor(SECONDS, participants);
  clearInterval(sampler);
  const after = usage(server.pid!);
  const cpuShare = (after.cpuSeconds - before.cpuSeconds) / ((performance.now() - wallStart) / 1000);

  // Divergence: the two replicas of each room, and a third that loads what the server holds.
  let diverged = 0;
  for (let i = 0; i < replicas.length; i += 2) {
    const [a, b] = [replicas[i]!, replicas[i + 1]!];
    const third = await open(a.room);
    const texts = [a, b, third].map((r) => r.doc.getText(TEXT).toString());
    if (new Set(texts).size !== 1) diverged++;
    third.provider.destroy();
  }
  for (const replica of replicas) replica.provider.destroy();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  return { latencies, sent: sentAt.size, diverged, cpuShare, rssMiB: after.rssMiB, peakMiB: Math.max(peakMiB, after.peakMiB) };
}

try {
  const relay = await baseline();
  const collab = await collaboration();
  const line = (label: string, values: number[]) =>
    `${label.padEnd(34)} median ${median(values).toFixed(1).padStart(6)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms   max ${Math.max(
      ...values,
    )
      .toFixed(1)
      .padStart(6)} ms   (n=${values.length})`;
  console.log(`\n${ROOMS} rooms × 2 participants × ${RATE} keystrokes/s; baseline ${BASELINE_SECONDS} s, collaboration ${SECONDS} s\n`);
  console.log(line("baseline: bare WebSocket relay", relay));
  console.log(line("collaboration server (Hocuspocus)", collab.latencies));
  console.log(
    `ratio to baseline                  median ×${(median(collab.latencies) / median(relay)).toFixed(2)}   p95 ×${(percentile(collab.latencies, 95) / percentile(relay, 95)).toFixed(2)}`,
  );
  console.log(`keystrokes seen on the other screen ${collab.latencies.length} of ${collab.sent}`);
  console.log(`rooms whose replicas differ at the end (two screens and the server): ${collab.diverged} of ${ROOMS}`);
  console.log(
    `server CPU ${(collab.cpuShare * 100).toFixed(0)}% of one core; memory ${collab.rssMiB.toFixed(0)} MiB resident at the end, ${collab.peakMiB.toFixed(0)} MiB at most`,
  );
  console.log(`target: p95 < 100 ms → ${percentile(collab.latencies, 95) < 100 ? "met" : "NOT met"}`);
} finally {
  await database.drop();
}
process.exit(0);
