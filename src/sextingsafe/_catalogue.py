"""Catalogue and its collections: loading packs once, indexing them, and select()."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from attrs import frozen

from ._errors import ContentNotFoundError, InvalidFilterError, PackProblem
from ._gettext import CatalogStore
from ._i18n import (
    DEFAULT,
    direction,
    fallback_chain,
    negotiate_ids,
    parse_locale,
    to_babel,
)
from ._localized import CatalogueRenderer, LocalizedText
from ._model import (
    Advice,
    Audience,
    ChannelKind,
    Fact,
    Occasion,
    Quote,
    Resource,
    ResourceKind,
    Review,
    Source,
    Speaker,
    Topic,
)
from ._packs import BUNDLED, PackContent, RawPack, build, check_catalogues, discover, read_pack

if TYPE_CHECKING:
    from collections.abc import Sequence

    from babel import Locale

__all__ = [
    "AdviceCollection",
    "Catalogue",
    "Collection",
    "FactCollection",
    "LocaleInfo",
    "OccasionCollection",
    "QuoteCollection",
    "ResourceCollection",
    "default_catalogue",
]

T = TypeVar("T", Fact, Quote, Advice, Resource, Source, Speaker, Occasion)
E = TypeVar("E", bound=enum.Enum)
_REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?\Z")


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
        expected = "one of " + ", ".join(repr(m.value) for m in cls)
        raise InvalidFilterError(name, value, expected) from None


def _region(name: str, value: object) -> str:
    if not isinstance(value, str) or not _REGION.match(value.upper()):
        raise InvalidFilterError(name, value, "an ISO 3166 code such as 'GB' or 'GB-SCT'")
    return value.upper()


def _applies(jurisdictions: tuple[str, ...], wanted: str) -> bool:
    return not jurisdictions or any(
        j == wanted or wanted.startswith(j + "-") or j.startswith(wanted + "-")
        for j in jurisdictions
    )


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

    def select(
        self,
        *,
        audience: str | None = None,
        topic: str | None = None,
        jurisdiction: str | None = None,
        resource: str | None = None,
        occasion: str | None = None,
    ) -> tuple[Advice, ...]:
        """Return the advice items that match every filter given.

        Args:
            audience: An :class:`Audience` value, such as ``"young-people"``.
            topic: A :class:`Topic` value, such as ``"before-sending"``.
            jurisdiction: An ISO 3166 code; advice for everywhere, and advice limited to that
                place, to its country or to one of its parts, matches.
            resource: A resource id; advice that points to it matches.
            occasion: An occasion id; advice tagged with it matches.

        Raises:
            InvalidFilterError: A filter value is outside its documented set.
        """
        tests: list[Callable[[Advice], bool]] = []
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

        Raises:
            ContentNotFoundError: No advice matches the filters.
        """
        choices = self.select(audience=audience, topic=topic, jurisdiction=jurisdiction)
        if jurisdiction is None:
            choices = tuple(a for a in choices if not a.jurisdictions)
        if not choices:
            wanted = ", ".join(
                f"{k}={v}"
                for k, v in (
                    ("audience", audience),
                    ("topic", topic),
                    ("jurisdiction", jurisdiction),
                )
                if v
            )
            raise ContentNotFoundError(
                "advice", "", message=f"no advice matches {wanted or 'these filters'}"
            )
        day = on if on is not None else dt.date.today()  # noqa: DTZ011
        timely = tuple(a for a in choices if any(o.active_on(day) for o in a.occasions))
        if timely:
            choices = timely
        return choices[day.toordinal() % len(choices)]


_countries: frozenset[str] | None = None
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def _known_countries() -> frozenset[str]:
    global _countries  # noqa: PLW0603
    if _countries is None:
        territories = to_babel("en").territories
        codes = (str(code) for code in territories)
        # CLDR also names groupings and private-use codes: the EU, the UN, the eurozone, unknown
        # (ZZ), outlying Oceania (QO) and pseudo-locales (XA, XB). None is a country.
        _countries = frozenset(
            code
            for code in codes
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
        )
    return _countries


class ResourceCollection(Collection[Resource]):
    """The help resources of a catalogue."""

    __slots__ = ()

    def select(
        self,
        *,
        country: str | None = None,
        kind: str | None = None,
        audience: str | None = None,
        channel: str | None = None,
        worldwide: bool = True,
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
        if country is None:
            return self._filtered(*tests)
        code = _region("country", country)
        if "-" in code or code not in _known_countries():
            raise InvalidFilterError(
                "country", country, "an ISO 3166-1 alpha-2 country code such as 'GB'"
            )
        national = self._filtered(lambda r: code in r.countries, *tests)
        if not worldwide:
            return national
        return national + self._filtered(lambda r: r.worldwide, *tests)


@frozen(kw_only=True)
class LocaleInfo:
    """A supported locale and how much of the catalogue it covers."""

    #: The locale's name, POSIX-style (``"pt_BR"``).
    locale: str
    #: Its BCP 47 tag (``"pt-BR"``).
    tag: str
    #: ``"rtl"`` or ``"ltr"``.
    direction: str
    #: How many translatable messages the catalogue has.
    total: int
    #: How many are translated for the current English text.
    translated: int
    #: How many of those a named human has reviewed (0 for the source locale: nothing to review).
    reviewed: int
    #: How many messages have only a fuzzy translation (a translator must check it; never shown).
    fuzzy: int = 0
    #: True for the source locale (English), whose texts are the originals, not translations.
    source: bool = False

    @property
    def missing(self) -> int:
        """How many messages have no usable translation."""
        return self.total - self.translated

    @property
    def complete(self) -> bool:
        """True when every message is translated."""
        return self.translated == self.total


class Catalogue:
    """A set of content packs, validated as a whole, with lazily loaded translations.

    Use :meth:`load` to combine your own packs with the bundled one.
    """

    def __init__(
        self, content: PackContent, store: CatalogStore, renderer: CatalogueRenderer | None = None
    ) -> None:
        """Wrap validated *content*; use :meth:`load` rather than calling this directly."""
        self.store = store
        self._renderer = renderer if renderer is not None else CatalogueRenderer(store)
        self.content = content
        self.facts = FactCollection("fact", lambda: content.facts)
        self.quotes = QuoteCollection("quote", lambda: content.quotes)
        self.advice = AdviceCollection("advice", lambda: content.advice)
        self.resources = ResourceCollection("resource", lambda: content.resources)
        self.sources: Collection[Source] = Collection("source", lambda: content.sources)
        self.speakers: Collection[Speaker] = Collection("speaker", lambda: content.speakers)
        self.occasions = OccasionCollection("occasion", lambda: content.occasions)
        self._negotiated: dict[object, Locale] = {}

    @classmethod
    def bundled(cls) -> Catalogue:
        """Return the bundled catalogue: the one ``sextingsafe.facts`` and friends read from.

        It is loaded on first use, once, and shared; it is never written to.
        """
        return default_catalogue()

    @classmethod
    def load(
        cls,
        *paths: str | os.PathLike[str],
        include_bundled: bool = True,
        entry_points: bool = False,
    ) -> Catalogue:
        """Load and validate content packs; a pack with any problem is rejected whole.

        Later packs come after earlier ones; an item may replace an earlier one with the same id
        only if its pack lists the id under ``overrides`` in its ``pack.toml``.
        A pack's ``locale/`` translations take precedence over earlier packs' translations.

        Args:
            paths: Pack directories.
            include_bundled: Start from the bundled content.
            entry_points: Also load the packs installed under the ``sextingsafe.packs`` entry point
                group, after the bundled pack and before *paths*.

        Raises:
            PackError: Every problem found in every pack, each with its file and line.
        """
        dirs = [os.fspath(p) for p in paths]
        if entry_points:
            dirs = [*discover(), *dirs]
        if include_bundled:
            dirs.insert(0, BUNDLED)
        raws = [read_pack(d, compiled=include_bundled and i == 0) for i, d in enumerate(dirs)]
        # The bundled catalogues are checked by the test suite; a pack's are checked on loading.
        for number, raw in enumerate(raws):
            if not (include_bundled and number == 0):
                raws[number] = raw._replace(
                    problems=(*raw.problems, *_unprefixed(raw, check_catalogues(raw)))
                )
        locale_dirs = [raw.locale_dir for raw in raws]
        if include_bundled:
            locale_dirs[0] = _BUNDLED_LOCALES
        store = CatalogStore(locale_dirs)
        renderer = CatalogueRenderer(store)
        return cls(build(raws, renderer), store, renderer)

    def __repr__(self) -> str:
        return (
            f"<Catalogue: {len(self.content.facts)} facts, {len(self.content.quotes)} quotes, "
            f"{len(self.content.advice)} advice, {len(self.content.resources)} resources>"
        )

    def supported_locales(self) -> frozenset[str]:
        """Return the names of the locales with a catalogue, and English."""
        return self.store.supported()

    def negotiate(self, preferred: str | Sequence[str | Locale], default: str = "en") -> Locale:
        """Pick the best supported locale for an ``Accept-Language`` header or a list of tags.

        q-values are honoured; ``fr-CA`` matches ``fr``; nothing matching gives *default*.

        Raises:
            InvalidLocaleError: The header or a tag is malformed.
        """
        key = (preferred if isinstance(preferred, str) else tuple(preferred), default)
        try:
            return self._negotiated[key]
        except (KeyError, TypeError):
            pass
        found = negotiate_ids(preferred, self.supported_locales())
        if found is None:
            result = to_babel(fallback_chain(parse_locale(default), self.supported_locales())[0])
        else:
            result = to_babel(found[1])
        if len(self._negotiated) >= 4096:
            self._negotiated.clear()
        with contextlib.suppress(TypeError):  # an unhashable list of Locale objects
            self._negotiated[key] = result
        return result

    def messages(self) -> tuple[tuple[str, str], ...]:
        """Return every translatable message as ``(context, English text)``, in content order.

        The context is ``kind:id:field``, as in the gettext catalogues.
        """
        items: list[Fact | Quote | Advice | Resource | Speaker | Occasion] = [
            *self.content.facts,
            *self.content.quotes,
            *self.content.advice,
            *self.content.resources,
            *self.content.speakers,
            *self.content.occasions,
        ]
        from ._labels import LABELS, PLURAL_LABELS

        content = tuple(
            (f"{item.item_kind}:{item.id}:{name}", text)
            for item in items
            for name in type(item).translatable
            if (text := _source_text(item, name))
        )
        labels = tuple((f"ui:{name}", text) for name, text in LABELS.items())
        plurals = tuple((f"ui:{name}", forms[0]) for name, forms in PLURAL_LABELS.items())
        return content + labels + plurals

    def translation(
        self, item: Fact | Quote | Advice | Resource | Speaker | Occasion, name: str, locale: str
    ) -> tuple[str, Review] | None:
        """Return the translation of *item*'s field *name* into exactly *locale*, if there is one.

        Unlike the localising methods this never falls back: it answers "is this translated?".

        Raises:
            InvalidLocaleError: *locale* is malformed.
        """
        context = f"{item.item_kind}:{item.id}:{name}"
        msgid = _source_text(item, name)
        for catalog in self.store.catalogs(str(parse_locale(locale))):
            found = catalog.lookup(context, msgid)
            if found is not None:
                return found
        return None

    def label(
        self, name: str, locale: Locale | str | None = None, count: int | None = None
    ) -> LocalizedText:
        """Return an interface label, such as ``"where-to-get-help"``, in *locale*.

        With *count*, the label is one with a number in it (``"places-to-get-help"``), in the
        plural form the locale's rules choose for *count*, the number formatted for the locale.

        Raises:
            ContentNotFoundError: There is no such label.
            InvalidLocaleError: *locale* is malformed.
        """
        from ._labels import LABELS, PLURAL_LABELS

        names = PLURAL_LABELS if count is not None else LABELS
        if name not in names:
            import difflib

            raise ContentNotFoundError(
                "label", name, difflib.get_close_matches(name, list(names), n=3)
            )
        return self._renderer.label(name, locale, count)

    def locales(self) -> tuple[LocaleInfo, ...]:
        """Return every supported locale with its coverage and review counts, English first."""
        messages = self.messages()
        result = []
        for name in sorted(self.supported_locales(), key=lambda n: (n != str(DEFAULT), n)):
            locale_id = parse_locale(name)
            translated = len(messages) if name == str(DEFAULT) else 0
            reviewed = fuzzy = 0
            if name != str(DEFAULT):
                catalogs = self.store.catalogs(name)
                for context, msgid in messages:
                    found = next((hit for c in catalogs if (hit := c.status(context, msgid))), None)
                    if found is not None:
                        translated += 1
                        reviewed += found is Review.REVIEWED
                    elif any(context in c.fuzzy for c in catalogs):
                        fuzzy += 1
            result.append(
                LocaleInfo(
                    source=name == str(DEFAULT),
                    locale=name,
                    tag=locale_id.tag,
                    direction=direction(locale_id),
                    total=len(messages),
                    translated=translated,
                    reviewed=reviewed,
                    fuzzy=fuzzy,
                )
            )
        return tuple(result)


def _source_text(item: Fact | Quote | Advice | Resource | Speaker | Occasion, name: str) -> str:
    if isinstance(item, Fact) and name == "statement":
        return item.statement_template
    value: str = getattr(item, name)
    return value


def _unprefixed(raw: RawPack, problems: list[PackProblem]) -> list[PackProblem]:
    # build() prefixes a pack's own problems with its name; these already carry it.
    prefix = raw.name + "/"
    return [PackProblem(p.path.removeprefix(prefix), p.line, p.message) for p in problems]


_BUNDLED_LOCALES = os.path.join(os.path.dirname(__file__), "locale")
_default: Catalogue | None = None
_default_lock = threading.Lock()


def bundled_collection(name: str) -> Collection[Any]:
    """Return a lazy collection over the bundled catalogue's *name* (``"facts"``, ...)."""
    kinds: dict[str, tuple[type[Collection[Any]], str]] = {
        "facts": (FactCollection, "fact"),
        "quotes": (QuoteCollection, "quote"),
        "advice": (AdviceCollection, "advice"),
        "resources": (ResourceCollection, "resource"),
        "sources": (Collection, "source"),
        "speakers": (Collection, "speaker"),
        "occasions": (OccasionCollection, "occasion"),
    }
    cls, kind = kinds[name]
    return cls(kind, lambda: getattr(default_catalogue().content, name))


def default_catalogue() -> Catalogue:
    """Return the bundled catalogue, loaded and validated on first use (once, thread-safely)."""
    global _default  # noqa: PLW0603
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Catalogue.load()
    return _default
