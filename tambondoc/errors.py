"""One exception family and one problem record for everything the user must fix.

Core code raises ``PlanError`` (or returns ``Problem`` lists); only the CLI prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# what must not reach a terminal or a line-based report from a plan's text: control characters
# (line breaks that fake a line, ESC that starts a colour or an OSC sequence), C1 controls,
# and the bidirectional overrides that make text read differently from what it holds
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` on one line with nothing a terminal acts on: each such character escaped ('\\n')."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


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
            return f"{printable(self.file)}:{printable(self.sheet)}!{column_letter(self.column)}{self.line}"
        return f"{printable(self.file)}:{self.line}:{self.column}"

    def __str__(self) -> str:
        path = f" ({printable(self.path)})" if self.path else ""
        return f"{self.where}: {self.level}: {printable(self.message)}{path}"


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

    @classmethod
    def at(cls, problem: Problem) -> PlanError:
        """The error of one problem at its place, worded as its problem line."""
        return cls(str(problem), [problem])


class PlanInvalid(PlanError):
    """The plan did not validate; ``problems`` holds every problem found."""
