package main

import "container/list"

// The textbook LRU from the standard library: a map from page to list element, the list ordered
// by recency (front: most recent). An allocation per fill; O(1) per access all the same.

type pte struct {
	frame uint32
	perms int
}

type cached struct {
	vpn   uint32
	frame uint32
	perms int
}

type MMU struct {
	directory map[uint32]map[uint32]pte // directory index -> table index -> entry
	tlb       map[uint32]*list.Element
	order     *list.List
	capacity  int
}

func NewMMU(tlbEntries int) *MMU {
	return &MMU{directory: map[uint32]map[uint32]pte{}, tlb: map[uint32]*list.Element{}, order: list.New(), capacity: tlbEntries}
}

func (m *MMU) shootDown(vpn uint32) {
	if e, ok := m.tlb[vpn]; ok {
		m.order.Remove(e)
		delete(m.tlb, vpn)
	}
}

func (m *MMU) Map(vpn, frame uint32, perms int) bool {
	table, ok := m.directory[vpn>>10]
	if !ok {
		table = map[uint32]pte{}
		m.directory[vpn>>10] = table
	}
	_, replaced := table[vpn&1023]
	table[vpn&1023] = pte{frame, perms}
	m.shootDown(vpn)
	return replaced
}

func (m *MMU) Unmap(vpn uint32) bool {
	table, ok := m.directory[vpn>>10]
	if !ok {
		return false
	}
	if _, mapped := table[vpn&1023]; !mapped {
		return false
	}
	delete(table, vpn&1023)
	if len(table) == 0 {
		delete(m.directory, vpn>>10)
	}
	m.shootDown(vpn)
	return true
}

func (m *MMU) Protect(vpn uint32, perms int) bool {
	table, ok := m.directory[vpn>>10]
	if !ok {
		return false
	}
	e, mapped := table[vpn&1023]
	if !mapped {
		return false
	}
	table[vpn&1023] = pte{e.frame, perms}
	m.shootDown(vpn)
	return true
}

func (m *MMU) Access(address uint32, need int) (bool, int, uint32) {
	vpn := address >> 12
	var c *cached
	hit := false
	if e, ok := m.tlb[vpn]; ok {
		hit = true
		m.order.MoveToFront(e)
		c = e.Value.(*cached)
	} else {
		e, mapped := m.directory[vpn>>10][vpn&1023]
		if !mapped {
			return false, NotPresent, 0
		}
		if m.order.Len() == m.capacity {
			oldest := m.order.Back()
			delete(m.tlb, oldest.Value.(*cached).vpn)
			m.order.Remove(oldest)
		}
		c = &cached{vpn, e.frame, e.perms}
		m.tlb[vpn] = m.order.PushFront(c)
	}
	if c.perms&need == 0 {
		return hit, Protection, 0
	}
	return hit, Translated, c.frame<<12 | address&0xfff
}

func (m *MMU) Tables() int {
	return len(m.directory)
}
