"""The command line: the Typer app and one module per command family; parses, calls, picks a reporter, exits.

May import every layer below it. Nothing else imports it.
"""

from ooi.cli import authoring, catalogue, coverage, history, iid, isi, report, validate  # noqa: F401  (each registers its commands on `app`)
from ooi.cli.app import app


def main() -> None:
    """Console entry point; anything but an OoiError is a bug and keeps its traceback."""
    app()
