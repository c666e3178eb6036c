"""Collections of the reference kinds: the glossary, the questions people ask, the scripts."""

from __future__ import annotations

from collections.abc import Callable

from ._collections import Collection, _applies, _enum, _region, age_test
from ._enums import Audience, Topic
from ._errors import InvalidFilterError
from ._reference import Question, Script, Term

__all__ = ["QuestionCollection", "ScriptCollection", "TermCollection"]


class TermCollection(Collection[Term]):
    """The glossary of a catalogue: terms, their definitions, and the words to avoid."""

    __slots__ = ()

    def select(
        self,
        *,
        topic: str | None = None,
        jurisdiction: str | None = None,
        source: str | None = None,
    ) -> tuple[Term, ...]:
        """Return the terms that match every filter given.

        Args:
            topic: A :class:`Topic` value, such as ``"sextortion"``.
            jurisdiction: An ISO 3166 code; terms for everywhere, and terms of that place, its
                country or one of its parts, match.
            source: A source id; terms that cite it match.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        tests: list[Callable[[Term], bool]] = []
        if topic is not None:
            wanted_topic = _enum("topic", topic, Topic)
            tests.append(lambda t: wanted_topic in t.topics)
        if jurisdiction is not None:
            place = _region("jurisdiction", jurisdiction)
            tests.append(lambda t: _applies(t.jurisdictions, place))
        if source is not None:
            tests.append(lambda t: any(s.id == source for s in t.sources))
        return self._filtered(*tests)

    def lookup(self, word: str) -> Term:
        """Return the term whose English word is *word*, in any case (``"Sextortion"``).

        Raises:
            ContentNotFoundError: No term has that word; the error suggests the nearest ids.
        """
        if not isinstance(word, str):
            raise InvalidFilterError("word", word, "a term such as 'sextortion'")
        wanted = word.casefold().strip()
        for term in self.values():
            if term.term.casefold() == wanted:
                return term
        raise self._not_found(word)


def _audience_topic_tests(
    audience: str | None,
    topic: str | None,
    jurisdiction: str | None,
    age: int | None,
    source: str | None,
) -> list[Callable[[Question | Script], bool]]:
    tests: list[Callable[[Question | Script], bool]] = []
    if audience is not None:
        wanted_audience = _enum("audience", audience, Audience)
        tests.append(lambda i: wanted_audience in i.audiences)
    if topic is not None:
        wanted_topic = _enum("topic", topic, Topic)
        tests.append(lambda i: wanted_topic in i.topics)
    if jurisdiction is not None:
        place = _region("jurisdiction", jurisdiction)
        tests.append(lambda i: _applies(i.jurisdictions, place))
    if age is not None:
        tests.append(age_test(age))
    if source is not None:
        tests.append(lambda i: any(s.id == source for s in i.sources))
    return tests


class QuestionCollection(Collection[Question]):
    """The questions people ask, with their answers."""

    __slots__ = ()

    def select(
        self,
        *,
        audience: str | None = None,
        topic: str | None = None,
        jurisdiction: str | None = None,
        age: int | None = None,
        source: str | None = None,
    ) -> tuple[Question, ...]:
        """Return the questions that match every filter given.

        Args:
            audience: An :class:`Audience` value: who asks.
            topic: A :class:`Topic` value.
            jurisdiction: An ISO 3166 code, as for :meth:`AdviceCollection.select`.
            age: An age in years, as for :meth:`AdviceCollection.select`.
            source: A source id; questions whose answer cites it match.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        return self._filtered(*_audience_topic_tests(audience, topic, jurisdiction, age, source))


class ScriptCollection(Collection[Script]):
    """Conversation scripts: what to say, in order, following published guidance."""

    __slots__ = ()

    def select(
        self,
        *,
        audience: str | None = None,
        topic: str | None = None,
        jurisdiction: str | None = None,
        age: int | None = None,
        source: str | None = None,
    ) -> tuple[Script, ...]:
        """Return the scripts that match every filter given.

        Args:
            audience: An :class:`Audience` value: who speaks the lines.
            topic: A :class:`Topic` value.
            jurisdiction: An ISO 3166 code, as for :meth:`AdviceCollection.select`.
            age: The young person's age in years, as for :meth:`AdviceCollection.select`.
            source: A source id; scripts that follow it match.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        return self._filtered(*_audience_topic_tests(audience, topic, jurisdiction, age, source))
