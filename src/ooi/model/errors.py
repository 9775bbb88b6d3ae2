"""OoiError: a problem the user can act on (exit 2); anything else is a bug."""


class OoiError(Exception):
    """A usage or environment error, shown as one line without a traceback."""

    exit_code = 2
