class MMU:
    """A two-level page table (10/10/12) and a TLB of `tlb_entries` entries with LRU replacement.

    Permissions are bits: r = 4, w = 2, x = 1. Page and frame numbers are 0 .. 0xfffff.
    """

    def __init__(self, tlb_entries: int):
        self.tlb_entries = tlb_entries
        # TODO: a two-level page table (a directory of 1024 entries, second-level tables of 1024
        # allocated on the first map in their region and freed when their last page is unmapped),
        # and a TLB with LRU replacement in O(1) per access. For now: one flat table, and no TLB.
        self.pages: dict[int, tuple[int, int]] = {}  # page -> (frame, perms)

    def map(self, vpn: int, frame: int, perms: int) -> bool:
        """Maps page vpn to frame with perms; True if the page was mapped already (replaced)."""
        replaced = vpn in self.pages
        self.pages[vpn] = (frame, perms)
        return replaced

    def unmap(self, vpn: int) -> bool:
        """Unmaps page vpn; True if it was mapped (if not, nothing changes)."""
        return self.pages.pop(vpn, None) is not None

    def protect(self, vpn: int, perms: int) -> bool:
        """Sets the permissions of page vpn; True if it is mapped (if not, nothing changes)."""
        if vpn not in self.pages:
            return False
        self.pages[vpn] = (self.pages[vpn][0], perms)
        return True

    def access(self, address: int, need: int) -> tuple[bool, str, int]:
        """One access to address needing permission `need` (4 read, 2 write, 1 exec).

        Returns (hit, outcome, physical): hit is True if the TLB held the translation; outcome is
        "translated", "not-present" or "protection"; physical is the physical address when
        translated (anything otherwise).
        """
        # TODO: look in the TLB first. For now every access misses and walks the table.
        entry = self.pages.get(address >> 12)
        if entry is None:
            return False, "not-present", 0
        frame, perms = entry
        if not perms & need:
            return False, "protection", 0
        return False, "translated", frame << 12 | address & 0xfff

    def tables(self) -> int:
        """The second-level page tables in use (the page directory is not counted)."""
        return 0  # TODO
