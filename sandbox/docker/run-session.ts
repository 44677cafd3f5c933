// A run session: one artifact run many times in one container, one run at a time, through the
// container's supervisor (sandbox/supervisor/), each run measured from the container's cgroup.
import type Docker from "dockerode";
import type { Language } from "@/contracts/languages";
import type { CgroupReader, CgroupSnapshot } from "@/sandbox/cgroup/reader";
import { classifyRun } from "@/sandbox/docker/classify-run";
import { emptyDirectories, runRlimits, runRlimitValues, SCRATCH_DIRS } from "@/sandbox/docker/container-config";
import { type ExecResult, IDLE_PROCESSES, type SandboxContainers } from "@/sandbox/docker/containers";
import { scratchLooksEmpty } from "@/sandbox/docker/proc-probes";
import { SupervisorClient } from "@/sandbox/docker/supervisor-client";
import { SandboxError } from "@/sandbox/errors";
import { TOOLCHAINS } from "@/sandbox/languages";
import type { SandboxLimits } from "@/sandbox/limits";
import type { RunResult, RunSession } from "@/sandbox/runner";

const SIGNALS: Record<number, string> = {
  4: "SIGILL",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  11: "SIGSEGV",
  13: "SIGPIPE",
  15: "SIGTERM",
  24: "SIGXCPU",
  25: "SIGXFSZ",
  31: "SIGSYS",
};

/** A started container ready for runs: where to read its cgroup, and its init's host pid. */
export interface PreparedContainer {
  container: Docker.Container;
  cgroup: CgroupReader;
  pid: number;
  /** The session's supervisor in this container, once started. */
  supervisor?: SupervisorClient;
  /** Its start, begun as soon as the container was ready (null: it did not start). */
  starting?: Promise<SupervisorClient | null>;
  /** Removed: a supervisor that could not start in it is no news. */
  discarded?: boolean;
}

/** How a run ended, as the exec or the supervisor saw it, before the cgroup's reading is added. */
type RunOutcome = ExecResult;

/**
 * Runs go through the container's supervisor (one exec for the whole session, the program forked
 * once per run); a run whose supervisor died or stopped answering (the program shares its uid and
 * may have killed it) is replayed in an exec of its own in a fresh container, and so are the
 * session's later runs.
 */
export class DockerRunSession implements RunSession {
  private prepared: PreparedContainer | null;
  private closed = false;
  /** The last run may have left files in /tmp or /dev/shm. */
  private scratchUsed = false;
  /** Runs go one exec each: the supervisor could not serve this session. */
  private execPerRun = false;

  /** The first container, being made since the session was (its first run need not wait for it from scratch). */
  private provisioning: Promise<PreparedContainer> | null = null;

  constructor(
    private readonly containers: SandboxContainers,
    private readonly language: Language,
    private readonly limits: SandboxLimits,
    /** A fresh container with the program in place, for the first run or after one was discarded. */
    private readonly provision: () => Promise<PreparedContainer>,
    initial?: PreparedContainer,
  ) {
    this.prepared = initial ?? null;
    if (initial) this.warm(initial);
    else {
      this.provisioning = provision();
      this.provisioning.then(
        (prepared) => this.warm(prepared),
        () => undefined,
      );
    }
  }

  /** Starts the container's supervisor ahead of the first run (~50 ms off its path). */
  private warm(prepared: PreparedContainer): void {
    if (this.execPerRun || this.closed || prepared.supervisor || prepared.starting) return;
    prepared.starting = this.startSupervisor(prepared).catch(() => null);
  }

  async run({ stdin }: { stdin: string }): Promise<RunResult> {
    if (this.closed) throw new SandboxError("This run session is closed.", { operation: "run" });
    if (!this.execPerRun) {
      const supervised = await this.runSupervised(stdin);
      if (supervised) return supervised;
      this.execPerRun = true;
    }
    return this.runInOwnExec(stdin);
  }

  /** One run through the supervisor; null when it could not give one (the run is then replayed). */
  private async runSupervised(stdin: string): Promise<RunResult | null> {
    const prepared = await this.ready();
    const { container, cgroup } = prepared;
    this.warm(prepared);
    prepared.supervisor ??= (await prepared.starting) ?? undefined;
    const { supervisor } = prepared;
    if (!supervisor) return null;
    const before = await this.snapshotBefore(container, cgroup);
    const reply = await supervisor.run(stdin, this.limits.wallSeconds * 1000);
    if (!reply) {
      // Killed, stopped, or its container died: only the last is not the program's own doing.
      const containerDied = await this.containers.diedUnder(container, null);
      await this.discardContainer();
      if (containerDied) throw stoppedDuringRun(container);
      this.containers.logger.info(
        { containerId: container.id, message: supervisor.message },
        "the supervisor ended during a run; replaying it in an exec of its own",
      );
      return null;
    }
    // The supervisor is one of the container's processes now, besides its idle ones.
    const after = await idleSnapshot(cgroup, IDLE_PROCESSES + 1);
    if (!after) {
      await this.discardContainer();
      throw stoppedDuringRun(container);
    }
    const outcome: RunOutcome = {
      exitCode: reply.status,
      stdout: reply.stdout.toString("utf8"),
      stderr: reply.stderr.toString("utf8"),
      stdoutTruncated: reply.stdoutFlooded,
      stderrTruncated: reply.stderrFlooded,
      timedOut: reply.timedOut,
      flooded: reply.stdoutFlooded || reply.stderrFlooded,
      wallMs: reply.wallMs,
    };
    // The supervisor killed whatever the run left running; anything still there means the container goes.
    if (after.pids > IDLE_PROCESSES + 1) await this.discardContainer();
    else this.scratchUsed = !(await scratchLooksEmpty(prepared.pid));
    return this.result(outcome, before, after);
  }

  /** Starts the container's supervisor; null (logged) when it cannot start: the session then goes one exec per run. */
  private async startSupervisor(prepared: PreparedContainer): Promise<SupervisorClient | null> {
    const { container } = prepared;
    const started = await SupervisorClient.start(this.containers.docker, container, {
      command: TOOLCHAINS[this.language].run,
      workingDir: "/box/out",
      user: this.containers.uidsOf(container).program,
      limits: { ...runRlimitValues(this.limits), outputBytes: this.limits.outputKiB * 1024, wallMs: this.limits.wallSeconds * 1000 },
    });
    if (started.client) return started.client;
    if (prepared.discarded) return null;
    this.containers.logger.warn({ containerId: container.id, message: started.message }, "the run supervisor did not start; runs go one exec each");
    return null;
  }

  /**
   * One run in an exec of its own, the program under prlimit, its streams those of the exec: the way
   * of a session whose supervisor could not serve it (the program killed or stopped it), so slow is fine.
   */
  private async runInOwnExec(stdin: string): Promise<RunResult> {
    const { container, cgroup } = await this.ready();
    const before = await this.snapshotBefore(container, cgroup);
    const outcome = await this.containers.exec(container, [...runRlimits(this.limits), ...TOOLCHAINS[this.language].run], {
      workingDir: "/box/out",
      wallMs: this.limits.wallSeconds * 1000,
      outputBytes: this.limits.outputKiB * 1024,
      stdin,
      untilExit: true,
    });
    // A live container always holds its idle processes; fewer means it is dead or dying.
    let after = await idleSnapshot(cgroup);
    if (after && !outcome.timedOut && !outcome.flooded && (await this.containers.diedUnder(container, outcome.exitCode))) after = null;
    if (!after && !outcome.timedOut && !outcome.flooded) {
      // We did not stop it: the container died under the run (Docker restarted, killed from outside).
      await this.discardContainer();
      throw stoppedDuringRun(container);
    }
    // Here nobody cleans up after the run (processes, scratch files, IPC objects): the next run gets a new container.
    await this.discardContainer();
    return this.result(outcome, before, after);
  }

  /** The cgroup's reading before a run, its peak-memory gauge started afresh. */
  private async snapshotBefore(container: Docker.Container, cgroup: CgroupReader): Promise<CgroupSnapshot> {
    await cgroup.resetPeak();
    return cgroup.snapshot().catch(async (error: unknown) => {
      await this.discardContainer();
      throw new SandboxError("The sandbox container stopped before a run.", { operation: "run", containerId: container.id }, { cause: error });
    });
  }

  /** The run's result from how it ended and the cgroup's readings around it (`after` null: the container was killed). */
  private result(outcome: RunOutcome, before: CgroupSnapshot, after: CgroupSnapshot | null): RunResult {
    const cpuMs = after ? (after.cpuNanos - before.cpuNanos) / 1e6 : this.limits.cpuSeconds * 1000;
    const oomKilled = after ? after.oomKills > before.oomKills : false;
    const signalNumber = outcome.exitCode !== null && outcome.exitCode > 128 ? outcome.exitCode - 128 : null;
    const verdict = classifyRun({
      flooded: outcome.flooded,
      timedOut: outcome.timedOut,
      exitCode: outcome.exitCode,
      oomKilled,
      cpuMs,
      cpuLimitMs: this.limits.cpuSeconds * 1000,
    });
    return {
      verdict,
      exitCode: outcome.timedOut || outcome.flooded ? null : outcome.exitCode,
      signal: signalNumber ? (SIGNALS[signalNumber] ?? `signal ${signalNumber}`) : null,
      cpuMs: Math.min(cpuMs, this.limits.cpuSeconds * 1000 * 2),
      wallMs: outcome.wallMs,
      memoryKiB: after ? Math.round(after.memoryPeakBytes / 1024) : this.limits.memoryMiB * 1024,
      oomKilled,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      stdoutTruncated: outcome.stdoutTruncated,
      stderrTruncated: outcome.stderrTruncated,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const provisioning = this.provisioning;
    this.provisioning = null;
    if (provisioning) this.prepared ??= await provisioning.catch(() => null);
    await this.discardContainer();
  }

  private async ready(): Promise<PreparedContainer> {
    if (this.prepared && this.scratchUsed) {
      this.scratchUsed = false;
      if (!(await this.cleanScratch(this.prepared.container))) await this.discardContainer();
    }
    if (!this.prepared) {
      const pending = this.provisioning ?? this.provision();
      this.provisioning = null;
      this.prepared = await pending;
    }
    return this.prepared;
  }

  /** Empties /tmp and /dev/shm after a run; false when something there could not be removed. */
  private async cleanScratch(container: Docker.Container): Promise<boolean> {
    const cleanup = await this.containers
      .exec(container, emptyDirectories(SCRATCH_DIRS), {
        workingDir: "/",
        wallMs: 5_000,
        outputBytes: 1024,
      })
      .catch(() => null);
    return cleanup?.exitCode === 0;
  }

  private async discardContainer(): Promise<void> {
    const prepared = this.prepared;
    this.prepared = null;
    if (!prepared) return;
    prepared.discarded = true;
    prepared.supervisor?.close();
    void prepared.starting?.then((started) => started?.close());
    await this.containers.remove(prepared.container);
  }
}

/** A container that died under a run without our doing (killed from outside, Docker restarting): our fault, retried. */
function stoppedDuringRun(container: Docker.Container): SandboxError {
  return new SandboxError("The sandbox container stopped during a run.", { operation: "run", containerId: container.id });
}

/** The cgroup's reading, or null when the container no longer holds its `idle` processes (dead or dying). */
async function idleSnapshot(cgroup: CgroupReader, idle = IDLE_PROCESSES): Promise<CgroupSnapshot | null> {
  const snapshot = await cgroup.snapshot().catch(() => null);
  return snapshot && snapshot.pids >= idle ? snapshot : null;
}
