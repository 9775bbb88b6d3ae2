"""Reporters format a result and never compute one: `--format` name → module with `render`."""

from __future__ import annotations

from importlib import import_module


def render(name: str, result, **options) -> str:
    """Render with the reporter module of that name, imported only when asked for."""
    return import_module(f"ooi.report.{name}").render(result, **options)
