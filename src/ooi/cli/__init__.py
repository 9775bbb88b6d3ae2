"""The command line: the Typer app and one module per command family; parses, calls, picks a reporter, exits.

May import every layer below it. Nothing else imports it.
"""

import gc
import os
import sys

from ooi.cli import authoring, cms, coverage, history, iid, isi, report, rulebook, validate  # noqa: F401  (each registers its commands on `app`)
from ooi.cli.app import app


INTERRUPTED = (130, 143)  # SPEC §7: Ctrl-C (128 + SIGINT), `kill` (128 + SIGTERM)


def main() -> None:
    """Console entry point: a user error exits 2, a fault in ooi 3 (cli.app), an interrupted run 130."""
    from ooi.report.width import use_plain_fallback

    use_plain_fallback()  # a legacy code page (a Windows console redirected to a file) gets plain characters
    # A run allocates ~2,000 short-lived objects a file and no cycles worth chasing, and keeps its results
    # (100,000 records: ~5 million objects): the collector runs rarer, and never walks what startup made.
    gc.set_threshold(50_000, *gc.get_threshold()[1:])
    gc.freeze()
    try:
        app()
    except SystemExit as done:
        if done.code in INTERRUPTED:
            # Everything is said and written; a pool's thread left waiting on a worker ended mid-result
            # (engine.parallel._end) would hold the interpreter's exit for ever.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code)
        raise
