// The drivers' promises, in the real sandbox and in every language: the device of N zero blocks at
// /tmp/disk.img, each answer printed from what the file system returned (ok and the error names, a
// read's count and CRC-32, stat and ls lines), the write's pattern bytes, the image dumped after the
// answers (every block that is not all zeros, in base64), a code that does not exist and a block off
// the device named after what came before, and malformed input refused before the file system runs.
// One stand-in file system per language: mkfs marks blocks 0 and N − 1; mkdir answers by the path's
// length (2 ok, 3 ENOENT … 12 EBUSY, 13 a code that does not exist); a write puts its first bytes in
// block 1; a read returns up to 5 bytes of "hello"; unlink of /off reads block N.
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";

const STAND_IN: Record<Language, string> = {
  c: `#include <string.h>
#include "fs.h"
static uint32_t n;
void fs_mkfs(uint32_t blocks) {
    uint8_t b[BLOCK_SIZE] = {0};
    n = blocks;
    b[0] = 'I';
    write_block(0, b);
    b[0] = 0;
    b[BLOCK_SIZE - 1] = 0xff;
    write_block(blocks - 1, b);
}
int fs_mkdir(const char *p) { return (int)strlen(p) - 2; }
int fs_create(const char *p) { (void)p; return FS_OK; }
int fs_write(const char *p, uint32_t o, const uint8_t *d, uint32_t l) {
    (void)p, (void)o;
    uint8_t b[BLOCK_SIZE] = {0};
    memcpy(b, d, l < BLOCK_SIZE ? l : BLOCK_SIZE);
    write_block(1, b);
    return FS_OK;
}
int fs_read(const char *p, uint32_t o, uint8_t *buf, uint32_t l, uint32_t *c) {
    (void)p, (void)o;
    *c = l < 5 ? l : 5;
    memcpy(buf, "hello", *c);
    return FS_OK;
}
int fs_stat(const char *p, fs_stat_t *s) {
    if (strcmp(p, "/f") == 0) *s = (fs_stat_t){7, FS_FILE, 2, 100, 1};
    else *s = (fs_stat_t){1, FS_DIR, 3, 64, 1};
    return strcmp(p, "/no") == 0 ? FS_ENOENT : FS_OK;
}
int fs_ls(const char *p, fs_entry *e, uint32_t *c) {
    (void)p;
    strcpy(e[0].name, ".");
    e[0].stat = (fs_stat_t){1, FS_DIR, 2, 64, 1};
    strcpy(e[1].name, "abcdefghijklmnopqrstuvwxyz0");
    e[1].stat = (fs_stat_t){9, FS_FILE, 1, 5, 1};
    *c = 2;
    return FS_OK;
}
int fs_link(const char *a, const char *b) { (void)a, (void)b; return FS_EPERM; }
int fs_unlink(const char *p) {
    uint8_t b[BLOCK_SIZE];
    if (strcmp(p, "/off") == 0) read_block(n, b);
    return FS_OK;
}
int fs_rmdir(const char *p) { (void)p; return FS_EBUSY; }
`,
  cpp: "",
  go: `package main

var n uint32

func Mkfs(blocks uint32) {
	n = blocks
	b := make([]byte, BlockSize)
	b[0] = 'I'
	WriteBlock(0, b)
	b[0] = 0
	b[BlockSize-1] = 0xff
	WriteBlock(blocks-1, b)
}

func Mkdir(path string) int { return len(path) - 2 }

func Create(path string) int { return OK }

func Write(path string, offset uint32, data []byte) int {
	b := make([]byte, BlockSize)
	copy(b, data)
	WriteBlock(1, b)
	return OK
}

func Read(path string, offset uint32, buf []byte) (int, int) {
	return copy(buf, "hello"), OK
}

func StatPath(path string) (Stat, int) {
	if path == "/no" {
		return Stat{}, ENOENT
	}
	if path == "/f" {
		return Stat{7, TypeFile, 2, 100, 1}, OK
	}
	return Stat{1, TypeDir, 3, 64, 1}, OK
}

func Ls(path string) ([]Entry, int) {
	return []Entry{{".", Stat{1, TypeDir, 2, 64, 1}}, {"abcdefghijklmnopqrstuvwxyz0", Stat{9, TypeFile, 1, 5, 1}}}, OK
}

func Link(existing, path string) int { return EPERM }

func Unlink(path string) int {
	if path == "/off" {
		ReadBlock(n, make([]byte, BlockSize))
	}
	return OK
}

func Rmdir(path string) int { return EBUSY }
`,
  python: `from disk import BLOCK_SIZE, DIR, EBUSY, ENOENT, EPERM, FILE, OK, read_block, write_block

n = 0


def mkfs(blocks):
    global n
    n = blocks
    write_block(0, b"I".ljust(BLOCK_SIZE, b"\\0"))
    write_block(blocks - 1, bytes(BLOCK_SIZE - 1) + b"\\xff")


def mkdir(path):
    return len(path) - 2


def create(path):
    return OK


def write(path, offset, data):
    write_block(1, bytes(data[:BLOCK_SIZE]).ljust(BLOCK_SIZE, b"\\0"))
    return OK


def read(path, offset, length):
    return OK, b"hello"[:length]


def stat(path):
    if path == "/no":
        return ENOENT, None
    return OK, (7, FILE, 2, 100, 1) if path == "/f" else (1, DIR, 3, 64, 1)


def ls(path):
    return OK, [(".", 1, DIR, 2, 64, 1), ("abcdefghijklmnopqrstuvwxyz0", 9, FILE, 1, 5, 1)]


def link(existing, path):
    return EPERM


def unlink(path):
    if path == "/off":
        read_block(n)
    return OK


def rmdir(path):
    return EBUSY
`,
};

const block = (bytes: number[]) => {
  const data = new Uint8Array(1024);
  data.set(bytes);
  return Buffer.from(data).toString("base64");
};
const last = () => {
  const data = new Uint8Array(1024);
  data[1023] = 0xff;
  return Buffer.from(data).toString("base64");
};
// write /f 3 5 200: bytes (3 + i) × 31 + 200 mod 256.
const PATTERN = [0, 1, 2, 3, 4].map((i) => ((3 + i) * 31 + 200) & 0xff);

const COMMANDS = [
  "mkdir /a",
  "mkdir /ab",
  "mkdir /abcdefghijk",
  "create /f",
  "stat /f",
  "stat /",
  "stat /no",
  "read /f 0 3",
  "read /f 0 100",
  "ls /",
  "link /f /g",
  "unlink /f",
  "rmdir /d",
  "write /f 3 5 200",
];
const RIGHT = [
  "ok",
  "ok",
  "ENOENT",
  "EBUSY",
  "ok",
  "7 file 2 100 1",
  "1 dir 3 64 1",
  "ENOENT",
  "3 e50bf11b",
  "5 3610a686",
  "2 entries",
  ". 1 dir 2 64 1",
  "abcdefghijklmnopqrstuvwxyz0 9 file 1 5 1",
  "EPERM",
  "ok",
  "EBUSY",
  "ok",
  "image 64",
  `0 ${block([73])}`,
  `1 ${block(PATTERN)}`,
  `63 ${last()}`,
];
const input = (commands: string[], blocks = 64) => `mkfs ${blocks}\n${commands.join("\n")}\n`;
const FORMS = 'is not one of the forms in "Input"';

/** Each input, and the whole output the driver must print for it. */
const CASES: DriverCases = [
  [input(COMMANDS), RIGHT],
  [input([]), ["ok", "image 64", `0 ${block([73])}`, `63 ${last()}`]],
  [input(["create /x"], 8192), ["ok", "ok", "image 8192", `0 ${block([73])}`, `8191 ${last()}`]],
  // The answers before the bad one, then the message, and nothing after it.
  [input(["mkdir /a", "mkdir /abcdefghijkl", "mkdir /a"]), ["ok", "ok", "invalid result: command 2 returned 11, which is none of the codes in CODES"]],
  [input(["create /x", "unlink /off", "create /y"]), ["ok", "ok", "invalid device access: block 64 is not on the device (0 to 63)"]],
  // Malformed input: refused before the file system runs.
  ["mkfs 63\n", ["invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks"]],
  ["mkfs 8193\n", ["invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks"]],
  ["create /a\n", ["invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks"]],
  [input(["create /a", "touch /b"]), [`invalid input: command 2 ${FORMS}`]],
  [input(["create a"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["create /a/"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["create /a//b"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["create /a/../b"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["create /."]), [`invalid input: command 1 ${FORMS}`]],
  [input([`create /${"a".repeat(1023)}`]), [`invalid input: command 1 ${FORMS}`]],
  [input(["write /a 0 272385 1"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["write /a 1000001 1 1"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["write /a 0 1 256"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["read /a 0"]), [`invalid input: command 1 ${FORMS}`]],
  [input(["link /a"]), [`invalid input: command 1 ${FORMS}`]],
];

const CODES: Record<Language, string> = { c: "fs.h", cpp: "", go: "main.go", python: "disk.py" };

describe("the inode-fs drivers", () => {
  it.each(["c", "go", "python"] as const)(
    "in %s print the answers and the image, name a code that does not exist and a block off the device, and refuse malformed input",
    async (language) => {
      const edit = { c: "fs.c", go: "fs.go", python: "fs.py" }[language];
      const cases: DriverCases = CASES.map(([text, lines]) => [text, lines.map((line) => line.replace("CODES", CODES[language]))]);
      await expectDriverOutputs("inode-fs", language, { name: edit, content: STAND_IN[language] }, cases);
    },
  );
});
