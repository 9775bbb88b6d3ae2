"""The command line: the Typer app and one module per command family; parses, calls, picks a reporter, exits.

May import every layer below it. Nothing else imports it.
"""

import os
import sys

from ooi.cli import authoring, catalogue, cms, coverage, history, iid, isi, report, validate  # noqa: F401  (each registers its commands on `app`)
from ooi.cli.app import app


def main() -> None:
    """Console entry point: a user error exits 2, a fault in ooi 3 (cli.app), an interrupted run 130."""
    from ooi.report.width import use_plain_fallback

    use_plain_fallback()  # a legacy code page (a Windows console redirected to a file) gets plain characters
    try:
        app()
    except SystemExit as done:
        parallel = sys.modules.get("ooi.engine.parallel")  # imported only by a run that may have had workers
        if parallel is not None and parallel.stuck():
            # Interrupted mid-run: everything is said and written; the pool's thread would hold the exit.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code if isinstance(done.code, int) else 1)
        raise
