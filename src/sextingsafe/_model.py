"""The content model: frozen, slotted, keyword-only attrs classes, validated on construction."""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from attrs import field, frozen, validators
from attrs import fields as attrs_fields

from ._contact import MAX_EVIDENCE_AGE, AgeRange, Channel, Eligibility, _age_range
from ._enums import (
    Audience,
    ChannelKind,
    Confidence,
    EmergencyUse,
    Limit,
    Need,
    ResourceKind,
    ResourceStatus,
    Review,
    SourceKind,
    Topic,
)
from ._fields import (
    _as_tuple,
    _audiences,
    _boolean,
    _confidence,
    _countries,
    _date,
    _days,
    _https,
    _language,
    _needs,
    _nonempty,
    _one_of,
    _optional_string,
    _optional_text,
    _regions,
    _resource_kind,
    _slug,
    _source_kind,
    _text,
    _topics,
)
from ._hours import Hours

if TYPE_CHECKING:
    from babel import Locale

    from ._localized import (
        LocalizedAdvice,
        LocalizedFact,
        LocalizedQuote,
        LocalizedResource,
        LocalizedText,
    )

__all__ = [
    "Advice",
    "AgeRange",
    "Audience",
    "Channel",
    "ChannelKind",
    "Confidence",
    "Eligibility",
    "EmergencyNumber",
    "EmergencyService",
    "EmergencyUse",
    "Fact",
    "FrozenDict",
    "Hours",
    "Item",
    "Limit",
    "Need",
    "Occasion",
    "Period",
    "Quote",
    "Resource",
    "ResourceKind",
    "ResourceStatus",
    "Review",
    "Source",
    "SourceKind",
    "Speaker",
    "Topic",
    "placeholders",
]

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*)(?::([a-z]+))?\}|[{}]")
#: The largest value a statement may show: Babel formats numbers through a decimal context.
_LARGEST = 10**15
#: Placeholder format specs: ``{n}`` is a number, ``{n:percent}`` a fraction, ``{n:year}`` a year.
SPECS = frozenset({"", "percent", "year"})
#: Placeholders filled from a fact's period rather than its values.
PERIOD_PLACEHOLDERS = frozenset({"start", "end", "period"})


def placeholders(template: str) -> tuple[tuple[str, str], ...]:
    """Return the ``(name, spec)`` placeholders of a statement template, in order.

    Only ``{name}`` and ``{name:spec}`` with a lower-case identifier are placeholders;
    ``{{`` and ``}}`` are literal braces.
    Anything else with a brace is rejected, so a template can never reach attributes or indexes.

    Raises:
        ValueError: The template has a stray brace or an unknown spec.
    """
    found = []
    for match in _PLACEHOLDER.finditer(template):
        token = match.group(0)
        if token in {"{{", "}}"}:
            continue
        name, spec = match.group(1), match.group(2) or ""
        if name is None:
            raise ValueError(
                f"stray {token!r} at position {match.start()} in {template!r}: "
                "placeholders are {name} or {name:spec}; write {{ or }} for a literal brace"
            )
        if spec not in SPECS:
            raise ValueError(
                f"unknown placeholder spec {spec!r} in {{{name}:{spec}}}: expected one of "
                + ", ".join(repr(s) for s in sorted(SPECS - {""}))
            )
        found.append((name, spec))
    return tuple(found)


E = TypeVar("E", bound=enum.Enum)
K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(Mapping[K, V]):
    """A read-only, hashable mapping, so that frozen items stay hashable all the way down."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        self._data: dict[K, V] = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"


def _frozen_values(value: Mapping[str, int | float] | None) -> FrozenDict[str, int | float]:
    return value if isinstance(value, FrozenDict) else FrozenDict(value)


class Renderer(Protocol):
    """What an item needs from its catalogue to speak a locale (given when a catalogue loads it)."""

    def text(self, item: _Localizable, name: str, locale: Locale | str | None) -> LocalizedText:
        """Return one text field of *item* in *locale*."""

    def localize(  # noqa: PLR0913 - the reader's circumstances, each optional
        self,
        item: _Localizable,
        locale: Locale | str | None,
        country: str | None = None,
        *,
        age: int | None = None,
        taken_at_age: int | None = None,
        at: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> Any:
        """Return *item* with every text field in *locale* (and advice's help for *country*)."""

    def label(
        self, name: str, locale: Locale | str | None, count: int | None = None
    ) -> LocalizedText:
        """Return the catalogue's interface label *name* in *locale*."""


def _no_renderer(item: _Localizable) -> LookupError:
    return LookupError(
        f"{type(item).__name__} {item.id!r} was built by hand and belongs to no catalogue, "
        "so it has no translations; load content through sextingsafe.Catalogue to localise it"
    )


class _Localizable:
    """Mixin: the localising methods shared by every item kind."""

    __slots__ = ()
    #: The kind's name, used in message contexts (``kind:id:field``) and errors.
    item_kind: ClassVar[str]
    #: The fields that translators translate.
    translatable: ClassVar[tuple[str, ...]]
    id: str
    renderer: Renderer | None

    def __repr__(self) -> str:
        # The id names the item; the full fields run to kilobytes (use attrs.asdict for them).
        return f"{type(self).__name__}(id={self.id!r})"

    def message(self, name: str) -> str:
        """Return the English source text of the message *name* (``""`` when it is absent).

        A message is a translatable field, or one entry of a translatable list
        (``line-2`` is the second of a script's ``lines``).

        Raises:
            AttributeError: The item has no message called *name*.
        """
        if name not in type(self).translatable:
            raise AttributeError(f"{type(self).__name__} has no translatable field {name!r}")
        value: str = getattr(self, name)
        return value

    def messages(self) -> tuple[tuple[str, str], ...]:
        """Return ``(name, English text)`` for each of the item's messages that has text."""
        return tuple(
            (name, text) for name in type(self).translatable if (text := self.message(name))
        )

    def localized_field(self, name: str, locale: Locale | str | None = None) -> LocalizedText:
        """Return the text field *name* in *locale*, with fallback.

        Raises:
            InvalidLocaleError: *locale* is malformed.
            LookupError: The item belongs to no catalogue.
        """
        if self.renderer is None:
            raise _no_renderer(self)
        return self.renderer.text(self, name, locale)


def _renderer_field() -> Any:
    return field(default=None, eq=False, repr=False, kw_only=True)


@frozen(kw_only=True, repr=False)
class Source:
    """A publication that content is checked against."""

    id: str = field(validator=_slug)
    publisher: str = field(validator=_text)
    title: str = field(validator=_text)
    kind: SourceKind = field(converter=_source_kind)
    #: The date the source shows; ``None`` when it shows none ("n.d.").
    published: dt.date | None = field(default=None, validator=validators.optional(_date))
    #: The publisher's own address; ``None`` for print or where it is not known.
    url: str | None = field(default=None, validator=_https)
    #: Where the text was actually read, when that is not :attr:`url` (a mirror or archive).
    via: str | None = field(default=None, validator=_https)
    author: str | None = field(default=None, validator=_optional_string)
    note: str = field(default="", validator=_optional_text)

    def __repr__(self) -> str:
        return f"Source(id={self.id!r})"


@frozen(kw_only=True)
class Period:
    """The inclusive span of time a statistic covers."""

    start: dt.date = field(validator=_date)
    end: dt.date = field(validator=_date)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end: the period ends ({self.end}) before it starts ({self.start})")


@frozen(kw_only=True, repr=False)
class Speaker(_Localizable):
    """A person quoted; a pseudonym is flagged as one."""

    item_kind: ClassVar[str] = "speaker"
    translatable: ClassVar[tuple[str, ...]] = ("role",)
    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    role: str = field(validator=_text)
    organisation: str = field(default="", validator=_optional_text)
    #: True when :attr:`name` is not the person's real name.
    pseudonymous: bool = field(default=False, validator=_boolean)
    renderer: Renderer | None = _renderer_field()


@frozen(kw_only=True, repr=False)
class Occasion(_Localizable):
    """A campaign moment that content suits, with a sourced rule for its date.

    Either :attr:`month` and :attr:`day` give the same date every year, or :attr:`dates` lists
    the dates its organisers announced (for days that move from year to year).
    """

    item_kind: ClassVar[str] = "occasion"
    translatable: ClassVar[tuple[str, ...]] = ("name",)
    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    month: int | None = field(default=None)
    day: int | None = field(default=None)
    dates: tuple[dt.date, ...] = field(default=(), converter=_as_tuple)
    #: How many days before the date content for it is picked.
    lead_days: int = field(default=0, validator=_days)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    note: str = field(default="", validator=_optional_text)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def __attrs_post_init__(self) -> None:
        fixed = self.month is not None or self.day is not None
        if fixed == bool(self.dates):
            raise ValueError(
                "dates: an occasion needs either month and day, or a list of dates, not both"
            )
        if fixed:
            if not isinstance(self.month, int) or not isinstance(self.day, int):
                raise TypeError("month: month and day must both be whole numbers")
            dt.date(2000, self.month, self.day)  # raises ValueError for 31 February and the like
        for date in self.dates:
            _date(self, attrs_fields(Occasion).dates, date)

    def date_in(self, year: int) -> dt.date | None:
        """Return the occasion's date in *year*, or ``None`` when no date is known for that year."""
        if self.month is not None and self.day is not None:
            try:
                return dt.date(year, self.month, self.day)
            except ValueError:  # 29 February in a common year
                return None
        return next((d for d in self.dates if d.year == year), None)

    def next_date(self, day: dt.date) -> dt.date | None:
        """Return the first date of the occasion on or after *day*, or ``None`` if none is known."""
        # Eight years always include a leap year, for an occasion on 29 February.
        for year in range(day.year, day.year + 9):
            date = self.date_in(year)
            if date is not None and date >= day:
                return date
        return next((d for d in sorted(self.dates) if d >= day), None)

    def active_on(self, day: dt.date) -> dt.date | None:
        """Return the occasion's date if *day* is on it or within its lead time, else ``None``."""
        for year in (day.year, day.year + 1):
            date = self.date_in(year)
            if date is not None and dt.timedelta(0) <= date - day <= dt.timedelta(
                days=self.lead_days
            ):
                return date
        return None


@frozen(kw_only=True, repr=False)
class Fact(_Localizable):
    """A statistic with its value, period, place, population and provenance."""

    item_kind: ClassVar[str] = "fact"
    translatable: ClassVar[tuple[str, ...]] = ("statement", "place", "population", "caveat")
    id: str = field(validator=_slug)
    #: The English template; see :doc:`/reference/content-schema` for placeholders.
    statement_template: str = field(validator=_text, alias="statement")
    values: FrozenDict[str, int | float] = field(factory=FrozenDict, converter=_frozen_values)
    period: Period | None = field(default=None)
    place: str = field(validator=_text)
    population: str = field(validator=_text)
    topics: tuple[Topic, ...] = field(converter=_topics, validator=_nonempty)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    jurisdictions: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_regions)
    caveat: str = field(default="", validator=_optional_text)
    note: str = field(default="", validator=_optional_text)
    #: Campaign moments the fact suits.
    occasions: tuple[Occasion, ...] = field(default=(), converter=_as_tuple)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def __attrs_post_init__(self) -> None:
        names = set()
        try:
            found = placeholders(self.statement_template)
        except ValueError as error:
            raise ValueError(f"statement: {error}") from None
        for name, spec in found:
            names.add(name)
            if name in PERIOD_PLACEHOLDERS:
                if self.period is None:
                    raise ValueError(f"statement: uses {{{name}}} but the fact has no period")
                if spec:
                    raise ValueError(f"statement: {{{name}}} takes no spec, got {{{name}:{spec}}}")
            elif name not in self.values:
                raise ValueError(f"statement: uses {{{name}}} but values has no {name!r}")
        unused = set(self.values) - names
        if unused:
            raise ValueError(f"values: {sorted(unused)} are not used in the statement")
        for name, value in self.values.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"values: {name!r} must be a number, got {value!r}")
            if not math.isfinite(value) or abs(value) >= _LARGEST:
                raise ValueError(
                    f"values: {name!r} must be a finite number below 10^15, got {value!r}"
                )
        reserved = PERIOD_PLACEHOLDERS & set(self.values)
        if reserved:
            raise ValueError(f"values: {sorted(reserved)} are reserved for the period's dates")

    def message(self, name: str) -> str:
        """Return the English source text of the message *name*; the statement is its template."""
        return self.statement_template if name == "statement" else super().message(name)

    def statement(self, locale: Locale | str | None = None) -> LocalizedText:
        """Return the statement in *locale*, its numbers and dates formatted for that locale.

        Raises:
            InvalidLocaleError: *locale* is malformed.
        """
        return self.localized_field("statement", locale)

    def localize(self, locale: Locale | str | None = None) -> LocalizedFact:
        """Return this fact with every text field in *locale*."""
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedFact = self.renderer.localize(self, locale)
        return result


@frozen(kw_only=True, repr=False)
class Quote(_Localizable):
    """Exact words, in their original language, with speaker, date and source."""

    item_kind: ClassVar[str] = "quote"
    translatable: ClassVar[tuple[str, ...]] = ("text", "context", "content_note")
    id: str = field(validator=_slug)
    #: The verbatim words, in :attr:`language`.
    text: str = field(validator=_text)
    language: str = field(validator=_language)
    speaker: Speaker = field(validator=validators.instance_of(Speaker))
    date: dt.date = field(validator=_date)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    context: str = field(validator=_text)
    #: A warning to show before the words, e.g. when they contain a slur.
    content_note: str = field(default="", validator=_optional_text)
    topics: tuple[Topic, ...] = field(default=(), converter=_topics)
    #: Campaign moments the quote suits.
    occasions: tuple[Occasion, ...] = field(default=(), converter=_as_tuple)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def localize(self, locale: Locale | str | None = None) -> LocalizedQuote:
        """Return this quote's original words beside a labelled translation into *locale*."""
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedQuote = self.renderer.localize(self, locale)
        return result


def _resource_status(value: Any) -> ResourceStatus:
    return _one_of(ResourceStatus, value)


def _channels(value: Any) -> tuple[Channel, ...]:
    return tuple(c if isinstance(c, Channel) else Channel(**c) for c in _as_tuple(value))


def _eligibility(value: Any) -> Eligibility | None:
    if value is None or isinstance(value, Eligibility):
        return value
    if not isinstance(value, dict):
        raise TypeError(f"eligibility must be a table, got {value!r}")
    return Eligibility(**value)


@frozen(kw_only=True, repr=False)
class Resource(_Localizable):
    """A helpline, or a report or image-removal service, for one or more countries.

    Hours, numbers and addresses are on its :attr:`channels`, each with the date of its newest
    evidence; :attr:`checked` is when the record was last checked against the research.
    """

    item_kind: ClassVar[str] = "resource"
    translatable: ClassVar[tuple[str, ...]] = ("description",)
    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    operator: str = field(validator=_text)
    #: ISO 3166-1 alpha-2 codes; empty means usable from anywhere.
    countries: tuple[str, ...] = field(converter=_as_tuple, validator=_countries)
    kind: ResourceKind = field(converter=_resource_kind)
    audiences: tuple[Audience, ...] = field(converter=_audiences, validator=_nonempty)
    #: The kinds of help the resource gives; advice that needs one of them shows it.
    needs: tuple[Need, ...] = field(default=(), converter=_needs)
    #: The ages the resource serves; ``None`` when the sources set no limit.
    ages: AgeRange | None = field(default=None, validator=_age_range)
    #: Whether it runs as recorded.
    status: ResourceStatus = field(default=ResourceStatus.ACTIVE, converter=_resource_status)
    description: str = field(validator=_text)
    url: str | None = field(default=None, validator=_https)
    channels: tuple[Channel, ...] = field(default=(), converter=_channels)
    #: For removal tools: whose images it can act on, and its limits.
    eligibility: Eligibility | None = field(default=None, converter=_eligibility)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    confidence: Confidence = field(converter=_confidence)
    #: When the record was last checked against the research (not when the service was).
    checked: dt.date = field(validator=_date)
    #: The date of the newest source supporting the description, ages and eligibility;
    #: ``None`` when no supporting source is dated.
    as_of: dt.date | None = field(default=None, validator=validators.optional(_date))
    note: str = field(default="", validator=_optional_text)
    renderer: Renderer | None = _renderer_field()

    @property
    def worldwide(self) -> bool:
        """True when the resource can be used from any country."""
        return not self.countries

    def is_open(self, at: dt.datetime) -> bool | None:
        """Return whether any channel is open at the aware datetime *at*.

        True when a channel with known hours is open; False only when every channel's hours
        are known and none is open; otherwise ``None`` (unknown), since a channel with unknown
        hours might be open.

        Raises:
            TypeError: *at* is naive.
        """
        answers = [c.is_open(at) for c in self.channels]
        if True in answers:
            return True
        if None in answers or not answers:
            return None
        return False

    def serves_age(self, age: int) -> bool:
        """Return True when the resource serves someone of *age*; any age without :attr:`ages`."""
        return self.ages is None or self.ages.includes(age)

    def eligible(self, *, taken_at_age: int | None = None, country: str | None = None) -> bool:
        """Return True unless what is known rules the resource out.

        Args:
            taken_at_age: The age of the person in the image when it was taken, if known;
                checked against :attr:`eligibility`.
            country: An ISO 3166-1 alpha-2 code (any case); a national resource serves its
                own countries only.
        """
        if country is not None and self.countries and country.upper() not in self.countries:
            return False
        return self.eligibility is None or self.eligibility.allows(taken_at_age)

    def stale(self, on: dt.date) -> tuple[str, ...]:
        """Name the details whose newest evidence is more than two years old on *on*.

        ``"description"`` for the resource's own :attr:`as_of`, ``"channels[N]"`` for a channel;
        empty when nothing is known to be stale (undated evidence is unknown, not stale).
        """
        found = []
        if self.as_of is not None and on - self.as_of > MAX_EVIDENCE_AGE:
            found.append("description")
        found += [f"channels[{n}]" for n, c in enumerate(self.channels) if c.stale(on)]
        return tuple(found)

    def localize(
        self, locale: Locale | str | None = None, *, today: dt.date | None = None
    ) -> LocalizedResource:
        """Return this resource with its description, hours, freshness and limits in *locale*.

        Args:
            locale: The reader's locale.
            today: The day to judge freshness on (a detail is stale when its evidence is more
                than two years older); ``date.today()`` by default.

        Raises:
            InvalidLocaleError: *locale* is malformed.
        """
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedResource = self.renderer.localize(self, locale, today=today)
        return result


def _emergency_use(value: Any) -> tuple[EmergencyUse, ...]:
    return tuple(_one_of(EmergencyUse, v) for v in _as_tuple(value))


def _emergency_numbers(value: Any) -> tuple[EmergencyNumber, ...]:
    return tuple(
        n if isinstance(n, EmergencyNumber) else EmergencyNumber(**n) for n in _as_tuple(value)
    )


@frozen(kw_only=True)
class EmergencyNumber:
    """One emergency number and what it is for."""

    number: str = field(validator=_text)
    #: What it reaches: every service (``general``), or police, ambulance or fire.
    uses: tuple[EmergencyUse, ...] = field(converter=_emergency_use, validator=_nonempty)
    #: ``partial`` where only a secondary, old or single source gives it.
    confidence: Confidence = field(default=Confidence.VERIFIED, converter=_confidence)
    #: Where it works only in part (from mobiles, in some states ...), in English.
    note: str = field(default="", validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if not self.number.isascii() or not self.number.isdigit():
            raise ValueError(f"number: an emergency number is digits only, got {self.number!r}")


@frozen(kw_only=True, repr=False)
class EmergencyService:
    """A country's emergency numbers, sourced; the first is the one to tell readers to call."""

    item_kind: ClassVar[str] = "emergency"
    #: Nothing to translate: numbers are data.
    translatable: ClassVar[tuple[str, ...]] = ()
    #: ISO 3166-1 alpha-2 code.
    country: str = field()
    numbers: tuple[EmergencyNumber, ...] = field(converter=_emergency_numbers, validator=_nonempty)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    #: ``partial`` when any of its numbers is only partly confirmed.
    confidence: Confidence = field(converter=_confidence)
    checked: dt.date = field(validator=_date)
    #: The date of the newest source supporting the numbers; ``None`` when none is dated.
    as_of: dt.date | None = field(default=None, validator=validators.optional(_date))
    note: str = field(default="", validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _countries(self, _Attribute("country"), (self.country,))
        if not isinstance(self.country, str):
            raise TypeError(f"country must be an ISO 3166-1 alpha-2 code, got {self.country!r}")
        partial = any(n.confidence is Confidence.PARTIAL for n in self.numbers)
        if partial and self.confidence is not Confidence.PARTIAL:
            raise ValueError("confidence: a record with a partial number is partial")

    @property
    def id(self) -> str:
        """The country code: emergency numbers are looked up by country."""
        return self.country

    @property
    def primary(self) -> EmergencyNumber:
        """The number to tell readers to call: the first listed."""
        return self.numbers[0]

    def __str__(self) -> str:
        return self.primary.number

    def __repr__(self) -> str:
        return f"EmergencyService(country={self.country!r})"

    def stale(self, on: dt.date) -> bool:
        """Return True when the newest evidence is more than two years old on *on*."""
        return self.as_of is not None and on - self.as_of > MAX_EVIDENCE_AGE


class _Attribute:
    """Stands in for an attrs attribute in a validator's message."""

    def __init__(self, name: str) -> None:
        self.name = name


@frozen(kw_only=True, repr=False)
class Advice(_Localizable):
    """A short, actionable snippet for one or more audiences."""

    item_kind: ClassVar[str] = "advice"
    translatable: ClassVar[tuple[str, ...]] = ("title", "body")
    id: str = field(validator=_slug)
    audiences: tuple[Audience, ...] = field(converter=_audiences, validator=_nonempty)
    topics: tuple[Topic, ...] = field(converter=_topics, validator=_nonempty)
    title: str = field(validator=_text)
    body: str = field(validator=_text)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    #: ISO 3166 codes the advice is limited to; empty means it applies everywhere.
    jurisdictions: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_regions)
    #: The kinds of help to show with it, resolved per country.
    needs: tuple[Need, ...] = field(default=(), converter=_needs)
    #: The ages it suits (young people's advice); ``None`` for every age of its audiences.
    ages: AgeRange | None = field(default=None, validator=_age_range)
    #: Named services, only where the advice is about that service (and limited to its countries).
    resources: tuple[Resource, ...] = field(default=(), converter=_as_tuple)
    note: str = field(default="", validator=_optional_text)
    #: Campaign moments the advice suits (Valentine's Day, Safer Internet Day, ...).
    occasions: tuple[Occasion, ...] = field(default=(), converter=_as_tuple)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def __attrs_post_init__(self) -> None:
        # A named service must serve everyone the advice is for: otherwise a reader elsewhere
        # is sent to another country's service (needs are resolved per country instead).
        for resource in self.resources:
            countries: tuple[str, ...] = getattr(resource, "countries", ())
            if not countries:
                continue
            places = self.jurisdictions
            if places == countries or (places and all(j in countries for j in places)):
                continue  # each place is one the service serves: the common case, at once
            national = {code.split("-")[0] for code in countries}
            outside = [j for j in self.jurisdictions if j.split("-")[0] not in national]
            if not self.jurisdictions or outside:
                where = ", ".join(outside) if outside else "everywhere"
                raise ValueError(
                    f"resources: {resource.id!r} serves only {', '.join(countries)}, "
                    f"but the advice applies {'in ' if outside else ''}{where}; name a service "
                    "only where the advice is about it and limited to its countries, and list "
                    "the help needed under 'needs' instead"
                )

    def localize(  # noqa: PLR0913 - the reader's circumstances, each optional
        self,
        locale: Locale | str | None = None,
        country: str | None = None,
        *,
        age: int | None = None,
        taken_at_age: int | None = None,
        at: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> LocalizedAdvice:
        """Return this advice in *locale*, with the help for a reader in *country*.

        For each of the item's :attr:`needs`, the view's ``resources`` are the country's own
        services first, then services usable from anywhere; never another country's.
        With no country, only services usable from anywhere, and the view says the country
        was not known (``country_known`` is false), so that a page can ask for it.

        Args:
            locale: The reader's locale.
            country: The reader's ISO 3166-1 alpha-2 country code (or a subdivision such as
                ``"GB-SCT"``), in any case; ``None`` when not known.
            age: The reader's age: services that do not serve it are left out.
            taken_at_age: The age of the person in an image when it was taken: removal tools
                are chosen by it (a reader under 18 took it under 18).
            at: An aware time: services open then are listed first.
            today: The day to judge the services' freshness on; the day of *at* when it is
                given, else ``date.today()``.

        Raises:
            InvalidLocaleError: *locale* is malformed.
            InvalidFilterError: *country*, an age or *at* is not valid.
        """
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedAdvice = self.renderer.localize(
            self, locale, country, age=age, taken_at_age=taken_at_age, at=at, today=today
        )
        return result


#: Any item kind that a collection holds.
Item = Fact | Quote | Advice | Resource | Speaker | Occasion
