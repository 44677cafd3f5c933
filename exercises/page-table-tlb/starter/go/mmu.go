package main

// entry is a page-table entry for now: present, the frame and the permissions.
type entry struct {
	present bool
	frame   uint32
	perms   int
}

// MMU is your page table and TLB.
type MMU struct {
	tlbEntries int
	// TODO: a two-level page table (a directory of 1024 entries, second-level tables of 1024
	// allocated on the first map in their region and freed when their last page is unmapped), and a
	// TLB of tlbEntries entries with LRU replacement in O(1) per access. For now: one flat table of
	// every page, and no TLB.
	pages []entry
}

// NewMMU returns an MMU with an empty page table and an empty TLB of tlbEntries entries.
func NewMMU(tlbEntries int) *MMU {
	return &MMU{tlbEntries: tlbEntries, pages: make([]entry, MaxPage+1)}
}

// Map maps page vpn to frame with perms (PermR | PermW | PermX, any of them, or 0); it reports
// whether the page was mapped already (the mapping is replaced).
func (m *MMU) Map(vpn, frame uint32, perms int) bool {
	replaced := m.pages[vpn].present
	m.pages[vpn] = entry{true, frame, perms}
	return replaced
}

// Unmap unmaps page vpn; it reports whether it was mapped (if not, nothing changes).
func (m *MMU) Unmap(vpn uint32) bool {
	mapped := m.pages[vpn].present
	m.pages[vpn].present = false
	return mapped
}

// Protect sets the permissions of page vpn; it reports whether it is mapped (if not, nothing changes).
func (m *MMU) Protect(vpn uint32, perms int) bool {
	if !m.pages[vpn].present {
		return false
	}
	m.pages[vpn].perms = perms
	return true
}

// Access is one access to address that needs permission need (PermR, PermW or PermX). It returns
// whether the TLB held the translation, the outcome (Translated, NotPresent or Protection) and,
// when translated, the physical address.
func (m *MMU) Access(address uint32, need int) (hit bool, outcome int, physical uint32) {
	// TODO: look in the TLB first. For now every access misses and walks the table.
	e := m.pages[address>>12]
	switch {
	case !e.present:
		return false, NotPresent, 0
	case e.perms&need == 0:
		return false, Protection, 0
	}
	return false, Translated, e.frame<<12 | address&0xfff
}

// Tables returns the second-level page tables in use (the page directory is not counted).
func (m *MMU) Tables() int {
	return 0 // TODO
}
