"""Reference kinds: glossary terms, questions people ask, and conversation scripts.

They are items like advice: sourced, reviewed, localisable, and held in typed collections.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen

from ._contact import _age_range
from ._enums import Audience, Need, Topic
from ._fields import (
    _as_tuple,
    _audiences,
    _date,
    _needs,
    _nonempty,
    _optional_text,
    _regions,
    _slug,
    _text,
    _topics,
)
from ._model import (
    AgeRange,
    Renderer,
    Source,
    _Localizable,
    _no_renderer,
    _renderer_field,
)

if TYPE_CHECKING:
    from babel import Locale

    from ._localized import LocalizedQuestion, LocalizedScript, LocalizedTerm

__all__ = ["Question", "Script", "Term"]

#: The most lines a script may have: each is one message, ``line-1`` to ``line-40``.
MAX_LINES = 40
_LINE = re.compile(r"line-([1-9][0-9]?)\Z")


def _phrases(value: object) -> tuple[str, ...]:
    words = _as_tuple(value)
    for word in words:
        if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
            raise ValueError(
                f"each entry must be lower-case text without outer spaces, got {word!r}"
            )
    return words


def _lines(_inst: object, _attribute: object, value: tuple[object, ...]) -> None:
    if not value:
        raise ValueError("lines must list at least one line")
    if len(value) > MAX_LINES:
        raise ValueError(f"lines: a script has at most {MAX_LINES} lines, got {len(value)}")
    for number, line in enumerate(value, start=1):
        if not isinstance(line, str) or not line.strip() or line != line.strip():
            raise ValueError(
                f"lines: line {number} must be non-empty text without outer white space, "
                f"got {line!r}"
            )


@frozen(kw_only=True, repr=False)
class Term(_Localizable):
    """A glossary term: the word we use, a plain definition, and the words to prefer or avoid."""

    item_kind: ClassVar[str] = "term"
    translatable: ClassVar[tuple[str, ...]] = ("term", "definition", "usage")
    id: str = field(validator=_slug)
    #: The word or phrase we use; translators give the approved word in their language.
    term: str = field(validator=_text)
    definition: str = field(validator=_text)
    #: Which words to use and which to avoid, and why, in a sentence or two.
    usage: str = field(default="", validator=_optional_text)
    #: English words and phrases our own text must not use (lower case), for the editorial checks.
    avoid: tuple[str, ...] = field(default=(), converter=_phrases)
    #: Whose text the :attr:`avoid` words are checked in; empty means everyone's.
    avoid_with: tuple[Audience, ...] = field(default=(), converter=_audiences)
    topics: tuple[Topic, ...] = field(default=(), converter=_topics)
    #: ISO 3166 codes the term belongs to (Outcome 21 is English and Welsh); empty: everywhere.
    jurisdictions: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_regions)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    note: str = field(default="", validator=_optional_text)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def localize(self, locale: Locale | str | None = None) -> LocalizedTerm:
        """Return this term with its word, definition and usage in *locale*."""
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedTerm = self.renderer.localize(self, locale)
        return result


@frozen(kw_only=True, repr=False)
class Question(_Localizable):
    """A question people ask, with a short, sourced answer and the help to show with it."""

    item_kind: ClassVar[str] = "question"
    translatable: ClassVar[tuple[str, ...]] = ("question", "answer")
    id: str = field(validator=_slug)
    #: Who asks it.
    audiences: tuple[Audience, ...] = field(converter=_audiences, validator=_nonempty)
    topics: tuple[Topic, ...] = field(converter=_topics, validator=_nonempty)
    question: str = field(validator=_text)
    answer: str = field(validator=_text)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    #: ISO 3166 codes the answer is limited to; empty means it applies everywhere.
    jurisdictions: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_regions)
    #: The kinds of help to show with the answer, resolved per country.
    needs: tuple[Need, ...] = field(default=(), converter=_needs)
    #: The ages it suits (young people's questions); ``None`` for every age of its audiences.
    ages: AgeRange | None = field(default=None, validator=_age_range)
    note: str = field(default="", validator=_optional_text)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def localize(  # noqa: PLR0913 - the reader's circumstances, each optional
        self,
        locale: Locale | str | None = None,
        country: str | None = None,
        *,
        age: int | None = None,
        taken_at_age: int | None = None,
        at: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> LocalizedQuestion:
        """Return this question and its answer in *locale*, with help for a reader in *country*.

        The help is resolved as for :meth:`Advice.localize`: for each of :attr:`needs`, the
        country's own services first, then services usable from anywhere, never another
        country's; with no country, only services usable from anywhere.
        The services' freshness is judged on *today* (the day of *at*, else ``date.today()``).

        Raises:
            InvalidLocaleError: *locale* is malformed.
            InvalidFilterError: *country*, an age or *at* is not valid.
        """
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedQuestion = self.renderer.localize(
            self, locale, country, age=age, taken_at_age=taken_at_age, at=at, today=today
        )
        return result


@frozen(kw_only=True, repr=False)
class Script(_Localizable):
    """Words to use in a hard conversation, in order, following published guidance.

    Each line is its own message, ``line-1``, ``line-2`` and so on, so a translator sees one
    sentence at a time and a change to one line leaves the others' translations in place.
    """

    item_kind: ClassVar[str] = "script"
    translatable: ClassVar[tuple[str, ...]] = ("title", "situation", "lines")
    id: str = field(validator=_slug)
    #: Who speaks the lines.
    audiences: tuple[Audience, ...] = field(converter=_audiences, validator=_nonempty)
    topics: tuple[Topic, ...] = field(converter=_topics, validator=_nonempty)
    title: str = field(validator=_text)
    #: When to use it, in a sentence.
    situation: str = field(validator=_text)
    #: What to say or do, in order.
    lines: tuple[str, ...] = field(converter=_as_tuple, validator=_lines)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    jurisdictions: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_regions)
    needs: tuple[Need, ...] = field(default=(), converter=_needs)
    #: The ages of the young person it suits; ``None`` for any age.
    ages: AgeRange | None = field(default=None, validator=_age_range)
    note: str = field(default="", validator=_optional_text)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def message(self, name: str) -> str:
        """Return the English text of the message *name*; ``line-N`` is the N-th line.

        Raises:
            AttributeError: The script has no message called *name*.
        """
        match = _LINE.match(name)
        if match is not None and int(match.group(1)) <= len(self.lines):
            return self.lines[int(match.group(1)) - 1]
        if name == "lines" or match is not None:
            raise AttributeError(
                f"Script {self.id!r} has lines line-1 to line-{len(self.lines)}, not {name!r}"
            )
        return super().message(name)

    def messages(self) -> tuple[tuple[str, str], ...]:
        """Return ``(name, English text)`` for the title, situation and each line."""
        lines = tuple((f"line-{n}", text) for n, text in enumerate(self.lines, start=1))
        return (("title", self.title), ("situation", self.situation), *lines)

    def localize(  # noqa: PLR0913 - the reader's circumstances, each optional
        self,
        locale: Locale | str | None = None,
        country: str | None = None,
        *,
        age: int | None = None,
        taken_at_age: int | None = None,
        at: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> LocalizedScript:
        """Return this script in *locale*, with the help for a reader in *country*.

        The help is resolved as for :meth:`Advice.localize`: for each of :attr:`needs`, the
        country's own services first, then services usable from anywhere, never another
        country's; with no country, only services usable from anywhere.
        The services' freshness is judged on *today* (the day of *at*, else ``date.today()``).

        Raises:
            InvalidLocaleError: *locale* is malformed.
            InvalidFilterError: *country*, an age or *at* is not valid.
        """
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedScript = self.renderer.localize(
            self, locale, country, age=age, taken_at_age=taken_at_age, at=at, today=today
        )
        return result
