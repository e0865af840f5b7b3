"""The command line: a thin click layer over the core (``main``) and one exit policy (``report``)."""

from tambondoc.cli.main import cli, main

__all__ = ["cli", "main"]
