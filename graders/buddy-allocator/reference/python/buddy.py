"""The reference: per page, the order of the free block starting there (or none), so that "is my
buddy free and whole?" is one look-up; per order, a min-heap of free starts for the lowest one, with
blocks that merged away left in it and dropped when they reach the top (lazy deletion). O(log n) per
heap step, O(M) steps per operation at most."""
from heapq import heappop, heappush


class Buddy:
    def __init__(self, max_order: int) -> None:
        self.max_order = max_order
        # Per page: 1 + the order of the free block starting there, 0 if none.
        self.free_order = bytearray(1 << max_order)
        self.heaps: list[list[int]] = [[] for _ in range(max_order + 1)]
        self.free_order[0] = max_order + 1
        self.heaps[max_order].append(0)

    def alloc(self, order: int) -> int:
        free_order, heaps = self.free_order, self.heaps
        for found in range(order, self.max_order + 1):
            heap = heaps[found]
            while heap and free_order[heap[0]] != found + 1:
                heappop(heap)
            if heap:
                start = heappop(heap)
                free_order[start] = 0
                for k in range(found - 1, order - 1, -1):  # the upper halves
                    upper = start + (1 << k)
                    free_order[upper] = k + 1
                    heappush(heaps[k], upper)
                return start
        return -1

    def free(self, start: int, order: int) -> tuple[int, int]:
        free_order, top = self.free_order, self.max_order
        while order < top:
            buddy = start ^ (1 << order)
            if free_order[buddy] != order + 1:
                break
            free_order[buddy] = 0  # its heap entry is dropped when it reaches the top
            if buddy < start:
                start = buddy
            order += 1
        free_order[start] = order + 1
        heappush(self.heaps[order], start)
        return start, order

    def free_blocks(self) -> list[tuple[int, int]]:
        # Each free block once: a heap may hold a start twice (freed, merged away, freed again).
        free_order = self.free_order
        return [(order, start) for order, heap in enumerate(self.heaps)
                for start in set(heap) if free_order[start] == order + 1]
