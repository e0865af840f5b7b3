"""Round-trip YAML for tools that rewrite a plan: every comment, quote and key order kept.

Loading is slower than ``plan.load`` (pure-Python round-trip constructor), so only tools that write
the plan back use it. The layout settings match the plan format (mapping indent 2, sequence
indent 4 with the dash at 2, no wrapping of long Thai lines), so an unchanged plan dumps
byte-identical.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from tambondoc.errors import PlanError
from tambondoc.plan.load import load_text, yaml_problem


class PlanResolver(VersionedResolver):
    """Dates stay text: plan years are พ.ศ., so '2567-02-29' is real but not a C.E. date."""

    def add_version_implicit_resolver(self, version: Any, tag: Any, regexp: Any, first: Any) -> None:
        if tag != "tag:yaml.org,2002:timestamp":
            super().add_version_implicit_resolver(version, tag, regexp, first)


def rt_yaml() -> YAML:
    """A round-trip YAML instance configured for the plan's layout."""
    yaml = YAML(typ="rt")
    yaml.Resolver = PlanResolver
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1 << 20
    yaml.preserve_quotes = True
    return yaml


def load_rt(text: str, name: str = "<plan>") -> Any:
    """Parse plan text into ruamel's commented containers, or raise PlanError naming the line.

    The fast loader reads it first: it refuses alias bombs and reports values ruamel's
    constructors would crash on (such as '0x_') at their line and column.
    """
    load_text(text, name)
    try:
        return rt_yaml().load(text)
    except YAMLError as e:
        problem = yaml_problem(name, e, text)
        raise PlanError.at(problem) from e
    except RecursionError as e:
        raise PlanError(f"{name}: ข้อมูลซ้อนกันลึกเกินไป ให้ลดระดับการซ้อน") from e


def dump_rt(data: Any) -> str:
    """Serialise round-trip data back to text with the same layout settings."""
    out = io.StringIO()
    rt_yaml().dump(data, out)
    return out.getvalue()
