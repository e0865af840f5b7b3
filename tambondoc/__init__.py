"""tambondoc: Thai tambon development plans as YAML, rendered to official Word documents."""

__version__ = "0.1.0"

# Where the source lives and every release is tagged ``v<__version__>``: plan repositories install
# from it (examples/), pre-commit pins it (``rev: v<version>``), and the schema's ``$id`` points
# into it. The one place to change when the project moves.
REPOSITORY = "https://github.com/tambondoc/tambondoc"
