package main

import "encoding/binary"

// The on-disk layout (see the statement, "The disk"): block 0 the superblock, block 1 the inode
// bitmap, block 2 the block bitmap, then the inode table (16 inodes of 64 bytes per block), then the
// data blocks. Everything must be on the device when each function returns.

// Mkfs formats the device (all zeros) as an empty file system of `blocks` blocks (64 to 8192).
func Mkfs(blocks uint32) {
	// TODO: the superblock, both bitmaps, and the root directory (inode 1, with "." and "..").
	block := make([]byte, BlockSize)
	for i, v := range []uint32{0x444f4e49, blocks, 16 * (blocks / 64), 1, 2, 3, blocks / 64, 3 + blocks/64, 0, 0, 1} {
		binary.LittleEndian.PutUint32(block[4*i:], v)
	}
	WriteBlock(0, block)
}

// Mkdir makes a directory.
func Mkdir(path string) int { return ENOSPC } // TODO

// Create makes an empty file.
func Create(path string) int { return ENOSPC } // TODO

// Write writes data at byte offset of the file.
func Write(path string, offset uint32, data []byte) int { return ENOENT } // TODO

// Read reads into buf from byte offset of the file: how many bytes (fewer past the end), and the code.
func Read(path string, offset uint32, buf []byte) (int, int) { return 0, ENOENT } // TODO

// StatPath says what the path names.
func StatPath(path string) (Stat, int) { return Stat{}, ENOENT } // TODO

// Ls lists the directory's entries in slot order, "." and ".." included.
func Ls(path string) ([]Entry, int) { return nil, ENOENT } // TODO

// Link makes path a new name of the file existing.
func Link(existing, path string) int { return ENOENT } // TODO

// Unlink removes a file's name; the file goes with its last one.
func Unlink(path string) int { return ENOENT } // TODO

// Rmdir removes an empty directory.
func Rmdir(path string) int { return ENOENT } // TODO
