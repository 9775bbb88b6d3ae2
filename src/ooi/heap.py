"""Big buffers a long run frees go back to the system at once (glibc), not into a heap that later objects pin."""

from __future__ import annotations

import sys
from functools import cache

M_MMAP_THRESHOLD = -3  # mallopt's parameter (malloc.h)
THRESHOLD = 128 * 1024  # glibc's own starting value, kept: never raised


@cache
def settle() -> None:
    """Fix glibc's mmap threshold, once per process (elsewhere: nothing).

    glibc raises its threshold each time a buffer mapped on its own is freed, so the next large buffers (git's
    answers of 10-40 MB, a batch of blobs) are carved from the heap, where one small object left above them keeps
    them all: at 100,000 records `status` ended 290-315 MiB from run to run, and 270 MiB with the threshold fixed.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # a C library without it: its own malloc, left as it is
        return
    mallopt(M_MMAP_THRESHOLD, THRESHOLD)
