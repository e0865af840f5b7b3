"""Allow ``python -m tambondoc``."""

from tambondoc.cli import main

main()
