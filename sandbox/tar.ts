// Tar archives in memory, the only way files cross the sandbox boundary (Docker's archive API).
// Reading one back refuses anything but regular files and folders: no symlinks, FIFOs or devices.
import { Readable } from "node:stream";
import tar from "tar-stream";

export interface TarEntry {
  name: string;
  content: Buffer | string;
  mode?: number;
  type?: "file" | "directory";
}

export async function packTar(entries: TarEntry[], owner: { uid: number; gid: number }): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on("end", resolve);
    pack.on("error", reject);
  });
  for (const entry of entries) {
    const content = typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : entry.content;
    if (entry.type === "directory") {
      pack.entry({ name: entry.name, type: "directory", mode: entry.mode ?? 0o755, uid: owner.uid, gid: owner.gid, mtime: new Date(0) });
    } else {
      pack.entry({ name: entry.name, mode: entry.mode ?? 0o644, uid: owner.uid, gid: owner.gid, mtime: new Date(0) }, content);
    }
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export class UnsafeArchiveError extends Error {
  override name = "UnsafeArchiveError";
}

/** The regular files of an archive, with paths relative to its top folder; refuses anything else. */
export async function readTar(archive: NodeJS.ReadableStream | Buffer, maxBytes: number): Promise<TarEntry[]> {
  const extract = tar.extract();
  const entries: TarEntry[] = [];
  let total = 0;
  const finished = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      if (header.type !== "file" && header.type !== "directory") {
        stream.resume();
        reject(new UnsafeArchiveError(`The sandbox produced a ${header.type} (${header.name}); only files and folders are read back.`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (data: unknown) => {
        const chunk = data as Buffer;
        total += chunk.length;
        if (total > maxBytes) {
          reject(new UnsafeArchiveError(`The sandbox's output is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on("end", () => {
        if (header.type === "file") {
          const name = header.name.split("/").slice(1).join("/");
          if (name) entries.push({ name, content: Buffer.concat(chunks), mode: header.mode });
        }
        next();
      });
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  (Buffer.isBuffer(archive) ? Readable.from(archive) : (archive as Readable)).pipe(extract);
  await finished;
  return entries;
}
