// Containers created and started ahead of need, so a job does not wait for Docker to make one.
// A taken container is replaced in the background; one idle too long is replaced before the reaper
// (which removes any container past its expiry) could take it away.
import type Docker from "dockerode";

const MAX_IDLE_MS = 5 * 60_000;

interface Idle {
  container: Promise<Docker.Container | null>;
  createdAt: number;
}

export class WarmPool {
  private readonly idle = new Map<string, Idle[]>();

  constructor(
    private readonly size: number,
    private readonly create: (key: string) => Promise<Docker.Container>,
    private readonly discard: (container: Docker.Container) => Promise<void>,
  ) {}

  /** A ready container for `key`: a warm one if there is one, else a new one. */
  async take(key: string): Promise<Docker.Container> {
    const queue = this.idle.get(key) ?? [];
    this.idle.set(key, queue);
    let warm: Idle | undefined;
    while ((warm = queue.shift()) && Date.now() - warm.createdAt > MAX_IDLE_MS) {
      void warm.container.then((stale) => stale && this.discard(stale));
    }
    this.fill(key);
    return (await warm?.container) ?? this.create(key);
  }

  private fill(key: string): void {
    const queue = this.idle.get(key)!;
    while (queue.length < this.size) queue.push({ container: this.create(key).catch(() => null), createdAt: Date.now() });
  }

  async drain(): Promise<void> {
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    await Promise.all(
      all.map(async ({ container }) => {
        const ready = await container;
        if (ready) await this.discard(ready);
      }),
    );
  }
}
