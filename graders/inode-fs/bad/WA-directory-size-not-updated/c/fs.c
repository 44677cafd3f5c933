/* The reference: the textbook file system, every structure read from the device when needed and
 * written back at once; only the geometry (fixed at mkfs) is kept in memory. */
#include <string.h>
#include "fs.h"

#define MAGIC 0x444f4e49u
#define DIRECT 10
#define POINTERS (BLOCK_SIZE / 4)
#define INODE_BITMAP 1
#define BLOCK_BITMAP 2
#define INODE_TABLE 3
#define ENTRY_SIZE 32
#define ROOT 1

typedef struct {
    uint32_t magic, blocks, inodes, inode_bitmap, block_bitmap, inode_table, inode_table_blocks, first_data, free_blocks, free_inodes, root;
} super_block;

typedef struct {
    uint16_t type, links;
    uint32_t size;
    uint32_t direct[DIRECT];
    uint32_t indirect;
    uint8_t pad[12];
} inode_t;

typedef struct {
    uint32_t inode;
    char name[28];
} entry_t;

static uint32_t n_blocks, n_inodes, first_data;

static void read_super(super_block *sb) {
    uint8_t block[BLOCK_SIZE];
    read_block(0, block);
    memcpy(sb, block, sizeof *sb);
}

static void write_super(const super_block *sb) {
    uint8_t block[BLOCK_SIZE] = {0};
    memcpy(block, sb, sizeof *sb);
    write_block(0, block);
}

static void get_inode(uint32_t n, inode_t *in) {
    uint8_t block[BLOCK_SIZE];
    read_block(INODE_TABLE + n / 16, block);
    memcpy(in, block + n % 16 * sizeof *in, sizeof *in);
}

static void put_inode(uint32_t n, const inode_t *in) {
    uint8_t block[BLOCK_SIZE];
    read_block(INODE_TABLE + n / 16, block);
    memcpy(block + n % 16 * sizeof *in, in, sizeof *in);
    write_block(INODE_TABLE + n / 16, block);
}

/* The lowest free bit of a bitmap from `from`, set; 0 if none (bit 0 is never free). */
static uint32_t take_bit(uint32_t bitmap, uint32_t from, uint32_t limit) {
    uint8_t block[BLOCK_SIZE];
    read_block(bitmap, block);
    for (uint32_t n = from; n < limit; n++) {
        if (!(block[n / 8] & 1 << n % 8)) {
            block[n / 8] |= (uint8_t)(1 << n % 8);
            write_block(bitmap, block);
            return n;
        }
    }
    return 0;
}

static void clear_bit(uint32_t bitmap, uint32_t n) {
    uint8_t block[BLOCK_SIZE];
    read_block(bitmap, block);
    block[n / 8] &= (uint8_t)~(1 << n % 8);
    write_block(bitmap, block);
}

static uint32_t alloc_block(void) {
    uint32_t n = take_bit(BLOCK_BITMAP, first_data, n_blocks);
    super_block sb;
    read_super(&sb);
    sb.free_blocks--;
    write_super(&sb);
    static const uint8_t zero[BLOCK_SIZE];
    write_block(n, zero);
    return n;
}

static void free_block(uint32_t n) {
    clear_bit(BLOCK_BITMAP, n);
    super_block sb;
    read_super(&sb);
    sb.free_blocks++;
    write_super(&sb);
}

static uint32_t alloc_inode(void) {
    uint32_t n = take_bit(INODE_BITMAP, 1, n_inodes);
    super_block sb;
    read_super(&sb);
    sb.free_inodes--;
    write_super(&sb);
    return n;
}

static uint32_t blocks_for(uint32_t size) {
    uint32_t data = (size + BLOCK_SIZE - 1) / BLOCK_SIZE;
    return data + (data > DIRECT);
}

/* The block holding logical block `index` of the inode. */
static uint32_t bmap(const inode_t *in, uint32_t index) {
    if (index < DIRECT) return in->direct[index];
    uint32_t pointers[POINTERS];
    read_block(in->indirect, pointers);
    return pointers[index - DIRECT];
}

/* Appends logical block `index`: the indirect block first when it is the eleventh. */
static uint32_t append_block(inode_t *in, uint32_t index) {
    if (index < DIRECT) return in->direct[index] = alloc_block();
    if (index == DIRECT) in->indirect = alloc_block();
    uint32_t block = alloc_block();
    uint32_t pointers[POINTERS];
    read_block(in->indirect, pointers);
    pointers[index - DIRECT] = block;
    write_block(in->indirect, pointers);
    return block;
}

static void release(uint32_t n, inode_t *in) {
    uint32_t data = (in->size + BLOCK_SIZE - 1) / BLOCK_SIZE;
    for (uint32_t i = 0; i < data; i++) free_block(bmap(in, i));
    if (in->indirect) free_block(in->indirect);
    memset(in, 0, sizeof *in);
    put_inode(n, in);
    clear_bit(INODE_BITMAP, n);
    super_block sb;
    read_super(&sb);
    sb.free_inodes++;
    write_super(&sb);
}

/* The slot of `name` in directory `dir`, or -1; its inode into *found. */
static long find_entry(const inode_t *dir, const char *name, uint32_t *found) {
    entry_t entries[BLOCK_SIZE / ENTRY_SIZE];
    uint32_t slots = dir->size / ENTRY_SIZE;
    for (uint32_t slot = 0; slot < slots; slot++) {
        if (slot % 32 == 0) read_block(bmap(dir, slot / 32), entries);
        const entry_t *e = &entries[slot % 32];
        if (e->inode != 0 && strncmp(e->name, name, 28) == 0) {
            *found = e->inode;
            return slot;
        }
    }
    return -1;
}

static int names_fit(const char *path) {
    size_t length = 0;
    for (const char *p = path;; p++) {
        if (*p == '/' || *p == '\0') {
            if (length > NAME_MAX_LEN) return 0;
            length = 0;
            if (*p == '\0') return 1;
        } else {
            length++;
        }
    }
}

/* Walks `path` ("/" or "/a/b"): the inode it names into *out. */
static int resolve(const char *path, uint32_t *out) {
    if (!names_fit(path)) return FS_ENAMETOOLONG;
    uint32_t current = ROOT;
    const char *p = path + 1;
    while (*p) {
        inode_t in;
        get_inode(current, &in);
        if (in.type != FS_DIR) return FS_ENOTDIR;
        char name[NAME_MAX_LEN + 1];
        size_t n = strcspn(p, "/");
        memcpy(name, p, n);
        name[n] = '\0';
        if (find_entry(&in, name, &current) < 0) return FS_ENOENT;
        p += n + (p[n] == '/');
    }
    *out = current;
    return FS_OK;
}

/* The directory that is to hold the path's last name, and that name. */
static int parent_of(const char *path, uint32_t *dir, char name[NAME_MAX_LEN + 1]) {
    const char *slash = strrchr(path, '/');
    char prefix[1024];
    size_t n = (size_t)(slash - path);
    memcpy(prefix, path, n);
    prefix[n == 0 ? 1 : n] = '\0';
    if (n == 0) prefix[0] = '/';
    int code = resolve(prefix, dir);
    if (code != FS_OK) return code;
    inode_t in;
    get_inode(*dir, &in);
    if (in.type != FS_DIR) return FS_ENOTDIR;
    strcpy(name, slash + 1);
    return FS_OK;
}

/* The slot a new entry takes (the lowest empty one, or one more at the end) and the blocks it costs. */
static int new_slot(const inode_t *dir, uint32_t *slot, uint32_t *cost) {
    entry_t entries[BLOCK_SIZE / ENTRY_SIZE];
    uint32_t slots = dir->size / ENTRY_SIZE;
    for (uint32_t s = 0; s < slots; s++) {
        if (s % 32 == 0) read_block(bmap(dir, s / 32), entries);
        if (entries[s % 32].inode == 0) {
            *slot = s;
            *cost = 0;
            return FS_OK;
        }
    }
    if (dir->size + ENTRY_SIZE > MAX_FILE_SIZE) return FS_EFBIG;
    *slot = slots;
    *cost = blocks_for(dir->size + ENTRY_SIZE) - blocks_for(dir->size);
    return FS_OK;
}

static void set_entry(inode_t *dir, uint32_t slot, uint32_t inode, const char *name) {
    if (slot * ENTRY_SIZE == dir->size) {
        /* A new block when the last one is full; the size is the entries', counted elsewhere. */
        if (dir->size % BLOCK_SIZE == 0) append_block(dir, dir->size / BLOCK_SIZE);
        if (slot < 2) dir->size += ENTRY_SIZE;
    }
    entry_t entries[BLOCK_SIZE / ENTRY_SIZE];
    uint32_t block = bmap(dir, slot / 32);
    read_block(block, entries);
    memset(&entries[slot % 32], 0, sizeof entries[0]);
    entries[slot % 32].inode = inode;
    strncpy(entries[slot % 32].name, name, sizeof entries[0].name);
    write_block(block, entries);
}

static int has_space(uint32_t inodes, uint32_t blocks) {
    super_block sb;
    read_super(&sb);
    return sb.free_inodes >= inodes && sb.free_blocks >= blocks;
}

void fs_mkfs(uint32_t blocks) {
    n_blocks = blocks;
    n_inodes = 16 * (blocks / 64);
    first_data = INODE_TABLE + n_inodes / 16;
    super_block sb = {MAGIC, blocks, n_inodes, INODE_BITMAP, BLOCK_BITMAP, INODE_TABLE, n_inodes / 16, first_data, blocks - first_data, n_inodes - 1, ROOT};
    write_super(&sb);
    uint8_t bitmap[BLOCK_SIZE] = {0};
    bitmap[0] = 1;
    write_block(INODE_BITMAP, bitmap);
    memset(bitmap, 0, sizeof bitmap);
    for (uint32_t b = 0; b < first_data; b++) bitmap[b / 8] |= (uint8_t)(1 << b % 8);
    write_block(BLOCK_BITMAP, bitmap);
    uint32_t root = alloc_inode();
    inode_t in = {.type = FS_DIR, .links = 2};
    set_entry(&in, 0, root, ".");
    set_entry(&in, 1, root, "..");
    put_inode(root, &in);
}

static int make(const char *path, uint32_t type) {
    if (!names_fit(path)) return FS_ENAMETOOLONG;
    if (strcmp(path, "/") == 0) return FS_EEXIST;
    uint32_t dir, existing, slot, cost;
    char name[NAME_MAX_LEN + 1];
    int code = parent_of(path, &dir, name);
    if (code != FS_OK) return code;
    inode_t parent;
    get_inode(dir, &parent);
    if (find_entry(&parent, name, &existing) >= 0) return FS_EEXIST;
    if ((code = new_slot(&parent, &slot, &cost)) != FS_OK) return code;
    if (!has_space(1, cost + (type == FS_DIR))) return FS_ENOSPC;
    uint32_t n = alloc_inode();
    inode_t in = {.type = (uint16_t)type, .links = 1};
    if (type == FS_DIR) {
        in.links = 2;
        set_entry(&in, 0, n, ".");
        set_entry(&in, 1, dir, "..");
        parent.links++;
    }
    put_inode(n, &in);
    set_entry(&parent, slot, n, name);
    put_inode(dir, &parent);
    return FS_OK;
}

int fs_mkdir(const char *path) { return make(path, FS_DIR); }

int fs_create(const char *path) { return make(path, FS_FILE); }

int fs_write(const char *path, uint32_t offset, const uint8_t *data, uint32_t length) {
    uint32_t n;
    int code = resolve(path, &n);
    if (code != FS_OK) return code;
    inode_t in;
    get_inode(n, &in);
    if (in.type == FS_DIR) return FS_EISDIR;
    if ((uint64_t)offset + length > MAX_FILE_SIZE) return FS_EFBIG;
    if (length == 0) return FS_OK;
    uint32_t end = offset + length > in.size ? offset + length : in.size;
    if (!has_space(0, blocks_for(end) - blocks_for(in.size))) return FS_ENOSPC;
    for (uint32_t index = (in.size + BLOCK_SIZE - 1) / BLOCK_SIZE; index < (end + BLOCK_SIZE - 1) / BLOCK_SIZE; index++) append_block(&in, index);
    uint8_t block[BLOCK_SIZE];
    for (uint32_t at = offset; at < offset + length;) {
        uint32_t b = bmap(&in, at / BLOCK_SIZE), within = at % BLOCK_SIZE;
        uint32_t chunk = BLOCK_SIZE - within < offset + length - at ? BLOCK_SIZE - within : offset + length - at;
        if (chunk < BLOCK_SIZE) read_block(b, block);
        memcpy(block + within, data + (at - offset), chunk);
        write_block(b, block);
        at += chunk;
    }
    in.size = end;
    put_inode(n, &in);
    return FS_OK;
}

int fs_read(const char *path, uint32_t offset, uint8_t *buf, uint32_t length, uint32_t *count) {
    uint32_t n;
    int code = resolve(path, &n);
    if (code != FS_OK) return code;
    inode_t in;
    get_inode(n, &in);
    if (in.type == FS_DIR) return FS_EISDIR;
    *count = offset >= in.size ? 0 : in.size - offset < length ? in.size - offset : length;
    uint8_t block[BLOCK_SIZE];
    for (uint32_t at = offset; at < offset + *count;) {
        uint32_t within = at % BLOCK_SIZE;
        uint32_t chunk = BLOCK_SIZE - within < offset + *count - at ? BLOCK_SIZE - within : offset + *count - at;
        read_block(bmap(&in, at / BLOCK_SIZE), block);
        memcpy(buf + (at - offset), block + within, chunk);
        at += chunk;
    }
    return FS_OK;
}

static void fill_stat(uint32_t n, const inode_t *in, fs_stat_t *st) {
    *st = (fs_stat_t){n, in->type, in->links, in->size, blocks_for(in->size)};
}

int fs_stat(const char *path, fs_stat_t *st) {
    uint32_t n;
    int code = resolve(path, &n);
    if (code != FS_OK) return code;
    inode_t in;
    get_inode(n, &in);
    fill_stat(n, &in, st);
    return FS_OK;
}

int fs_ls(const char *path, fs_entry *out, uint32_t *count) {
    uint32_t n;
    int code = resolve(path, &n);
    if (code != FS_OK) return code;
    inode_t dir;
    get_inode(n, &dir);
    if (dir.type != FS_DIR) return FS_ENOTDIR;
    entry_t entries[BLOCK_SIZE / ENTRY_SIZE];
    *count = 0;
    for (uint32_t slot = 0; slot < dir.size / ENTRY_SIZE; slot++) {
        if (slot % 32 == 0) read_block(bmap(&dir, slot / 32), entries);
        const entry_t *e = &entries[slot % 32];
        if (e->inode == 0) continue;
        fs_entry *o = &out[(*count)++];
        memcpy(o->name, e->name, sizeof o->name);
        o->name[NAME_MAX_LEN] = '\0';
        inode_t in;
        get_inode(e->inode, &in);
        fill_stat(e->inode, &in, &o->stat);
    }
    return FS_OK;
}

int fs_link(const char *existing, const char *path) {
    uint32_t n, dir, other, slot, cost;
    int code = resolve(existing, &n);
    if (code != FS_OK) return code;
    inode_t in;
    get_inode(n, &in);
    if (in.type == FS_DIR) return FS_EPERM;
    if (!names_fit(path)) return FS_ENAMETOOLONG;
    if (strcmp(path, "/") == 0) return FS_EEXIST;
    char name[NAME_MAX_LEN + 1];
    if ((code = parent_of(path, &dir, name)) != FS_OK) return code;
    inode_t parent;
    get_inode(dir, &parent);
    if (find_entry(&parent, name, &other) >= 0) return FS_EEXIST;
    if ((code = new_slot(&parent, &slot, &cost)) != FS_OK) return code;
    if (!has_space(0, cost)) return FS_ENOSPC;
    set_entry(&parent, slot, n, name);
    put_inode(dir, &parent);
    get_inode(n, &in);
    in.links++;
    put_inode(n, &in);
    return FS_OK;
}

/* Empties the entry naming the path's last name in its parent; the parent's inode into *dir. */
static void remove_entry(const char *path, uint32_t *dir, inode_t *parent) {
    char name[NAME_MAX_LEN + 1];
    uint32_t found;
    parent_of(path, dir, name);
    get_inode(*dir, parent);
    long slot = find_entry(parent, name, &found);
    entry_t entries[BLOCK_SIZE / ENTRY_SIZE];
    uint32_t block = bmap(parent, (uint32_t)slot / 32);
    read_block(block, entries);
    memset(&entries[slot % 32], 0, sizeof entries[0]);
    write_block(block, entries);
}

int fs_unlink(const char *path) {
    uint32_t n, dir;
    int code = resolve(path, &n);
    if (code != FS_OK) return code;
    inode_t in, parent;
    get_inode(n, &in);
    if (in.type == FS_DIR) return FS_EISDIR;
    remove_entry(path, &dir, &parent);
    get_inode(n, &in);
    if (--in.links > 0) put_inode(n, &in);
    else release(n, &in);
    return FS_OK;
}

int fs_rmdir(const char *path) {
    if (!names_fit(path)) return FS_ENAMETOOLONG;
    if (strcmp(path, "/") == 0) return FS_EBUSY;
    uint32_t n, dir;
    int code = resolve(path, &n);
    if (code != FS_OK) return code;
    inode_t in, parent;
    get_inode(n, &in);
    if (in.type != FS_DIR) return FS_ENOTDIR;
    entry_t entries[BLOCK_SIZE / ENTRY_SIZE];
    for (uint32_t slot = 2; slot < in.size / ENTRY_SIZE; slot++) {
        if (slot == 2 || slot % 32 == 0) read_block(bmap(&in, slot / 32), entries);
        if (entries[slot % 32].inode != 0) return FS_ENOTEMPTY;
    }
    remove_entry(path, &dir, &parent);
    parent.links--;
    put_inode(dir, &parent);
    release(n, &in);
    return FS_OK;
}
