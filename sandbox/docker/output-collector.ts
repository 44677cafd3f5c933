// Collects one stream of a run (stdout or stderr) up to a byte cap; past it, notes the overflow.
import { Writable } from "node:stream";

export class OutputCollector extends Writable {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private frozen = false;
  truncated = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onOverflow: () => void,
  ) {
    super();
  }

  /** Takes nothing more: what arrives from now on is not the run's output. */
  freeze(): void {
    this.frozen = true;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (!this.truncated && !this.frozen) {
      const room = this.maxBytes - this.size;
      if (chunk.length > room) {
        this.chunks.push(chunk.subarray(0, room));
        this.size = this.maxBytes;
        this.truncated = true;
        this.onOverflow();
      } else {
        this.chunks.push(chunk);
        this.size += chunk.length;
      }
    }
    callback();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}
