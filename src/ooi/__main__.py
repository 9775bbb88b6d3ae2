"""Entry point for `python -m ooi`."""

from ooi.cli import main

main()
