"""`ooi rules`, `ooi explain` and `ooi principles`: the rule catalogue and the principle matrix."""

from ooi.cli import app  # noqa: F401
