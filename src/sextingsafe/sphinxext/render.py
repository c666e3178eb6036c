"""Turn sextingsafe items into docutils nodes in one locale, for :mod:`sextingsafe.sphinxext`.

Every text becomes a text node (the writers escape it); nothing from a content pack is parsed as
markup. Each item is a :class:`langblock` with the language and direction of its main text; a
phrase in another language inside it (a label not yet translated, a fallback, the original words
of a quote) carries its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from docutils import nodes

from sextingsafe import (
    Advice,
    ContentNotFoundError,
    Fact,
    LocalizedText,
    Question,
    Quote,
    Resource,
    Review,
    Script,
    Term,
)
from sextingsafe._bidi import ltr_segments
from sextingsafe._format import format_day
from sextingsafe._html import CORRECTION_URL
from sextingsafe._i18n import WRITTEN_IN, to_babel
from sextingsafe._labels import LABELS

from .nodes import langblock, langquote, langspan

if TYPE_CHECKING:
    from sextingsafe import Catalogue, Channel

__all__ = ["ContentItem", "ItemRenderer"]

#: The item kinds the extension shows.
ContentItem = Fact | Quote | Advice | Resource | Term | Question | Script
#: See :attr:`ItemRenderer.link`.
Linker = Callable[[tuple[str, str, str | None], nodes.Node], nodes.Element | None]


def _p(*children: nodes.Node, classes: Iterable[str] = ()) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=list(classes))


def _language(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


class ItemRenderer:
    """Builds the nodes for items of one catalogue in one locale.

    Args:
        catalogue: Where the items and the labels come from.
        locale: The requested locale, as the user wrote it; ``None`` for English.
        page_lang: The BCP 47 tag of the page around the items (Sphinx's ``language``).
        brief: Show the texts, the essentials and the sources' names only, with a link to the
            item's full entry in *default_locale* where the project shows one.
        default_locale: The project's default locale (``sextingsafe_locale``).
        country: The reader's country (``:country:`` or ``sextingsafe_country``): advice shows
            the help for it; with none, services usable from anywhere and a notice.

    Raises:
        InvalidLocaleError: *locale* is malformed.
    """

    def __init__(  # noqa: PLR0913 - what the page asked for, each optional
        self,
        catalogue: Catalogue,
        locale: str | None,
        *,
        page_lang: str,
        brief: bool = False,
        default_locale: str | None = None,
        country: str | None = None,
    ) -> None:
        """Check *locale* and remember what the page asked for (see the class docstring)."""
        self.catalogue = catalogue
        self.locale = locale
        #: The reader's country: advice shows that country's help, else worldwide help only.
        self.reader_country = country
        self.brief = brief
        self.default_locale = catalogue.label("sources", default_locale).requested
        # Any label parses the locale, says what was asked for, and raises if it is malformed.
        self.requested = catalogue.label("sources", locale).requested
        self.page_lang = page_lang
        self._labels: dict[tuple[str, str], LocalizedText] = {}
        #: Links to another item: ``link((kind, id or "id@locale", locale), content)`` returns a
        #: reference, or ``None`` where the project does not show the item (nor links, unset).
        self.link: Linker | None = None
        babel_locale = catalogue.negotiate([self.requested])
        self._territories = babel_locale.territories
        self._territory_locale = str(babel_locale)
        # Dates as the page's locale writes them; a bare language in the variety its catalogue
        # is written in (British English, European Portuguese).
        name = str(babel_locale)
        self._dates = to_babel(name if babel_locale.territory else WRITTEN_IN.get(name, name))

    def day(self, day: dt.date) -> str:
        """Return *day* as the page's locale writes dates (by Babel, not ISO)."""
        return format_day(day, self._dates)

    # -- words ---------------------------------------------------------------------------------

    def label(self, name: str, english: str | None = None) -> LocalizedText:
        """Return the interface label *name*, or *english* (marked English) if there is none."""
        key = (name, english or "")
        found = self._labels.get(key)
        if found is None:
            try:
                found = self.catalogue.label(name, self.locale)
            except ContentNotFoundError:
                found = LocalizedText(english or LABELS.get(name, name), locale="en")
            self._labels[key] = found
        return found

    def phrase(self, text: str, within: str) -> nodes.Node:
        """Return *text* as an inline node, marked with its language if that is not *within*."""
        if isinstance(text, LocalizedText) and text.direction == "rtl":
            # Numbers to dial, addresses and Latin names inside right-to-left text read in order.
            pieces = [
                self.ltr(nodes.Text(piece)) if is_ltr else nodes.Text(piece)
                for piece, is_ltr in ltr_segments(str(text))
            ]
            if text.lang != within:
                return langspan("", "", *pieces, lang=text.lang, dir=text.direction)
            if len(pieces) <= 1:
                return pieces[0] if pieces else nodes.Text("")
            return nodes.inline("", "", *pieces)
        if isinstance(text, LocalizedText) and text.lang != within:
            return langspan("", str(text), lang=text.lang, dir=text.direction)
        return nodes.Text(str(text))

    @staticmethod
    def ltr(*children: nodes.Node) -> langspan:
        """Keep numbers and addresses left to right, whatever the direction around them."""
        return langspan("", "", *children, dir="ltr")

    def term(self, kind: str, value: str) -> LocalizedText:
        """Return the display name of an audience, topic or resource kind."""
        return self.label(f"{kind}-{value}", value.replace("-", " ").capitalize())

    def country(self, code: str) -> LocalizedText:
        """Return a country's name in the locale (Babel's CLDR data), with a region's code."""
        name = self._territories.get(code.split("-", maxsplit=1)[0])
        if name is None:
            return LocalizedText(code, locale="en")
        text = name if "-" not in code else f"{name} ({code})"
        return LocalizedText(text, locale=self._territory_locale)

    def _labelled(self, name: str, value: nodes.Node, within: str, cls: str) -> nodes.paragraph:
        head = nodes.strong("", "", self.phrase(self.label(name), within))
        return _p(head, nodes.Text(": "), value, classes=[cls])

    def _fields(
        self, rows: Iterable[tuple[LocalizedText, list[nodes.Node]]], within: str
    ) -> nodes.Element:
        """Return "name: value" lines: a line block reads the same in every theme and builder."""
        lines = nodes.line_block(classes=["sextingsafe-fields"])
        for name, body in rows:
            head = nodes.strong("", "", self.phrase(name, within))
            lines += nodes.line("", "", head, nodes.Text(": "), *body)
        return lines

    def _joined(self, texts: Iterable[str], within: str) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for text in texts:
            if result:
                result.append(nodes.Text(", "))
            result.append(self.phrase(text, within))
        return result

    def _review(self, texts: Iterable[LocalizedText | None], within: str) -> list[nodes.Node]:
        """Say so when a text is an unreviewed translation, or English standing in for one."""
        shown = [t for t in texts if t is not None]
        notes: list[nodes.Node] = []
        if any(t.review is Review.UNREVIEWED for t in shown):
            text = self.phrase(self.label("unreviewed"), within)
            notes.append(_p(nodes.emphasis("", "", text), classes=["sextingsafe-unreviewed"]))
        if any(
            t.is_fallback and _language(t.locale) == "en" != _language(t.requested) for t in shown
        ):
            text = self.phrase(self.label("not-translated"), within)
            notes.append(_p(nodes.emphasis("", "", text), classes=["sextingsafe-fallback"]))
        return notes

    def _sources(self, item: ContentItem, within: str, anchor: str | None) -> list[nodes.Node]:
        sources = item.sources
        if self.brief:
            line: list[nodes.Node] = [
                nodes.strong("", "", self.phrase(self.label("sources"), within)),
                nodes.Text(": "),
            ]
            for number, source in enumerate(sources):
                name = nodes.Text(source.publisher)
                link = source.url
                if number:
                    line.append(nodes.Text("; "))
                line.append(nodes.reference("", "", name, refuri=link) if link else name)
            line += [nodes.Text(". "), *self._details(item, within, anchor)]
            return [_p(*line, classes=["sextingsafe-sources"])]
        head = _p(nodes.strong("", "", self.phrase(self.label("sources"), within)))
        head["classes"].append("sextingsafe-sources-title")
        items = nodes.bullet_list(classes=["sextingsafe-sources"])
        for source in sources:
            who = ", ".join(filter(None, (source.publisher, source.author)))
            title = nodes.emphasis("", source.title)
            link = source.url
            parts: list[nodes.Node] = [
                nodes.Text(who + ", "),
                nodes.reference("", "", title, refuri=link) if link else title,
            ]
            if source.published is None:
                undated = self.phrase(self.label("undated"), within)
                parts += [nodes.Text(", "), undated, nodes.Text(".")]
            else:
                parts.append(nodes.Text(f", {self.day(source.published)}."))
            if source.via:
                # Read at a copy: the copy is linked on its own, never under the publisher's name.
                copy = self.phrase(self.label("read-at-a-copy"), within)
                parts += [nodes.Text(" ("), nodes.reference("", "", copy, refuri=source.via)]
                parts.append(nodes.Text(")"))
            if within != "en":
                # A source's language is not recorded: say it is unknown rather than claim the
                # item's, and let the browser find its direction.
                parts = [langspan("", "", *parts, lang="", dir="auto")]
            items += nodes.list_item("", _p(*parts))
        return [head, items]

    def _details(self, item: ContentItem, within: str, anchor: str | None) -> list[nodes.Node]:
        """Link to the item's full entry in the default locale, if the project shows one."""
        if self.link is None:
            return []
        text = self.phrase(self.label("full-entry", "Full entry"), within)
        found = self.link((item.item_kind, f"{item.id}@{self.default_locale}", None), text)
        if found is None or (anchor is not None and found.get("refid") == anchor):
            return []
        found["classes"].append("sextingsafe-details")
        return [found]

    def _block(self, kind: str, main: LocalizedText, item_id: str, anchor: str | None) -> langblock:
        block = langblock(
            classes=["sextingsafe", f"sextingsafe-{kind}"], lang=main.lang, dir=main.direction
        )
        # Content is shown as its editors and translators wrote it: no "smart" quotes, which
        # would alter a verbatim quote and use the page's conventions for another language.
        block["support_smartquotes"] = False
        ident = nodes.literal("", item_id)
        if anchor is not None:
            block["ids"].append(anchor)
            ident = nodes.reference("", "", ident, refid=anchor, reftitle=item_id)
        block.append(_p(ident, classes=["sextingsafe-id"]))
        return block

    # -- items ---------------------------------------------------------------------------------

    def render(self, item: ContentItem, anchor: str | None = None) -> langblock:
        """Return *item* in full; with *anchor*, the block has that id and links to itself."""
        if isinstance(item, Fact):
            return self.fact(item, anchor)
        if isinstance(item, Quote):
            return self.quote(item, anchor)
        if isinstance(item, Advice):
            return self.advice(item, anchor)
        if isinstance(item, Term | Question | Script):
            from . import render_reference

            if isinstance(item, Term):
                return render_reference.term(self, item, anchor)
            if isinstance(item, Question):
                return render_reference.question(self, item, anchor)
            return render_reference.script(self, item, anchor)
        return self.resource(item, anchor)

    def fact(self, fact: Fact, anchor: str | None = None) -> langblock:
        """Return a fact: statement, caveat, place, population, period, note and sources."""
        local = fact.localize(self.locale)
        within = local.statement.lang
        block = self._block("fact", local.statement, fact.id, anchor)
        block.extend(
            self._review([local.statement, local.place, local.population, local.caveat], within)
        )
        block.append(_p(self.phrase(local.statement, within), classes=["sextingsafe-statement"]))
        if local.caveat is not None:
            block.append(
                self._labelled(
                    "caveat", self.phrase(local.caveat, within), within, "sextingsafe-caveat"
                )
            )
        rows: list[tuple[LocalizedText, list[nodes.Node]]] = [
            (self.label("place"), [self.phrase(local.place, within)]),
            (self.label("population"), [self.phrase(local.population, within)]),
        ]
        if not self.brief:
            if fact.period is not None:
                span = f"{self.day(fact.period.start)} – {self.day(fact.period.end)}"
                rows.append((self.label("period"), [nodes.Text(span)]))
            rows.append((self.label("topics"), self._joined(self._terms("topic", fact), within)))
            if fact.jurisdictions:
                countries = (self.country(code) for code in fact.jurisdictions)
                rows.append((self.label("applies-in"), self._joined(countries, within)))
            rows.append((self.label("last-checked"), [nodes.Text(self.day(fact.reviewed))]))
        block.append(self._fields(rows, within))
        if fact.note and not self.brief:
            note = self.phrase(LocalizedText(fact.note, locale="en"), within)
            block.append(self._labelled("note", note, within, "sextingsafe-note"))
        block.extend(self._sources(fact, within, anchor))
        return block

    def _terms(self, kind: str, item: Fact | Quote | Advice) -> list[LocalizedText]:
        return [self.term(kind, topic.value) for topic in item.topics]

    def quote(self, quote: Quote, anchor: str | None = None) -> langblock:
        """Return a quote: content note first, the words, a labelled translation, the speaker."""
        local = quote.localize(self.locale)
        within = local.context.lang
        block = self._block("quote", local.context, quote.id, anchor)
        if local.content_note is not None:
            note = self.phrase(local.content_note, within)
            block.append(self._labelled("content-note", note, within, "sextingsafe-content-note"))
        block.extend(self._review([local.context, local.role, local.content_note], within))
        original = local.text
        if local.translation is not None:
            head = nodes.strong("", "", self.phrase(self.label("original-words"), within))
            block.append(_p(head, classes=["sextingsafe-original-title"]))
        block.append(
            langquote(
                "",
                _p(nodes.Text(str(original))),
                lang=original.lang,
                dir=original.direction,
                classes=["sextingsafe-words"],
            )
        )
        translation = local.translation
        if translation is not None:
            inner = translation.lang
            box = langblock(
                classes=["sextingsafe-translation"], lang=inner, dir=translation.direction
            )
            head = _p(nodes.strong("", "", self.phrase(self.label("translation"), inner)))
            if translation.review is Review.UNREVIEWED:
                unreviewed = self.phrase(self.label("unreviewed"), inner)
                head.extend([nodes.Text(" ("), nodes.emphasis("", "", unreviewed), nodes.Text(")")])
            box.append(head)
            box.append(
                langquote("", _p(nodes.Text(str(translation))), classes=["sextingsafe-words"])
            )
            block.append(box)
        speaker = quote.speaker
        line: list[nodes.Node] = [nodes.Text("— "), nodes.strong("", speaker.name)]
        if speaker.pseudonymous:
            pseudonym = self.phrase(self.label("pseudonym"), within)
            line += [nodes.Text(" ("), pseudonym, nodes.Text(")")]
        line += [nodes.Text(", "), self.phrase(local.role, within)]
        if speaker.organisation:
            line.append(nodes.Text(f", {speaker.organisation}"))
        line.append(nodes.Text(f", {self.day(quote.date)}"))
        block.append(_p(*line, classes=["sextingsafe-speaker"]))
        block.append(_p(self.phrase(local.context, within), classes=["sextingsafe-context"]))
        block.extend(self._sources(quote, within, anchor))
        return block

    def advice(self, advice: Advice, anchor: str | None = None) -> langblock:
        """Return an advice item: title, body, audiences, topics, places, help and sources."""
        local = advice.localize(self.locale, self.reader_country)
        within = local.title.lang
        block = self._block("advice", local.title, advice.id, anchor)
        block.extend(self._review([local.title, local.body], within))
        block.append(
            _p(
                nodes.strong("", "", self.phrase(local.title, within)),
                classes=["sextingsafe-title"],
            )
        )
        block.append(_p(self.phrase(local.body, within), classes=["sextingsafe-body"]))
        audiences = (self.term("audience", a.value) for a in advice.audiences)
        places = [self.country(code) for code in advice.jurisdictions] or [self.label("everywhere")]
        rows = [
            (self.label("audiences"), self._joined(audiences, within)),
            (self.label("topics"), self._joined(self._terms("topic", advice), within)),
            (self.label("applies-in"), self._joined(places, within)),
        ]
        if self.brief:
            # Where it applies is part of the advice; who it is for and its topics are not.
            rows = rows[2:] if advice.jurisdictions else []
        if rows:
            block.append(self._fields(rows, within))
        helpers = [view.resource for view in local.resources]
        extra: list[nodes.Node] = []
        if local.country_notice is not None:
            notice = self.phrase(local.country_notice, within)
            notice_node = nodes.emphasis("", "", notice)
            kind = "unknown" if local.country is None else "not-covered"
            extra.append(_p(notice_node, classes=[f"sextingsafe-country-{kind}"]))
        if local.emergency is not None and any(n.value == "emergency" for n in local.needs):
            sentence = self.phrase(local.emergency.sentence, within)
            extra.append(_p(sentence, classes=["sextingsafe-emergency"]))
        if helpers or extra:
            head = nodes.strong("", "", self.phrase(self.label("where-to-get-help"), within))
            if self.brief:
                line: list[nodes.Node] = [head, nodes.Text(": ")]
                for number, resource in enumerate(helpers):
                    line += [nodes.Text("; ")] if number else []
                    line += self._resource_line(resource, within)
                block.append(_p(*line, classes=["sextingsafe-help"]))
                block.extend(extra)
            else:
                block.append(_p(head, classes=["sextingsafe-help-title"]))
                block.extend(extra)
                help_list = nodes.bullet_list(classes=["sextingsafe-help"])
                for resource in helpers:
                    help_list += nodes.list_item("", _p(*self._resource_line(resource, within)))
                if helpers:
                    block.append(help_list)
            block.append(self.correction(within))
        block.extend(self._sources(advice, within, anchor))
        return block

    def correction(self, within: str) -> nodes.paragraph:
        """Return the link to report a wrong number or text, for after a list of help."""
        text = self.phrase(self.label("report-a-correction"), within)
        link = nodes.reference("", "", text, refuri=CORRECTION_URL)
        return _p(link, classes=["sextingsafe-correction"])

    def _resource_line(self, resource: Resource, within: str) -> list[nodes.Node]:
        # A link to the resource's own entry where the project shows one; else its website.
        name = nodes.inline("", resource.name)
        xref = self.link(("resource", resource.id, self.requested), name) if self.link else None
        if xref is None:
            xref = nodes.reference("", "", name, refuri=resource.url) if resource.url else name
        line: list[nodes.Node] = [xref]
        for channel in resource.channels:
            if channel.value:
                kind = self.phrase(self.label(channel.kind.value), within)
                line += [nodes.Text(" · "), kind, nodes.Text(" "), self._channel(channel)]
        return line

    def _channel(self, channel: Channel) -> nodes.Node:
        # The model builds the link (tel: from the E.164 number where known), as the API's HTML
        # does; only a safe scheme is ever linked.
        value = channel.value or ""
        uri = channel.uri
        if uri is not None and not uri.startswith(("tel:", "sms:", "mailto:", "https://")):
            uri = None
        text = nodes.Text(value)
        return self.ltr(nodes.reference("", "", text, refuri=uri) if uri else text)

    def resource(self, resource: Resource, anchor: str | None = None) -> langblock:
        """Return a help resource: name, operator, places, description, hours, how to reach it."""
        local = resource.localize(self.locale)
        within = local.description.lang
        block = self._block("resource", local.description, resource.id, anchor)
        block.extend(self._review([local.description, local.hours], within))
        block.append(_p(nodes.strong("", resource.name), classes=["sextingsafe-title"]))
        if resource.confidence.value == "partial":
            partial = nodes.strong("", "", self.phrase(self.label("partial"), within))
            block.append(_p(partial, classes=["sextingsafe-partial"]))
        block.append(
            _p(self.phrase(local.description, within), classes=["sextingsafe-description"])
        )
        if resource.worldwide:
            places: list[nodes.Node] = [self.phrase(self.label("worldwide"), within)]
        else:
            places = self._joined((self.country(c) for c in resource.countries), within)
        rows = [
            (self.label("operator"), [nodes.Text(resource.operator)]),
            (self.label("countries"), places),
        ]
        if self.brief:
            rows = []
        if local.hours is not None:
            rows.append((self.label("hours"), [self.phrase(local.hours, within)]))
        bare = []
        for channel in resource.channels:
            if channel.value:
                rows.append((self.label(channel.kind.value), [self._channel(channel)]))
            else:
                bare.append(self.label(channel.kind.value))
        if bare and not self.brief:
            rows.append((self.label("also-by"), self._joined(bare, within)))
        if resource.url:
            link = nodes.reference("", resource.url, refuri=resource.url)
            rows.append((self.label("web"), [self.ltr(link)]))
        if not self.brief:
            checked = nodes.Text(self.day(resource.checked))
            rows.append((self.label("last-checked"), [checked]))
        block.append(self._fields(rows, within))
        block.extend(self._sources(resource, within, anchor))
        return block

    # -- pointers ------------------------------------------------------------------------------

    def display(self, item: ContentItem) -> str:
        """Return a short text that names *item*: a title, a name, a statement, a speaker."""
        if isinstance(item, Advice):
            return item.localize(self.locale).title
        if isinstance(item, Resource):
            return item.name
        if isinstance(item, Fact):
            return item.statement(self.locale)
        if isinstance(item, Term):
            return item.localized_field("term", self.locale)
        if isinstance(item, Question):
            return item.localized_field("question", self.locale)
        if isinstance(item, Script):
            return item.localized_field("title", self.locale)
        words = item.text if len(item.text) <= 60 else item.text[:57].rstrip() + "…"
        return f"{item.speaker.name}: “{words}”"

    def see(self, item: ContentItem, anchor: str) -> nodes.paragraph:
        """Return a one-line pointer to *item*, shown in full at *anchor* on the same page."""
        link = nodes.reference("", "", self.phrase(self.display(item), self.page_lang))
        link["refid"] = anchor
        pointer = _p(nodes.Text("→ "), link, classes=["sextingsafe-see"])
        pointer["support_smartquotes"] = False
        return pointer
