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
    sheet: str = ""  # a workbook cell: line is its row, column its column

    @property
    def where(self) -> str:
        """'plan.yaml:12:5', or 'book.xlsx:โครงการ!D12' for a workbook cell."""
        if self.sheet:
            return f"{self.file}:{self.sheet}!{column_letter(self.column)}{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        path = f" ({self.path})" if self.path else ""
        return f"{self.where}: {self.level}: {self.message}{path}"


def column_letter(column: int) -> str:
    """Excel's name of a 1-based column: 1 -> 'A', 28 -> 'AB'."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class PlanError(Exception):
    """A user-facing error: the message says what happened and what to do."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])


class PlanInvalid(PlanError):
    """The plan did not validate; ``problems`` holds every problem found."""
