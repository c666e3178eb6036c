"""LocalizedText and the localised views of items (the renderer that makes them is `_renderer`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from attrs import frozen

from ._contact import Channel
from ._format import html_element
from ._html import HTML
from ._i18n import direction, parse_locale
from ._model import Advice, Fact, Need, Quote, Resource, Review
from ._reference import Question, Script, Term

__all__ = [
    "HTML",
    "LocalizedAdvice",
    "LocalizedChannel",
    "LocalizedEmergency",
    "LocalizedFact",
    "LocalizedHelp",
    "LocalizedQuestion",
    "LocalizedQuote",
    "LocalizedResource",
    "LocalizedScript",
    "LocalizedTerm",
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
        from ._html import fact_html

        return fact_html(self)


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
        from ._html import quote_html

        return quote_html(self)


@frozen(kw_only=True)
class LocalizedChannel:
    """One way to reach a resource, with its hours and the date of its evidence in one locale."""

    channel: Channel
    #: The kind of channel, in the reader's language ("Phone").
    label: LocalizedText
    #: The channel's hours, formatted by Babel for the reader; ``None`` when not known.
    hours: LocalizedText | None = None
    #: The date of the newest evidence for the number and hours, formatted by Babel for the
    #: reader; ``None`` when no supporting source is dated.
    as_of: LocalizedText | None = None
    #: True when that evidence is older than ``MAX_EVIDENCE_AGE`` on the view's day: check the
    #: detail before relying on it. Undated evidence is unknown, not stale.
    stale: bool = False

    @property
    def uri(self) -> str | None:
        """The channel's link (``tel:`` and ``sms:`` from the E.164 number where known)."""
        return self.channel.uri


@frozen(kw_only=True)
class LocalizedResource:
    """A help resource with its description, hours, freshness and limits in one locale.

    Freshness is judged on :attr:`today`: a detail whose newest evidence is older than
    ``MAX_EVIDENCE_AGE`` (two years) is named in :attr:`stale` and flagged, never hidden.
    """

    resource: Resource
    description: LocalizedText
    hours: LocalizedText | None
    #: Each channel, with its own hours, "as of" date and stale flag.
    channels: tuple[LocalizedChannel, ...] = ()
    #: The day the record was last checked against the research, formatted by Babel; ``None``
    #: only for a view built by hand.
    checked: LocalizedText | None = None
    #: The date of the newest evidence for the description, ages and eligibility, formatted.
    as_of: LocalizedText | None = None
    #: The day freshness was judged on (``date.today()`` unless given).
    today: dt.date | None = None
    #: The details whose evidence is old on :attr:`today`, as :meth:`Resource.stale` names them.
    stale: tuple[str, ...] = ()
    #: "Check before relying on it", when any detail is stale; else ``None``.
    stale_note: LocalizedText | None = None
    #: Says that the date of the evidence is not recorded, when no detail records it; else ``None``.
    undated_note: LocalizedText | None = None
    #: A note that some details are not fully confirmed, when the record is ``partial``.
    partial: LocalizedText | None = None
    #: What a removal or reporting tool cannot do, one sentence per limit, to show with it.
    limits: tuple[LocalizedText, ...] = ()

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

        Phone and text numbers become ``tel:`` and ``sms:`` links built from the E.164 number
        where known; each channel says how fresh its evidence is, stale details carry
        ``data-stale="true"``, and limits are listed. ``data-confidence`` says whether the
        details are fully confirmed (``verified``) or not (``partial``), for the app to show.
        """
        from ._html import resource_html

        return resource_html(self)


@frozen(kw_only=True)
class LocalizedHelp:
    """The services that meet one need, for one reader, in one locale."""

    #: The need; ``None`` for the services an advice item names because it is about them.
    need: Need | None
    #: What the need is, in the reader's language ("Someone to talk to").
    label: LocalizedText
    #: The country's own services first, then services usable from anywhere.
    resources: tuple[LocalizedResource, ...]


@frozen(kw_only=True)
class LocalizedEmergency:
    """The emergency number for the reader's country, or words asking them to use their own."""

    #: The reader's country, or ``None`` when it is not known.
    country: str | None
    #: The numbers to call, as dialled (``("112", "999")``); empty when none is known.
    numbers: tuple[str, ...]
    #: The numbers as alternatives ("112 or 999"), or "your local emergency number".
    text: LocalizedText
    #: A sentence to show: "If someone is in danger right now, call 999."
    sentence: LocalizedText

    @property
    def known(self) -> bool:
        """True when the country, and so its emergency number, is known."""
        return bool(self.numbers)

    def __html__(self) -> str:
        """Return the sentence as an HTML paragraph, each number a ``tel:`` link."""
        from ._html import emergency_html

        return emergency_html(self)


@frozen(kw_only=True)
class _HelpFields:
    """The help resolved for one reader, as advice, questions and scripts carry it.

    :attr:`resources` are, for each need of the item, the country's own services first, then
    services usable from anywhere; never another country's. With no country, only services
    usable from anywhere, and :attr:`country_known` is false so that a page can ask.
    """

    #: Every service offered for the item's needs, in order, each once.
    resources: tuple[LocalizedResource, ...] = ()
    #: The same services grouped by need, in the item's order of needs.
    help: tuple[LocalizedHelp, ...] = ()
    #: The reader's ISO 3166-1 alpha-2 country, or ``None`` when it is not known.
    country: str | None = None
    #: The needs help was found for (removal needs fitted to the age an image was taken at).
    needs: tuple[Need, ...] = ()
    #: The emergency number for the country, or words for "your local emergency number".
    emergency: LocalizedEmergency | None = None
    #: A sentence for the reader when their country is not known (asking for it), or when no
    #: service of its own is listed there (saying so); else ``None``.
    country_notice: LocalizedText | None = None
    #: False when the country is known but no service of its own is listed there: only
    #: services usable from anywhere are shown.
    country_covered: bool = True

    @property
    def country_known(self) -> bool:
        """False when no country was given: only services usable from anywhere are shown."""
        return self.country is not None


@frozen(kw_only=True)
class LocalizedAdvice(_HelpFields):
    """An advice item in one locale, with the help resolved for one reader's country.

    :attr:`resources` are, for each need of the item, the country's own services first, then
    services usable from anywhere; never another country's. With no country, only services
    usable from anywhere, and :attr:`country_known` is false so that a page can ask.
    """

    advice: Advice
    title: LocalizedText
    #: The body, with ``{emergency}`` filled in for the reader's country.
    body: LocalizedText

    @property
    def id(self) -> str:
        """The advice item's id."""
        return self.advice.id

    def __html__(self) -> str:
        """Return the advice as an HTML ``<article>``: title, body, and where to get help."""
        from ._html import advice_html

        return advice_html(self)


@frozen(kw_only=True)
class LocalizedTerm:
    """A glossary term with its word, definition and usage guidance in one locale."""

    #: The term as loaded.
    item: Term
    #: The word we use, in the locale (the approved word for it in that language).
    term: LocalizedText
    definition: LocalizedText
    usage: LocalizedText | None

    @property
    def id(self) -> str:
        """The term's id."""
        return self.item.id

    def __html__(self) -> str:
        """Return the term as an HTML ``<div>`` holding a ``<dt>`` and ``<dd>`` pair."""
        from ._html import term_html

        return term_html(self)


@frozen(kw_only=True)
class LocalizedQuestion(_HelpFields):
    """A question and its answer in one locale."""

    #: The question as loaded.
    item: Question
    question: LocalizedText
    answer: LocalizedText

    @property
    def id(self) -> str:
        """The question's id."""
        return self.item.id

    def __html__(self) -> str:
        """Return the question as an HTML ``<details>``: the question to open, the answer."""
        from ._html import question_html

        return question_html(self)


@frozen(kw_only=True)
class LocalizedScript(_HelpFields):
    """A conversation script with its title, situation and lines in one locale."""

    #: The script as loaded.
    item: Script
    title: LocalizedText
    situation: LocalizedText
    #: The lines, in order; each may fall back on its own.
    lines: tuple[LocalizedText, ...]

    @property
    def id(self) -> str:
        """The script's id."""
        return self.item.id

    def __html__(self) -> str:
        """Return the script as an HTML ``<article>``: title, situation and a list of lines."""
        from ._html import script_html

        return script_html(self)
