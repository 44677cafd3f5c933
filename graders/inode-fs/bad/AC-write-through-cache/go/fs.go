// The textbook file system behind a write-through cache of blocks: every block read once from the
// device, every write written through at once.
package main

import (
	"encoding/binary"
	"strings"
)

const (
	magic       = 0x444f4e49
	direct      = 10
	inodeBitmap = 1
	blockBitmap = 2
	inodeTable  = 3
	entrySize   = 32
	root        = 1
	// Superblock fields (u32 each): the free counts.
	freeBlocksAt = 32
	freeInodesAt = 36
)

var le = binary.LittleEndian

var cache = map[uint32][]byte{}

func readBlock(n uint32, buf []byte) {
	block, ok := cache[n]
	if !ok {
		block = make([]byte, BlockSize)
		ReadBlock(n, block)
		cache[n] = block
	}
	copy(buf, block)
}

func writeBlock(n uint32, buf []byte) {
	block, ok := cache[n]
	if !ok {
		block = make([]byte, BlockSize)
		cache[n] = block
	}
	copy(block, buf[:BlockSize])
	WriteBlock(n, buf)
}

var nBlocks, nInodes, firstData uint32

func zero(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

func smaller(a, b uint32) uint32 {
	if a < b {
		return a
	}
	return b
}

type inode struct {
	number, size uint32
	kind, links  uint16
	direct       [direct]uint32
	indirect     uint32
}

func getInode(n uint32) *inode {
	block := make([]byte, BlockSize)
	readBlock(inodeTable+n/16, block)
	b := block[n%16*64:]
	in := &inode{number: n, kind: le.Uint16(b), links: le.Uint16(b[2:]), size: le.Uint32(b[4:]), indirect: le.Uint32(b[48:])}
	for i := range in.direct {
		in.direct[i] = le.Uint32(b[8+4*i:])
	}
	return in
}

func putInode(in *inode) {
	block := make([]byte, BlockSize)
	readBlock(inodeTable+in.number/16, block)
	b := block[in.number%16*64 : in.number%16*64+64]
	zero(b)
	le.PutUint16(b, in.kind)
	le.PutUint16(b[2:], in.links)
	le.PutUint32(b[4:], in.size)
	for i, p := range in.direct {
		le.PutUint32(b[8+4*i:], p)
	}
	le.PutUint32(b[48:], in.indirect)
	writeBlock(inodeTable+in.number/16, block)
}

func addFree(at int, delta int32) {
	block := make([]byte, BlockSize)
	readBlock(0, block)
	le.PutUint32(block[at:], uint32(int32(le.Uint32(block[at:]))+delta))
	writeBlock(0, block)
}

func freeCount(at int) uint32 {
	block := make([]byte, BlockSize)
	readBlock(0, block)
	return le.Uint32(block[at:])
}

func takeBit(bitmap, from, limit uint32) uint32 {
	block := make([]byte, BlockSize)
	readBlock(bitmap, block)
	for n := from; n < limit; n++ {
		if block[n/8]&(1<<(n%8)) == 0 {
			block[n/8] |= 1 << (n % 8)
			writeBlock(bitmap, block)
			return n
		}
	}
	panic("no free bit: the space check should have refused")
}

func clearBit(bitmap, n uint32) {
	block := make([]byte, BlockSize)
	readBlock(bitmap, block)
	block[n/8] &^= 1 << (n % 8)
	writeBlock(bitmap, block)
}

func allocBlock() uint32 {
	n := takeBit(blockBitmap, firstData, nBlocks)
	addFree(freeBlocksAt, -1)
	writeBlock(n, make([]byte, BlockSize))
	return n
}

func freeBlock(n uint32) {
	clearBit(blockBitmap, n)
	addFree(freeBlocksAt, 1)
}

func blocksFor(size uint32) uint32 {
	data := (size + BlockSize - 1) / BlockSize
	if data > direct {
		return data + 1
	}
	return data
}

func bmap(in *inode, index uint32) uint32 {
	if index < direct {
		return in.direct[index]
	}
	block := make([]byte, BlockSize)
	readBlock(in.indirect, block)
	return le.Uint32(block[4*(index-direct):])
}

func appendBlock(in *inode, index uint32) {
	if index < direct {
		in.direct[index] = allocBlock()
		return
	}
	if index == direct {
		in.indirect = allocBlock()
	}
	b := allocBlock()
	block := make([]byte, BlockSize)
	readBlock(in.indirect, block)
	le.PutUint32(block[4*(index-direct):], b)
	writeBlock(in.indirect, block)
}

func release(in *inode) {
	for i := uint32(0); i < (in.size+BlockSize-1)/BlockSize; i++ {
		freeBlock(bmap(in, i))
	}
	if in.indirect != 0 {
		freeBlock(in.indirect)
	}
	putInode(&inode{number: in.number})
	clearBit(inodeBitmap, in.number)
	addFree(freeInodesAt, 1)
}

type slot struct {
	index, inode uint32
	name         string
}

// entries calls visit on every slot of the directory, empty ones included, until it returns false.
func entries(dir *inode, visit func(s slot) bool) {
	block := make([]byte, BlockSize)
	for i := uint32(0); i < dir.size/entrySize; i++ {
		if i%32 == 0 {
			readBlock(bmap(dir, i/32), block)
		}
		e := block[i%32*entrySize : i%32*entrySize+entrySize]
		name := e[4:]
		if end := strings.IndexByte(string(name), 0); end >= 0 {
			name = name[:end]
		}
		if !visit(slot{i, le.Uint32(e), string(name)}) {
			return
		}
	}
}

func find(dir *inode, name string) (uint32, uint32, bool) {
	var found slot
	ok := false
	entries(dir, func(s slot) bool {
		if s.inode != 0 && s.name == name {
			found, ok = s, true
			return false
		}
		return true
	})
	return found.index, found.inode, ok
}

func namesFit(path string) bool {
	for _, name := range strings.Split(path, "/") {
		if len(name) > NameMax {
			return false
		}
	}
	return true
}

func resolve(path string) (uint32, int) {
	if !namesFit(path) {
		return 0, ENAMETOOLONG
	}
	current := uint32(root)
	for _, name := range strings.Split(path, "/") {
		if name == "" {
			continue
		}
		in := getInode(current)
		if in.kind != TypeDir {
			return 0, ENOTDIR
		}
		_, next, ok := find(in, name)
		if !ok {
			return 0, ENOENT
		}
		current = next
	}
	return current, OK
}

func parentOf(path string) (*inode, string, int) {
	cut := strings.LastIndexByte(path, '/')
	head := path[:cut]
	if head == "" {
		head = "/"
	}
	n, code := resolve(head)
	if code != OK {
		return nil, "", code
	}
	parent := getInode(n)
	if parent.kind != TypeDir {
		return nil, "", ENOTDIR
	}
	return parent, path[cut+1:], OK
}

func newSlot(dir *inode) (uint32, uint32, int) {
	index, free := uint32(0), false
	entries(dir, func(s slot) bool {
		if s.inode == 0 {
			index, free = s.index, true
			return false
		}
		return true
	})
	if free {
		return index, 0, OK
	}
	if dir.size+entrySize > MaxFileSize {
		return 0, 0, EFBIG
	}
	return dir.size / entrySize, blocksFor(dir.size+entrySize) - blocksFor(dir.size), OK
}

func setEntry(dir *inode, index, n uint32, name string) {
	if index*entrySize == dir.size {
		if dir.size%BlockSize == 0 {
			appendBlock(dir, dir.size/BlockSize)
		}
		dir.size += entrySize
	}
	b := bmap(dir, index/32)
	block := make([]byte, BlockSize)
	readBlock(b, block)
	e := block[index%32*entrySize : index%32*entrySize+entrySize]
	zero(e)
	le.PutUint32(e, n)
	copy(e[4:], name)
	writeBlock(b, block)
}

func clearEntry(dir *inode, index uint32) {
	b := bmap(dir, index/32)
	block := make([]byte, BlockSize)
	readBlock(b, block)
	zero(block[index%32*entrySize : index%32*entrySize+entrySize])
	writeBlock(b, block)
}

func hasSpace(inodes, blocks uint32) bool {
	return freeCount(freeInodesAt) >= inodes && freeCount(freeBlocksAt) >= blocks
}

// Mkfs formats the device (all zeros) as an empty file system of `blocks` blocks.
func Mkfs(blocks uint32) {
	nBlocks, nInodes = blocks, 16*(blocks/64)
	firstData = inodeTable + nInodes/16
	block := make([]byte, BlockSize)
	for i, v := range []uint32{magic, blocks, nInodes, inodeBitmap, blockBitmap, inodeTable, nInodes / 16, firstData, blocks - firstData, nInodes - 1, root} {
		le.PutUint32(block[4*i:], v)
	}
	writeBlock(0, block)
	zero(block)
	block[0] = 1
	writeBlock(inodeBitmap, block)
	zero(block)
	for b := uint32(0); b < firstData; b++ {
		block[b/8] |= 1 << (b % 8)
	}
	writeBlock(blockBitmap, block)
	r := &inode{number: takeBit(inodeBitmap, 1, nInodes), kind: TypeDir, links: 2}
	addFree(freeInodesAt, -1)
	setEntry(r, 0, r.number, ".")
	setEntry(r, 1, r.number, "..")
	putInode(r)
}

func makeNode(path string, kind uint16) int {
	if !namesFit(path) {
		return ENAMETOOLONG
	}
	if path == "/" {
		return EEXIST
	}
	parent, name, code := parentOf(path)
	if code != OK {
		return code
	}
	if _, _, ok := find(parent, name); ok {
		return EEXIST
	}
	index, cost, code := newSlot(parent)
	if code != OK {
		return code
	}
	if kind == TypeDir {
		cost++
	}
	if !hasSpace(1, cost) {
		return ENOSPC
	}
	in := &inode{number: takeBit(inodeBitmap, 1, nInodes), kind: kind, links: 1}
	addFree(freeInodesAt, -1)
	if kind == TypeDir {
		in.links = 2
		setEntry(in, 0, in.number, ".")
		setEntry(in, 1, parent.number, "..")
		parent.links++
	}
	putInode(in)
	setEntry(parent, index, in.number, name)
	putInode(parent)
	return OK
}

// Mkdir makes a directory.
func Mkdir(path string) int { return makeNode(path, TypeDir) }

// Create makes an empty file.
func Create(path string) int { return makeNode(path, TypeFile) }

// Write writes data at byte offset of the file.
func Write(path string, offset uint32, data []byte) int {
	n, code := resolve(path)
	if code != OK {
		return code
	}
	in := getInode(n)
	if in.kind == TypeDir {
		return EISDIR
	}
	length := uint32(len(data))
	if uint64(offset)+uint64(length) > MaxFileSize {
		return EFBIG
	}
	if length == 0 {
		return OK
	}
	end := in.size
	if offset+length > end {
		end = offset + length
	}
	if !hasSpace(0, blocksFor(end)-blocksFor(in.size)) {
		return ENOSPC
	}
	for index := (in.size + BlockSize - 1) / BlockSize; index < (end+BlockSize-1)/BlockSize; index++ {
		appendBlock(in, index)
	}
	block := make([]byte, BlockSize)
	for at := offset; at < offset+length; {
		b, within := bmap(in, at/BlockSize), at%BlockSize
		chunk := smaller(BlockSize-within, offset+length-at)
		if chunk < BlockSize {
			readBlock(b, block)
		}
		copy(block[within:], data[at-offset:at-offset+chunk])
		writeBlock(b, block)
		at += chunk
	}
	in.size = end
	putInode(in)
	return OK
}

// Read reads into buf from byte offset of the file: how many bytes (fewer past the end), and the code.
func Read(path string, offset uint32, buf []byte) (int, int) {
	n, code := resolve(path)
	if code != OK {
		return 0, code
	}
	in := getInode(n)
	if in.kind == TypeDir {
		return 0, EISDIR
	}
	count := uint32(0)
	if offset < in.size {
		count = smaller(uint32(len(buf)), in.size-offset)
	}
	block := make([]byte, BlockSize)
	for at := offset; at < offset+count; {
		within := at % BlockSize
		chunk := smaller(BlockSize-within, offset+count-at)
		readBlock(bmap(in, at/BlockSize), block)
		copy(buf[at-offset:], block[within:within+chunk])
		at += chunk
	}
	return int(count), OK
}

func statOf(in *inode) Stat {
	return Stat{in.number, uint32(in.kind), uint32(in.links), in.size, blocksFor(in.size)}
}

// StatPath says what the path names.
func StatPath(path string) (Stat, int) {
	n, code := resolve(path)
	if code != OK {
		return Stat{}, code
	}
	return statOf(getInode(n)), OK
}

// Ls lists the directory's entries in slot order, "." and ".." included.
func Ls(path string) ([]Entry, int) {
	n, code := resolve(path)
	if code != OK {
		return nil, code
	}
	dir := getInode(n)
	if dir.kind != TypeDir {
		return nil, ENOTDIR
	}
	var list []Entry
	entries(dir, func(s slot) bool {
		if s.inode != 0 {
			list = append(list, Entry{s.name, statOf(getInode(s.inode))})
		}
		return true
	})
	return list, OK
}

// Link makes path a new name of the file existing.
func Link(existing, path string) int {
	n, code := resolve(existing)
	if code != OK {
		return code
	}
	if getInode(n).kind == TypeDir {
		return EPERM
	}
	if !namesFit(path) {
		return ENAMETOOLONG
	}
	if path == "/" {
		return EEXIST
	}
	parent, name, code := parentOf(path)
	if code != OK {
		return code
	}
	if _, _, ok := find(parent, name); ok {
		return EEXIST
	}
	index, cost, code := newSlot(parent)
	if code != OK {
		return code
	}
	if !hasSpace(0, cost) {
		return ENOSPC
	}
	setEntry(parent, index, n, name)
	putInode(parent)
	in := getInode(n)
	in.links++
	putInode(in)
	return OK
}

func removeEntry(path string) *inode {
	parent, name, _ := parentOf(path)
	index, _, _ := find(parent, name)
	clearEntry(parent, index)
	return parent
}

// Unlink removes a file's name; the file goes with its last one.
func Unlink(path string) int {
	n, code := resolve(path)
	if code != OK {
		return code
	}
	if getInode(n).kind == TypeDir {
		return EISDIR
	}
	removeEntry(path)
	in := getInode(n)
	in.links--
	if in.links > 0 {
		putInode(in)
	} else {
		release(in)
	}
	return OK
}

// Rmdir removes an empty directory.
func Rmdir(path string) int {
	if !namesFit(path) {
		return ENAMETOOLONG
	}
	if path == "/" {
		return EBUSY
	}
	n, code := resolve(path)
	if code != OK {
		return code
	}
	dir := getInode(n)
	if dir.kind != TypeDir {
		return ENOTDIR
	}
	empty := true
	entries(dir, func(s slot) bool {
		empty = s.index < 2 || s.inode == 0
		return empty
	})
	if !empty {
		return ENOTEMPTY
	}
	parent := removeEntry(path)
	parent.links--
	putInode(parent)
	release(dir)
	return OK
}
