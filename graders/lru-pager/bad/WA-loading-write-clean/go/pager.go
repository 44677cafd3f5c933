// Known bad: only a write hit sets the dirty bit; a fault loads the page clean even when the access
// that loads it is a write, so a page written once and never hit is evicted without a write-back.
// Caught by example 1 (access 5, "F 2 W": page 2 was loaded by a write).
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
		if write {
			s.dirty = true
		}
	case p.used == p.frames:
		victim := p.oldest
		evicted, dirty = int(victim), p.slots[victim].dirty
		p.unlink(victim)
		p.slots[victim].resident = false
		s.resident, s.dirty = true, false
	default:
		p.used++
		s.resident, s.dirty = true, false
	}
	p.pushNewest(int32(page))
	return hit, evicted, dirty
}
