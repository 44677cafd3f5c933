// The host's side of osprep-supervisor (sandbox/supervisor/supervisor.c): one `docker exec` that runs
// a session's program once per request, instead of one exec (a runc invocation, ~40 ms of CPU) per run.
// Requests go down the exec's stdin, replies come back on its stdout; the supervisor's own complaints
// come on its stderr. A supervisor that ends or stops answering yields no reply: the program (same
// uid) may have killed or stopped it, and the session replays that run in an exec of its own.
import type { Duplex } from "node:stream";
import { Writable } from "node:stream";
import type Docker from "dockerode";
import { dockerCall } from "@/sandbox/errors";

export const SUPERVISOR_PATH = "/usr/local/bin/osprep-supervisor";

/** How long the supervisor may take to start and say it is ready. */
const READY_MS = 10_000;
/** Beyond the run's wall limit (which the supervisor enforces itself), how long the host waits for its reply. */
const REPLY_GRACE_MS = 2_000;
const REPLY_HEADER = /^done (\d+) ([01]) (\d+) ([01]) (\d+) ([01])$/;

export interface SupervisorReply {
  /** The exit status, or 128 + the signal that ended the program. */
  status: number;
  timedOut: boolean;
  stdout: Buffer;
  stdoutFlooded: boolean;
  stderr: Buffer;
  stderrFlooded: boolean;
  wallMs: number;
}

export interface SupervisorLimits {
  cpuSoftSeconds: number;
  cpuHardSeconds: number;
  fileSizeBytes: number;
  openFiles: number;
  outputBytes: number;
  wallMs: number;
}

/** Reads the supervisor's stdout: its `ready` line, then one reply (header and both streams) per run. */
class ReplyReader extends Writable {
  /** What arrived and is not parsed yet, as it came: joined only once a whole reply is there (a reply can be megabytes). */
  private chunks: Buffer[] = [];
  private size = 0;
  private waiting: { resolve: (reply: Omit<SupervisorReply, "wallMs"> | null) => void } | null = null;
  private readyResolve: ((ready: boolean) => void) | null = null;
  private isReady = false;
  ended = false;
  readonly ready: Promise<boolean>;

  constructor() {
    super();
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.parse();
    callback();
  }

  /** The next reply, or null if the supervisor ends first (or said something it should not). */
  next(): Promise<Omit<SupervisorReply, "wallMs"> | null> {
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = { resolve };
      this.parse();
    });
  }

  finish(): void {
    this.ended = true;
    this.readyResolve?.(false);
    this.waiting?.resolve(null);
    this.waiting = null;
  }

  /** The first `bytes` bytes (or fewer, if fewer arrived), leaving them in place. */
  private peek(bytes: number): Buffer {
    const parts: Buffer[] = [];
    let length = 0;
    for (const chunk of this.chunks) {
      if (length >= bytes) break;
      parts.push(chunk);
      length += chunk.length;
    }
    return Buffer.concat(parts, length).subarray(0, bytes);
  }

  /** Removes and returns the first `bytes` bytes, which have arrived. */
  private take(bytes: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    const taken = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    return taken;
  }

  private parse(): void {
    if (!this.isReady) {
      if (this.size < 6) return;
      const line = this.take(6).toString("latin1");
      this.isReady = line === "ready\n";
      this.readyResolve?.(this.isReady);
      if (!this.isReady) this.finish();
      else this.parse();
      return;
    }
    if (!this.waiting) return;
    const head = this.peek(201);
    const newline = head.indexOf(0x0a);
    if (newline < 0) {
      if (head.length > 200) this.finish();
      return;
    }
    const header = REPLY_HEADER.exec(head.subarray(0, newline).toString("latin1"));
    if (!header) {
      this.finish();
      return;
    }
    const stdoutBytes = Number(header[3]);
    const stderrBytes = Number(header[5]);
    if (this.size < newline + 1 + stdoutBytes + stderrBytes) return;
    const body = this.take(newline + 1 + stdoutBytes + stderrBytes).subarray(newline + 1);
    const reply = {
      status: Number(header[1]),
      timedOut: header[2] === "1",
      stdout: Buffer.from(body.subarray(0, stdoutBytes)),
      stdoutFlooded: header[4] === "1",
      stderr: Buffer.from(body.subarray(stdoutBytes, stdoutBytes + stderrBytes)),
      stderrFlooded: header[6] === "1",
    };
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve(reply);
  }
}

/** Collects the supervisor's own messages (it prints them only when it fails), capped. */
class MessageCollector extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.text.length < 2048) this.text += chunk.toString("utf8");
    callback();
  }
}

export class SupervisorClient {
  private constructor(
    private readonly stream: Duplex,
    private readonly replies: ReplyReader,
    private readonly messages: MessageCollector,
  ) {}

  /**
   * Starts the supervisor in `container` as `user`, running `command` (in `workingDir`) per request;
   * null when it does not start or does not say it is ready (then its message says why).
   */
  static async start(
    docker: Docker,
    container: Docker.Container,
    options: { command: string[]; workingDir: string; user: number; limits: SupervisorLimits },
  ): Promise<{ client: SupervisorClient } | { client: null; message: string }> {
    const { limits } = options;
    const cmd = [
      SUPERVISOR_PATH,
      ...[limits.cpuSoftSeconds, limits.cpuHardSeconds, limits.fileSizeBytes, limits.openFiles, limits.outputBytes, limits.wallMs].map((value) =>
        String(Math.ceil(value)),
      ),
      "--",
      ...options.command,
    ];
    const exec = await dockerCall("exec", container.id, () =>
      container.exec({
        Cmd: cmd,
        User: `${options.user}:${options.user}`,
        WorkingDir: options.workingDir,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
      }),
    );
    const stream = await dockerCall("exec start", container.id, () => exec.start({ hijack: true, stdin: true }));
    const replies = new ReplyReader();
    const messages = new MessageCollector();
    stream.on("error", () => replies.finish());
    stream.on("end", () => replies.finish());
    stream.on("close", () => replies.finish());
    docker.modem.demuxStream(stream, replies, messages);
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([replies.ready, new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_MS)))]);
    clearTimeout(timer);
    if (!ready) {
      stream.destroy();
      return { client: null, message: messages.text.trim() || "it did not say it was ready" };
    }
    return { client: new SupervisorClient(stream, replies, messages) };
  }

  /** Whether the supervisor is still there to take a request. */
  get alive(): boolean {
    return !this.replies.ended;
  }

  /** What the supervisor said about its own failure, if anything. */
  get message(): string {
    return this.messages.text.trim();
  }

  /**
   * Runs the program once on `stdin`. Null when no reply came: the supervisor ended, or did not
   * answer within the wall limit and a grace (it was stopped); the caller then discards the container.
   */
  async run(stdin: string, wallMs: number): Promise<SupervisorReply | null> {
    const input = Buffer.from(stdin, "utf8");
    const started = performance.now();
    const reply = this.replies.next();
    this.stream.write(`${input.length}\n`);
    if (input.length > 0) this.stream.write(input);
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([reply, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), wallMs + REPLY_GRACE_MS)))]);
    clearTimeout(timer);
    if (!answered) {
      this.replies.finish();
      return null;
    }
    return { ...answered, wallMs: performance.now() - started };
  }

  /** Ends the supervisor (end of its input) and lets go of the stream. */
  close(): void {
    this.replies.finish();
    this.stream.end();
    this.stream.destroy();
  }
}
