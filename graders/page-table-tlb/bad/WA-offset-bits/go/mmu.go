package main

// pte is a page-table entry: the frame in bits 12-31, present in bit 3, the permissions in bits 0-2.
type pte uint32

const (
	present = 8
	noSlot  = -1
)

type tlbEntry struct {
	vpn, frame   uint32
	perms        int
	newer, older int32 // the recency list: slots, noSlot at the ends
}

// MMU is a two-level page table (10/10/12) and a fully associative TLB with LRU replacement.
type MMU struct {
	directory      [1024]*[1024]pte // nil where no page of the region is mapped
	present        [1024]int        // mapped pages per table: the table is freed when this drops to 0
	tables         int
	tlb            []tlbEntry
	capacity       int
	newest, oldest int32
	slotOf         []int32 // page -> TLB slot, or noSlot: 2^20 of them, so a lookup is one load
}

func NewMMU(tlbEntries int) *MMU {
	m := &MMU{tlb: make([]tlbEntry, 0, tlbEntries), capacity: tlbEntries, newest: noSlot, oldest: noSlot, slotOf: make([]int32, MaxPage+1)}
	for i := range m.slotOf {
		m.slotOf[i] = noSlot
	}
	return m
}

func (m *MMU) unlink(slot int32) {
	e := &m.tlb[slot]
	if e.newer == noSlot {
		m.newest = e.older
	} else {
		m.tlb[e.newer].older = e.older
	}
	if e.older == noSlot {
		m.oldest = e.newer
	} else {
		m.tlb[e.older].newer = e.newer
	}
}

func (m *MMU) pushNewest(slot int32) {
	e := &m.tlb[slot]
	e.newer, e.older = noSlot, m.newest
	if m.newest == noSlot {
		m.oldest = slot
	} else {
		m.tlb[m.newest].newer = slot
	}
	m.newest = slot
}

// shootDown invalidates the page's TLB entry, if it has one; the last slot moves into the hole.
func (m *MMU) shootDown(vpn uint32) {
	slot := m.slotOf[vpn]
	if slot == noSlot {
		return
	}
	m.unlink(slot)
	m.slotOf[vpn] = noSlot
	last := int32(len(m.tlb) - 1)
	if slot != last {
		m.tlb[slot] = m.tlb[last]
		e := &m.tlb[slot]
		m.slotOf[e.vpn] = slot
		if e.newer == noSlot {
			m.newest = slot
		} else {
			m.tlb[e.newer].older = slot
		}
		if e.older == noSlot {
			m.oldest = slot
		} else {
			m.tlb[e.older].newer = slot
		}
	}
	m.tlb = m.tlb[:last]
}

func (m *MMU) entry(vpn uint32) *pte {
	if table := m.directory[vpn>>10]; table != nil {
		return &table[vpn&0x3ff]
	}
	return nil
}

func (m *MMU) Map(vpn, frame uint32, perms int) bool {
	table := m.directory[vpn>>10]
	if table == nil {
		table = new([1024]pte)
		m.directory[vpn>>10] = table
		m.tables++
	}
	e := &table[vpn&0x3ff]
	replaced := *e&present != 0
	if replaced {
		m.shootDown(vpn)
	} else {
		m.present[vpn>>10]++
	}
	*e = pte(frame<<12 | present | uint32(perms))
	return replaced
}

func (m *MMU) Unmap(vpn uint32) bool {
	e := m.entry(vpn)
	if e == nil || *e&present == 0 {
		return false
	}
	*e = 0
	m.shootDown(vpn)
	if m.present[vpn>>10]--; m.present[vpn>>10] == 0 {
		m.directory[vpn>>10] = nil
		m.tables--
	}
	return true
}

func (m *MMU) Protect(vpn uint32, perms int) bool {
	e := m.entry(vpn)
	if e == nil || *e&present == 0 {
		return false
	}
	*e = *e&^7 | pte(perms)
	m.shootDown(vpn)
	return true
}

func (m *MMU) Access(address uint32, need int) (hit bool, outcome int, physical uint32) {
	vpn := address >> 12
	slot := m.slotOf[vpn]
	if slot != noSlot {
		// Every hit makes the entry the most recently used, a protection fault included.
		hit = true
		if slot != m.newest {
			m.unlink(slot)
			m.pushNewest(slot)
		}
	} else {
		e := m.entry(vpn)
		if e == nil || *e&present == 0 {
			return false, NotPresent, 0
		}
		// Fill first, then check: a protection fault leaves the entry in the TLB.
		if len(m.tlb) == m.capacity {
			m.shootDown(m.tlb[m.oldest].vpn)
		}
		slot = int32(len(m.tlb))
		m.tlb = append(m.tlb, tlbEntry{vpn: vpn, frame: uint32(*e >> 12), perms: int(*e & 7)})
		m.slotOf[vpn] = slot
		m.pushNewest(slot)
	}
	e := &m.tlb[slot]
	if e.perms&need == 0 {
		return hit, Protection, 0
	}
	return hit, Translated, e.frame<<12 | address&0x3ff
}

func (m *MMU) Tables() int {
	return m.tables
}
