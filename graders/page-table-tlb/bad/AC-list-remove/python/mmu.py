# The TLB's order of use kept in a list: a hit removes the page and appends it again, a fill into a
# full TLB pops the front. list.remove scans the list, but in C: at these sizes it stays within the limits.
class MMU:
    def __init__(self, tlb_entries: int):
        self.capacity = tlb_entries
        self.directory = [None] * 1024
        self.in_use = 0
        self.tlb = {}  # page -> (frame, perms)
        self.order = []  # pages, least recently used first

    def _shoot_down(self, vpn):
        if self.tlb.pop(vpn, None) is not None:
            self.order.remove(vpn)

    def map(self, vpn, frame, perms):
        table = self.directory[vpn >> 10]
        if table is None:
            table = self.directory[vpn >> 10] = {}
            self.in_use += 1
        replaced = (vpn & 1023) in table
        table[vpn & 1023] = (frame, perms)
        if replaced:
            self._shoot_down(vpn)
        return replaced

    def unmap(self, vpn):
        table = self.directory[vpn >> 10]
        if table is None or (vpn & 1023) not in table:
            return False
        del table[vpn & 1023]
        self._shoot_down(vpn)
        if not table:
            self.directory[vpn >> 10] = None
            self.in_use -= 1
        return True

    def protect(self, vpn, perms):
        table = self.directory[vpn >> 10]
        if table is None or (vpn & 1023) not in table:
            return False
        table[vpn & 1023] = (table[vpn & 1023][0], perms)
        self._shoot_down(vpn)
        return True

    def access(self, address, need):
        vpn = address >> 12
        entry = self.tlb.get(vpn)
        hit = entry is not None
        if hit:
            self.order.remove(vpn)
            self.order.append(vpn)
        else:
            table = self.directory[vpn >> 10]
            entry = table.get(vpn & 1023) if table is not None else None
            if entry is None:
                return False, "not-present", 0
            if len(self.order) == self.capacity:
                del self.tlb[self.order.pop(0)]
            self.tlb[vpn] = entry
            self.order.append(vpn)
        frame, perms = entry
        if perms & need:
            return hit, "translated", (frame << 12) | (address & 0xFFF)
        return hit, "protection", 0

    def tables(self):
        return self.in_use
