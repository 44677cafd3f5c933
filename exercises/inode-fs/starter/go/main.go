// The driver: creates the device (/tmp/disk.img, N blocks of zeros), reads the commands, calls your
// file system once per command, prints a line for each answer, and at the end prints the device's
// every block that is not all zeros, for the grader's fsck.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strconv"
)

// BlockSize is the device's block size; NameMax the longest name; MaxFileSize 10 direct blocks and 256 behind the indirect one.
const (
	BlockSize   = 1024
	NameMax     = 27
	MaxFileSize = (10 + 256) * BlockSize
)

// What each operation returns: OK, or the error.
const (
	OK = iota
	ENOENT
	EEXIST
	ENOTDIR
	EISDIR
	ENOTEMPTY
	ENOSPC
	EFBIG
	ENAMETOOLONG
	EPERM
	EBUSY
)

// Inode types, as on the disk.
const (
	TypeFile = 1
	TypeDir  = 2
)

// Stat is what stat and ls say of an inode.
type Stat struct {
	Inode, Type, Links, Size, Blocks uint32
}

// Entry is one directory entry, as ls returns it.
type Entry struct {
	Name string
	Stat Stat
}

const (
	device      = "/tmp/disk.img"
	maxCommands = 200000
	maxOffset   = 1000000
	maxPath     = 1023
)

var errorNames = [...]string{"ok", "ENOENT", "EEXIST", "ENOTDIR", "EISDIR", "ENOTEMPTY", "ENOSPC", "EFBIG", "ENAMETOOLONG", "EPERM", "EBUSY"}
var arguments = map[string]int{"mkdir": 1, "create": 1, "write": 4, "read": 3, "stat": 1, "ls": 1, "link": 2, "unlink": 1, "rmdir": 1}

var (
	disk       *os.File
	diskBlocks uint32
	out        = bufio.NewWriterSize(os.Stdout, 1<<20)
)

// stop ends the run: what came before, the message, status 0.
func stop(message string) {
	out.WriteString(message + "\n")
	out.Flush()
	os.Exit(0)
}

func checkBlock(n uint32, buf []byte) {
	if n >= diskBlocks {
		stop(fmt.Sprintf("invalid device access: block %d is not on the device (0 to %d)", n, diskBlocks-1))
	}
	if len(buf) < BlockSize {
		stop(fmt.Sprintf("invalid device access: a buffer of %d bytes for block %d, not %d", len(buf), n, BlockSize))
	}
}

// ReadBlock reads block n (0 .. blocks - 1) into buf[:BlockSize].
func ReadBlock(n uint32, buf []byte) {
	checkBlock(n, buf)
	if _, err := disk.ReadAt(buf[:BlockSize], int64(n)*BlockSize); err != nil {
		panic(err)
	}
}

// WriteBlock writes buf[:BlockSize] to block n.
func WriteBlock(n uint32, buf []byte) {
	checkBlock(n, buf)
	if _, err := disk.WriteAt(buf[:BlockSize], int64(n)*BlockSize); err != nil {
		panic(err)
	}
}

type command struct {
	name, path, target   string
	offset, length, seed uint32
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f'
}

func number(token []byte, max uint32) (uint32, bool) {
	if len(token) == 0 || len(token) > 9 {
		return 0, false
	}
	value := uint64(0)
	for _, c := range token {
		if c < '0' || c > '9' {
			return 0, false
		}
		value = value*10 + uint64(c-'0')
	}
	return uint32(value), value <= uint64(max)
}

// validPath: "/" or "/name/name…", printable ASCII, no empty name, no "." or "..", at most 1023 bytes.
func validPath(token []byte) bool {
	if len(token) == 0 || len(token) > maxPath || token[0] != '/' {
		return false
	}
	if len(token) == 1 {
		return true
	}
	for _, name := range bytes.Split(token[1:], []byte("/")) {
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			return false
		}
		for _, c := range name {
			if c < '!' || c > '~' {
				return false
			}
		}
	}
	return true
}

func answer(number int, code int) string {
	if code < 0 || code >= len(errorNames) {
		stop(fmt.Sprintf("invalid result: command %d returned %d, which is none of the codes in main.go", number, code))
	}
	return errorNames[code]
}

func statLine(line []byte, s Stat) []byte {
	line = strconv.AppendUint(line, uint64(s.Inode), 10)
	switch s.Type {
	case TypeFile:
		line = append(line, " file "...)
	case TypeDir:
		line = append(line, " dir "...)
	default:
		line = append(line, " ? "...)
	}
	line = strconv.AppendUint(line, uint64(s.Links), 10)
	line = append(line, ' ')
	line = strconv.AppendUint(line, uint64(s.Size), 10)
	line = append(line, ' ')
	line = strconv.AppendUint(line, uint64(s.Blocks), 10)
	return append(line, '\n')
}

func dump() {
	fmt.Fprintf(out, "image %d\n", diskBlocks)
	block := make([]byte, BlockSize)
	zero := make([]byte, BlockSize)
	encoded := make([]byte, base64.StdEncoding.EncodedLen(BlockSize))
	for n := uint32(0); n < diskBlocks; n++ {
		if _, err := disk.ReadAt(block, int64(n)*BlockSize); err != nil {
			panic(err)
		}
		if bytes.Equal(block, zero) {
			continue
		}
		base64.StdEncoding.Encode(encoded, block)
		out.WriteString(strconv.FormatUint(uint64(n), 10))
		out.WriteByte(' ')
		out.Write(encoded)
		out.WriteByte('\n')
	}
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	tokens := bytes.FieldsFunc(data, func(r rune) bool { return r < 128 && isSpace(byte(r)) })
	var blocks uint32
	ok := len(tokens) > 1 && string(tokens[0]) == "mkfs"
	if ok {
		blocks, ok = number(tokens[1], 8192)
	}
	if !ok || blocks < 64 {
		stop("invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks")
	}
	// Everything is read and checked before the file system runs: bad input prints nothing else.
	var commands []command
	for at := 2; at < len(tokens); {
		if len(commands) == maxCommands {
			stop("invalid input: more than 200000 commands")
		}
		name := string(tokens[at])
		count, known := arguments[name]
		end := at + 1 + count
		if end > len(tokens) {
			end = len(tokens)
		}
		args := tokens[at+1 : end]
		at += 1 + count
		c := command{name: name}
		ok := known && len(args) == count && validPath(args[0])
		if ok {
			c.path = string(args[0])
		}
		switch {
		case ok && name == "write":
			var a, b, s bool
			c.offset, a = number(args[1], maxOffset)
			c.length, b = number(args[2], MaxFileSize)
			c.seed, s = number(args[3], 255)
			ok = a && b && s
		case ok && name == "read":
			var a, b bool
			c.offset, a = number(args[1], maxOffset)
			c.length, b = number(args[2], MaxFileSize)
			ok = a && b
		case ok && name == "link":
			ok = validPath(args[1])
			c.target = string(args[1])
		}
		if !ok {
			stop(fmt.Sprintf("invalid input: command %d is not one of the forms in \"Input\"", len(commands)+1))
		}
		commands = append(commands, c)
	}

	disk, err = os.OpenFile(device, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err == nil {
		err = disk.Truncate(int64(blocks) * BlockSize)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	diskBlocks = blocks
	defer out.Flush()
	Mkfs(blocks)
	out.WriteString("ok\n")
	buf := make([]byte, MaxFileSize)
	line := make([]byte, 0, 128)
	for i, c := range commands {
		number := i + 1
		switch c.name {
		case "mkdir":
			out.WriteString(answer(number, Mkdir(c.path)))
		case "create":
			out.WriteString(answer(number, Create(c.path)))
		case "link":
			out.WriteString(answer(number, Link(c.path, c.target)))
		case "unlink":
			out.WriteString(answer(number, Unlink(c.path)))
		case "rmdir":
			out.WriteString(answer(number, Rmdir(c.path)))
		case "write":
			for b := uint32(0); b < c.length; b++ {
				buf[b] = byte((c.offset+b)*31 + c.seed)
			}
			out.WriteString(answer(number, Write(c.path, c.offset, buf[:c.length])))
		case "read":
			got, code := Read(c.path, c.offset, buf[:c.length])
			if code != OK {
				out.WriteString(answer(number, code))
				break
			}
			if got < 0 || got > int(c.length) {
				stop("invalid result: a read returned more bytes than it was asked for")
			}
			fmt.Fprintf(out, "%d %08x", got, crc32.ChecksumIEEE(buf[:got]))
		case "stat":
			s, code := StatPath(c.path)
			if code != OK {
				out.WriteString(answer(number, code))
				break
			}
			out.Write(statLine(line[:0], s))
			continue
		case "ls":
			entries, code := Ls(c.path)
			if code != OK {
				out.WriteString(answer(number, code))
				break
			}
			fmt.Fprintf(out, "%d entries\n", len(entries))
			for _, e := range entries {
				out.Write(statLine(append(append(line[:0], e.Name...), ' '), e.Stat))
			}
			continue
		}
		out.WriteByte('\n')
	}
	dump()
}
