import tar from "tar-stream";
import { describe, expect, it } from "vitest";
import { packTar, readTar, UnsafeArchiveError } from "@/sandbox/tar";

async function archive(build: (pack: tar.Pack) => void): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve) => pack.on("end", () => resolve()));
  build(pack);
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

describe("reading what the sandbox produced", () => {
  it("returns regular files with paths below the top folder", async () => {
    const packed = await packTar(
      [
        { name: "out/prog", content: "binary" },
        { name: "out/lib/data", content: "x" },
      ],
      { uid: 0, gid: 0 },
    );
    const files = await readTar(packed, 1024);
    expect(files.map((f) => [f.name, f.content.toString()])).toEqual([
      ["prog", "binary"],
      ["lib/data", "x"],
    ]);
  });

  it.each([
    ["a symlink to a host path", (p: tar.Pack) => p.entry({ name: "out/prog", type: "symlink", linkname: "/etc/shadow" })],
    ["a hard link", (p: tar.Pack) => p.entry({ name: "out/prog", type: "link", linkname: "out/other" })],
    ["a FIFO that would block the reader", (p: tar.Pack) => p.entry({ name: "out/prog", type: "fifo" })],
    ["a device node", (p: tar.Pack) => p.entry({ name: "out/prog", type: "character-device", devmajor: 1, devminor: 1 })],
  ])("refuses %s", async (_what, build) => {
    await expect(readTar(await archive(build), 1024)).rejects.toThrow(UnsafeArchiveError);
  });

  it("refuses an archive larger than the limit", async () => {
    const packed = await packTar([{ name: "out/big", content: Buffer.alloc(4096) }], { uid: 0, gid: 0 });
    await expect(readTar(packed, 1024)).rejects.toThrow(/larger than/);
  });
});
