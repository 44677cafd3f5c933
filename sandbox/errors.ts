// A failure on our side of the sandbox (Docker, the host), never the submission's fault.
export class SandboxError extends Error {
  override name = "SandboxError";
  constructor(
    message: string,
    readonly details: { operation: string; containerId?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Runs a Docker call; a failure becomes a SandboxError naming the operation and the container. */
export async function dockerCall<T>(operation: string, containerId: string | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SandboxError(
      `Docker ${operation} failed${containerId ? ` for container ${containerId.slice(0, 12)}` : ""}: ${reason}`,
      { operation, containerId },
      { cause: error },
    );
  }
}
