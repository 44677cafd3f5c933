package main

// A TLB as a slice of entries stamped with the time of their last use: a lookup scans it for the
// page, and a fill into a full TLB scans it again for the oldest stamp.

type pte struct {
	frame   uint32
	perms   int
	present bool
}

type tlbEntry struct {
	vpn, frame uint32
	perms      int
	lastUsed   int64
}

type MMU struct {
	directory [1024][]pte
	mapped    [1024]int
	tables    int
	tlb       []tlbEntry
	capacity  int
	clock     int64
}

func NewMMU(tlbEntries int) *MMU {
	return &MMU{capacity: tlbEntries}
}

func (m *MMU) find(vpn uint32) int {
	for i := range m.tlb {
		if m.tlb[i].vpn == vpn {
			return i
		}
	}
	return -1
}

func (m *MMU) invalidate(vpn uint32) {
	if i := m.find(vpn); i >= 0 {
		m.tlb[i] = m.tlb[len(m.tlb)-1]
		m.tlb = m.tlb[:len(m.tlb)-1]
	}
}

func (m *MMU) lookup(vpn uint32) *pte {
	table := m.directory[vpn>>10]
	if table == nil || !table[vpn&1023].present {
		return nil
	}
	return &table[vpn&1023]
}

func (m *MMU) Map(vpn, frame uint32, perms int) bool {
	if m.directory[vpn>>10] == nil {
		m.directory[vpn>>10] = make([]pte, 1024)
		m.tables++
	}
	e := &m.directory[vpn>>10][vpn&1023]
	replaced := e.present
	if replaced {
		m.invalidate(vpn)
	} else {
		m.mapped[vpn>>10]++
	}
	*e = pte{frame, perms, true}
	return replaced
}

func (m *MMU) Unmap(vpn uint32) bool {
	e := m.lookup(vpn)
	if e == nil {
		return false
	}
	e.present = false
	m.invalidate(vpn)
	if m.mapped[vpn>>10]--; m.mapped[vpn>>10] == 0 {
		m.directory[vpn>>10] = nil
		m.tables--
	}
	return true
}

func (m *MMU) Protect(vpn uint32, perms int) bool {
	e := m.lookup(vpn)
	if e == nil {
		return false
	}
	e.perms = perms
	m.invalidate(vpn)
	return true
}

func (m *MMU) Access(address uint32, need int) (bool, int, uint32) {
	vpn := address >> 12
	hit := false
	i := m.find(vpn)
	if i >= 0 {
		hit = true
	} else {
		e := m.lookup(vpn)
		if e == nil {
			return false, NotPresent, 0
		}
		if len(m.tlb) < m.capacity {
			m.tlb = append(m.tlb, tlbEntry{})
			i = len(m.tlb) - 1
		} else {
			i = 0
			for j := range m.tlb {
				if m.tlb[j].lastUsed < m.tlb[i].lastUsed {
					i = j
				}
			}
		}
		m.tlb[i] = tlbEntry{vpn: vpn, frame: e.frame, perms: e.perms}
	}
	m.clock++
	m.tlb[i].lastUsed = m.clock
	if m.tlb[i].perms&need == 0 {
		return hit, Protection, 0
	}
	return hit, Translated, m.tlb[i].frame<<12 | address&0xfff
}

func (m *MMU) Tables() int {
	return m.tables
}
