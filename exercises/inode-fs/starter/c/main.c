/* The driver: creates the device (/tmp/disk.img, N blocks of zeros), reads the commands, calls
 * your file system once per command, prints a line for each answer, and at the end prints the
 * device's every block that is not all zeros, for the grader's fsck. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fs.h"

#define DEVICE "/tmp/disk.img"
#define MIN_BLOCKS 64
#define MAX_BLOCKS 8192
#define MAX_COMMANDS 200000
#define MAX_OFFSET 1000000
#define MAX_PATH 1023

enum { C_MKDIR, C_CREATE, C_WRITE, C_READ, C_STAT, C_LS, C_LINK, C_UNLINK, C_RMDIR };
static const char *const NAMES[] = {"mkdir", "create", "write", "read", "stat", "ls", "link", "unlink", "rmdir"};
static const int ARGUMENTS[] = {1, 1, 4, 3, 1, 1, 2, 1, 1};
static const char *const ERRORS[] = {"ok", "ENOENT", "EEXIST", "ENOTDIR", "EISDIR", "ENOTEMPTY", "ENOSPC", "EFBIG", "ENAMETOOLONG", "EPERM", "EBUSY"};

typedef struct {
    int kind;
    char *path, *target;
    uint32_t offset, length, seed;
} command;

static int device = -1;
static uint32_t device_blocks;
static char *out_buf;
static size_t out_len, out_cap = 1 << 20;

static void flush_out(void) {
    fwrite(out_buf, 1, out_len, stdout);
    out_len = 0;
    fflush(stdout);
}

static void put(const char *s, size_t n) {
    if (out_len + n > out_cap) flush_out();
    if (n > out_cap) {
        fwrite(s, 1, n, stdout);
        return;
    }
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}

static void puts_out(const char *s) { put(s, strlen(s)); }

static void put_uint(unsigned long value) {
    char text[24];
    int n = snprintf(text, sizeof text, "%lu", value);
    put(text, (size_t)n);
}

/* Malformed input, or an answer the driver cannot print: what came before, the message, status 0. */
static void stop(const char *message) {
    flush_out();
    printf("%s\n", message);
    exit(0);
}

void read_block(uint32_t n, void *buf) {
    if (n >= device_blocks) {
        char message[128];
        snprintf(message, sizeof message, "invalid device access: block %u is not on the device (0 to %u)", n, device_blocks - 1);
        stop(message);
    }
    if (pread(device, buf, BLOCK_SIZE, (off_t)n * BLOCK_SIZE) != BLOCK_SIZE) exit(1);
}

void write_block(uint32_t n, const void *buf) {
    if (n >= device_blocks) {
        char message[128];
        snprintf(message, sizeof message, "invalid device access: block %u is not on the device (0 to %u)", n, device_blocks - 1);
        stop(message);
    }
    if (pwrite(device, buf, BLOCK_SIZE, (off_t)n * BLOCK_SIZE) != BLOCK_SIZE) exit(1);
}

/* The white space Python's bytes.split() skips, so that the three drivers read the same tokens. */
static int is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

static char *input;
static size_t input_len, input_at;

/* The next token, NUL-terminated in place; NULL at the end of the input. */
static char *next_token(void) {
    while (input_at < input_len && is_space(input[input_at])) input_at++;
    if (input_at == input_len) return NULL;
    char *start = input + input_at;
    while (input_at < input_len && !is_space(input[input_at])) input_at++;
    input[input_at++] = '\0';
    return start;
}

/* The token as a decimal integer in [0, max] into *value; 0 if it is not one. */
static int parse_uint(const char *token, unsigned long max, uint32_t *value) {
    size_t n = token ? strlen(token) : 0;
    if (n == 0 || n > 9) return 0;
    unsigned long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (token[i] < '0' || token[i] > '9') return 0;
        v = v * 10 + (unsigned long)(token[i] - '0');
    }
    if (v > max) return 0;
    *value = (uint32_t)v;
    return 1;
}

/* "/" or "/name/name…": printable ASCII, no empty name, no "." or "..", at most MAX_PATH bytes. */
static int valid_path(const char *path) {
    size_t n = path ? strlen(path) : 0;
    if (n == 0 || n > MAX_PATH || path[0] != '/') return 0;
    if (n == 1) return 1;
    const char *name = path + 1;
    for (size_t i = 1; i <= n; i++) {
        if (i == n || path[i] == '/') {
            size_t length = (size_t)(path + i - name);
            if (length == 0 || (length == 1 && name[0] == '.') || (length == 2 && name[0] == '.' && name[1] == '.')) return 0;
            name = path + i + 1;
        } else if (path[i] < '!' || path[i] > '~') {
            return 0;
        }
    }
    return 1;
}

static char *read_all(size_t *length) {
    size_t cap = 1 << 20, n = 0;
    char *data = malloc(cap + 1);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) data = realloc(data, (cap *= 2) + 1);
    }
    *length = n;
    return data;
}

static void put_stat(const fs_stat_t *st) {
    put_uint(st->inode);
    puts_out(st->type == FS_FILE ? " file " : st->type == FS_DIR ? " dir " : " ? ");
    put_uint(st->links);
    puts_out(" ");
    put_uint(st->size);
    puts_out(" ");
    put_uint(st->blocks);
    puts_out("\n");
}

/* The answer's word, or the driver stops: an error code that is none of the listed ones. */
static const char *answer(long number, int code) {
    if (code < 0 || code > FS_EBUSY) {
        char message[96];
        snprintf(message, sizeof message, "invalid result: command %ld returned %d, which is none of the codes in fs.h", number, code);
        stop(message);
    }
    return ERRORS[code];
}

/* CRC-32 (zlib's), what the grader compares a read's bytes by. */
static uint32_t crc32(const uint8_t *bytes, uint32_t n) {
    static uint32_t table[256];
    if (table[1] == 0) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    }
    uint32_t crc = 0xffffffffu;
    for (uint32_t i = 0; i < n; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

static void dump_image(void) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint8_t block[BLOCK_SIZE];
    char line[16 + (BLOCK_SIZE + 2) / 3 * 4];
    puts_out("image ");
    put_uint(device_blocks);
    puts_out("\n");
    for (uint32_t n = 0; n < device_blocks; n++) {
        if (pread(device, block, BLOCK_SIZE, (off_t)n * BLOCK_SIZE) != BLOCK_SIZE) exit(1);
        int zero = 1;
        for (int i = 0; i < BLOCK_SIZE && zero; i++) zero = block[i] == 0;
        if (zero) continue;
        int at = snprintf(line, sizeof line, "%u ", n);
        for (int i = 0; i < BLOCK_SIZE; i += 3) {
            uint32_t v = (uint32_t)block[i] << 16 | (i + 1 < BLOCK_SIZE ? (uint32_t)block[i + 1] << 8 : 0) | (i + 2 < BLOCK_SIZE ? block[i + 2] : 0);
            line[at++] = alphabet[v >> 18 & 63];
            line[at++] = alphabet[v >> 12 & 63];
            line[at++] = i + 1 < BLOCK_SIZE ? alphabet[v >> 6 & 63] : '=';
            line[at++] = i + 2 < BLOCK_SIZE ? alphabet[v & 63] : '=';
        }
        line[at++] = '\n';
        put(line, (size_t)at);
    }
}

int main(void) {
    out_buf = malloc(out_cap);
    input = read_all(&input_len);
    if (!out_buf || !input) return 1;
    const char *word = next_token();
    uint32_t blocks;
    if (!word || strcmp(word, "mkfs") != 0 || !parse_uint(next_token(), MAX_BLOCKS, &blocks) || blocks < MIN_BLOCKS) {
        stop("invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks");
    }
    /* Everything is read and checked before the file system runs: bad input prints nothing else. */
    command *commands = malloc(sizeof *commands * 1024);
    size_t count = 0, cap = 1024;
    for (char *name; (name = next_token()) != NULL;) {
        if (count == MAX_COMMANDS) stop("invalid input: more than 200000 commands");
        if (count == cap) commands = realloc(commands, sizeof *commands * (cap *= 2));
        if (!commands) return 1;
        command *c = &commands[count++];
        c->kind = -1;
        for (int k = 0; k < 9; k++) if (strcmp(name, NAMES[k]) == 0) c->kind = k;
        char *args[4] = {0};
        for (int i = 0; c->kind >= 0 && i < ARGUMENTS[c->kind]; i++) args[i] = next_token();
        int ok = c->kind >= 0 && valid_path(args[0]);
        if (ok && c->kind == C_WRITE) ok = parse_uint(args[1], MAX_OFFSET, &c->offset) && parse_uint(args[2], MAX_FILE_SIZE, &c->length) && parse_uint(args[3], 255, &c->seed);
        if (ok && c->kind == C_READ) ok = parse_uint(args[1], MAX_OFFSET, &c->offset) && parse_uint(args[2], MAX_FILE_SIZE, &c->length);
        if (ok && c->kind == C_LINK) ok = valid_path(args[1]);
        if (!ok) {
            char message[128];
            snprintf(message, sizeof message, "invalid input: command %zu is not one of the forms in \"Input\"", count);
            stop(message);
        }
        c->path = args[0];
        c->target = args[1];
    }

    device = open(DEVICE, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (device < 0 || ftruncate(device, (off_t)blocks * BLOCK_SIZE) != 0) {
        perror(DEVICE);
        return 1;
    }
    device_blocks = blocks;
    fs_mkfs(blocks);
    puts_out("ok\n");
    uint8_t *data = malloc(MAX_FILE_SIZE);
    fs_entry *entries = malloc(sizeof *entries * MAX_ENTRIES);
    if (!data || !entries) return 1;
    for (size_t i = 0; i < count; i++) {
        const command *c = &commands[i];
        long number = (long)i + 1;
        switch (c->kind) {
        case C_MKDIR: puts_out(answer(number, fs_mkdir(c->path))); break;
        case C_CREATE: puts_out(answer(number, fs_create(c->path))); break;
        case C_LINK: puts_out(answer(number, fs_link(c->path, c->target))); break;
        case C_UNLINK: puts_out(answer(number, fs_unlink(c->path))); break;
        case C_RMDIR: puts_out(answer(number, fs_rmdir(c->path))); break;
        case C_WRITE:
            for (uint32_t b = 0; b < c->length; b++) data[b] = (uint8_t)((c->offset + b) * 31 + c->seed);
            puts_out(answer(number, fs_write(c->path, c->offset, data, c->length)));
            break;
        case C_READ: {
            uint32_t got = 0;
            int code = fs_read(c->path, c->offset, data, c->length, &got);
            if (code != FS_OK) {
                puts_out(answer(number, code));
                break;
            }
            if (got > c->length) stop("invalid result: a read returned more bytes than it was asked for");
            char text[32];
            snprintf(text, sizeof text, "%u %08x", got, crc32(data, got));
            puts_out(text);
            break;
        }
        case C_STAT: {
            fs_stat_t st = {0};
            int code = fs_stat(c->path, &st);
            if (code != FS_OK) puts_out(answer(number, code));
            else {
                put_stat(&st);
                continue;
            }
            break;
        }
        case C_LS: {
            uint32_t n = 0;
            int code = fs_ls(c->path, entries, &n);
            if (code != FS_OK) {
                puts_out(answer(number, code));
                break;
            }
            if (n > MAX_ENTRIES) stop("invalid result: ls returned more entries than a directory can hold");
            put_uint(n);
            puts_out(" entries\n");
            for (uint32_t e = 0; e < n; e++) {
                entries[e].name[NAME_MAX_LEN] = '\0';
                puts_out(entries[e].name);
                puts_out(" ");
                put_stat(&entries[e].stat);
            }
            continue;
        }
        }
        puts_out("\n");
    }
    dump_image();
    flush_out();
    return 0;
}
