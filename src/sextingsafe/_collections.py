"""Read-only collections of items: mapping access by id, and select() with filters that combine."""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

from ._errors import ContentNotFoundError, InvalidFilterError
from ._help import known_countries, suggest_region
from ._model import (
    Advice,
    AgeRange,
    Audience,
    ChannelKind,
    EmergencyService,
    Fact,
    Need,
    Occasion,
    Quote,
    Resource,
    ResourceKind,
    Source,
    Speaker,
    Topic,
)
from ._reference import Question, Script, Term

__all__ = [
    "AdviceCollection",
    "Collection",
    "EmergencyCollection",
    "FactCollection",
    "OccasionCollection",
    "QuoteCollection",
    "ResourceCollection",
]

T = TypeVar(
    "T",
    Fact,
    Quote,
    Advice,
    Resource,
    Source,
    Speaker,
    Occasion,
    Term,
    Question,
    Script,
    EmergencyService,
)
E = TypeVar("E", bound=enum.Enum)
_REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?\Z")
#: The age from which advice is for adults, not children.
_ADULT = 18


class Collection(Mapping[str, T], Generic[T]):
    """A read-only mapping from id to item, in the order the packs define them.

    Loading is lazy: nothing is read until the collection is first used.
    """

    __slots__ = ("_items", "_kind", "_load", "_lock")

    def __init__(self, kind: str, load: Callable[[], tuple[T, ...]]) -> None:
        self._kind = kind
        self._load: Callable[[], tuple[T, ...]] = load
        self._items: dict[str, T] | None = None
        self._lock = threading.Lock()

    def _data(self) -> dict[str, T]:
        items = self._items
        if items is None:
            with self._lock:
                if self._items is None:
                    self._items = {item.id: item for item in self._load()}
                items = self._items
        return items

    def __getitem__(self, id: str) -> T:  # noqa: A002
        """Return the item with *id*.

        Raises:
            ContentNotFoundError: No item has that id; the error suggests the nearest ids.
        """
        try:
            return self._data()[id]
        except (KeyError, TypeError):
            raise self._not_found(id) from None

    def _not_found(self, id: object) -> ContentNotFoundError:  # noqa: A002
        import difflib

        text = id if isinstance(id, str) else repr(id)
        close = difflib.get_close_matches(text, list(self._data()), n=3, cutoff=0.6)
        if not close and len(text) >= 3:
            # A part of an id, such as a speaker's first name: the ids that contain it.
            close = [key for key in self._data() if text.lower() in key][:3]
        return ContentNotFoundError(self._kind, text, close)

    def __contains__(self, id: object) -> bool:  # noqa: A002
        try:
            return id in self._data()
        except TypeError:
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        state = f"{len(self._items)} items" if self._items is not None else "not loaded yet"
        return f"<{type(self).__name__} of {self._kind}: {state}>"

    def _filtered(self, *tests: Callable[[T], bool]) -> tuple[T, ...]:
        return tuple(item for item in self._data().values() if all(test(item) for test in tests))


def _enum(name: str, value: object, cls: type[E]) -> E:
    try:
        return cls(value)
    except ValueError:
        import difflib

        values = [str(m.value) for m in cls]
        expected = "one of " + ", ".join(repr(v) for v in values)
        close = difflib.get_close_matches(str(value).lower(), values, n=2, cutoff=0.6)
        raise InvalidFilterError(name, value, expected, close) from None


def _region(name: str, value: object) -> str:
    """Check a place filter: an ISO 3166 code of a known country, or of one of its parts."""
    # ASCII first: "ß".upper() is "SS", which would otherwise pass as South Sudan.
    code = value.upper() if isinstance(value, str) and value.isascii() else ""
    if not _REGION.match(code) or code.split("-")[0] not in known_countries():
        suggestion = suggest_region(value)
        raise InvalidFilterError(
            name,
            value,
            "an ISO 3166 code such as 'GB' or 'GB-SCT'",
            (suggestion,) if suggestion else (),
        )
    return code


def _applies(jurisdictions: tuple[str, ...], wanted: str) -> bool:
    return not jurisdictions or any(
        j == wanted or wanted.startswith(j + "-") or j.startswith(wanted + "-")
        for j in jurisdictions
    )


def _age(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
        raise InvalidFilterError("age", value, "a whole number of years from 0 to 120")
    return value


def age_test(value: object) -> Callable[[Advice | Question | Script], bool]:
    """Return a test for items that suit a young person of age *value*.

    An item with ``ages`` suits the ages in its range; an item without suits every age.

    Raises:
        InvalidFilterError: *value* is not a whole number of years from 0 to 120.
    """
    years = _age(value)

    def suits(item: Advice | Question | Script) -> bool:
        ages: AgeRange | None = item.ages
        return ages is None or ages.includes(years)

    return suits


def _occasion_test(value: object) -> Callable[[Fact | Quote | Advice], bool]:
    if not isinstance(value, str):
        raise InvalidFilterError("occasion", value, "an occasion id such as 'valentines-day'")
    return lambda item: any(o.id == value for o in item.occasions)


class OccasionCollection(Collection[Occasion]):
    """The campaign moments of a catalogue (Valentine's Day, Safer Internet Day, ...)."""

    __slots__ = ()

    def on(self, day: dt.date) -> tuple[Occasion, ...]:
        """Return the occasions whose date is *day*, or falls within their lead time after it.

        Raises:
            TypeError: *day* is not a date.
        """
        if not isinstance(day, dt.date):
            raise TypeError(f"expected a datetime.date, got {day!r}")
        return self._filtered(lambda o: o.active_on(day) is not None)


class FactCollection(Collection[Fact]):
    """The facts of a catalogue."""

    __slots__ = ()

    def select(
        self,
        *,
        topic: str | None = None,
        jurisdiction: str | None = None,
        source: str | None = None,
        occasion: str | None = None,
    ) -> tuple[Fact, ...]:
        """Return the facts that match every filter given.

        Args:
            topic: A :class:`Topic` value, such as ``"police-response"``.
            jurisdiction: An ISO 3166 code; facts for that place, its parts or its country match.
            source: A source id; facts that cite it match.
            occasion: An occasion id; facts tagged with it match.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        tests: list[Callable[[Fact], bool]] = []
        if topic is not None:
            wanted_topic = _enum("topic", topic, Topic)
            tests.append(lambda f: wanted_topic in f.topics)
        if jurisdiction is not None:
            place = _region("jurisdiction", jurisdiction)
            tests.append(lambda f: _applies(f.jurisdictions, place))
        if source is not None:
            tests.append(lambda f: any(s.id == source for s in f.sources))
        if occasion is not None:
            tests.append(_occasion_test(occasion))
        return self._filtered(*tests)


class QuoteCollection(Collection[Quote]):
    """The quotes of a catalogue."""

    __slots__ = ()

    def select(
        self, *, speaker: str | None = None, topic: str | None = None, source: str | None = None
    ) -> tuple[Quote, ...]:
        """Return the quotes that match every filter given.

        Args:
            speaker: A speaker id, such as ``"zena-marshall"``.
            topic: A :class:`Topic` value.
            source: A source id.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        tests: list[Callable[[Quote], bool]] = []
        if speaker is not None:
            tests.append(lambda q: q.speaker.id == speaker)
        if topic is not None:
            wanted_topic = _enum("topic", topic, Topic)
            tests.append(lambda q: wanted_topic in q.topics)
        if source is not None:
            tests.append(lambda q: any(s.id == source for s in q.sources))
        return self._filtered(*tests)


class AdviceCollection(Collection[Advice]):
    """The advice items of a catalogue."""

    __slots__ = ()

    def select(  # noqa: PLR0913 - keyword-only filters
        self,
        *,
        audience: str | None = None,
        topic: str | None = None,
        jurisdiction: str | None = None,
        resource: str | None = None,
        occasion: str | None = None,
        age: int | None = None,
    ) -> tuple[Advice, ...]:
        """Return the advice items that match every filter given.

        Args:
            audience: An :class:`Audience` value, such as ``"young-people"``.
            topic: A :class:`Topic` value, such as ``"before-sending"``.
            jurisdiction: An ISO 3166 code; advice for everywhere, and advice limited to that
                place, to its country or to one of its parts, matches.
            resource: A resource id; advice that points to it matches.
            occasion: An occasion id; advice tagged with it matches.
            age: The age in years of the young person the advice is for or about: advice whose
                ``ages`` include it matches, and so does advice without ``ages`` (it suits
                every age of its audiences). With ``audience="young-people"`` this gives the
                advice written for that age.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        tests: list[Callable[[Advice], bool]] = []
        if age is not None:
            tests.append(age_test(age))
        if audience is not None:
            wanted_audience = _enum("audience", audience, Audience)
            tests.append(lambda a: wanted_audience in a.audiences)
        if topic is not None:
            wanted_topic = _enum("topic", topic, Topic)
            tests.append(lambda a: wanted_topic in a.topics)
        if jurisdiction is not None:
            place = _region("jurisdiction", jurisdiction)
            tests.append(lambda a: _applies(a.jurisdictions, place))
        if resource is not None:
            tests.append(lambda a: any(r.id == resource for r in a.resources))
        if occasion is not None:
            tests.append(_occasion_test(occasion))
        return self._filtered(*tests)

    def tip(
        self,
        *,
        on: dt.date | None = None,
        audience: str | None = "young-people",
        topic: str | None = None,
        jurisdiction: str | None = None,
        age: int | None = None,
    ) -> Advice:
        """Return the tip of the day: the same item all day, a different one the next.

        When a campaign moment is near (see :meth:`OccasionCollection.on`), the tip comes from the
        advice tagged with it, if any matches the filters.

        Args:
            on: The day; today by default.
            audience: As for :meth:`select`; young people by default.
            topic: As for :meth:`select`.
            jurisdiction: As for :meth:`select`. Without one, only advice that applies
                everywhere is chosen: a tip for an unknown place must not state one country's law.
            age: As for :meth:`select`. Without one, a tip for young people is never one of
                the items for young adults (18 and over): the reader may be a child.

        Raises:
            ContentNotFoundError: No advice matches the filters.
            TypeError: *on* is not a date.
        """
        if on is not None and not isinstance(on, dt.date):
            raise TypeError(f"on must be a datetime.date, got {on!r}")
        choices = self.select(audience=audience, topic=topic, jurisdiction=jurisdiction, age=age)
        if jurisdiction is None:
            choices = tuple(a for a in choices if not a.jurisdictions)
        if age is None and audience == Audience.YOUNG_PEOPLE.value:
            choices = tuple(a for a in choices if not (a.ages and (a.ages.min or 0) >= _ADULT))
        if not choices:
            wanted = ", ".join(
                f"{k}={v!r}"
                for k, v in (
                    ("audience", audience),
                    ("topic", topic),
                    ("jurisdiction", jurisdiction),
                    ("age", age),
                )
                if v is not None
            )
            raise ContentNotFoundError(
                "advice", "", message=f"no advice matches {wanted or 'these filters'}"
            )
        day = on if on is not None else dt.date.today()  # noqa: DTZ011
        timely = tuple(a for a in choices if any(o.active_on(day) for o in a.occasions))
        if timely:
            choices = timely
        return choices[day.toordinal() % len(choices)]


class ResourceCollection(Collection[Resource]):
    """The help resources of a catalogue."""

    __slots__ = ()

    def select(  # noqa: PLR0913 - each filter is one keyword, and they combine
        self,
        *,
        country: str | None = None,
        kind: str | None = None,
        audience: str | None = None,
        channel: str | None = None,
        worldwide: bool = True,
        need: str | None = None,
        age: int | None = None,
        taken_at_age: int | None = None,
        open_at: dt.datetime | None = None,
    ) -> tuple[Resource, ...]:
        """Return the resources that match every filter given.

        With *country*, the country's own resources come first, then (unless *worldwide* is
        false) the services that can be used from anywhere.

        Args:
            country: An ISO 3166-1 alpha-2 code, such as ``"GB"``, in any case.
            kind: A :class:`ResourceKind` value, such as ``"helpline"``.
            audience: An :class:`Audience` value.
            channel: A :class:`ChannelKind` value, such as ``"phone"``.
            worldwide: Include services usable from anywhere when filtering by country.
            need: A :class:`Need` value: resources that meet it.
            age: The reader's age in years: resources that serve it (:meth:`Resource.serves_age`).
            taken_at_age: The age of the person in an image when it was taken: removal tools
                that can act on it (:meth:`Resource.eligible`).
            open_at: An aware datetime: resources known to be open then
                (:meth:`Resource.is_open` is True); unknown hours are left out.

        Raises:
            InvalidFilterError: A filter value is malformed or not an ISO 3166-1 country code.
        """
        tests: list[Callable[[Resource], bool]] = []
        if kind is not None:
            wanted_kind = _enum("kind", kind, ResourceKind)
            tests.append(lambda r: r.kind is wanted_kind)
        if audience is not None:
            wanted_audience = _enum("audience", audience, Audience)
            tests.append(lambda r: wanted_audience in r.audiences)
        if channel is not None:
            wanted_channel = _enum("channel", channel, ChannelKind)
            tests.append(lambda r: any(c.kind is wanted_channel for c in r.channels))
        if need is not None:
            wanted_need = _enum("need", need, Need)
            tests.append(lambda r: wanted_need in r.needs)
        if age is not None:
            years = _years("age", age)
            tests.append(lambda r: r.serves_age(years))
        if taken_at_age is not None:
            taken = _years("taken_at_age", taken_at_age)
            tests.append(lambda r: r.eligible(taken_at_age=taken))
        if open_at is not None:
            moment: object = open_at  # callers without type checking can pass anything
            if not isinstance(moment, dt.datetime) or moment.utcoffset() is None:
                raise InvalidFilterError(
                    "open_at", open_at, "an aware datetime, such as datetime.now(UTC)"
                )
            tests.append(lambda r: r.is_open(open_at) is True)
        if country is None:
            return self._filtered(*tests)
        given: object = country  # anything can arrive from a request: check, then trust
        code = country.upper() if isinstance(given, str) and country.isascii() else ""
        if code not in known_countries():
            part = code.split("-")[0]
            suggestion = suggest_region(country, subdivisions=False) or (
                part if _REGION.match(code) and part in known_countries() else None
            )
            raise InvalidFilterError(
                "country",
                country,
                "an ISO 3166-1 alpha-2 country code such as 'GB'",
                (suggestion,) if suggestion else (),
            )
        national = self._filtered(lambda r: code in r.countries, *tests)
        if not worldwide:
            return national
        return national + self._filtered(lambda r: r.worldwide, *tests)


def _years(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
        raise InvalidFilterError(name, value, "a whole number of years from 0 to 120")
    return value


#: Names people use for a country that are not its ISO 3166-1 alpha-2 code.
_ALIASES = {"UK": "GB", "EN": "GB", "ENG": "GB", "USA": "US", "EL": "GR"}


class EmergencyCollection(Collection[EmergencyService]):
    """Each country's emergency numbers, by ISO 3166-1 alpha-2 code (``emergency_numbers["AU"]``).

    A code in lower case, or a name that is not the code (``"UK"``), is an error that names the
    code to use: a wrong guess here must never silently give another country's number.
    """

    __slots__ = ()

    def __getitem__(self, country: str) -> EmergencyService:
        """Return the emergency numbers of *country*.

        Raises:
            ContentNotFoundError: No record for that code; the error names the code to use.
        """
        try:
            return self._data()[country]
        except (KeyError, TypeError):
            pass
        if isinstance(country, str):
            upper = _ALIASES.get(country.upper(), country.upper())
            if upper != country and upper in self._data():
                raise ContentNotFoundError(
                    "emergency number",
                    country,
                    [upper],
                    f"no emergency numbers for {country!r}: countries are ISO 3166-1 alpha-2 "
                    f"codes in upper case; did you mean {upper!r}?",
                )
        raise self._not_found(country)
