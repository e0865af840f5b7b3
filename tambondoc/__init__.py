"""tambondoc: Thai tambon development plans as YAML, rendered to official Word documents."""

__version__ = "0.1.0"
