// The hardened container every sandboxed build and run gets. Nothing here is a per-submission switch.
import type Docker from "dockerode";
import { COMPILE_LIMITS, type SandboxLimits } from "@/sandbox/limits";
import type { SandboxUids } from "@/sandbox/docker/sandbox-uids";
import { SECCOMP_SECURITY_OPT } from "@/sandbox/seccomp/profile";

export const SANDBOX_LABEL = "osprep.sandbox";

/**
 * Paths under /proc, /sys and /dev a program gets empty (files: /dev/null; folders: an empty
 * read-only tmpfs). Docker's own list first (setting MaskedPaths replaces it), then what tells a
 * program about the host or about other containers: the kernel's command line and configuration,
 * per-CPU counters (another container's CPU pattern, a covert channel), per-device counters, and
 * /dev/mqueue (POSIX message queues would outlive a run: open(O_CREAT) there makes one).
 */
export const MASKED_PATHS = [
  "/proc/asound",
  "/proc/acpi",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/sys/firmware",
  "/sys/devices/virtual/powercap",
  "/proc/cmdline",
  "/proc/config.gz",
  "/proc/stat",
  "/proc/schedstat",
  "/proc/interrupts",
  "/proc/softirqs",
  "/proc/diskstats",
  "/proc/pressure",
  "/proc/modules",
  "/proc/kallsyms",
  "/dev/mqueue",
];

const MiB = 1024 * 1024;

/** A tmpfs that Docker treats as a volume, so its archive API may write into it despite the read-only root. */
function tmpfsVolume(target: string, options: string): Docker.MountSettings {
  return {
    Type: "volume",
    Source: "", // anonymous: created with the container, removed with it
    Target: target,
    VolumeOptions: {
      NoCopy: true,
      Labels: { [SANDBOX_LABEL]: "true" },
      DriverConfig: { Name: "local", Options: { type: "tmpfs", device: "tmpfs", o: options } },
    },
  };
}

/**
 * Roles: `compile` runs a toolchain only; `run` runs an artifact put in by us; `job` first builds in
 * place (as its builder uid) and then runs what it built (as its program uid), so its container-wide limits are
 * the larger of the compile and run limits until `runLimitsUpdate` narrows them and each run is
 * started under `runRlimits`; `tool` is a trusted tool next to a server.
 */
export type ContainerRole = "compile" | "run" | "job" | "tool";

/** The cgroup limits a job container is narrowed to before its first run. */
export function runLimitsUpdate(limits: SandboxLimits): { Memory: number; MemorySwap: number; PidsLimit: number } {
  return { Memory: limits.memoryMiB * MiB, MemorySwap: limits.memoryMiB * MiB, PidsLimit: limits.pids };
}

/** The per-process limits of a run (no core files either). */
export function runRlimitValues(limits: SandboxLimits): { cpuSoftSeconds: number; cpuHardSeconds: number; fileSizeBytes: number; openFiles: number } {
  const cpu = Math.ceil(limits.cpuSeconds);
  // A CPU-bound run is stopped by the kernel just past its limit (SIGXCPU, then SIGKILL).
  return { cpuSoftSeconds: cpu + 1, cpuHardSeconds: cpu + 2, fileSizeBytes: limits.fileSizeMiB * MiB, openFiles: limits.openFiles };
}

/** The per-process limits of a run, applied by prlimit(1) as it execs the program. */
export function runRlimits(limits: SandboxLimits): string[] {
  const rlimits = runRlimitValues(limits);
  return [
    "prlimit",
    `--cpu=${rlimits.cpuSoftSeconds}:${rlimits.cpuHardSeconds}`,
    `--fsize=${rlimits.fileSizeBytes}`,
    `--nofile=${rlimits.openFiles}`,
    `--core=0`,
    "--",
  ];
}

function containerLimits(role: ContainerRole, limits: SandboxLimits): SandboxLimits {
  if (role !== "job") return limits;
  const larger = (key: "cpuSeconds" | "memoryMiB" | "pids" | "openFiles" | "fileSizeMiB") => Math.max(limits[key], COMPILE_LIMITS[key]);
  return {
    ...limits,
    cpuSeconds: larger("cpuSeconds"),
    memoryMiB: larger("memoryMiB"),
    pids: larger("pids"),
    openFiles: larger("openFiles"),
    fileSizeMiB: larger("fileSizeMiB"),
  };
}

/** HostConfig with the engine's cgroup-namespace switch (Docker ≥ 20.10), which @types/dockerode lacks. */
type HostConfig = NonNullable<Docker.ContainerCreateOptions["HostConfig"]> & { CgroupnsMode?: "private" | "host" };

export function sandboxContainerOptions(options: {
  image: string;
  role: ContainerRole;
  /** The run limits (compile limits for a compile container). */
  limits: SandboxLimits;
  /** Tool containers join the server container's network namespace: its loopback, nothing else. */
  joinNetworkOf?: string;
  cpu: string;
  /** The container's own uid pair: its program runs as `program`, a job's build as `builder`. */
  uids: SandboxUids;
  owner: string;
  /** After this moment the reaper may remove the container, whatever its owner says. */
  expiresAt: number;
}): Docker.ContainerCreateOptions & { HostConfig: HostConfig } {
  const { role, uids } = options;
  const limits = containerLimits(role, options.limits);
  const cpuLimit = Math.ceil(limits.cpuSeconds);
  const tmp = `rw,noexec,nosuid,nodev,size=${limits.tmpfsMiB}m`;
  return {
    Image: options.image,
    // The container's own process is root's `sleep`: the submission (its own uid, exec'd later) cannot signal it.
    User: "0:0",
    Cmd: ["sleep", "infinity"],
    WorkingDir: "/",
    // The race detectors (ThreadSanitizer, Go's -race) sleep a second at exit by default, to catch
    // races of threads still running then; a harness ends its threads first, so that second is waste.
    Env: ["HOME=/tmp", "LANG=C.UTF-8", "TMPDIR=/tmp", "TSAN_OPTIONS=atexit_sleep_ms=0", "GORACE=atexit_sleep_ms=0"],
    NetworkDisabled: options.joinNetworkOf ? undefined : true,
    Labels: {
      [SANDBOX_LABEL]: "true",
      "osprep.role": role,
      "osprep.owner": options.owner,
      "osprep.uid": String(uids.program),
      "osprep.expires": String(options.expiresAt),
    },
    StopSignal: "SIGKILL",
    HostConfig: {
      NetworkMode: options.joinNetworkOf ? `container:${options.joinNetworkOf}` : "none",
      Memory: limits.memoryMiB * MiB,
      MemorySwap: limits.memoryMiB * MiB,
      PidsLimit: limits.pids,
      CpusetCpus: options.cpu,
      NanoCpus: 1_000_000_000,
      Ulimits: [
        { Name: "nofile", Soft: limits.openFiles, Hard: limits.openFiles },
        { Name: "fsize", Soft: limits.fileSizeMiB * MiB, Hard: limits.fileSizeMiB * MiB },
        { Name: "core", Soft: 0, Hard: 0 },
        // A CPU-bound run is stopped by the kernel just past its limit (SIGXCPU, then SIGKILL).
        { Name: "cpu", Soft: cpuLimit + 1, Hard: cpuLimit + 2 },
      ],
      ReadonlyRootfs: true,
      Tmpfs: { "/tmp": tmp, "/dev/shm": tmp },
      Mounts:
        role === "compile"
          ? [tmpfsVolume("/box", `size=${limits.tmpfsMiB}m,noexec,nosuid,nodev,uid=${uids.program},gid=${uids.program},mode=755`)]
          : role === "job"
            ? // Sources and the program, owned by the builder: read-only to the program, the one place it may execute from.
              [tmpfsVolume("/box", `size=${COMPILE_LIMITS.tmpfsMiB}m,exec,nosuid,nodev,uid=${uids.builder},gid=${uids.builder},mode=755`)]
            : // The program, read-only to it; the one place it may execute from.
              [tmpfsVolume("/box", "size=128m,exec,nosuid,nodev,mode=755")],
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges", SECCOMP_SECURITY_OPT],
      IpcMode: "private",
      // Its own cgroup namespace: /proc/self/cgroup says "/", not the host's path with the container's id.
      CgroupnsMode: "private",
      MaskedPaths: MASKED_PATHS,
      Init: true,
      LogConfig: { Type: "none", Config: {} },
      AutoRemove: false,
    },
  };
}

/** Where a run may leave files; emptied before the next run of the session. */
export const SCRATCH_DIRS = ["/tmp", "/dev/shm"];

/** A command that empties `dirs` (whatever permissions their contents were given) and fails unless they end empty. */
export function emptyDirectories(dirs: string[]): string[] {
  const contents = dirs.map((dir) => `${dir}/*`).join(" ");
  const listings = dirs.map((dir) => `$(ls -A ${dir})`).join("");
  return ["sh", "-c", `chmod -R u+rwx ${contents} 2>/dev/null; find ${dirs.join(" ")} -mindepth 1 -delete 2>/dev/null; [ -z "${listings}" ]`];
}
