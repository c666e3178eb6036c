"""Consumer code using the public API the way an app would; it must pass `mypy --strict`.

It is type-checked by CI (`mypy --strict src tests/typing`), not collected as a test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import babel

import sextingsafe
from sextingsafe import (
    Advice,
    Catalogue,
    ContentNotFoundError,
    Fact,
    InvalidFilterError,
    InvalidLocaleError,
    LocaleInfo,
    LocalizedAdvice,
    LocalizedFact,
    LocalizedQuote,
    LocalizedResource,
    LocalizedText,
    PackError,
    PackProblem,
    Quote,
    Resource,
    Review,
    Source,
)


def fact_of_the_day(locale: str | babel.Locale | None) -> str:
    """Return a fact's statement and its first source, for a page footer."""
    fact: Fact = sextingsafe.facts["met-under-14-suspects-2017-2019"]
    statement: LocalizedText = fact.statement(locale)
    source: Source = fact.sources[0]
    published = source.published.isoformat() if source.published else "n.d."
    return f"{statement} ({source.publisher}, {published})"


def advice_card(advice_id: str, accept_language: str) -> dict[str, str | bool]:
    """Return what a template needs to show one advice item in the reader's language."""
    locale: babel.Locale = sextingsafe.negotiate(accept_language)
    local: LocalizedAdvice = sextingsafe.advice[advice_id].localize(locale)
    title: LocalizedText = local.title
    review: Review = title.review
    return {
        "title_html": title.__html__(),
        "body": str(local.body),
        "lang": title.lang,
        "dir": title.direction,
        "machine_quality": review is Review.UNREVIEWED,
        "fallback": title.is_fallback or local.body.is_fallback,
        "requested": title.requested,
        "locale": title.locale,
    }


def help_for(country: str, locale: str) -> list[tuple[str, str, str | None]]:
    """Return the help resources for a country: name, description, first phone number."""
    rows: list[tuple[str, str, str | None]] = []
    for resource in sextingsafe.resources.select(country=country, kind="helpline"):
        local: LocalizedResource = resource.localize(locale)
        phone = next((c.value for c in resource.channels if c.kind.value == "phone"), None)
        rows.append((local.name, str(local.description), phone))
    return rows


def young_peoples_tips(day: dt.date) -> tuple[Advice, tuple[Advice, ...]]:
    """Return today's tip and every tip on the same topic for young people."""
    tip: Advice = sextingsafe.advice.tip(on=day)
    same: tuple[Advice, ...] = sextingsafe.advice.select(
        audience="young-people", topic=tip.topics[0].value
    )
    return tip, same


def quote_block(quote_id: str, locale: str) -> list[str]:
    """Return the lines of a quote: original words always, a labelled translation if any."""
    quote: Quote = sextingsafe.quotes[quote_id]
    local: LocalizedQuote = quote.localize(locale)
    lines = [f'"{local.text}"', f"{quote.speaker.name}, {local.role}"]
    if local.content_note is not None:
        lines.insert(0, f"Content note: {local.content_note}")
    if local.translation is not None:
        lines.append(f"Translation ({local.translation.lang}): {local.translation}")
    return lines


def coverage() -> dict[str, float]:
    """Return each locale's translated share, for a status page."""
    infos: tuple[LocaleInfo, ...] = sextingsafe.locales()
    return {info.tag: info.translated / info.total if info.total else 1.0 for info in infos}


def load_local_pack(path: Path) -> Catalogue | list[str]:
    """Load a school's own pack on top of the bundled one, or list what is wrong with it."""
    try:
        catalogue = Catalogue.load(path, include_bundled=True)
    except PackError as error:
        problems: tuple[PackProblem, ...] = error.problems
        return [f"{p.path}:{p.line}: {p.message}" for p in problems]
    facts: list[LocalizedFact] = [f.localize("pl") for f in catalogue.facts.values()]
    assert all(isinstance(f.statement, str) for f in facts)
    return catalogue


def safe_lookup(kind: str, item_id: str, locale: str) -> str | None:
    """Look an item up without letting bad input crash the page."""
    try:
        if kind == "resource":
            item: Resource = sextingsafe.resources[item_id]
            return str(item.localize(locale).description)
        return str(sextingsafe.advice[item_id].localize(locale).title)
    except ContentNotFoundError as error:
        return f"not found; try {', '.join(error.suggestions)}"
    except (InvalidLocaleError, InvalidFilterError):
        return None


def sources_page() -> list[str]:
    """List every source the bundled content cites."""
    return [
        f"{s.publisher}: {s.title} <{s.url or s.via or 'print'}>"
        for s in sextingsafe.sources.values()
    ]


def glossary_entry(word: str, locale: str) -> tuple[str, str, list[str]]:
    """Return a glossary term's word and definition in *locale*, and the English words to avoid."""
    term: sextingsafe.Term = sextingsafe.glossary.lookup(word)
    local: sextingsafe.LocalizedTerm = term.localize(locale)
    return str(local.term), str(local.definition), list(term.avoid)


def faq_for(age: int, locale: str) -> list[tuple[str, str]]:
    """Return the young people's questions for *age*, with their answers, in *locale*."""
    found: tuple[sextingsafe.Question, ...] = sextingsafe.faq.select(
        audience="young-people", age=age
    )
    pairs = []
    for question in found:
        local: sextingsafe.LocalizedQuestion = question.localize(locale)
        pairs.append((str(local.question), str(local.answer)))
    return pairs


def script_steps(script_id: str, locale: str) -> list[str]:
    """Return a conversation script's lines in *locale*, numbered for a lesson handout."""
    script: sextingsafe.Script = sextingsafe.scripts[script_id]
    local: sextingsafe.LocalizedScript = script.localize(locale)
    lines: tuple[LocalizedText, ...] = local.lines
    return [f"{number}. {line}" for number, line in enumerate(lines, start=1)]


def advice_for_age(age: int) -> list[str]:
    """Return the ids of the young people's advice for *age*."""
    return [a.id for a in sextingsafe.advice.select(audience="young-people", age=age)]
