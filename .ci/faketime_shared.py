"""The semaphore and shared memory libfaketime's processes share in .ci/run's second run, made to outlast a kill.

Debian's libfaketime (0.9.10) has every process it starts take one shared semaphore for an instant. A
process killed in that instant (the tests end runs and time out gits) leaves it taken, and every later
process waits on it for ever: one run in five of the suite hung so. Made here with a count no run uses up,
a killed process costs one of the count instead. Prints FAKETIME_SHARED's value; `--remove` removes both.
"""

import ctypes
import os
import struct
import sys

SEMAPHORE, MEMORY = "/faketime_sem_ooi_ci", "/faketime_shm_ooi_ci"
COUNT = 1_000_000  # each process killed while holding it takes one for good
# libfaketime's struct ft_shared_s: ticks, then the start time as four timespecs; a start time not yet set
# has the first one's nanoseconds at -1 (what the faketime wrapper writes)
UNSET = struct.pack("=qqq", 0, 0, -1) + bytes(48)


def remove() -> None:
    for path in (f"/dev/shm/sem.{SEMAPHORE[1:]}", f"/dev/shm/{MEMORY[1:]}"):
        if os.path.lexists(path):
            os.unlink(path)


def make() -> str:
    remove()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.sem_open.restype = ctypes.c_void_p
    libc.sem_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_uint, ctypes.c_uint]
    made = libc.sem_open(SEMAPHORE.encode(), os.O_CREAT | os.O_EXCL, 0o600, COUNT)
    if made in (None, ctypes.c_void_p(-1).value):
        raise SystemExit(f"sem_open {SEMAPHORE}: {os.strerror(ctypes.get_errno())}")
    libc.sem_close(ctypes.c_void_p(made))
    memory = os.open(f"/dev/shm/{MEMORY[1:]}", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # what shm_open makes
    os.write(memory, UNSET)
    os.close(memory)
    return f"{SEMAPHORE} {MEMORY}"


if __name__ == "__main__":
    if sys.argv[1:] == ["--remove"]:
        remove()
    else:
        print(make())
