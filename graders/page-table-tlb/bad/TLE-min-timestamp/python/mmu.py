# Each TLB entry stamped with the time of its last use; a fill into a full TLB evicts the entry with
# the smallest stamp, found with min() over the whole TLB: O(TLB size) per miss.
class MMU:
    def __init__(self, tlb_entries):
        self.capacity = tlb_entries
        self.directory = [None] * 1024
        self.in_use = 0
        self.tlb = {}  # page -> [frame, perms, last used]
        self.clock = 0

    def map(self, vpn, frame, perms):
        table = self.directory[vpn >> 10]
        if table is None:
            table = self.directory[vpn >> 10] = {}
            self.in_use += 1
        replaced = (vpn & 1023) in table
        table[vpn & 1023] = (frame, perms)
        self.tlb.pop(vpn, None)
        return replaced

    def unmap(self, vpn):
        table = self.directory[vpn >> 10]
        if table is None or (vpn & 1023) not in table:
            return False
        del table[vpn & 1023]
        self.tlb.pop(vpn, None)
        if not table:
            self.directory[vpn >> 10] = None
            self.in_use -= 1
        return True

    def protect(self, vpn, perms):
        table = self.directory[vpn >> 10]
        if table is None or (vpn & 1023) not in table:
            return False
        table[vpn & 1023] = (table[vpn & 1023][0], perms)
        self.tlb.pop(vpn, None)
        return True

    def access(self, address, need):
        vpn = address >> 12
        self.clock += 1
        entry = self.tlb.get(vpn)
        hit = entry is not None
        if not hit:
            table = self.directory[vpn >> 10]
            found = table.get(vpn & 1023) if table is not None else None
            if found is None:
                return False, "not-present", 0
            if len(self.tlb) == self.capacity:
                del self.tlb[min(self.tlb, key=lambda page: self.tlb[page][2])]
            entry = self.tlb[vpn] = [found[0], found[1], 0]
        entry[2] = self.clock
        if entry[1] & need:
            return hit, "translated", (entry[0] << 12) | (address & 0xFFF)
        return hit, "protection", 0

    def tables(self):
        return self.in_use
