#ifndef FS_H
#define FS_H

#include <stdint.h>

#define BLOCK_SIZE 1024
#define NAME_MAX_LEN 27
#define MAX_FILE_SIZE ((10 + 256) * BLOCK_SIZE)
/* The most entries a directory can hold: the largest file of 32-byte entries. */
#define MAX_ENTRIES (MAX_FILE_SIZE / 32)

/* What each operation returns: FS_OK, or the error. */
enum {
    FS_OK,
    FS_ENOENT,
    FS_EEXIST,
    FS_ENOTDIR,
    FS_EISDIR,
    FS_ENOTEMPTY,
    FS_ENOSPC,
    FS_EFBIG,
    FS_ENAMETOOLONG,
    FS_EPERM,
    FS_EBUSY,
};

/* Inode types, as on the disk. */
#define FS_FILE 1
#define FS_DIR 2

/* The block device (the driver's): reads or writes block n (0 .. blocks - 1), BLOCK_SIZE bytes. */
void read_block(uint32_t n, void *buf);
void write_block(uint32_t n, const void *buf);

typedef struct {
    uint32_t inode;
    uint32_t type;   /* FS_FILE or FS_DIR */
    uint32_t links;
    uint32_t size;
    uint32_t blocks; /* data blocks, and the indirect block if the file has one */
} fs_stat_t;

typedef struct {
    char name[NAME_MAX_LEN + 1]; /* NUL-terminated */
    fs_stat_t stat;
} fs_entry;

/* Formats the device (all zeros) as an empty file system of `blocks` blocks (64 to 8192). */
void fs_mkfs(uint32_t blocks);
int fs_mkdir(const char *path);
int fs_create(const char *path);
/* Writes `length` bytes of `data` at byte `offset` of the file. */
int fs_write(const char *path, uint32_t offset, const uint8_t *data, uint32_t length);
/* Reads up to `length` bytes from byte `offset` into `buf`; *count is how many (fewer past the end). */
int fs_read(const char *path, uint32_t offset, uint8_t *buf, uint32_t length, uint32_t *count);
int fs_stat(const char *path, fs_stat_t *st);
/* The directory's entries in slot order, "." and ".." included, into `entries` (room for
 * MAX_ENTRIES); *count is how many. */
int fs_ls(const char *path, fs_entry *entries, uint32_t *count);
int fs_link(const char *existing, const char *path);
int fs_unlink(const char *path);
int fs_rmdir(const char *path);

#endif
