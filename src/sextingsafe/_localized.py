"""LocalizedText, the localised views of items, and the renderer that produces them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NoReturn

from attrs import frozen

from ._format import escape, html_element, render_template
from ._gettext import CatalogStore
from ._i18n import (
    DEFAULT,
    LocaleId,
    direction,
    fallback_chain,
    parse_locale,
    to_babel,
)
from ._model import (
    Advice,
    Fact,
    Item,
    Occasion,
    Period,
    Quote,
    Resource,
    Review,
    Source,
    Speaker,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from babel import Locale

__all__ = [
    "CatalogueRenderer",
    "LocalizedAdvice",
    "LocalizedFact",
    "LocalizedQuote",
    "LocalizedResource",
    "LocalizedText",
]


class LocalizedText(str):
    """Text in one locale: a :class:`str` that also knows its locale, direction and review status.

    It compares and hashes as the plain string.
    Jinja2 and MarkupSafe call :meth:`__html__`, which escapes the text and wraps it in a
    ``<span>`` with ``lang`` and ``dir`` attributes.
    """

    __slots__ = ("direction", "is_fallback", "locale", "requested", "review")

    #: The locale the text is in, as a POSIX-style name (``"pt_BR"``, ``"ar"``).
    locale: str
    #: The locale that was asked for, after parsing.
    requested: str
    #: True when the text is not in the requested locale (a translation was missing).
    is_fallback: bool
    #: ``"rtl"`` or ``"ltr"``.
    direction: str
    #: Whether the text is the source, a reviewed translation or an unreviewed one.
    review: Review

    def __new__(  # noqa: PYI034 - LocalizedText is final in spirit; subclasses are not supported
        cls,
        text: str,
        *,
        locale: str,
        requested: str | None = None,
        is_fallback: bool = False,
        review: Review = Review.SOURCE,
    ) -> LocalizedText:
        """Create a text; *direction* follows from *locale*."""
        self = super().__new__(cls, text)
        set_ = object.__setattr__
        set_(self, "locale", locale)
        set_(self, "requested", requested if requested is not None else locale)
        set_(self, "is_fallback", is_fallback)
        set_(self, "direction", direction(parse_locale(locale)))
        set_(self, "review", review)
        return self

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"LocalizedText is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"LocalizedText is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (str(self), self.locale, self.requested, self.is_fallback, self.review))

    def __repr__(self) -> str:
        flag = ", fallback" if self.is_fallback else ""
        return f"LocalizedText({str(self)!r}, locale={self.locale!r}, {self.review.value}{flag})"

    @property
    def text(self) -> str:
        """The plain text, as a :class:`str` without the HTML wrapping of :meth:`__html__`.

        Use it where markup is not allowed, such as an HTML ``<title>`` or an attribute value;
        templates still escape it.
        """
        return str.__str__(self)

    @property
    def lang(self) -> str:
        """The BCP 47 tag for an HTML ``lang`` attribute (``"pt-BR"``)."""
        return parse_locale(self.locale).tag

    def __html__(self) -> str:
        """Return the text escaped for HTML, in a ``<span>`` with ``lang`` and ``dir``.

        The result is itself marked as HTML (it has ``__html__``), so MarkupSafe and Jinja2 never
        escape it twice, whether it is rendered, concatenated or passed to ``Markup.format``.
        """
        return HTML(html_element(str(self), self.lang, self.direction))


class HTML(str):
    """A string of safe HTML, as MarkupSafe's ``Markup`` is: ``__html__`` returns it unchanged."""

    __slots__ = ()

    def __html__(self) -> str:
        """Return the HTML itself: it is already escaped."""
        return self


def _rebuild(
    text: str, locale: str, requested: str, is_fallback: bool, review: Review
) -> LocalizedText:
    return LocalizedText(
        text, locale=locale, requested=requested, is_fallback=is_fallback, review=review
    )


@frozen(kw_only=True)
class LocalizedFact:
    """A fact with its text fields in one locale."""

    fact: Fact
    statement: LocalizedText
    place: LocalizedText
    population: LocalizedText
    caveat: LocalizedText | None

    @property
    def id(self) -> str:
        """The fact's id."""
        return self.fact.id

    def __html__(self) -> str:
        """Return the fact as an HTML ``<figure>``: statement, caveat and cited sources."""
        caveat = (
            f'<p class="sextingsafe-caveat">{self.caveat.__html__()}</p>' if self.caveat else ""
        )
        return HTML(
            f'<figure class="sextingsafe-fact" data-id="{escape(self.id)}">'
            f"<p>{self.statement.__html__()}</p>{caveat}"
            f"<figcaption>{_sources_html(self.fact.sources)}</figcaption></figure>"
        )


@frozen(kw_only=True)
class LocalizedQuote:
    """A quote's original words, and a translation into the requested locale where there is one.

    The original :attr:`text` is always present; :attr:`translation` is ``None`` when the
    requested locale is the quote's own language or no translation exists.
    A translation is labelled as one: show it beside, never instead of, the original.
    """

    quote: Quote
    text: LocalizedText
    translation: LocalizedText | None
    role: LocalizedText
    context: LocalizedText
    content_note: LocalizedText | None

    @property
    def id(self) -> str:
        """The quote's id."""
        return self.quote.id

    def __html__(self) -> str:
        """Return the quote as an HTML ``<figure>``, content note first.

        Then the original words in a ``<blockquote>``, a translation marked as one, the speaker
        and the sources.
        """
        speaker = self.quote.speaker
        parts = [f'<figure class="sextingsafe-quote" data-id="{escape(self.id)}">']
        if self.content_note is not None:
            parts.append(f'<p class="sextingsafe-content-note">{self.content_note.__html__()}</p>')
        parts.append(
            html_element(str(self.text), self.text.lang, self.text.direction, "blockquote")
        )
        if self.translation is not None:
            review = escape(self.translation.review.value)
            parts.append(
                f'<blockquote class="sextingsafe-translation" data-review="{review}">'
                f"{self.translation.__html__()}</blockquote>"
            )
        pseudonym = ' <span class="sextingsafe-pseudonym">*</span>' if speaker.pseudonymous else ""
        parts.append(
            f"<figcaption>{escape(speaker.name)}{pseudonym}, {self.role.__html__()}, "
            f"{escape(self.quote.date.isoformat())}. {_sources_html(self.quote.sources)}"
            "</figcaption></figure>"
        )
        return HTML("".join(parts))


@frozen(kw_only=True)
class LocalizedResource:
    """A help resource with its description and hours in one locale."""

    resource: Resource
    description: LocalizedText
    hours: LocalizedText | None

    @property
    def id(self) -> str:
        """The resource's id."""
        return self.resource.id

    @property
    def name(self) -> str:
        """The resource's name (a proper name, never translated)."""
        return self.resource.name

    def __html__(self) -> str:
        """Return the resource as HTML: name, operator, description, hours and ways to reach it.

        Phone numbers become ``tel:`` links; ``data-confidence`` says whether the details are
        fully confirmed (``verified``) or not (``partial``), for the app to show.
        """
        item = self.resource
        reach = []
        for channel in item.channels:
            if channel.value and channel.kind.value == "phone" and _PHONE.fullmatch(channel.value):
                number = "".join(c for c in channel.value if c.isdigit() or c == "+")
                reach.append(f'<a href="tel:{escape(number)}">{escape(channel.value)}</a>')
            elif channel.value:
                kind = escape(channel.kind.value)
                reach.append(f'<span data-channel="{kind}">{escape(channel.value)}</span>')
        if item.url:
            reach.append(f'<a href="{escape(item.url)}">{escape(item.url)}</a>')
        hours = (
            f' <span class="sextingsafe-hours">{self.hours.__html__()}</span>' if self.hours else ""
        )
        links = f'<span class="sextingsafe-reach">{" ".join(reach)}</span>' if reach else ""
        return HTML(
            f'<div class="sextingsafe-resource" data-id="{escape(self.id)}" '
            f'data-confidence="{escape(item.confidence.value)}">'
            f"<strong>{escape(item.name)}</strong> ({escape(item.operator)}): "
            f"{self.description.__html__()}{hours} {links}</div>"
        )


@frozen(kw_only=True)
class LocalizedAdvice:
    """An advice item with its title and body in one locale, and its resources likewise."""

    advice: Advice
    title: LocalizedText
    body: LocalizedText
    resources: tuple[LocalizedResource, ...]

    @property
    def id(self) -> str:
        """The advice item's id."""
        return self.advice.id

    def __html__(self) -> str:
        """Return the advice as an HTML ``<article>``: title, body, and where to get help."""
        help_list = "".join(f"<li>{r.__html__()}</li>" for r in self.resources)
        resources = f'<ul class="sextingsafe-resources">{help_list}</ul>' if help_list else ""
        return HTML(
            f'<article class="sextingsafe-advice" data-id="{escape(self.id)}">'
            f"<h3>{self.title.__html__()}</h3><p>{self.body.__html__()}</p>{resources}</article>"
        )


_PHONE = re.compile(r"\+?[0-9][0-9 ()-]{2,}")


def _sources_html(sources: tuple[Source, ...], read_at_copy: str = "read at a copy") -> str:
    """Cite *sources*: title (linked to the publisher's own address), publisher and date.

    A source read at a copy (``via``) is never linked under its publisher's name: the copy's
    link comes after, labelled *read_at_copy*.
    """
    cited = []
    for source in sources:
        title = escape(source.title)
        if source.url:
            title = f'<a href="{escape(source.url)}">{title}</a>'
        date = (
            f', <time datetime="{source.published.isoformat()}">'
            f"{source.published.isoformat()}</time>"
            if source.published
            else ""
        )
        copy = (
            f' (<a class="sextingsafe-via" href="{escape(source.via)}">{escape(read_at_copy)}</a>)'
            if source.via
            else ""
        )
        cited.append(f"<cite>{title}</cite> ({escape(source.publisher)}{date}){copy}")
    return '<span class="sextingsafe-sources">' + "; ".join(cited) + "</span>"


# The variety each catalogue is written in, where CLDR's default for the language is another:
# the bundled English is British, the bundled Portuguese European (CLDR's "pt" is Brazilian).
_WRITTEN_IN = {"en": "en_GB", "pt": "pt_PT"}
_CACHE_MAX = 65536


class CatalogueRenderer:
    """Produces localised text for the items of one catalogue, with fallback and a cache."""

    __slots__ = ("_chains", "_texts", "store")

    def __init__(self, store: CatalogStore) -> None:
        self.store = store
        self._texts: dict[tuple[str, str, str, object], LocalizedText] = {}
        self._chains: dict[LocaleId, tuple[str, ...]] = {}

    def _chain(self, wanted: LocaleId) -> tuple[str, ...]:
        try:
            return self._chains[wanted]
        except KeyError:
            if len(self._chains) >= _CACHE_MAX:  # bounded: locales can come from requests
                self._chains.clear()
            chain = self._chains[wanted] = fallback_chain(wanted, self.store.supported())
            return chain

    def text(self, item: Item, name: str, locale: Locale | str | None) -> LocalizedText:
        """Return *item*'s field *name* in *locale*, from the cache where possible."""
        # Keyed first by the locale exactly as given: the common case (the same string on every
        # request) then costs one dict hit. Babel Locale objects hash too.
        key = (item.item_kind, item.id, name, locale)
        try:
            return self._texts[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable locale argument: parse_locale says what is wrong
            key = (item.item_kind, item.id, name, None)
        wanted = parse_locale(locale)
        canonical = (item.item_kind, item.id, name, str(wanted))
        result = self._texts.get(canonical)
        if result is None:
            if name not in type(item).translatable:
                raise AttributeError(f"{type(item).__name__} has no translatable field {name!r}")
            result = self._render(item, name, wanted)
        if len(self._texts) >= _CACHE_MAX:
            self._texts.clear()
        self._texts[canonical] = result
        if key[3] is not None or locale is None:
            self._texts[key] = result
        return result

    def _render(self, item: Item, name: str, wanted: LocaleId) -> LocalizedText:
        statement = (
            item.statement_template if isinstance(item, Fact) and name == "statement" else None
        )
        source: str = statement if statement is not None else getattr(item, name)
        original = str(DEFAULT)
        if isinstance(item, Quote) and name == "text":
            original = str(parse_locale(item.language))
        context = f"{item.item_kind}:{item.id}:{name}"
        text, used, review = self._translate(
            wanted, original, source, lambda locale: self._lookup(locale, context, source)
        )
        if isinstance(item, Fact) and statement is not None:
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
            return self._texts[key]
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
            self._texts[key] = result
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
        candidates += [_WRITTEN_IN.get(used, used), _WRITTEN_IN[str(DEFAULT)]]
        for name in candidates:
            try:
                return to_babel(name)
            except LookupError:  # a region Babel has no data for (en_KK): try the next
                continue
        return to_babel(str(DEFAULT))

    def _optional(self, item: Item, name: str, locale: Locale | str | None) -> LocalizedText | None:
        return self.text(item, name, locale) if getattr(item, name) else None

    def localize(self, item: Item, locale: Locale | str | None) -> Any:
        """Return the localised view of *item*: every text field in *locale*."""
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
            return LocalizedResource(
                resource=item,
                description=self.text(item, "description", locale),
                hours=self._optional(item, "hours", locale),
            )
        if isinstance(item, Advice):
            return LocalizedAdvice(
                advice=item,
                title=self.text(item, "title", locale),
                body=self.text(item, "body", locale),
                resources=tuple(self.localize(r, locale) for r in item.resources),
            )
        if isinstance(item, Speaker):
            return self.text(item, "role", locale)
        if isinstance(item, Occasion):
            return self.text(item, "name", locale)
        raise TypeError(f"cannot localise {type(item).__name__}")

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
