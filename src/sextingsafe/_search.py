"""Search the localised text of every kind, the glossary, questions and scripts included.

Matching ignores case and accents the way a reader typing on a phone expects: ``"Zdjecia"``
finds ``"zdjęcia"``, ``"ISTANBUL"`` finds ``"İstanbul"``, Arabic matches with or without its
vowel marks. Case folding follows the locale where Unicode's default is wrong for it (Turkish
and Azerbaijani dotted and dotless i). Every word must match somewhere in the item; whole
words count more than the start of a word, which counts more than a match inside one (so
Chinese and Japanese, written without spaces, are still found). Titles and names count more
than bodies, a glossary term's word more still (it names what the reader asks about), and a
field that is exactly the query (a service's name, a term) most. An index per catalogue and
locale is built on first use and kept.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ._catalogue import Catalogue
from ._errors import InvalidFilterError
from ._i18n import parse_locale
from ._model import Advice, Fact, Quote, Resource
from ._reference import Question, Script, Term

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["KINDS", "SearchHit", "fold", "search"]

#: The kinds :func:`search` looks through, in the order results of equal score are listed.
KINDS = ("advice", "resource", "fact", "quote", "term", "question", "script")
#: The catalogue attribute holding each kind's collection.
_COLLECTIONS = {
    "advice": "advice",
    "resource": "resources",
    "fact": "facts",
    "quote": "quotes",
    "term": "glossary",
    "question": "faq",
    "script": "scripts",
}
#: Letters Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t"})
_LIGATURES = {"æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}
_TURKIC = frozenset({"tr", "az"})
_WORD = re.compile(r"\w+")
_WORD_SCORES = (3, 2, 1)  # whole word, start of a word, inside a word


@frozen(kw_only=True)
class SearchHit:
    """One item that matched a search.

    Attributes:
        item: The matching item.
        kind: Its kind: ``"advice"``, ``"resource"``, ``"fact"``, ``"quote"``, ``"term"``,
            ``"question"`` or ``"script"``.
        score: Higher is better; comparable within one search only.
        fields: The fields the words were found in, best first (``"title"``, ``"body"``;
            a script's lines are one field, ``"lines"``).
        snippet: The item's main text in the locale, shortened to a line.
    """

    item: Fact | Quote | Advice | Resource | Term | Question | Script
    kind: str
    score: int
    fields: tuple[str, ...]
    snippet: str

    def __repr__(self) -> str:
        return f"SearchHit({self.kind} {self.item.id!r}, score={self.score})"


def fold(text: str, locale: Locale | str | None = None) -> str:
    """Return *text* without case or accents, for matching in *locale*.

    >>> fold("Zdjęcia ŁÓDŹ")
    'zdjecia lodz'
    >>> fold("ISPARTA", "tr")
    'isparta'

    Raises:
        InvalidLocaleError: *locale* is malformed.
    """
    language = parse_locale(locale).language if locale is not None else ""
    if language in _TURKIC:
        # Turkish capital I is dotless ı in lower case, and İ is i: fold both to i.
        text = text.replace("I", "ı").replace("İ", "i")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    for letter, replacement in _LIGATURES.items():
        kept = kept.replace(letter, replacement)
    return kept.translate(_LETTERS)


# (field name, weight): titles and names count most.
_FIELDS: dict[str, tuple[tuple[str, int], ...]] = {
    "fact": (("statement", 2), ("place", 1), ("population", 1), ("caveat", 1)),
    "quote": (("text", 2), ("translation", 2), ("speaker", 2), ("role", 1), ("context", 1)),
    "advice": (("title", 3), ("body", 2)),
    "resource": (("name", 3), ("operator", 2), ("description", 2), ("hours", 1)),
    "term": (("term", 4), ("definition", 2), ("usage", 1)),
    "question": (("question", 3), ("answer", 2)),
    "script": (("title", 3), ("situation", 2), ("lines", 1)),
}

_Entry = tuple[Any, str, tuple[tuple[str, int, str], ...], str]
_indexes: weakref.WeakKeyDictionary[Catalogue, dict[str, list[_Entry]]] = (
    weakref.WeakKeyDictionary()
)
_lock = threading.Lock()


def _texts(kind: str, item: Any, locale: Locale | str | None) -> dict[str, str]:
    view = item.localize(locale)
    texts: dict[str, str] = {}
    for name, _weight in _FIELDS[kind]:
        if name == "name":
            value: Any = item.name
        elif name == "operator":
            value = item.operator
        elif name == "speaker":
            value = item.speaker.name
        elif name == "lines":
            value = "\n".join(str(line) for line in view.lines)
        else:
            value = getattr(view, name, None)
        if value:
            texts[name] = str(value)
    return texts


def _index(catalogue: Catalogue, locale: Locale | str | None) -> list[_Entry]:
    key = parse_locale(locale).tag if locale is not None else "en"
    with _lock:
        found = _indexes.setdefault(catalogue, {}).get(key)
    if found is not None:
        return found
    entries: list[_Entry] = []
    for kind in KINDS:
        for item in getattr(catalogue, _COLLECTIONS[kind]).values():
            texts = _texts(kind, item, locale)
            fields = tuple(
                (name, weight, fold(texts[name], locale))
                for name, weight in _FIELDS[kind]
                if name in texts
            )
            main = next(iter(texts.values()), "")
            entries.append((item, kind, fields, main))
    with _lock:
        return _indexes.setdefault(catalogue, {}).setdefault(key, entries)


def _word_score(word: str, text: str) -> int:
    for position in (m.start() for m in re.finditer(re.escape(word), text)):
        before = text[position - 1] if position else " "
        after = text[position + len(word) : position + len(word) + 1] or " "
        if not before.isalnum():
            return _WORD_SCORES[0] if not after.isalnum() else _WORD_SCORES[1]
    return _WORD_SCORES[2] if word in text else 0


def _allowed(
    catalogue: Catalogue, kinds: tuple[str, ...], audience: str | None, country: str | None
) -> set[int] | None:
    if audience is None and country is None:
        return None
    allowed: set[int] = set()
    if "advice" in kinds:
        allowed |= {id(a) for a in catalogue.advice.select(audience=audience, jurisdiction=country)}
    if "resource" in kinds:
        allowed |= {id(r) for r in catalogue.resources.select(country=country, audience=audience)}
    for kind, collection in (("question", catalogue.faq), ("script", catalogue.scripts)):
        if kind in kinds:
            found = collection.select(audience=audience, jurisdiction=country)
            allowed |= {id(i) for i in found}
    if audience is None:
        if "fact" in kinds:
            allowed |= {id(f) for f in catalogue.facts.select(jurisdiction=country)}
        if "quote" in kinds:
            allowed |= {id(q) for q in catalogue.quotes.values()}
        if "term" in kinds:
            allowed |= {id(t) for t in catalogue.glossary.select(jurisdiction=country)}
    return allowed


def search(  # noqa: PLR0913 - keyword-only filters, as select() takes them
    text: str,
    locale: Locale | str | None = None,
    *,
    kinds: Iterable[str] | None = None,
    audience: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    catalogue: Catalogue | None = None,
) -> tuple[SearchHit, ...]:
    """Find the items whose text in *locale* holds every word of *text*, best first.

    >>> import sextingsafe as ss
    >>> ss.search("CHILDLINE", kinds=["resource"], limit=1)
    (SearchHit(resource 'childline-gb', score=...),)

    Args:
        text: The words to look for, in any case, with or without accents.
        locale: The locale whose text is searched (English where a text is not translated).
        kinds: Only these of ``"advice"``, ``"resource"``, ``"fact"``,
            ``"quote"``, ``"term"`` (the glossary), ``"question"`` (the questions people
            ask) and ``"script"`` (conversation scripts).
        audience: Only advice, resources, questions and scripts for this :class:`Audience`
            value (facts, quotes and glossary terms have no audience, so they are left out).
        country: Only what applies in this ISO 3166 country: its own and worldwide
            resources; advice, facts, terms, questions and scripts for it or for everywhere;
            and every quote.
        limit: At most this many results.
        catalogue: The catalogue to search; the bundled one by default.

    Raises:
        InvalidLocaleError: *locale* is malformed.
        InvalidFilterError: A kind, the audience or the country is not valid.
    """
    from ._catalogue import default_catalogue

    catalogue = catalogue if catalogue is not None else default_catalogue()
    chosen = tuple(KINDS if kinds is None else kinds)
    for kind in chosen:
        if kind not in KINDS:
            raise InvalidFilterError("kind", kind, "one of " + ", ".join(KINDS))
    allowed = _allowed(catalogue, chosen, audience, country)
    words = _WORD.findall(fold(text, locale))
    if not words:
        return ()
    hits: list[SearchHit] = []
    for item, kind, fields, main in _index(catalogue, locale):
        if kind not in chosen or (allowed is not None and id(item) not in allowed):
            continue
        total, matched = 0, dict[str, int]()
        for word in words:
            best = 0
            for name, weight, folded in fields:
                score = _word_score(word, folded) * weight
                if score:
                    matched[name] = matched.get(name, 0) + score
                best = max(best, score)
            if not best:
                break
            total += best
        else:
            # A field that is exactly the query (a service's name) beats one that contains it.
            phrase = " ".join(words)
            total += sum(2 * w for _, w, f in fields if " ".join(_WORD.findall(f)) == phrase)
            found = tuple(sorted(matched, key=lambda n: -matched[n]))
            snippet = main if len(main) <= 100 else main[:99] + "…"
            hits.append(SearchHit(item=item, kind=kind, score=total, fields=found, snippet=snippet))
    hits.sort(key=lambda h: (-h.score, KINDS.index(h.kind), h.item.id))
    return tuple(hits[:limit] if limit is not None else hits)
