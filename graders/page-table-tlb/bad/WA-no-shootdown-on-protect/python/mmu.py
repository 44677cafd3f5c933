from collections import OrderedDict


class MMU:
    """A two-level page table (10/10/12) and a TLB of `tlb_entries` entries with LRU replacement."""

    def __init__(self, tlb_entries: int):
        self.capacity = tlb_entries
        # Directory index -> second-level table (table index -> (frame, perms)), None where no page
        # of the region is mapped: a table goes when its last page is unmapped.
        self.directory: list[dict[int, tuple[int, int]] | None] = [None] * 1024
        self.in_use = 0
        # Page -> (frame, perms), least recently used first.
        self.tlb: OrderedDict[int, tuple[int, int]] = OrderedDict()

    def map(self, vpn: int, frame: int, perms: int) -> bool:
        table = self.directory[vpn >> 10]
        if table is None:
            table = self.directory[vpn >> 10] = {}
            self.in_use += 1
        replaced = vpn & 0x3FF in table
        table[vpn & 0x3FF] = (frame, perms)
        if replaced:
            self.tlb.pop(vpn, None)
        return replaced

    def unmap(self, vpn: int) -> bool:
        table = self.directory[vpn >> 10]
        if table is None or table.pop(vpn & 0x3FF, None) is None:
            return False
        self.tlb.pop(vpn, None)
        if not table:
            self.directory[vpn >> 10] = None
            self.in_use -= 1
        return True

    def protect(self, vpn: int, perms: int) -> bool:
        table = self.directory[vpn >> 10]
        if table is None or vpn & 0x3FF not in table:
            return False
        table[vpn & 0x3FF] = (table[vpn & 0x3FF][0], perms)
        return True

    def access(self, address: int, need: int) -> tuple[bool, str, int]:
        vpn = address >> 12
        tlb = self.tlb
        entry = tlb.get(vpn)
        hit = entry is not None
        if hit:
            # Every hit makes the entry the most recently used, a protection fault included.
            tlb.move_to_end(vpn)
        else:
            table = self.directory[vpn >> 10]
            entry = table.get(vpn & 0x3FF) if table is not None else None
            if entry is None:
                return False, "not-present", 0
            # Fill first, then check: a protection fault leaves the entry in the TLB.
            if len(tlb) == self.capacity:
                tlb.popitem(last=False)
            tlb[vpn] = entry
        frame, perms = entry
        if perms & need:
            return hit, "translated", frame << 12 | address & 0xFFF
        return hit, "protection", 0

    def tables(self) -> int:
        return self.in_use
