"""One exception family and one problem record for everything the user must fix.

Core code raises ``PlanError`` (or returns ``Problem`` lists); only the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at a 1-based line and column of a file, printed yamllint-style."""

    file: str
    line: int
    column: int
    message: str
    path: str = field(default="", compare=False)
    level: str = field(default="error", compare=False)
    rule: str = field(default="", compare=False)  # the check that found it: "schema", "references", ...

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.level}: {self.message}{where}"


class PlanError(Exception):
    """A user-facing error: the message says what happened and what to do."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])


class PlanInvalid(PlanError):
    """The plan did not validate; ``problems`` holds every problem found."""
