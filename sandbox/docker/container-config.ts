// The hardened container every sandboxed build and run gets. Nothing here is a per-submission switch.
import type Docker from "dockerode";
import type { SandboxLimits } from "@/sandbox/limits";
import { SECCOMP_SECURITY_OPT } from "@/sandbox/seccomp/profile";

export const SANDBOX_LABEL = "osprep.sandbox";
export const USER_ID = 1000;

const MiB = 1024 * 1024;

/** A tmpfs that Docker treats as a volume, so its archive API may write into it despite the read-only root. */
function tmpfsVolume(target: string, options: string): Docker.MountSettings {
  return {
    Type: "volume",
    Source: "", // anonymous: created with the container, removed with it
    Target: target,
    VolumeOptions: { NoCopy: true, Labels: { [SANDBOX_LABEL]: "true" }, DriverConfig: { Name: "local", Options: { type: "tmpfs", device: "tmpfs", o: options } } },
  };
}

export function sandboxContainerOptions(options: {
  image: string;
  role: "compile" | "run" | "tool";
  limits: SandboxLimits;
  /** Tool containers join the server container's network namespace: its loopback, nothing else. */
  joinNetworkOf?: string;
  cpu: string;
  owner: string;
  /** After this moment the reaper may remove the container, whatever its owner says. */
  expiresAt: number;
}): Docker.ContainerCreateOptions {
  const { limits, role } = options;
  const cpuLimit = Math.ceil(limits.cpuSeconds);
  const tmp = `rw,noexec,nosuid,nodev,size=${limits.tmpfsMiB}m`;
  return {
    Image: options.image,
    // The container's own process is root's `sleep`: the submission (uid 1000, exec'd later) cannot signal it.
    User: "0:0",
    Cmd: ["sleep", "infinity"],
    WorkingDir: "/",
    Env: ["HOME=/tmp", "LANG=C.UTF-8", "TMPDIR=/tmp"],
    NetworkDisabled: options.joinNetworkOf ? undefined : true,
    Labels: {
      [SANDBOX_LABEL]: "true",
      "osprep.role": role,
      "osprep.owner": options.owner,
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
          ? [tmpfsVolume("/box", `size=${limits.tmpfsMiB}m,noexec,nosuid,nodev,uid=${USER_ID},gid=${USER_ID},mode=755`)]
          : [
              // The program, read-only to it; the one place it may execute from.
              tmpfsVolume("/box", "size=128m,exec,nosuid,nodev,mode=755"),
              // Each run's standard input, written by us.
              tmpfsVolume("/io", "size=64m,noexec,nosuid,nodev,mode=755"),
            ],
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges", SECCOMP_SECURITY_OPT],
      IpcMode: "private",
      Init: true,
      LogConfig: { Type: "none", Config: {} },
      AutoRemove: false,
    },
  };
}
