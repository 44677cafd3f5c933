// Known bad: an eviction drops the oldest page from the front of the recency list assuming another
// page follows it; with one frame the victim is the only page in the list, and setting its
// successor's link indexes the table at NoPage (-1) and panics. Caught by example 2 (one frame,
// access 3), and by the hidden test "one frame".
package main

type slot struct {
	older, newer    int32 // neighbours in the recency list, NoPage at its ends
	resident, dirty bool
}

// Pager is LRU demand paging over a fixed number of frames.
type Pager struct {
	frames, used   int
	oldest, newest int32 // the least and the most recently used resident pages
	slots          []slot
}

// NewPager returns a pager with `frames` frames, all free.
func NewPager(frames int) *Pager {
	return &Pager{frames: frames, oldest: NoPage, newest: NoPage, slots: make([]slot, PageLimit)}
}

func (p *Pager) unlink(page int32) {
	s := &p.slots[page]
	if s.older == NoPage {
		p.oldest = s.newer
	} else {
		p.slots[s.older].newer = s.newer
	}
	if s.newer == NoPage {
		p.newest = s.older
	} else {
		p.slots[s.newer].older = s.older
	}
}

func (p *Pager) pushNewest(page int32) {
	s := &p.slots[page]
	s.older, s.newer = p.newest, NoPage
	if p.newest == NoPage {
		p.oldest = page
	} else {
		p.slots[p.newest].newer = page
	}
	p.newest = page
}

// Access makes one access to page (a write if write is true); afterwards the page is resident and
// the most recently used.
func (p *Pager) Access(page int, write bool) (hit bool, evicted int, dirty bool) {
	evicted = NoPage
	s := &p.slots[page]
	switch {
	case s.resident:
		hit = true
		p.unlink(int32(page))
	case p.used == p.frames:
		victim := p.oldest
		evicted, dirty = int(victim), p.slots[victim].dirty
		p.oldest = p.slots[victim].newer
		p.slots[p.oldest].older = NoPage
		p.slots[victim].resident = false
		s.resident, s.dirty = true, false
	default:
		p.used++
		s.resident, s.dirty = true, false
	}
	if write {
		s.dirty = true
	}
	p.pushNewest(int32(page))
	return hit, evicted, dirty
}
