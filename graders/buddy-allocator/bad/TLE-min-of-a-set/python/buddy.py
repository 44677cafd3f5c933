"""Per order, a set of the free blocks' starts; the lowest is min() of the set. Sets make the buddy
check O(1), but min() walks the whole set: O(free blocks) per allocation, too slow when a free list
holds tens of thousands of pages."""


class Buddy:
    def __init__(self, max_order: int):
        self.max_order = max_order
        self.free_sets = [set() for _ in range(max_order + 1)]
        self.free_sets[max_order].add(0)

    def alloc(self, order: int) -> int:
        for level in range(order, self.max_order + 1):
            free = self.free_sets[level]
            if not free:
                continue
            start = min(free)
            free.discard(start)
            for k in range(level - 1, order - 1, -1):
                self.free_sets[k].add(start + (1 << k))
            return start
        return -1

    def free(self, start: int, order: int) -> tuple[int, int]:
        while order < self.max_order:
            buddy = start ^ (1 << order)
            if buddy not in self.free_sets[order]:
                break
            self.free_sets[order].discard(buddy)
            start = min(start, buddy)
            order += 1
        self.free_sets[order].add(start)
        return start, order

    def free_blocks(self):
        return [(order, start) for order, starts in enumerate(self.free_sets) for start in starts]
