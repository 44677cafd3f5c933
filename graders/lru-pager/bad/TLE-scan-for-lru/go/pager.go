// Known bad: right answers, but every eviction scans all resident pages for the smallest
// last-use time: O(frames) per fault.
package main

type resident struct {
	lastUse int
	dirty   bool
}

// Pager is LRU demand paging over a fixed number of frames.
type Pager struct {
	frames int
	clock  int
	pages  map[int]*resident
}

// NewPager returns a pager with `frames` frames, all free.
func NewPager(frames int) *Pager {
	return &Pager{frames: frames, pages: make(map[int]*resident)}
}

// Access makes one access to page.
func (p *Pager) Access(page int, write bool) (hit bool, evicted int, dirty bool) {
	p.clock++
	if r, ok := p.pages[page]; ok {
		r.lastUse = p.clock
		if write {
			r.dirty = true
		}
		return true, NoPage, false
	}
	evicted = NoPage
	if len(p.pages) == p.frames {
		oldest := p.clock
		for candidate, r := range p.pages {
			if r.lastUse < oldest {
				oldest, evicted = r.lastUse, candidate
			}
		}
		dirty = p.pages[evicted].dirty
		delete(p.pages, evicted)
	}
	p.pages[page] = &resident{lastUse: p.clock, dirty: write}
	return false, evicted, dirty
}
