"""The renderer: localised text for a catalogue's items, with fallback, formatting and a cache."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

from ._format import (
    EMERGENCY,
    fill_emergency,
    format_alternatives,
    format_day,
    format_hours,
    render_template,
)
from ._gettext import CatalogStore
from ._help import HelpIndex, reader_audience, resolve
from ._i18n import DEFAULT, WRITTEN_IN, LocaleId, fallback_chain, parse_locale, to_babel
from ._localized import (
    LocalizedAdvice,
    LocalizedChannel,
    LocalizedEmergency,
    LocalizedFact,
    LocalizedHelp,
    LocalizedQuestion,
    LocalizedQuote,
    LocalizedResource,
    LocalizedScript,
    LocalizedTerm,
    LocalizedText,
)
from ._model import (
    Advice,
    Fact,
    Occasion,
    Period,
    Quote,
    Resource,
    Review,
    Speaker,
    _Localizable,
)
from ._reference import Question, Script, Term

#: Review states from least to most trusted, so that mixed text takes the least.
_REVIEW_ORDER = [Review.UNREVIEWED, Review.REVIEWED, Review.SOURCE]


if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from babel import Locale

    from ._help import Help
    from ._hours import Hours

__all__ = ["CatalogueRenderer"]


_CACHE_MAX = 65536
#: Views are larger than texts: fewer of them are kept.
_VIEWS_MAX = 16384


class CatalogueRenderer:
    """Produces localised text for the items of one catalogue, with fallback and a cache."""

    __slots__ = ("_chains", "_texts", "_views", "help_index", "store")

    def __init__(self, store: CatalogStore) -> None:
        self.store = store
        # Texts by (kind, id, field, locale) -> (item, text); the item is kept to check identity,
        # as for views, so an item made with attrs.evolve() never gets its original's text.
        # Interface labels, which belong to no item, are kept with None.
        self._texts: dict[tuple[str, str, str, object], tuple[object, LocalizedText]] = {}
        # Whole views by (kind, id, locale, country, age, taken at age, time) -> (item, view):
        # a warm localize() is then one dict hit. The item is kept to check identity, so an
        # item made with attrs.evolve() never gets the view of the one it came from.
        self._views: dict[tuple[object, ...], tuple[object, Any]] = {}
        self._chains: dict[LocaleId, tuple[str, ...]] = {}
        #: The catalogue's resources, for resolving help; set once by the catalogue.
        self.help_index = HelpIndex(())

    def _chain(self, wanted: LocaleId) -> tuple[str, ...]:
        try:
            return self._chains[wanted]
        except KeyError:
            if len(self._chains) >= _CACHE_MAX:  # bounded: locales can come from requests
                self._chains.clear()
            chain = self._chains[wanted] = fallback_chain(wanted, self.store.supported())
            return chain

    def text(self, item: _Localizable, name: str, locale: Locale | str | None) -> LocalizedText:
        """Return *item*'s field *name* in *locale*, from the cache where possible."""
        # Keyed first by the locale exactly as given: the common case (the same string on every
        # request) then costs one dict hit. Babel Locale objects hash too.
        key = (item.item_kind, item.id, name, locale)
        try:
            cached = self._texts[key]
            if cached[0] is item:
                return cached[1]
        except KeyError:
            pass
        except TypeError:  # an unhashable locale argument: parse_locale says what is wrong
            key = (item.item_kind, item.id, name, None)
        wanted = parse_locale(locale)
        canonical = (item.item_kind, item.id, name, str(wanted))
        found = self._texts.get(canonical)
        result = found[1] if found is not None and found[0] is item else None
        if result is None:
            result = self._render(item, name, wanted)
        if len(self._texts) >= _CACHE_MAX:
            self._texts.clear()
        self._texts[canonical] = (item, result)
        if key[3] is not None or locale is None:
            self._texts[key] = (item, result)
        return result

    def _render(self, item: _Localizable, name: str, wanted: LocaleId) -> LocalizedText:
        statement = isinstance(item, Fact) and name == "statement"
        source = item.message(name)  # AttributeError for a name that is not a message
        original = str(DEFAULT)
        if isinstance(item, Quote) and name == "text":
            original = str(parse_locale(item.language))
        context = f"{item.item_kind}:{item.id}:{name}"
        text, used, review = self._translate(
            wanted, original, source, lambda locale: self._lookup(locale, context, source)
        )
        if isinstance(item, Fact) and statement:
            return self._formatted(
                text, source, item.values, item.period, wanted, used, original, review
            )
        return self._text(text, wanted, used, original, review)

    def _translate(
        self,
        wanted: LocaleId,
        original: str,
        source: str,
        find: Callable[[str], tuple[str, Review] | None],
    ) -> tuple[str, str, Review]:
        """Walk the fallback chain: the first translation found, or the source text."""
        for candidate in self._chain(wanted):
            if candidate == str(DEFAULT):
                break
            found = find(candidate)
            if found is not None:
                return found[0], candidate, found[1]
        return source, original, Review.SOURCE

    @staticmethod
    def _text(
        text: str, wanted: LocaleId, used: str, original: str, review: Review
    ) -> LocalizedText:
        # Text in the source language serves every variety of it (en-GB reads English).
        is_fallback = used != str(wanted) and not (
            used == original and wanted.language == parse_locale(original).language
        )
        return LocalizedText(
            text, locale=used, requested=str(wanted), is_fallback=is_fallback, review=review
        )

    def _formatted(  # noqa: PLR0913, PLR0917 - the pieces of one rendering, kept explicit
        self,
        text: str,
        source: str,
        values: Mapping[str, int | float],
        period: Period | None,
        wanted: LocaleId,
        used: str,
        original: str,
        review: Review,
    ) -> LocalizedText:
        try:
            filled = render_template(text, values, period, self._format_locale(wanted, used))
        except ValueError:
            # A translation whose placeholders do not fit (a pack's catalogue is checked when it
            # loads; this is the last line of defence): show the source text instead, flagged.
            filled = render_template(source, values, period, self._format_locale(wanted, original))
            return LocalizedText(
                filled,
                locale=original,
                requested=str(wanted),
                is_fallback=True,
                review=Review.SOURCE,
            )
        return self._text(filled, wanted, used, original, review)

    def label(
        self, name: str, locale: Locale | str | None, count: int | None = None
    ) -> LocalizedText:
        """Return the interface label *name* in *locale*; with *count*, its plural form for it.

        Raises:
            KeyError: There is no label called *name*.
            InvalidLocaleError: *locale* is malformed.
        """
        key = ("ui", name, str(count), locale)
        try:
            return self._texts[key][1]
        except (KeyError, TypeError):
            pass
        from ._labels import LABELS, PLURAL_LABELS

        wanted = parse_locale(locale)
        if count is None:
            source = LABELS[name]
        else:
            one, other = PLURAL_LABELS[name]
            source = one if count == 1 else other
        original = str(DEFAULT)
        text, used, review = self._translate(
            wanted, original, source, lambda candidate: self._lookup_label(candidate, name, count)
        )
        if count is None:
            result = self._text(text, wanted, used, original, review)
        else:
            result = self._formatted(
                text, source, {"count": count}, None, wanted, used, original, review
            )
        if len(self._texts) < _CACHE_MAX:
            self._texts[key] = (None, result)
        return result

    def _lookup_label(self, locale: str, name: str, count: int | None) -> tuple[str, Review] | None:
        from ._labels import LABELS, PLURAL_LABELS

        context = f"ui:{name}"
        for catalog in self.store.catalogs(locale):
            if count is None:
                found = catalog.lookup(context, LABELS[name])
                if found is not None:
                    return found
            else:
                msgid = PLURAL_LABELS[name][0]
                plural = catalog.lookup_plural(context, msgid, count)
                status = catalog.status(context, msgid)
                if plural is not None and status is not None:
                    return plural, status
        return None

    def _lookup(self, name: str, context: str, msgid: str) -> tuple[str, Review] | None:
        for catalog in self.store.catalogs(name):
            found = catalog.lookup(context, msgid)
            if found is not None:
                return found
        return None

    @staticmethod
    def _format_locale(wanted: LocaleId, used: str) -> Locale:
        candidates = []
        # Format for the reader's own region when the text is in their language (pt_BR reading pt).
        if wanted.territory and wanted.language == parse_locale(used).language:
            candidates.append(str(wanted))
        candidates += [WRITTEN_IN.get(used, used), WRITTEN_IN[str(DEFAULT)]]
        for name in candidates:
            try:
                return to_babel(name)
            except LookupError:  # a region Babel has no data for (en_KK): try the next
                continue
        return to_babel(str(DEFAULT))

    def _optional(
        self, item: _Localizable, name: str, locale: Locale | str | None
    ) -> LocalizedText | None:
        return self.text(item, name, locale) if item.message(name) else None

    def _hours(self, item: Resource, locale: Locale | str | None) -> LocalizedText | None:
        """Return the resource's hours, formatted by Babel; channel by channel where they differ.

        ``None`` when no channel's hours are known.
        """
        timed = [(c.kind.value, c.hours) for c in item.channels if c.hours is not None]
        if not timed:
            return None
        wanted = parse_locale(locale)
        if len({hours for _, hours in timed}) == 1:
            # CLDR data, not a translation: formatted for the reader's own locale.
            only = timed[0][1]
            return self._cldr(lambda babel_locale: format_hours(only, babel_locale), locale)
        labels = [self.label(kind, locale) for kind, _ in timed]
        used = labels[0].locale
        babel_locale = self._format_locale(wanted, used)
        text = "; ".join(
            f"{label}: {format_hours(hours, babel_locale)}"
            for label, (_, hours) in zip(labels, timed, strict=True)
        )
        review = min((label.review for label in labels), key=_REVIEW_ORDER.index)
        return self._text(text, wanted, used, str(DEFAULT), review)

    def _cldr(self, text: Callable[[Locale], str], locale: Locale | str | None) -> LocalizedText:
        """Return data Babel writes for the reader's locale (a date, hours), not a translation."""
        wanted = parse_locale(locale)
        # A region Babel has no data for (pl_GB, a Polish reader in Britain) gets its
        # language's own data (pl), not English.
        babel_locale = self._format_locale(wanted, str(wanted._replace(territory=None)))
        used = str(wanted) if babel_locale.language == wanted.language else str(DEFAULT)
        return self._text(text(babel_locale), wanted, used, str(DEFAULT), Review.SOURCE)

    def _day(self, day: dt.date | None, locale: Locale | str | None) -> LocalizedText | None:
        if day is None:
            return None
        return self._cldr(lambda babel_locale: format_day(day, babel_locale), locale)

    def _channel_hours(
        self, hours: Hours | None, locale: Locale | str | None
    ) -> LocalizedText | None:
        if hours is None:
            return None
        return self._cldr(lambda babel_locale: format_hours(hours, babel_locale), locale)

    def _localize_resource(
        self, item: Resource, locale: Locale | str | None, today: dt.date
    ) -> LocalizedResource:
        stale = item.stale(today)
        channels = tuple(
            LocalizedChannel(
                channel=channel,
                label=self.label(channel.kind.value, locale),
                hours=self._channel_hours(channel.hours, locale),
                as_of=self._day(channel.as_of, locale),
                stale=channel.stale(today),
            )
            for channel in item.channels
        )
        limits = item.eligibility.limits if item.eligibility is not None else ()
        return LocalizedResource(
            resource=item,
            description=self.text(item, "description", locale),
            hours=self._hours(item, locale),
            channels=channels,
            checked=self._day(item.checked, locale),
            as_of=self._day(item.as_of, locale),
            today=today,
            stale=stale,
            stale_note=self.label("stale", locale) if stale else None,
            undated_note=(
                self.label("evidence-undated", locale)
                if item.as_of is None and all(c.as_of is None for c in item.channels)
                else None
            ),
            partial=self.label("partial", locale) if item.confidence.value == "partial" else None,
            limits=tuple(self.label(f"limit-{limit.value}", locale) for limit in limits),
        )

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
        """Return the localised view of *item*: every text field in *locale*.

        For advice, help is resolved for *country*, *age*, *taken_at_age* and *at* (see
        :func:`~sextingsafe._help.resolve`); other kinds do not depend on them. Resources'
        freshness is judged on *today*: the day of *at* when given, else ``date.today()``.
        Views are immutable, so each is made once and cached, bounded like the texts.
        """
        if today is None:
            today = at.date() if at is not None else _today()
        key = (item.item_kind, item.id, locale, country, age, taken_at_age, at, today)
        try:
            cached = self._views.get(key)
        except TypeError:  # an unhashable argument: make the view, which says what is wrong
            return self._localize(
                item, locale, country, today, age=age, taken_at_age=taken_at_age, at=at
            )
        if cached is not None and cached[0] is item:
            return cached[1]
        view = self._localize(
            item, locale, country, today, age=age, taken_at_age=taken_at_age, at=at
        )
        if len(self._views) >= _VIEWS_MAX:  # bounded: locales and countries come from requests
            self._views.clear()
        self._views[key] = (item, view)
        return view

    def _localize(  # noqa: PLR0913 - as localize()
        self,
        item: _Localizable,
        locale: Locale | str | None,
        country: str | None,
        today: dt.date,
        *,
        age: int | None = None,
        taken_at_age: int | None = None,
        at: dt.datetime | None = None,
    ) -> Any:
        if isinstance(item, Fact):
            return LocalizedFact(
                fact=item,
                statement=self.text(item, "statement", locale),
                place=self.text(item, "place", locale),
                population=self.text(item, "population", locale),
                caveat=self._optional(item, "caveat", locale),
            )
        if isinstance(item, Quote):
            return self._localize_quote(item, locale)
        if isinstance(item, Resource):
            return self._localize_resource(item, locale, today)
        if isinstance(item, Question | Script) and not item.needs:
            # Nothing to resolve: no help section, and no question about the reader's country.
            return self._localize_reference(item, locale, {})
        if isinstance(item, Advice | Question | Script):
            help_ = resolve(
                item.needs,
                self.help_index,
                country=country,
                named=item.resources if isinstance(item, Advice) else (),
                age=age,
                taken_at_age=taken_at_age,
                at=at,
                audience=reader_audience(item.audiences),
            )
            if isinstance(item, Advice):
                return self._localize_advice(item, locale, help_, today)
            return self._localize_reference(item, locale, self._help_fields(help_, locale, today))
        if isinstance(item, Term):
            return self._localize_reference(item, locale, {})
        if isinstance(item, Speaker):
            return self.text(item, "role", locale)
        if isinstance(item, Occasion):
            return self.text(item, "name", locale)
        raise TypeError(f"cannot localise {type(item).__name__}")

    def _groups(
        self, help_: Help, locale: Locale | str | None, today: dt.date
    ) -> tuple[LocalizedHelp, ...]:
        return tuple(
            LocalizedHelp(
                need=group.need,
                label=self.label(
                    f"need-{group.need.value}" if group.need else "named-services", locale
                ),
                resources=tuple(self._localize_resource(r, locale, today) for r in group.resources),
            )
            for group in help_.groups
        )

    def _help_fields(
        self, help_: Help, locale: Locale | str | None, today: dt.date
    ) -> dict[str, Any]:
        """Return the help fields of a view (questions and scripts) for *help_* in *locale*."""
        emergency = self.emergency(help_.emergency, help_.country, locale)
        groups = self._groups(help_, locale, today)
        return {
            "resources": tuple(r for group in groups for r in group.resources),
            "help": groups,
            "country": help_.country,
            "needs": help_.needs,
            "emergency": emergency,
            "country_notice": self._country_notice(help_, locale),
            "country_covered": help_.country_covered,
        }

    def _localize_advice(
        self, advice: Advice, locale: Locale | str | None, help_: Help, today: dt.date
    ) -> LocalizedAdvice:
        emergency = self.emergency(help_.emergency, help_.country, locale)
        groups = self._groups(help_, locale, today)
        return LocalizedAdvice(
            advice=advice,
            title=self._with_emergency(self.text(advice, "title", locale), help_),
            body=self._with_emergency(self.text(advice, "body", locale), help_),
            resources=tuple(r for group in groups for r in group.resources),
            help=groups,
            country=help_.country,
            needs=help_.needs,
            emergency=emergency,
            country_notice=self._country_notice(help_, locale),
            country_covered=help_.country_covered,
        )

    def _country_notice(self, help_: Help, locale: Locale | str | None) -> LocalizedText | None:
        if not help_.groups:
            return None  # an item that needs no help: nothing to offer, nothing to explain
        if not help_.country_known:
            return self.label("country-unknown", locale)
        return None if help_.country_covered else self.label("country-not-covered", locale)

    def _with_emergency(self, text: LocalizedText, help_: Help) -> LocalizedText:
        # The number, or the words for one, in the language the text itself is in: a text that
        # fell back to English must not carry a Polish phrase in the middle of its sentence.
        if EMERGENCY not in text:
            return text
        return _filled(text, self.emergency(help_.emergency, help_.country, text.locale).text)

    def emergency(
        self, record: object, country: str | None, locale: Locale | str | None
    ) -> LocalizedEmergency:
        """Return the emergency number *record* for *country* in *locale*, or words for one.

        With no record (the country is unknown, or its number is not known), the text is
        "your local emergency number", never another country's number.
        """
        numbers = _numbers(record)
        sentence = self.label("in-danger-call", locale)
        if numbers:
            wanted = parse_locale(locale)
            joined = format_alternatives(numbers, self._format_locale(wanted, sentence.locale))
            text = LocalizedText(
                joined, locale=sentence.locale, requested=sentence.requested, review=Review.SOURCE
            )
        else:
            text = self.label("local-emergency-number", locale)
        return LocalizedEmergency(
            country=country, numbers=numbers, text=text, sentence=_filled(sentence, text)
        )

    def _localize_quote(self, quote: Quote, locale: Locale | str | None) -> LocalizedQuote:
        wanted = parse_locale(locale)
        original = LocalizedText(quote.text, locale=quote.language, requested=str(wanted))
        translation = None
        if wanted.language != parse_locale(quote.language).language:
            candidate = self.text(quote, "text", locale)
            if candidate.review is not Review.SOURCE:
                translation = candidate
        return LocalizedQuote(
            quote=quote,
            text=original,
            translation=translation,
            role=self.text(quote.speaker, "role", locale),
            context=self.text(quote, "context", locale),
            content_note=self._optional(quote, "content_note", locale),
        )

    def _localize_reference(
        self, item: Term | Question | Script, locale: Locale | str | None, help_: dict[str, Any]
    ) -> LocalizedTerm | LocalizedQuestion | LocalizedScript:
        if isinstance(item, Term):
            return LocalizedTerm(
                item=item,
                term=self.text(item, "term", locale),
                definition=self.text(item, "definition", locale),
                usage=self._optional(item, "usage", locale),
            )
        if isinstance(item, Question):
            return LocalizedQuestion(
                item=item,
                question=self.text(item, "question", locale),
                answer=self.text(item, "answer", locale),
                **help_,
            )
        return LocalizedScript(
            item=item,
            title=self.text(item, "title", locale),
            situation=self.text(item, "situation", locale),
            lines=tuple(
                self.text(item, f"line-{n}", locale) for n in range(1, len(item.lines) + 1)
            ),
            **help_,
        )


def _numbers(record: object) -> tuple[str, ...]:
    """The numbers to tell a reader to call, as dialled: the first, and any others for everything.

    A number for one service only (Norway's 113 for an ambulance) is not offered as an
    alternative to the first; the record keeps it for apps that want it.
    """
    if record is None:
        return ()
    numbers = getattr(record, "numbers", record)
    if isinstance(numbers, str):
        return (numbers,)
    if not isinstance(numbers, tuple | list):
        return ()
    chosen = [
        str(getattr(n, "number", n))
        for index, n in enumerate(numbers)
        if index == 0 or "general" in {getattr(u, "value", u) for u in getattr(n, "uses", ())}
    ]
    return tuple(dict.fromkeys(chosen))


def _filled(text: LocalizedText, emergency: str) -> LocalizedText:
    """*text* with ``{emergency}`` filled in, keeping its locale, direction and review status."""
    if EMERGENCY not in text:
        return text
    return LocalizedText(
        fill_emergency(str(text), str(emergency)),
        locale=text.locale,
        requested=text.requested,
        is_fallback=text.is_fallback,
        review=text.review,
    )


#: The day freshness is judged on, re-read at most once a minute: ``date.today()`` costs as much
#: as the rest of a warm ``localize()``, and the day changes once a day.
_TODAY: list[Any] = [0.0, None]


def _today() -> dt.date:
    now = time.monotonic()
    if now >= _TODAY[0] or _TODAY[1] is None:
        _TODAY[1] = dt.date.today()  # noqa: DTZ011 - the reader's local day, as documented
        _TODAY[0] = now + 60.0
    day: dt.date = _TODAY[1]
    return day
