"""How the ``sextingsafe`` command prints items and help, in the reader's language."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, TextIO

from . import _cli_reference
from ._bidi import isolate
from ._catalogue import Catalogue, default_catalogue
from ._format import format_day
from ._i18n import WRITTEN_IN, direction, parse_locale, to_babel
from ._localized import LocalizedAdvice, LocalizedQuestion, LocalizedScript, LocalizedText
from ._model import Advice, Fact, Need, Occasion, Quote, Resource, Review
from ._reference import Question, Script, Term

__all__ = [
    "Voice",
    "print_advice",
    "print_help",
    "print_item",
    "print_resource",
    "print_sources",
    "write_json",
]

_Reference = Term | Question | Script


def write_json(data: object, out: TextIO) -> None:
    """Write *data* to *out* as indented JSON, characters as they are, and a final newline."""
    json.dump(data, out, ensure_ascii=False, indent=2)
    print(file=out)


class Voice:
    """What the reader sees around the content: labels, dates and notes in their language.

    Text for a right-to-left reader has its numbers, addresses and Latin names isolated.
    """

    def __init__(self, locale: str | None, catalogue: Catalogue | None = None) -> None:
        self.locale = locale
        self.catalogue = catalogue if catalogue is not None else default_catalogue()
        self.wanted = parse_locale(locale)
        self.rtl = direction(self.wanted) == "rtl"

    def label(self, name: str) -> str:
        """Return the interface label *name* in the reader's language."""
        return str(self.catalogue.label(name, self.locale))

    def day(self, day: dt.date) -> str:
        """Return *day* written as the reader's locale writes dates."""
        used = parse_locale(self.catalogue.label("sources", self.locale).locale)
        # The reader's own region when they gave one (pt-BR, en-US), else the variety the
        # catalogue is written in (British English, European Portuguese).
        own = [str(self.wanted)] if self.wanted.territory else []
        for name in (*own, WRITTEN_IN.get(str(used), str(used)), "en_GB"):
            try:
                return format_day(day, to_babel(name))
            except LookupError:  # a region Babel has no data for: try the next
                continue
        return day.isoformat()

    def say(self, out: TextIO, *parts: object) -> None:
        """Print *parts* as one line, isolated for a right-to-left reader."""
        line = " ".join(str(part) for part in parts)
        print(isolate(line, "rtl") if self.rtl else line, file=out)

    def frame(self, out: TextIO, texts: Sequence[LocalizedText | None]) -> None:
        """Say, in the reader's language, when texts are unreviewed or fell back to English."""
        shown = [t for t in texts if t is not None]
        if any(t.review is Review.UNREVIEWED for t in shown):
            self.say(out, f"  ({self.label('unreviewed')})")
        # A region served by its language (pl-PL reading pl) is not a fallback to the reader.
        if any(
            parse_locale(t.locale).language != parse_locale(t.requested).language for t in shown
        ):
            self.say(out, f"  ({self.label('not-translated')})")


def print_sources(
    item: Fact | Quote | Advice | Resource | Occasion | _Reference, out: TextIO, voice: Voice
) -> None:
    """Print the item's sources: publisher, title, date (or "undated") and where to read it."""
    for source in item.sources:
        where = source.url or ("" if source.via else voice.label("in-print"))
        if source.via:
            where = f"{where} ({voice.label('read-at-a-copy')}: {source.via})".lstrip()
        date = voice.day(source.published) if source.published else voice.label("undated")
        cited = f'{source.publisher}, "{source.title}" ({date}) {where}'.rstrip()
        voice.say(out, f"  {voice.label('source')}: {cited}")


def print_item(
    item: Fact | Quote | Advice | Resource | _Reference,
    locale: str | None,
    out: TextIO,
    catalogue: Catalogue,
    reader: dict[str, Any],
) -> None:
    """Print one item as ``show`` and the listings do: its text, help, sources and notes."""
    voice = Voice(locale, catalogue)
    texts: list[LocalizedText | None]
    if isinstance(item, Term | Question | Script):
        shown = _cli_reference.print_reference(item, locale, lambda line: voice.say(out, line))
        texts = list(shown)
        if isinstance(item, Question | Script) and item.needs:
            print_help(item.localize(locale, **reader), locale, out, catalogue)
    elif isinstance(item, Fact):
        fact = item.localize(locale)
        voice.say(out, f"[{item.id}]", fact.statement)
        if fact.caveat:
            voice.say(out, f"  {voice.label('caveat')}: {fact.caveat}")
        texts = [fact.statement, fact.caveat]
    elif isinstance(item, Quote):
        quote = item.localize(locale)
        voice.say(out, f"[{item.id}]")
        if quote.content_note:
            voice.say(out, f"  {voice.label('content-note')}: {quote.content_note}")
        voice.say(out, f'  "{quote.text}"')
        if quote.translation:
            voice.say(out, f'  {voice.label("translation")}: "{quote.translation}"')
        speaker = item.speaker
        name = speaker.name
        if speaker.pseudonymous:
            name = f"{speaker.name} ({voice.label('pseudonym')})"
        voice.say(out, f"  — {name}, {quote.role}, {voice.day(item.date)}")
        texts = [quote.translation, quote.role, quote.content_note]
    elif isinstance(item, Advice):
        print_advice(item, locale, out, catalogue, reader)
        print_sources(item, out, voice)
        return
    else:
        resource = item.localize(locale)
        print_resource(item, locale, out, catalogue)
        texts = [resource.description]
    print_sources(item, out, voice)
    voice.frame(out, texts)


def print_advice(
    item: Advice,
    locale: str | None,
    out: TextIO,
    catalogue: Catalogue,
    reader: dict[str, Any],
) -> None:
    """Print the advice, then the help for the reader, as the API resolves it."""
    voice = Voice(locale, catalogue)
    advice = item.localize(locale, **reader)
    voice.say(out, f"{advice.title}\n\n{advice.body}")
    voice.frame(out, [advice.title, advice.body])
    print_help(advice, locale, out, catalogue)


def print_help(
    view: LocalizedAdvice | LocalizedQuestion | LocalizedScript,
    locale: str | None,
    out: TextIO,
    catalogue: Catalogue,
) -> None:
    """Print where to get help: the view's services for the reader's country, by need.

    An item that needs no help (no needs, no services named) prints nothing.
    """
    if not view.help and view.country_notice is None:
        return
    voice = Voice(locale, catalogue)
    count = catalogue.label("places-to-get-help", locale, count=len(view.resources))
    voice.say(out, f"\n{count}:")
    if view.country_notice is not None:
        voice.say(out, f"\n{view.country_notice}")
    if view.emergency is not None and Need.EMERGENCY in view.needs:
        voice.say(out, f"\n{view.emergency.sentence}")
    for group in view.help:
        if group.resources:
            voice.say(out, f"\n{group.label}:")
        for resource in group.resources:
            print_resource(resource.resource, locale, out, catalogue)


def print_resource(
    item: Resource, locale: str | None, out: TextIO, catalogue: Catalogue | None = None
) -> None:
    """Print a resource: how to reach it and how fresh each detail is, hours, limits, checked.

    A stale detail is marked with the note asking the reader to check it.
    """
    voice = Voice(locale, catalogue)
    label = voice.label
    resource = item.localize(locale)
    where = ", ".join(item.countries) or label("worldwide")
    flag = f" [{label('partial')}]" if item.confidence.value == "partial" else ""
    voice.say(out, f"* {item.name} ({item.operator}; {where}){flag}: {resource.description}")
    stale = f" [{resource.stale_note}]" if resource.stale_note is not None else ""
    for channel in resource.channels:
        if channel.channel.value:
            as_of = f" ({label('as-of')} {channel.as_of})" if channel.as_of is not None else ""
            marker = stale if channel.stale else ""
            voice.say(out, f"    {channel.label}: {channel.channel.value}{as_of}{marker}")
    if item.url and item.url not in {c.value for c in item.channels}:
        voice.say(out, f"    {label('web')}: {item.url}")
    if resource.hours:
        dates = {c.as_of for c in resource.channels if c.hours is not None}
        as_of = (
            f" ({label('as-of')} {next(iter(dates))})"
            if len(dates) == 1 and None not in dates
            else ""
        )
        voice.say(out, f"    {label('hours')}: {resource.hours}{as_of}")
    for limit in resource.limits:
        voice.say(out, f"    - {limit}")
    if resource.checked is not None:
        voice.say(out, f"    {label('last-checked')}: {resource.checked}")
    if resource.undated_note is not None:
        voice.say(out, f"    [{resource.undated_note}]")
    if "description" in resource.stale:
        voice.say(out, f"   {stale}")
