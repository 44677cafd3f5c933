// Containers created and started ahead of need, so a job does not wait for Docker to make one.
// A taken container is replaced in the background, unless it was lent: a lent container (a compile
// container, which never runs submitted code) comes back clean and is kept for the next job. One idle
// too long is replaced before the reaper (which removes any container past its expiry) could take it.
import type Docker from "dockerode";

const MAX_IDLE_MS = 5 * 60_000;

interface Idle {
  container: Promise<Docker.Container | null>;
  createdAt: number;
}

export interface Lease {
  container: Docker.Container;
  createdAt: number;
}

export class WarmPool {
  private readonly idle = new Map<string, Idle[]>();
  /** Containers lent out per key and expected back. */
  private readonly lent = new Map<string, number>();
  private drained = false;

  constructor(
    private readonly size: number,
    private readonly create: (key: string) => Promise<Docker.Container>,
    private readonly discard: (container: Docker.Container) => Promise<void>,
  ) {}

  /** A ready container for `key`: a warm one if there is one, else a new one. */
  async take(key: string): Promise<Docker.Container> {
    return (await this.takeIdle(key, false)).container;
  }

  /** Like take, but the container is expected back through `giveBack` (or discarded there). */
  async lend(key: string): Promise<Lease> {
    return this.takeIdle(key, true);
  }

  /** Returns a lent container: kept for the next job when `clean` and there is room, else discarded. */
  giveBack(key: string, lease: Lease, clean: boolean): void {
    this.lent.set(key, Math.max(0, (this.lent.get(key) ?? 0) - 1));
    const queue = this.queue(key);
    if (clean && !this.drained && queue.length < this.size) queue.unshift({ container: Promise.resolve(lease.container), createdAt: lease.createdAt });
    else void this.discard(lease.container);
    if (!this.drained) this.fill(key);
  }

  private async takeIdle(key: string, lending: boolean): Promise<Lease> {
    const queue = this.queue(key);
    let warm: Idle | undefined;
    while ((warm = queue.shift()) && Date.now() - warm.createdAt > MAX_IDLE_MS) {
      void warm.container.then((stale) => stale && this.discard(stale));
    }
    if (lending) this.lent.set(key, (this.lent.get(key) ?? 0) + 1);
    this.fill(key);
    const ready = await warm?.container;
    return ready && warm ? { container: ready, createdAt: warm.createdAt } : { container: await this.create(key), createdAt: Date.now() };
  }

  private queue(key: string): Idle[] {
    let queue = this.idle.get(key);
    if (!queue) this.idle.set(key, (queue = []));
    return queue;
  }

  /** Tops the idle queue up to `size`, counting lent containers as on their way back. */
  private fill(key: string): void {
    const queue = this.queue(key);
    while (queue.length + (this.lent.get(key) ?? 0) < this.size) queue.push({ container: this.create(key).catch(() => null), createdAt: Date.now() });
  }

  async drain(): Promise<void> {
    this.drained = true;
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
