"""Which committer dates of a first-parent line to trust: the fewest distrusted so that time never runs backwards."""

from __future__ import annotations


def effective(times: list[int], ceiling: int) -> list[int]:
    """The date each commit is taken to have, oldest first (SPEC §10, "Trusting the dates").

    A longest non-decreasing run of dates is kept (a date after `ceiling`, the end of today,
    is never kept); of several such runs, the one keeping the earliest commits, so one commit
    dated in the past moves no file earlier. Every other commit takes the date of the next
    kept commit, or `ceiling` when none follows. O(n log n): a national history is 100,000 commits.
    """
    ranks = {when: rank for rank, when in enumerate(sorted({when for when in times if when <= ceiling}))}
    size = len(ranks)
    best = [0] * (size + 1)  # Fenwick tree of the longest run starting at a date of at least a rank
    longest = [0] * len(times)
    for index in reversed(range(len(times))):
        if times[index] > ceiling:
            continue
        spot, length = size - ranks[times[index]], 0
        while spot > 0:
            length, spot = max(length, best[spot]), spot - (spot & -spot)
        longest[index] = length + 1
        spot = size - ranks[times[index]]
        while spot <= size:
            best[spot], spot = max(best[spot], length + 1), spot + (spot & -spot)
    need, last, kept = max(longest, default=0), None, [False] * len(times)
    for index, when in enumerate(times):
        if need and longest[index] == need and (last is None or when >= last):
            kept[index], last, need = True, when, need - 1
    used, following = [0] * len(times), ceiling
    for index in reversed(range(len(times))):
        if kept[index]:
            following = times[index]
        used[index] = following
    return used
