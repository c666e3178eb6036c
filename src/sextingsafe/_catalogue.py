"""Catalogue and its collections: loading packs once, indexing them, and select()."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ._build import build, collection_paused
from ._collections import (
    AdviceCollection,
    Collection,
    EmergencyCollection,
    FactCollection,
    OccasionCollection,
    QuoteCollection,
    ResourceCollection,
)
from ._errors import ContentNotFoundError, InvalidLocaleError
from ._gettext import CatalogStore
from ._help import Help, HelpIndex, reader_audience, resolve
from ._i18n import (
    DEFAULT,
    direction,
    fallback_chain,
    negotiate_ids,
    parse_locale,
    to_babel,
)
from ._localized import LocalizedText
from ._model import (
    Advice,
    Fact,
    Need,
    Occasion,
    Quote,
    Resource,
    Review,
    Source,
    Speaker,
)
from ._packs import BUNDLED, PackContent, check_catalogues, discover, read_pack
from ._reference import Question, Script, Term
from ._reference_collections import QuestionCollection, ScriptCollection, TermCollection
from ._renderer import CatalogueRenderer

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from babel import Locale

__all__ = ["Catalogue", "LocaleInfo", "bundled_collection", "default_catalogue"]

#: Any item a catalogue holds that has messages.
_Item = Fact | Quote | Advice | Resource | Speaker | Occasion | Term | Question | Script


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


def _read(
    dirs: Sequence[str], *, include_bundled: bool
) -> tuple[PackContent, CatalogStore, CatalogueRenderer]:
    """Read, check and build the packs in *dirs*: the work of :meth:`Catalogue.load`."""
    raws = [read_pack(d, compiled=include_bundled and i == 0) for i, d in enumerate(dirs)]
    # The bundled catalogues are checked by the test suite; a pack's are checked on loading.
    for number, raw in enumerate(raws):
        if not (include_bundled and number == 0):
            raws[number] = raw._replace(problems=(*raw.problems, *check_catalogues(raw)))
    locale_dirs = [raw.locale_dir for raw in raws]
    if include_bundled:
        locale_dirs[0] = _BUNDLED_LOCALES
    store = CatalogStore(locale_dirs)
    renderer = CatalogueRenderer(store)
    return build(raws, renderer), store, renderer


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
        # Each country's emergency numbers, where the content has them (EmergencyService).
        emergency = {e.country: e for e in getattr(content, "emergency", ())}
        self._renderer.help_index = HelpIndex(content.resources, emergency)
        self.content = content
        self.facts = FactCollection("fact", lambda: content.facts)
        self.quotes = QuoteCollection("quote", lambda: content.quotes)
        self.advice = AdviceCollection("advice", lambda: content.advice)
        self.resources = ResourceCollection("resource", lambda: content.resources)
        self.sources: Collection[Source] = Collection("source", lambda: content.sources)
        self.speakers: Collection[Speaker] = Collection("speaker", lambda: content.speakers)
        self.occasions = OccasionCollection("occasion", lambda: content.occasions)
        self.glossary = TermCollection("term", lambda: content.terms)
        self.faq = QuestionCollection("question", lambda: content.questions)
        self.scripts = ScriptCollection("script", lambda: content.scripts)
        self.emergency_numbers = EmergencyCollection("emergency number", lambda: content.emergency)
        self._negotiated: dict[object, Locale] = {}
        self._frozen = True

    def __setattr__(self, name: str, value: object) -> None:
        # Shared by every part of an app: once made, nothing may swap its collections.
        if getattr(self, "_frozen", False):
            raise AttributeError(f"Catalogue is read-only; cannot set {name!r}")
        object.__setattr__(self, name, value)

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
        with collection_paused():
            # The parsed records are freed when _read returns, before the collector resumes:
            # its first pass then walks only the items that stay.
            return cls(*_read(dirs, include_bundled=include_bundled))

    def __repr__(self) -> str:
        return (
            f"<Catalogue: {len(self.content.facts)} facts, {len(self.content.quotes)} quotes, "
            f"{len(self.content.advice)} advice, {len(self.content.resources)} resources>"
        )

    def supported_locales(self) -> frozenset[str]:
        """Return the names of the locales with a catalogue, and English."""
        return self.store.supported()

    def negotiate(
        self, preferred: str | Sequence[str | Locale] | None, default: str = "en"
    ) -> Locale:
        """Pick the best supported locale for an ``Accept-Language`` header or a list of tags.

        q-values are honoured; ``fr-CA`` matches ``fr``; nothing matching gives *default*, and
        so does ``None`` (a request without the header).

        Raises:
            InvalidLocaleError: The header or a tag is malformed, or *preferred* is neither text
                nor a sequence of tags.
        """
        if preferred is None:
            preferred = ()
        elif not isinstance(preferred, str | Sequence):
            raise InvalidLocaleError(
                preferred, "expected an Accept-Language header or a list of tags"
            )
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
        items: list[_Item] = [
            *self.content.facts,
            *self.content.quotes,
            *self.content.advice,
            *self.content.resources,
            *self.content.speakers,
            *self.content.occasions,
            *self.content.terms,
            *self.content.questions,
            *self.content.scripts,
        ]
        from ._labels import LABELS, PLURAL_LABELS

        content = tuple(
            (f"{item.item_kind}:{item.id}:{name}", text)
            for item in items
            for name, text in item.messages()
        )
        labels = tuple((f"ui:{name}", text) for name, text in LABELS.items())
        plurals = tuple((f"ui:{name}", forms[0]) for name, forms in PLURAL_LABELS.items())
        return content + labels + plurals

    def translation(
        self,
        item: _Item,
        name: str,
        locale: str,
    ) -> tuple[str, Review] | None:
        """Return the translation of *item*'s field *name* into exactly *locale*, if there is one.

        Unlike the localising methods this never falls back: it answers "is this translated?".

        Raises:
            InvalidLocaleError: *locale* is malformed.
        """
        context = f"{item.item_kind}:{item.id}:{name}"
        msgid = item.message(name)
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

    def help_for(
        self,
        needs: Advice | Question | Script | Iterable[Need | str],
        country: str | None = None,
        *,
        age: int | None = None,
        taken_at_age: int | None = None,
        at: dt.datetime | None = None,
    ) -> Help:
        """Return the services that meet *needs* for a reader in *country*, in order.

        It is the same resolution that :meth:`Advice.localize` and every output use: for each
        need, the country's own services first, then services usable from anywhere, never a
        service limited to another country; with no country, services usable from anywhere.

        Args:
            needs: An advice item (its needs, after the services it is about), a question or a
                script, or needs. For an item only for young people, only services for young
                people are offered, as in its localised view.
            country: The reader's ISO 3166-1 alpha-2 code, or a subdivision, in any case.
            age: The reader's age: services that do not serve it are left out.
            taken_at_age: The age of the person in an image when it was taken: removal tools
                are chosen by it.
            at: An aware time: services open then are listed first.

        Raises:
            InvalidFilterError: A need, *country*, an age or *at* is not valid.
        """
        named: tuple[Resource, ...] = ()
        wanted: Iterable[Need | str] = ()
        audience = None
        if isinstance(needs, Advice):
            wanted, named = needs.needs, needs.resources
            audience = reader_audience(needs.audiences)
        elif isinstance(needs, Question | Script):
            wanted, audience = needs.needs, reader_audience(needs.audiences)
        else:
            wanted = needs
        return resolve(
            wanted,
            self._renderer.help_index,
            country=country,
            named=named,
            age=age,
            taken_at_age=taken_at_age,
            at=at,
            audience=audience,
        )

    def help_table(self) -> dict[str, dict[str, list[str]]]:
        """Return country → need → resource ids, for apps that resolve help themselves.

        Each row lists, for each need, the country's own services and then services usable from
        anywhere, as :meth:`help_for` orders them for a reader of no stated age at no stated
        time (apply ages, eligibility and hours from the resources' own data).
        The row ``"*"`` is for a reader whose country is not known.
        """
        return self._renderer.help_index.table()

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


#: Collection names whose content field has another name.
_CONTENT_NAMES = {"glossary": "terms", "faq": "questions", "emergency_numbers": "emergency"}
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
        "glossary": (TermCollection, "term"),
        "faq": (QuestionCollection, "question"),
        "scripts": (ScriptCollection, "script"),
        "emergency_numbers": (EmergencyCollection, "emergency number"),
    }
    attribute = _CONTENT_NAMES.get(name, name)
    cls, kind = kinds[name]
    return cls(kind, lambda: getattr(default_catalogue().content, attribute))


def default_catalogue() -> Catalogue:
    """Return the bundled catalogue, loaded and validated on first use (once, thread-safely)."""
    global _default  # noqa: PLW0603
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Catalogue.load()
    return _default
