"""The content model: frozen, slotted, keyword-only attrs classes, validated on construction."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from attrs import field, frozen, validators
from attrs import fields as attrs_fields

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
    "Audience",
    "Channel",
    "ChannelKind",
    "Confidence",
    "Fact",
    "FrozenDict",
    "Item",
    "Occasion",
    "Period",
    "Quote",
    "Resource",
    "ResourceKind",
    "Review",
    "Source",
    "SourceKind",
    "Speaker",
    "Topic",
    "placeholders",
]

LocaleArg = "Locale | str | None"


class Audience(enum.StrEnum):
    """Who a piece of advice or a resource is for."""

    YOUNG_PEOPLE = "young-people"
    PARENTS_CARERS = "parents-carers"
    PROFESSIONALS = "professionals"
    #: Adults (18 and over) whose own images are involved; used for resources.
    ADULTS = "adults"


class Topic(enum.StrEnum):
    """What an item is about."""

    BEFORE_SENDING = "before-sending"
    BEING_ASKED = "being-asked"
    SENT_AN_IMAGE = "sent-an-image"
    RECEIVED_AN_IMAGE = "received-an-image"
    IMAGE_SHARED = "image-shared"
    SEXTORTION = "sextortion"
    REPORTING_AND_REMOVAL = "reporting-and-removal"
    THE_LAW = "the-law"
    POLICE_RESPONSE = "police-response"
    SUPPORT = "support"
    TALKING_ABOUT_IT = "talking-about-it"
    RESPONDING_CALMLY = "responding-calmly"
    RESPONDING_TO_DISCLOSURE = "responding-to-disclosure"
    PREVALENCE = "prevalence"


class ResourceKind(enum.StrEnum):
    """What a help resource does."""

    HELPLINE = "helpline"
    REPORT = "report"
    REMOVAL = "removal"
    INFORMATION = "information"


class ChannelKind(enum.StrEnum):
    """How a resource can be reached."""

    PHONE = "phone"
    SMS = "sms"
    CHAT = "chat"
    EMAIL = "email"
    WEB = "web"


class SourceKind(enum.StrEnum):
    """What kind of publication a source is."""

    NEWS = "news"
    REPORT = "report"
    GUIDANCE = "guidance"
    LAW = "law"
    SURVEY = "survey"
    PAPER = "paper"
    OFFICIAL = "official"
    CAMPAIGN = "campaign"


class Confidence(enum.StrEnum):
    """How well a resource's details are confirmed by its sources."""

    #: Confirmed by the operator, a government page or several independent reports.
    VERIFIED = "verified"
    #: Found only in a secondary, old or single source, or with conflicting details.
    PARTIAL = "partial"


class Review(enum.StrEnum):
    """The review status of one piece of text in one locale."""

    #: The original text as the editors wrote and sourced it (English, or a quote's language).
    SOURCE = "source"
    #: A translation that a named human reviewer has checked.
    REVIEWED = "reviewed"
    #: A translation nobody has reviewed yet (machine-quality until proven otherwise).
    UNREVIEWED = "unreviewed"


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_HTTPS = re.compile(r"https://[^\s/?#]+\.[^\s]+\Z|https://[^\s/?#.]+\.[a-z]{2,}\Z")
_REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?\Z")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*)(?::([a-z]+))?\}|[{}]")
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


def _slug(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(
            f"{attribute.name} must be a kebab-case slug like 'report-remove', got {value!r}"
        )


def _text(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text, got {value!r}")
    if value != value.strip():
        raise ValueError(f"{attribute.name} must not start or end with white space, got {value!r}")


def _optional_text(inst: object, attribute: Any, value: str) -> None:
    if value:
        _text(inst, attribute, value)


def _https(_inst: object, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _HTTPS.match(value)):
        raise ValueError(f"{attribute.name} must be an https:// address or absent, got {value!r}")


def _regions(_inst: object, attribute: Any, value: Any) -> None:
    for code in value:
        if not isinstance(code, str) or not _REGION.match(code):
            raise ValueError(
                f"{attribute.name} must hold ISO 3166 codes such as 'GB' or 'GB-SCT', got {code!r}"
            )


def _countries(_inst: object, attribute: Any, value: Any) -> None:
    for code in value:
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError(
                f"{attribute.name} must hold ISO 3166-1 alpha-2 codes such as 'GB', got {code!r}"
            )


def _boolean(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be true or false, got {value!r}")


def _language(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ValueError(
            f"{attribute.name} must be a language tag such as 'en' or 'pt-BR', got {value!r}"
        )


def _days(_inst: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"{attribute.name} must be a whole number of days, 0 or more, got {value!r}"
        )


def _nonempty(_inst: object, attribute: Any, value: tuple[object, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must list at least one entry")


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"must be a list, got {value!r}")
    return tuple(value)


def _members(enum_type: type[E], value: Any) -> tuple[E, ...]:
    return tuple(_one_of(enum_type, item) for item in _as_tuple(value))


def _topics(value: Any) -> tuple[Topic, ...]:
    return _members(Topic, value)


def _audiences(value: Any) -> tuple[Audience, ...]:
    return _members(Audience, value)


def _one_of(enum_type: type[E], value: Any) -> E:
    # The enum's own value map: calling the enum costs ten times as much, per value, per load.
    try:
        member: E = enum_type._value2member_map_[value]  # type: ignore[assignment]
    except (KeyError, TypeError):
        expected = ", ".join(repr(m.value) for m in enum_type)
        raise ValueError(f"{value!r} is not one of {expected}") from None
    return member


def _source_kind(value: Any) -> SourceKind:
    return _one_of(SourceKind, value)


def _channel_kind(value: Any) -> ChannelKind:
    return _one_of(ChannelKind, value)


def _resource_kind(value: Any) -> ResourceKind:
    return _one_of(ResourceKind, value)


def _confidence(value: Any) -> Confidence:
    return _one_of(Confidence, value)


def _date(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{attribute.name} must be a date (YYYY-MM-DD), got {value!r}")


class Renderer(Protocol):
    """What an item needs from its catalogue to speak a locale (given when a catalogue loads it)."""

    def text(self, item: Item, name: str, locale: Locale | str | None) -> LocalizedText:
        """Return one text field of *item* in *locale*."""

    def localize(self, item: Item, locale: Locale | str | None) -> Any:
        """Return *item* with every text field in *locale*."""


def _no_renderer(item: Item) -> LookupError:
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

    def localized_field(self, name: str, locale: Locale | str | None = None) -> LocalizedText:
        """Return the text field *name* in *locale*, with fallback.

        Raises:
            InvalidLocaleError: *locale* is malformed.
            LookupError: The item belongs to no catalogue.
        """
        if self.renderer is None:
            raise _no_renderer(self)  # type: ignore[arg-type]
        return self.renderer.text(self, name, locale)  # type: ignore[arg-type]


def _renderer_field() -> Any:
    return field(default=None, eq=False, repr=False, kw_only=True)


@frozen(kw_only=True)
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
    author: str | None = field(default=None)
    note: str = field(default="", validator=_optional_text)


@frozen(kw_only=True)
class Period:
    """The inclusive span of time a statistic covers."""

    start: dt.date = field(validator=_date)
    end: dt.date = field(validator=_date)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end: the period ends ({self.end}) before it starts ({self.start})")


@frozen(kw_only=True)
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


@frozen(kw_only=True)
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


@frozen(kw_only=True)
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
        reserved = PERIOD_PLACEHOLDERS & set(self.values)
        if reserved:
            raise ValueError(f"values: {sorted(reserved)} are reserved for the period's dates")

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


@frozen(kw_only=True)
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


@frozen(kw_only=True)
class Channel:
    """One way to reach a resource; :attr:`value` is absent where the sources give no address."""

    kind: ChannelKind = field(converter=_channel_kind)
    value: str | None = field(default=None)


@frozen(kw_only=True)
class Resource(_Localizable):
    """A helpline, or a report or image-removal service, for one or more countries."""

    item_kind: ClassVar[str] = "resource"
    translatable: ClassVar[tuple[str, ...]] = ("description", "hours")
    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    operator: str = field(validator=_text)
    #: ISO 3166-1 alpha-2 codes; empty means usable from anywhere.
    countries: tuple[str, ...] = field(converter=_as_tuple, validator=_countries)
    kind: ResourceKind = field(converter=_resource_kind)
    audiences: tuple[Audience, ...] = field(converter=_audiences, validator=_nonempty)
    description: str = field(validator=_text)
    hours: str = field(default="", validator=_optional_text)
    url: str | None = field(default=None, validator=_https)
    channels: tuple[Channel, ...] = field(default=(), converter=_as_tuple)
    sources: tuple[Source, ...] = field(converter=_as_tuple, validator=_nonempty)
    confidence: Confidence = field(converter=_confidence)
    verified: dt.date = field(validator=_date)
    note: str = field(default="", validator=_optional_text)
    renderer: Renderer | None = _renderer_field()

    @property
    def worldwide(self) -> bool:
        """True when the resource can be used from any country."""
        return not self.countries

    def localize(self, locale: Locale | str | None = None) -> LocalizedResource:
        """Return this resource with its description and hours in *locale*."""
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedResource = self.renderer.localize(self, locale)
        return result


@frozen(kw_only=True)
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
    #: Help resources to show with it.
    resources: tuple[Resource, ...] = field(default=(), converter=_as_tuple)
    note: str = field(default="", validator=_optional_text)
    #: Campaign moments the advice suits (Valentine's Day, Safer Internet Day, ...).
    occasions: tuple[Occasion, ...] = field(default=(), converter=_as_tuple)
    reviewed: dt.date = field(validator=_date)
    renderer: Renderer | None = _renderer_field()

    def localize(self, locale: Locale | str | None = None) -> LocalizedAdvice:
        """Return this advice with its title and body in *locale*."""
        if self.renderer is None:
            raise _no_renderer(self)
        result: LocalizedAdvice = self.renderer.localize(self, locale)
        return result


#: Any item kind that a collection holds.
Item = Fact | Quote | Advice | Resource | Speaker | Occasion
