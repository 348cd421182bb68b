"""Tables and sections shared by every benchmark, printed to the terminal and written to
RESULTS.md in the same Markdown, so what you see when running is what gets committed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[object]] = field(default_factory=list)

    def markdown(self) -> str:
        cells = [[str(cell) for cell in row] for row in self.rows]
        lines = [f"**{self.title}**", "", "| " + " | ".join(self.header) + " |", "|" + "---|" * len(self.header)]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines)


@dataclass
class Section:
    """One numbered benchmark: its tables, the aims met or missed, and how it was measured."""

    title: str
    tables: list[Table] = field(default_factory=list)
    verdicts: list[str] = field(default_factory=list)
    method: list[str] = field(default_factory=list)

    def aim(self, name: str, figure: str, met: bool | None) -> None:
        mark = "n/a" if met is None else ("met" if met else "**missed**")
        self.verdicts.append(f"{name}: {figure} ({mark})")

    def markdown(self) -> str:
        parts = [f"## {self.title}"]
        if self.verdicts:
            parts.append("\n".join(f"- {verdict}" for verdict in self.verdicts))
        parts += [table.markdown() for table in self.tables]
        if self.method:
            parts.append("How: " + " ".join(self.method))
        return "\n\n".join(parts)


def ms(value: float) -> str:
    return f"{value:.1f} ms"


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"
