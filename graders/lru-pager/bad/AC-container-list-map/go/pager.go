// Expected AC: LRU the way most Go candidates write it: container/list for the recency order (most
// recently used at the front) and a map from page to its list element. O(1) per access, slower than
// the reference's flat table by a constant factor the performance check must allow.
package main

import "container/list"

type resident struct {
	page  int
	dirty bool
}

// Pager is LRU demand paging over a fixed number of frames.
type Pager struct {
	frames int
	order  *list.List
	pages  map[int]*list.Element
}

// NewPager returns a pager with `frames` frames, all free.
func NewPager(frames int) *Pager {
	return &Pager{frames: frames, order: list.New(), pages: make(map[int]*list.Element)}
}

// Access makes one access to page (a write if write is true); afterwards the page is resident and
// the most recently used.
func (p *Pager) Access(page int, write bool) (hit bool, evicted int, dirty bool) {
	evicted = NoPage
	if e, ok := p.pages[page]; ok {
		p.order.MoveToFront(e)
		if write {
			e.Value.(*resident).dirty = true
		}
		return true, evicted, false
	}
	if p.order.Len() == p.frames {
		oldest := p.order.Back()
		victim := p.order.Remove(oldest).(*resident)
		delete(p.pages, victim.page)
		evicted, dirty = victim.page, victim.dirty
	}
	p.pages[page] = p.order.PushFront(&resident{page: page, dirty: write})
	return false, evicted, dirty
}
