"""Two small rank-indexed structures that keep the sweeps output-sensitive.

Both are built over ranks 0..n-1 fixed in advance (the figures are known before the sweep), so
they are flat lists rather than balanced trees.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from claims.core.comparison.records import WorkCounter


class ActiveSet:
    """A set of ranks that lists its smallest or largest members in O(1) per member.

    Members are threaded on a doubly linked list in rank order, so "every member below r" is a
    walk from the head that stops at the first member >= r: a query that finds nothing costs
    one comparison. Inserting needs the new member's successor; a bottom-up segment tree of
    member counts finds it in O(log n).
    """

    _NONE = -1

    def __init__(self, size: int, work: WorkCounter) -> None:
        self._leaves = 1
        while self._leaves < max(size, 1):
            self._leaves *= 2
        self._count = [0] * (2 * self._leaves)
        self._next = [self._NONE] * size
        self._prev = [self._NONE] * size
        self._head = self._NONE
        self._tail = self._NONE
        self._work = work

    def add(self, rank: int) -> None:
        """Make `rank` a member (it must not be one already)."""
        after = self._successor(rank)
        before = self._tail if after == self._NONE else self._prev[after]
        self._next[rank], self._prev[rank] = after, before
        if before == self._NONE:
            self._head = rank
        else:
            self._next[before] = rank
        if after == self._NONE:
            self._tail = rank
        else:
            self._prev[after] = rank
        self._shift(rank, 1)

    def remove(self, rank: int) -> None:
        """Drop `rank` (it must be a member)."""
        before, after = self._prev[rank], self._next[rank]
        if before == self._NONE:
            self._head = after
        else:
            self._next[before] = after
        if after == self._NONE:
            self._tail = before
        else:
            self._prev[after] = before
        self._shift(rank, -1)

    def ascending(self) -> Iterator[int]:
        """Yield the members smallest first; callers stop early, so each yield is one step."""
        rank = self._head
        while rank != self._NONE:
            self._work.steps += 1
            yield rank
            rank = self._next[rank]

    def descending(self) -> Iterator[int]:
        """Yield the members largest first; callers stop early, so each yield is one step."""
        rank = self._tail
        while rank != self._NONE:
            self._work.steps += 1
            yield rank
            rank = self._prev[rank]

    def _shift(self, rank: int, delta: int) -> None:
        node = rank + self._leaves
        while node:
            self._count[node] += delta
            node //= 2
        self._work.steps += self._leaves.bit_length()

    def _successor(self, rank: int) -> int:
        """The smallest member > rank, or _NONE."""
        count = self._count
        node = rank + self._leaves
        steps = 1
        # Climb until a right sibling holds members: it covers the next ranks in order.
        while True:
            steps += 1
            if node == 1:
                self._work.steps += steps
                return self._NONE
            if node % 2 == 0 and count[node + 1]:
                node += 1
                break
            node //= 2
        while node < self._leaves:
            steps += 1
            node = 2 * node if count[2 * node] else 2 * node + 1
        self._work.steps += steps
        return node - self._leaves


class PrefixMin:
    """Minimum over the values stored at ranks [0, stop), with point updates that only lower.

    A Fenwick tree: the change sweep only ever inserts, so min never has to be undone.
    """

    def __init__(self, size: int, work: WorkCounter) -> None:
        self._tree = [math.inf] * (size + 1)
        self._work = work

    def lower(self, rank: int, value: float) -> None:
        """Set the value at `rank` to min(its value, `value`)."""
        tree = self._tree
        i = rank + 1
        while i < len(tree):
            if value < tree[i]:
                tree[i] = value
            i += i & -i
            self._work.steps += 1

    def min_below(self, stop: int) -> float:
        """The smallest value stored at ranks [0, stop), +inf when there is none."""
        best = math.inf
        i = stop
        while i > 0:
            if self._tree[i] < best:
                best = self._tree[i]
            i -= i & -i
            self._work.steps += 1
        return best
