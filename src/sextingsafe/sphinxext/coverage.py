"""``.. sextingsafe:coverage::``: what the catalogue holds, by topic, audience and age band.

A school or charity sees at a glance which topics have content for which readers. The counts are
computed from the catalogue when the documentation is built, so they are always current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sextingsafe import Audience, Topic

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sextingsafe import Advice, Catalogue, Question, Script

__all__ = ["BANDS", "COLUMNS", "CoverageDirective", "count", "coverage"]

#: Age bands for young people's content, inclusive.
BANDS: tuple[tuple[int, int], ...] = ((5, 7), (8, 10), (11, 13), (14, 17))
#: The table's columns after the topic: one per age band, then the adult audiences.
COLUMNS: tuple[str, ...] = (
    *(f"young people {low}–{high}" for low, high in BANDS),
    "parents and carers",
    "professionals",
)


def _suits(item: Advice | Question | Script, column: int) -> bool:
    """Return True when *item* is for the audience or age band of table column *column*."""
    if column < len(BANDS):
        if Audience.YOUNG_PEOPLE not in item.audiences:
            return False
        low, high = BANDS[column]
        ages = item.ages
        # An item without ages suits every age; one with ages suits the bands it overlaps.
        return ages is None or (
            (ages.min is None or ages.min <= high) and (ages.max is None or ages.max >= low)
        )
    audience = (Audience.PARENTS_CARERS, Audience.PROFESSIONALS)[column - len(BANDS)]
    return audience in item.audiences


def count(items: Iterable[Advice | Question | Script], topic: Topic, column: int) -> int:
    """Return how many of *items* are on *topic* and suit table column *column*."""
    return sum(1 for item in items if topic in item.topics and _suits(item, column))


def coverage(catalogue: Catalogue) -> list[tuple[Topic, tuple[int, ...]]]:
    """Return, for each topic with content, the number of items in each of :data:`COLUMNS`.

    Items are the advice, questions and scripts together.
    """
    items: list[Advice | Question | Script] = [
        *catalogue.advice.values(),
        *catalogue.faq.values(),
        *catalogue.scripts.values(),
    ]
    rows = []
    for topic in Topic:
        counts = tuple(count(items, topic, column) for column in range(len(COLUMNS)))
        if any(counts):
            rows.append((topic, counts))
    return rows


def _table(header: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["sextingsafe-coverage"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)

    def row(cells: list[str]) -> nodes.row:
        line = nodes.row()
        for cell in cells:
            line += nodes.entry("", nodes.paragraph("", cell))
        return line

    head = nodes.thead()
    head += row(header)
    body = nodes.tbody()
    for cells in rows:
        body += row(cells)
    group += head
    group += body
    return table


class CoverageDirective(SphinxDirective):
    """``.. sextingsafe:coverage::``: counts by topic × audience and age band, and by kind."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def run(self) -> list[nodes.Node]:
        """Render the topic table and the totals by kind."""
        from .directives import _load

        cat, files = _load(self.config)
        for path in files:
            self.env.note_dependency(path)
        rows = [
            [topic.value, *(str(n) if n else "–" for n in counts)]
            for topic, counts in coverage(cat)
        ]
        topics = _table(["topic", *COLUMNS], rows, [20] + [10] * len(COLUMNS))
        kinds = [
            ["advice items", str(len(cat.advice))],
            ["questions and answers", str(len(cat.faq))],
            ["conversation scripts", str(len(cat.scripts))],
            ["glossary terms", str(len(cat.glossary))],
            ["facts", str(len(cat.facts))],
            ["quotes", str(len(cat.quotes))],
            ["help resources", str(len(cat.resources))],
        ]
        totals = _table(["kind", "items"], kinds, [30, 10])
        return [topics, totals]
