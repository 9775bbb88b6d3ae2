"""Equal values kept once per process while a run lasts: bounded pools, let go together when it ends."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

_EVERY: list[Pool[Any, Any]] = []


class Pool(Generic[K, V]):
    """key → the value kept for it, so 100,000 findings or summaries hold each repeated value once.

    Bounded, as keys come from files: a full pool starts again empty (what was handed out stays valid).
    """

    __slots__ = ("_kept", "get", "_limit")

    def __init__(self, limit: int = 20_000) -> None:
        self._kept: dict[K, V] = {}
        self.get = self._kept.get  # ~30,000 lookups a run: the dict's own method, not one more call
        self._limit = limit
        _EVERY.append(self)

    def keep(self, key: K, value: V) -> V:
        """Keep `value` for `key`; returns it."""
        if len(self._kept) >= self._limit:
            self._kept.clear()
        self._kept[key] = value
        return value

    def one(self, key: K, value: V) -> V:
        """The value kept for `key`, else `value`, kept for it from now on."""
        found = self.get(key)
        return found if found is not None else self.keep(key, value)


def forget() -> None:
    """Let go of every pool's values (the engine calls it when a run ends: nothing of one run stays)."""
    for pool in _EVERY:
        pool._kept.clear()
