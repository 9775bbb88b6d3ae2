"""`ooi new`, `ooi schema` and `ooi codeowners`: what an agency needs to file a pull request."""

from ooi.cli import app  # noqa: F401
