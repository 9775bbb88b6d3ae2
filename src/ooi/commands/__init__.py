"""Command families beyond `validate`; each module adds its commands to `ooi.cli.app`."""
