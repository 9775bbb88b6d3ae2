"""`ooi status` and `ooi show`: coverage of the target across agencies."""

from ooi.cli import app  # noqa: F401
