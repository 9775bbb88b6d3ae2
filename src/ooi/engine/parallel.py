"""Run one function over many work items on the machine's cores, results in order; one process when that is cheaper."""

from __future__ import annotations

import gc
import marshal
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess
    from multiprocessing.sharedctypes import Synchronized

from ooi import heap, i18n
from ooi.model.errors import OoiError

# Below this many files a pool costs more than it saves. A forked worker starts in ~30 ms
# and one process checks ~1,500 files a second (2 cores: 330 files take as long either way,
# 1,100 files 0.95 s alone and 0.75 s on two); a spawned worker (macOS, Windows) imports
# everything again first (~0.5 s).
SERIAL_BELOW, SPAWNED_SERIAL_BELOW = 500, 3000
# `OOI_START_METHOD=spawn` starts workers as Windows and macOS do, so Linux can test that path.
_METHOD_VARIABLE = "OOI_START_METHOD"

Item = TypeVar("Item")
Shared = TypeVar("Shared")
Done = TypeVar("Done")
Weigh = Callable[[Any], int]

# Inside a worker process only (set by `_start`, the pool's initializer): what it was started to do.
_work: tuple[Callable[[Any, Any], Any], object, Synchronized[int] | None, Weigh | None] | None = None


def cores() -> int:
    """The cores this process may run on (a CI container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """`fork` where it is safe (Linux: nothing to import again), else `spawn` (Windows has no fork; macOS's is unsafe)."""
    import multiprocessing

    asked = os.environ.get(_METHOD_VARIABLE, "")
    if asked in multiprocessing.get_all_start_methods():
        return asked
    return "fork" if sys.platform == "linux" else "spawn"


def workers(jobs: int | None, files: int) -> int:
    """`--jobs`: a number given, else automatic: one process for a small run, one per core for a large one."""
    if jobs is not None and jobs < 0:
        raise OoiError(i18n.tr("--jobs harus 0 (otomatis) atau lebih", "--jobs must be 0 (automatic) or more"))
    if jobs:
        return jobs
    return 1 if files < (SERIAL_BELOW if start_method() == "fork" else SPAWNED_SERIAL_BELOW) else cores()


def run(function: Callable[[Item, Shared], Done], items: list[Item], shared: Shared, jobs: int,
        then: Callable[[Done], Any] | None = None, progress: Callable[[int], None] | None = None,
        weigh: Callable[[Item], int] | None = None) -> list[Any]:
    """`[then(function(item, shared)) for item in items]`, spread over `jobs` processes when jobs > 1.

    `items` is emptied as the work is handed out, so each item is let go once it is done (a whole run's
    100,000 file entries, ~30 MB, were held in the parent until the last result had arrived).

    Workers get `shared` once, when they start (and no language: their messages are rendered
    here); on Linux they are forked, so even a large `shared` costs nothing to hand over
    (spawned elsewhere, it is pickled to each). `then` runs in this process on each result as
    it arrives, while the workers go on. `progress`, when given,
    is called in this process with the work done so far (the sum of `weigh(item)`, default
    1 an item): after each item in one process; across processes the workers add to a
    shared count and this process passes it on a few times a second, whatever the order
    results arrive in. Interrupted (Ctrl-C) or failing, the workers are ended, not awaited.
    """
    keep: Callable[[Done], Any] = then or (lambda result: result)
    if jobs <= 1 or len(items) <= 1:
        results, count = [], 0
        items.reverse()  # taken from the end: each pop is cheap
        while items:
            item = items.pop()
            results.append(keep(function(item, shared)))
            if progress is not None:
                count += weigh(item) if weigh else 1
                progress(count)
        return results
    import multiprocessing  # here: a small run never pays for importing it
    from concurrent.futures import ProcessPoolExecutor

    jobs = min(jobs, len(items))
    chunks = _chunks(items, jobs * 8, weigh)
    items.clear()  # each chunk is held by the pool alone, until its results arrive
    context = _Recorded(multiprocessing.get_context(start_method()))
    done = context.Value("q", 0) if progress else None
    pool = ProcessPoolExecutor(jobs, mp_context=cast("BaseContext", context), initializer=_start,
                               initargs=(function, shared, done, weigh))
    try:
        with _interrupts_held():  # the workers are forked here, and must not see Ctrl-C themselves
            futures = [pool.submit(_call_chunk, chunk) for chunk in chunks]
        del chunks
        with _terminated_as_exit():
            results = []
            futures.reverse()
            while futures:  # each chunk's future (holding its packed results) let go once they are unpacked
                results += [keep(result) for result in _wait(futures.pop(), done, progress)]
    except BaseException:
        _end(pool, context.started)
        raise
    pool.shutdown()
    return results


class _Recorded:
    """A multiprocessing context that remembers the worker processes a pool starts from it, so they can be ended.

    (A pool names its processes only privately before Python 3.14's `terminate_workers()`.)
    """

    def __init__(self, context: BaseContext) -> None:
        self.context = context
        self.started: list[BaseProcess] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.context, name)

    def Process(self, *args: Any, **kwargs: Any) -> BaseProcess:  # noqa: N802  (the name a pool calls)
        process: BaseProcess = self.context.Process(*args, **kwargs)  # type: ignore[attr-defined]
        self.started.append(process)
        return process


def _chunks(items: Sequence[Item], count: int, weigh: Callable[[Item], int] | None) -> list[Sequence[Item]]:
    """About `count` runs of consecutive items of about equal weight: several a worker, so the last one idles little.

    By weight, not by number: a folder cut in parts (engine.parts) weighs 500 files an item
    beside agencies of ten, and 100 of its parts in one chunk would leave one worker all of it.
    """
    weights = [weigh(item) if weigh else 1 for item in items]
    share = max(1, sum(weights) // count)
    chunks: list[Sequence[Item]] = []
    start, load = 0, 0
    for index, heavy in enumerate(weights):
        load += heavy
        if load >= share:
            chunks.append(items[start:index + 1])
            start, load = index + 1, 0
    if start < len(items):
        chunks.append(items[start:])
    return chunks


def _start(function: Callable[[Any, Any], Any], shared: object, done: Synchronized[int] | None,
           weigh: Weigh | None) -> None:
    global _work
    # Ctrl-C reaches every process of the terminal's group; the parent alone decides, and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held while forked (_interrupts_held)
    _work = (function, shared, done, weigh)
    # A worker process is ooi's own, so its collector is tuned as the CLI tunes the parent's (a spawned one
    # inherits nothing): what it started with is never garbage, and a file's short-lived objects hold no cycles.
    gc.freeze()
    gc.set_threshold(max(gc.get_threshold()[0], 50_000), *gc.get_threshold()[1:])
    heap.settle()  # a forked worker has it from the parent, a spawned one not


def _call_chunk(items: Sequence[object]) -> bytes:
    assert _work is not None, "called in a worker process, after _start"
    function, shared, done, weigh = _work
    results = []
    for item in items:
        results.append(function(item, shared))
        if done is not None:
            with done.get_lock():
                done.value += weigh(item) if weigh else 1
    # Pickled here and unpickled by the parent's main thread, not its pool's thread: what a run keeps of the
    # results is then made in the main heap, not left scattered in the arena of a thread that also held every
    # message in passing (~25 MiB held at the first point of a history at 100,000 records).
    return pickle.dumps(results, pickle.HIGHEST_PROTOCOL)


def _wait(future: Future[bytes], done: Synchronized[int] | None, progress: Callable[[int], None] | None,
          tick: float = 0.1) -> list[Any]:
    """One chunk's results (as `_call_chunk` packed them); meanwhile, passes on what the workers have done every
    `tick` seconds."""
    while progress is not None and done is not None:
        try:
            packed = future.result(timeout=tick)
        except TimeoutError:
            progress(done.value)
            continue
        progress(done.value)
        return cast("list[Any]", pickle.loads(packed))
    return cast("list[Any]", pickle.loads(future.result()))


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT waits while workers are forked: each inherits it blocked and ignores it before unblocking."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: spawned workers, no signal masks
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # a Ctrl-C that waited arrives now


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM to this process alone (`kill PID`, a job cancelled) exits with 143 through `_end`, as Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)  # set after the fork: the workers keep the default
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _end(pool: ProcessPoolExecutor, processes: list[BaseProcess]) -> None:
    """End the workers now: shutting down first would finish every chunk still queued for them.

    The pool's own thread then notices the ended workers and reaps them; it is awaited, not
    joined beside: two threads waiting on one process race, and the one that loses takes it
    for alive. It is awaited from a thread of ours, for a bounded time, because a worker
    ended while it wrote a result can leave the pool's thread waiting for ever on the rest
    of it; then the workers are reaped here, and after an interrupted run the command
    line's entry point (ooi.cli.main) ends the process without waiting for that thread.
    """
    for process in processes:
        if process.is_alive():
            process.terminate()
    waiter = threading.Thread(target=pool.shutdown, kwargs={"cancel_futures": True}, daemon=True)
    waiter.start()
    waiter.join(timeout=10)
    if waiter.is_alive():
        for process in processes:
            process.join(timeout=10)


@dataclass(frozen=True)
class Packed:
    """Plain data (what the loader builds: mappings, lists, text, numbers) packed to cross to another process.

    marshal is ten times cheaper than pickling the pydantic record made of it, which the other side makes again.
    """

    raw: bytes

    @classmethod
    def of(cls, data: object) -> Packed:
        """Raises ValueError for what is not plain data (a value the loader marks, such as a surprising int)."""
        return cls(marshal.dumps(data))  # type: ignore[arg-type]  # marshal itself says what it cannot pack

    def data(self) -> object:
        return marshal.loads(self.raw)
