package main

// Pager is LRU demand paging over a fixed number of frames.
type Pager struct {
	frames int
	// TODO: what you need to find a page, and the least recently used one, in O(1).
}

// NewPager returns a pager with `frames` frames, all free.
func NewPager(frames int) *Pager {
	return &Pager{frames: frames}
}

// Access makes one access to page (a write if write is true); afterwards the page is resident and
// the most recently used. hit tells whether it was resident; on a fault, evicted is the page evicted
// to make room (NoPage if a frame was free) and dirty whether that page was written since it was
// loaded (it needs a write-back).
func (p *Pager) Access(page int, write bool) (hit bool, evicted int, dirty bool) {
	// TODO: LRU. For now every access is a fault that finds a free frame.
	return false, NoPage, false
}
