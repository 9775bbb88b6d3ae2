"""The sector-code table (urusan pemerintahan), shipped as data inside the package."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def sectors() -> dict[str, str]:
    text = resources.files("ooi").joinpath("data/urusan.yaml").read_text(encoding="utf-8")
    return {str(code): name for code, name in yaml.load(text, Loader=yaml.CSafeLoader).items()}
