#include <string.h>
#include "fs.h"

/* The on-disk layout (see the statement, "The disk"): block 0 the superblock, block 1 the inode
 * bitmap, block 2 the block bitmap, then the inode table (16 inodes of 64 bytes per block), then
 * the data blocks. Everything must be on the device when each function returns. */
typedef struct {
    uint32_t magic, blocks, inodes, inode_bitmap, block_bitmap, inode_table, inode_table_blocks, first_data, free_blocks, free_inodes, root;
} super_block;

typedef struct {
    uint16_t type, links;
    uint32_t size;
    uint32_t direct[10];
    uint32_t indirect;
    uint8_t pad[12];
} inode_t;

typedef struct {
    uint32_t inode; /* 0: an empty slot */
    char name[28];
} entry_t;

void fs_mkfs(uint32_t blocks) {
    /* TODO: the superblock, both bitmaps, and the root directory (inode 1, with "." and ".."). */
    super_block sb = {0x444f4e49u, blocks, 16 * (blocks / 64), 1, 2, 3, blocks / 64, 3 + blocks / 64, 0, 0, 1};
    uint8_t block[BLOCK_SIZE] = {0};
    memcpy(block, &sb, sizeof sb);
    write_block(0, block);
}

int fs_mkdir(const char *path) { (void)path; return FS_ENOSPC; /* TODO */ }

int fs_create(const char *path) { (void)path; return FS_ENOSPC; /* TODO */ }

int fs_write(const char *path, uint32_t offset, const uint8_t *data, uint32_t length) {
    (void)path, (void)offset, (void)data, (void)length;
    return FS_ENOENT; /* TODO */
}

int fs_read(const char *path, uint32_t offset, uint8_t *buf, uint32_t length, uint32_t *count) {
    (void)path, (void)offset, (void)buf, (void)length;
    *count = 0;
    return FS_ENOENT; /* TODO */
}

int fs_stat(const char *path, fs_stat_t *st) {
    (void)path, (void)st;
    return FS_ENOENT; /* TODO */
}

int fs_ls(const char *path, fs_entry *entries, uint32_t *count) {
    (void)path, (void)entries;
    *count = 0;
    return FS_ENOENT; /* TODO */
}

int fs_link(const char *existing, const char *path) { (void)existing, (void)path; return FS_ENOENT; /* TODO */ }

int fs_unlink(const char *path) { (void)path; return FS_ENOENT; /* TODO */ }

int fs_rmdir(const char *path) { (void)path; return FS_ENOENT; /* TODO */ }
