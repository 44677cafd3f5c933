// Known bad: a hit sets the dirty bit to whether this access writes, so a read after a write
// forgets the write and the eviction skips the write-back.
package main

import "container/list"

type entry struct {
	page  int
	dirty bool
}

// Pager is LRU demand paging over a fixed number of frames.
type Pager struct {
	frames int
	order  *list.List // most recently used at the front
	pages  map[int]*list.Element
}

// NewPager returns a pager with `frames` frames, all free.
func NewPager(frames int) *Pager {
	return &Pager{frames: frames, order: list.New(), pages: make(map[int]*list.Element)}
}

// Access makes one access to page.
func (p *Pager) Access(page int, write bool) (hit bool, evicted int, dirty bool) {
	if e, ok := p.pages[page]; ok {
		p.order.MoveToFront(e)
		e.Value.(*entry).dirty = write
		return true, NoPage, false
	}
	evicted = NoPage
	if p.order.Len() == p.frames {
		back := p.order.Back()
		victim := back.Value.(*entry)
		p.order.Remove(back)
		delete(p.pages, victim.page)
		evicted, dirty = victim.page, victim.dirty
	}
	p.pages[page] = p.order.PushFront(&entry{page: page, dirty: write})
	return false, evicted, dirty
}
