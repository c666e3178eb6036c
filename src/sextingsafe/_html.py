"""HTML for the localised views: escaped, with ``lang`` and ``dir``, marked safe for templates.

Each view's ``__html__`` calls the function here for its kind, so the markup of every kind is in
one place; nothing below the views knows about HTML.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ._format import escape, format_day, html_element, html_text, ltr
from ._labels import LABELS

if TYPE_CHECKING:
    import datetime as dt

    from ._contact import Channel
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
    from ._model import Source

__all__ = [
    "CORRECTION_URL",
    "HTML",
    "advice_html",
    "emergency_html",
    "fact_html",
    "help_html",
    "question_html",
    "quote_html",
    "resource_html",
    "script_html",
    "term_html",
]

#: Where a reader reports a wrong phone number, link, hours or text: the documentation page that
#: explains how (the repository's correction issue form, or a private report for anything
#: sensitive). Every help list the library renders as HTML links to it.
CORRECTION_URL = "https://sextingsafe.readthedocs.io/en/latest/how-to/report-a-correction.html"


class HTML(str):
    """A string of safe HTML, as MarkupSafe's ``Markup`` is: ``__html__`` returns it unchanged."""

    __slots__ = ()

    def __html__(self) -> str:
        """Return the HTML itself: it is already escaped."""
        return self


def fact_html(view: LocalizedFact) -> HTML:
    """Return the fact as an HTML ``<figure>``: statement, caveat and cited sources."""
    caveat = f'<p class="sextingsafe-caveat">{view.caveat.__html__()}</p>' if view.caveat else ""
    return HTML(
        f'<figure class="sextingsafe-fact" data-id="{escape(view.id)}">'
        f"<p>{view.statement.__html__()}</p>{caveat}"
        f"<figcaption>{_sources_html(view.fact.sources, reader=view.statement)}"
        "</figcaption></figure>"
    )


def quote_html(view: LocalizedQuote) -> HTML:
    """Return the quote as an HTML ``<figure>``, content note first.

    Then the original words in a ``<blockquote>``, a translation marked as one, the speaker
    and the sources.
    """
    speaker = view.quote.speaker
    parts = [f'<figure class="sextingsafe-quote" data-id="{escape(view.id)}">']
    if view.content_note is not None:
        parts.append(f'<p class="sextingsafe-content-note">{view.content_note.__html__()}</p>')
    parts.append(html_element(str(view.text), view.text.lang, view.text.direction, "blockquote"))
    if view.translation is not None:
        review = escape(view.translation.review.value)
        parts.append(
            f'<blockquote class="sextingsafe-translation" data-review="{review}">'
            f"{view.translation.__html__()}</blockquote>"
        )
    pseudonym = ' <span class="sextingsafe-pseudonym">*</span>' if speaker.pseudonymous else ""
    parts.append(
        f"<figcaption>{escape(speaker.name)}{pseudonym}, {view.role.__html__()}, "
        f'<time datetime="{view.quote.date.isoformat()}">{escape(_day(view.quote.date, view.role))}'
        f"</time>. {_sources_html(view.quote.sources, reader=view.role)}"
        "</figcaption></figure>"
    )
    return HTML("".join(parts))


def resource_html(view: LocalizedResource) -> HTML:
    """Return the resource as HTML: name, operator, description, hours and ways to reach it.

    Phone and text numbers become ``tel:`` and ``sms:`` links built from the channel's
    :attr:`~sextingsafe.Channel.uri` (the E.164 number where known), never from the digits
    shown; every contact value is isolated left to right and the names in a ``<bdi>``, so they
    read in order on a right-to-left page. Each channel says how fresh its evidence is
    ("as of", with a ``<time>``); a stale detail has ``data-stale="true"`` and the class
    ``sextingsafe-stale``, and the resource a note asking the reader to check it. A removal
    tool's limits are listed. ``data-confidence`` says whether the details are fully confirmed
    (``verified``) or not (``partial``); a partial record also says so in words.
    """
    item = view.resource
    reach = [_channel_html(view, channel) for channel in view.channels]
    if not view.channels:
        # A view built by hand, without its channels' freshness: the bare links.
        reach = [_bare_channel_html(channel) for channel in item.channels]
    reach = [part for part in reach if part]
    if item.url:
        reach.append(f'<a href="{escape(item.url)}">{ltr(item.url)}</a>')
    hours = f' <span class="sextingsafe-hours">{view.hours.__html__()}</span>' if view.hours else ""
    links = f'<span class="sextingsafe-reach">{" ".join(reach)}</span>' if reach else ""
    stale = ' data-stale="true"' if view.stale else ""
    notes = []
    if view.partial is not None:
        notes.append(f'<p class="sextingsafe-partial">{view.partial.__html__()}</p>')
    if view.stale_note is not None:
        notes.append(f'<p class="sextingsafe-stale-note">{view.stale_note.__html__()}</p>')
    if view.undated_note is not None:
        notes.append(f'<p class="sextingsafe-undated">{view.undated_note.__html__()}</p>')
    if view.limits:
        limits = "".join(f"<li>{limit.__html__()}</li>" for limit in view.limits)
        notes.append(f'<ul class="sextingsafe-limits">{limits}</ul>')
    if view.checked is not None:
        notes.append(
            f'<p class="sextingsafe-checked">'
            f"{_dated(view, 'last-checked', item.checked, view.checked)}</p>"
        )
    return HTML(
        f'<div class="sextingsafe-resource" data-id="{escape(view.id)}" '
        f'data-confidence="{escape(item.confidence.value)}"{stale}>'
        f"<strong><bdi>{escape(item.name)}</bdi></strong> (<bdi>{escape(item.operator)}</bdi>): "
        f"{view.description.__html__()}{hours} {links}{''.join(notes)}</div>"
    )


def _channel_html(view: LocalizedResource, local: LocalizedChannel) -> str:
    """One channel: its link or value, then how fresh its evidence is; ``""`` for nothing."""
    channel = local.channel
    # The resource's own address is linked once, after its channels.
    value = channel.value if channel.value != view.resource.url else None
    if value is None and local.as_of is None:
        return ""
    shown = _bare_channel_html(channel) if value is not None else local.label.__html__()
    as_of = ""
    if local.as_of is not None and channel.as_of is not None:
        as_of = (
            f' <span class="sextingsafe-as-of">'
            f"{_dated(view, 'as-of', channel.as_of, local.as_of)}</span>"
        )
    kind = escape(channel.kind.value)
    if local.stale:
        return (
            f'<span class="sextingsafe-channel sextingsafe-stale" data-channel="{kind}" '
            f'data-stale="true">{shown}{as_of}</span>'
        )
    return f'<span class="sextingsafe-channel" data-channel="{kind}">{shown}{as_of}</span>'


def _bare_channel_html(channel: Channel) -> str:
    """The channel's value, a ``tel:`` or ``sms:`` link from its :attr:`~Channel.uri`."""
    if channel.value is None:
        return ""
    uri = channel.uri
    if uri is not None and uri.startswith(("tel:", "sms:")):
        return f'<a href="{escape(uri)}">{ltr(channel.value)}</a>'
    return ltr(channel.value)


def _dated(view: LocalizedResource, label: str, day: dt.date, text: LocalizedText) -> str:
    """A label ("as of", "Last checked") and a day written for the reader, in a ``<time>``."""
    renderer = view.resource.renderer
    words = renderer.label(label, view.description.requested) if renderer is not None else None
    words_html = words.__html__() if words is not None else escape(LABELS[label])
    separator = ": " if label == "last-checked" else " "
    return (
        f'{words_html}{separator}<time datetime="{day.isoformat()}" lang="{escape(text.lang)}" '
        f'dir="{escape(text.direction)}">{escape(str(text))}</time>'
    )


def advice_html(view: LocalizedAdvice) -> HTML:
    """Return the advice as an HTML ``<article>``: title, body, and where to get help.

    The article carries ``data-country`` with the reader's country, or ``data-country-unknown``
    with a sentence asking for it when the country is not known.
    """
    where, section = _help_section(view)
    return HTML(
        f'<article class="sextingsafe-advice" data-id="{escape(view.id)}"{where}>'
        f"<h3>{view.title.__html__()}</h3><p>{view.body.__html__()}</p>{section}</article>"
    )


def help_html(group: LocalizedHelp) -> HTML:
    """Return the services for one need: a labelled list, ``data-need`` naming the need."""
    need = escape(group.need.value) if group.need is not None else "named"
    items = "".join(f"<li>{r.__html__()}</li>" for r in group.resources)
    return HTML(
        f'<div class="sextingsafe-need" data-need="{need}">'
        f'<h4 class="sextingsafe-need-label">{group.label.__html__()}</h4>'
        f'<ul class="sextingsafe-resources">{items}</ul></div>'
    )


def emergency_html(view: LocalizedEmergency) -> HTML:
    """Return the emergency sentence as a paragraph, each number a ``tel:`` link."""
    sentence = view.sentence
    known = "true" if view.known else "false"
    body = html_text(str(sentence), sentence.direction)
    for number in view.numbers:
        # Whole numbers only: "112" must not match inside "1121". The link is isolated (dir).
        link = f'<a href="tel:{escape(_dialled(number))}" dir="ltr">{escape(number)}</a>'
        pattern = re.compile(rf"(?<![0-9]){re.escape(escape(number))}(?![0-9])")
        # A function, so nothing in the link is read as a backreference.
        body = pattern.sub(functools.partial(_constant, link), body, count=1)
    return HTML(
        f'<p class="sextingsafe-emergency" data-known="{known}">'
        f'<span lang="{escape(sentence.lang)}" dir="{escape(sentence.direction)}">{body}</span></p>'
    )


def _constant(text: str, _match: re.Match[str]) -> str:
    return text


def _dialled(number: str) -> str:
    return "".join(c for c in number if c.isdigit() or c == "+")


def correction_html(view: LocalizedAdvice | LocalizedQuestion | LocalizedScript) -> str:
    """Return the link to report a wrong number or text, for after a help list."""
    shown: Any = view  # an advice view has .advice, a question's or a script's .item
    item = shown.advice if hasattr(shown, "advice") else shown.item
    first = view.question if hasattr(view, "question") else view.title
    renderer = item.renderer
    text = (
        renderer.label("report-a-correction", first.requested).__html__()
        if renderer is not None
        else escape(LABELS["report-a-correction"])
    )
    return f'<p class="sextingsafe-correction"><a href="{escape(CORRECTION_URL)}">{text}</a></p>'


def term_html(view: LocalizedTerm) -> HTML:
    """Return the term as a ``<div>`` holding ``<dt>`` and ``<dd>``, for a ``<dl>`` glossary."""
    usage = (
        f'<p class="sextingsafe-usage">{view.usage.__html__()}</p>'
        if view.usage is not None
        else ""
    )
    return HTML(
        f'<div class="sextingsafe-term" data-id="{escape(view.id)}">'
        f"<dt>{view.term.__html__()}</dt><dd><p>{view.definition.__html__()}</p>{usage}"
        f"{_sources_html(view.item.sources, reader=view.term)}</dd></div>"
    )


def _help_section(view: Any) -> tuple[str, str]:
    """Return a view's ``data-country`` attribute and its where-to-get-help ``<section>``.

    An item that needs no help (no needs, no services named) has neither.
    """
    if not view.help and view.country_notice is None:
        return "", ""
    where = (
        " data-country-unknown"
        if view.country is None
        else f' data-country="{escape(view.country)}"'
    )
    notice = ""
    if view.country_notice is not None:
        kind = "unknown" if view.country is None else "not-covered"
        notice = f'<p class="sextingsafe-country-{kind}">{view.country_notice.__html__()}</p>'
    emergency = ""
    if view.emergency is not None and any(n.value == "emergency" for n in view.needs):
        emergency = view.emergency.__html__()
    groups = "".join(help_html(group) for group in view.help if group.resources)
    section = (
        f'<section class="sextingsafe-help">{notice}{emergency}{groups}'
        f"{correction_html(view) if emergency or groups else ''}</section>"
        if notice or emergency or groups
        else ""
    )
    return where, section


def question_html(view: LocalizedQuestion) -> HTML:
    """Return the question as ``<details>``: the question as its summary, then the answer.

    Then where to get help, for the reader's country, as for advice.
    """
    where, section = _help_section(view)
    return HTML(
        f'<details class="sextingsafe-question" data-id="{escape(view.id)}"{where}>'
        f"<summary>{view.question.__html__()}</summary><p>{view.answer.__html__()}</p>"
        f"{section}{_sources_html(view.item.sources, reader=view.question)}</details>"
    )


def script_html(view: LocalizedScript) -> HTML:
    """Return the script as an ``<article>``: title, situation and its lines as a list."""
    lines = "".join(f"<li>{line.__html__()}</li>" for line in view.lines)
    where, section = _help_section(view)
    return HTML(
        f'<article class="sextingsafe-script" data-id="{escape(view.id)}"{where}>'
        f"<h3>{view.title.__html__()}</h3>"
        f'<p class="sextingsafe-situation">{view.situation.__html__()}</p>'
        f"<ol>{lines}</ol>{section}{_sources_html(view.item.sources, reader=view.title)}"
        "</article>"
    )


def _day(day: dt.date, text: LocalizedText) -> str:
    """Write *day* as the reader of *text* writes dates (by Babel), for a page in their locale."""
    from ._i18n import WRITTEN_IN, parse_locale, to_babel

    # The reader's locale, as the page around the text is theirs, even where the text itself
    # fell back to English; a bare language in the variety its catalogue is written in.
    # The text's own locale is always one Babel knows: packs' catalogues are checked for it.
    wanted = str(parse_locale(text.requested))
    for name in (WRITTEN_IN.get(wanted, wanted), WRITTEN_IN.get(text.locale, text.locale)):
        try:
            return format_day(day, to_babel(name))
        except LookupError:  # a region Babel has no data for: try the next
            continue
    return day.isoformat()


def _sources_html(
    sources: tuple[Source, ...],
    read_at_copy: str = "read at a copy",
    reader: LocalizedText | None = None,
) -> str:
    """Cite *sources*: title (linked to the publisher's own address), publisher and date.

    A source read at a copy (``via``) is never linked under its publisher's name: the copy's
    link comes after, labelled *read_at_copy*. Dates are written for the locale of *reader*
    (a text of the view), in ISO only in the machine-readable ``datetime`` attribute.
    """
    cited = []
    for source in sources:
        title = escape(source.title)
        if source.url:
            title = f'<a href="{escape(source.url)}">{title}</a>'
        date = (
            f', <time datetime="{source.published.isoformat()}">'
            f"{escape(_day(source.published, reader) if reader else source.published.isoformat())}"
            "</time>"
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
