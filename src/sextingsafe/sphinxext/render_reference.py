"""Docutils nodes for glossary terms, questions and conversation scripts, in one locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sextingsafe import LocalizedText, Question, Script, Term

    from .nodes import langblock
    from .render import ItemRenderer

__all__ = ["question", "script", "term"]


def _p(*children: nodes.Node, classes: tuple[str, ...] = ()) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=list(classes))


def _title(renderer: ItemRenderer, text: LocalizedText, within: str) -> nodes.paragraph:
    return _p(nodes.strong("", "", renderer.phrase(text, within)), classes=("sextingsafe-title",))


def _places(renderer: ItemRenderer, codes: tuple[str, ...], within: str) -> list[nodes.Node]:
    places = [renderer.country(code) for code in codes] or [renderer.label("everywhere")]
    return renderer._joined(places, within)  # noqa: SLF001 - the renderer's own helper


def _rows(
    renderer: ItemRenderer, item: Question | Script, within: str
) -> list[tuple[LocalizedText, list[nodes.Node]]]:
    audiences = (renderer.term("audience", a.value) for a in item.audiences)
    topics = (renderer.term("topic", t.value) for t in item.topics)
    rows = [
        (renderer.label("audiences"), renderer._joined(audiences, within)),  # noqa: SLF001
        (renderer.label("topics"), renderer._joined(topics, within)),  # noqa: SLF001
        (renderer.label("applies-in"), _places(renderer, item.jurisdictions, within)),
    ]
    if renderer.brief:
        return rows[2:] if item.jurisdictions else []
    return rows


def term(renderer: ItemRenderer, item: Term, anchor: str | None = None) -> langblock:
    """Return a glossary term: the word, its definition, how to use it, and sources."""
    local = item.localize(renderer.locale)
    within = local.term.lang
    block = renderer._block("term", local.term, item.id, anchor)  # noqa: SLF001
    block.extend(renderer._review([local.term, local.definition, local.usage], within))  # noqa: SLF001
    block.append(
        _p(
            nodes.strong("", "", renderer.phrase(local.term, within)),
            classes=("sextingsafe-title",),
        )
    )
    block.append(_p(renderer.phrase(local.definition, within), classes=("sextingsafe-body",)))
    if local.usage is not None:
        block.append(_p(renderer.phrase(local.usage, within), classes=("sextingsafe-usage",)))
    if item.jurisdictions:
        rows = [(renderer.label("applies-in"), _places(renderer, item.jurisdictions, within))]
        block.append(renderer._fields(rows, within))
    block.extend(renderer._sources(item, within, anchor))  # noqa: SLF001
    return block


def question(renderer: ItemRenderer, item: Question, anchor: str | None = None) -> langblock:
    """Return a question and its answer, who asks it, where it applies, and sources."""
    local = item.localize(renderer.locale)
    within = local.question.lang
    block = renderer._block("question", local.question, item.id, anchor)  # noqa: SLF001
    block.extend(renderer._review([local.question, local.answer], within))  # noqa: SLF001
    block.append(_title(renderer, local.question, within))
    block.append(_p(renderer.phrase(local.answer, within), classes=("sextingsafe-body",)))
    rows = _rows(renderer, item, within)
    if rows:
        block.append(renderer._fields(rows, within))
    block.extend(renderer._sources(item, within, anchor))  # noqa: SLF001
    return block


def script(renderer: ItemRenderer, item: Script, anchor: str | None = None) -> langblock:
    """Return a script: title, situation, its lines as a numbered list, and sources."""
    local = item.localize(renderer.locale)
    within = local.title.lang
    block = renderer._block("script", local.title, item.id, anchor)  # noqa: SLF001
    texts = [local.title, local.situation, *local.lines]
    block.extend(renderer._review(texts, within))  # noqa: SLF001
    block.append(
        _p(
            nodes.strong("", "", renderer.phrase(local.title, within)),
            classes=("sextingsafe-title",),
        )
    )
    block.append(_p(renderer.phrase(local.situation, within), classes=("sextingsafe-situation",)))
    lines = nodes.enumerated_list(enumtype="arabic", classes=["sextingsafe-lines"])
    for line in local.lines:
        lines += nodes.list_item("", _p(renderer.phrase(line, within)))
    block.append(lines)
    rows = _rows(renderer, item, within)
    if rows:
        block.append(renderer._fields(rows, within))
    block.extend(renderer._sources(item, within, anchor))  # noqa: SLF001
    return block
