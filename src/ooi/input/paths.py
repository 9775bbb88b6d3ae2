"""Whether a path lies inside the data root, once its links are followed: the one test every reader uses."""

from __future__ import annotations

import os


def inside(path: str | os.PathLike, real_root: str) -> bool:
    """`path` (already resolved) is the root or lies under it; `real_root` is `os.path.realpath(root)`."""
    path = os.fspath(path)
    return path == real_root or path.startswith(real_root.rstrip(os.sep) + os.sep)


def trusted(path: str | os.PathLike, real_root: str) -> bool:
    """`path` (already resolved) may be read as data: inside the root, and not in git's own folder (`.git/config`)."""
    path = os.fspath(path)
    return inside(path, real_root) and ".git" not in os.path.relpath(path, real_root).split(os.sep)


def resolves_inside(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """`path`, with every link followed, still lies inside `root` (and outside its `.git`)."""
    return trusted(os.path.realpath(path), os.path.realpath(root))
