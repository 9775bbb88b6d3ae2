"""`ooi.heap`: with glibc's mmap threshold fixed, a big buffer freed does not send the next ones into the heap."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

# Run in a process of its own: the threshold is the process's, and glibc moves it as buffers come and go.
PROBE = """
import ctypes, sys
from ooi.heap import settle
if sys.argv[1] == "settled":
    settle()
class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
first = bytearray(8 << 20)  # mapped on its own (over 128 KiB); freed, it raises glibc's threshold to 8 MiB
del first
before = libc.mallinfo2().hblkhd
second = bytearray(1 << 20)  # under 8 MiB: from the heap, unless the threshold stayed
print(libc.mallinfo2().hblkhd - before >= 1 << 20)
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")
@pytest.mark.parametrize(("how", "mapped"), [("settled", "True"), ("as glibc starts", "False")])
def test_a_big_freed_buffer_leaves_the_threshold_where_it_was(how, mapped):
    env = {key: value for key, value in os.environ.items() if not key.startswith("MALLOC_")}
    found = subprocess.run([sys.executable, "-c", PROBE, how], capture_output=True, text=True, env=env, check=True)
    assert found.stdout.strip() == mapped
