"""JSON-LD export in schema.org vocabulary, for search engines and linked-data consumers.

Facts become ``Claim``, quotes ``Quotation`` (a translation is a ``Quotation`` too, with
``translationOfWork`` pointing at the original), advice ``HowToTip``, resources ``Organization``
with ``ContactPoint``, glossary terms ``DefinedTerm`` in one ``DefinedTermSet``, questions
``Question`` with an ``Answer`` in one ``FAQPage``, conversation scripts ``HowTo`` with a
``HowToStep`` per line, and sources ``CreativeWork``, cited with ``citation``. The context is
inline, so expanding the document needs no network.

What schema.org has no property for is written in our own documented terms, prefixed ``ss:``
(:data:`TERMS`): each item's review status per language, and the day a resource's details
were last checked. With ``locale="all"`` every text is a list of values, one per language.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._catalogue import Catalogue
from ._i18n import parse_locale
from ._localized import LocalizedText
from ._model import Advice, Audience, ChannelKind, Fact, Quote, Resource, Source
from ._reference import Question, Script, Term

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["CONTEXT", "TERMS", "export_jsonld", "web_url"]

#: Where our own terms are defined: the documentation page that explains each one.
TERMS = "https://sextingsafe.readthedocs.io/en/latest/reference/jsonld.html#"
#: The inline JSON-LD context: schema.org, and our own terms under ``ss:``.
CONTEXT = {"@vocab": "https://schema.org/", "schema": "https://schema.org/", "ss": TERMS}
_BASE = "urn:sextingsafe:"
_AUDIENCE_TYPES = {
    "young-people": "young people",
    "parents-carers": "parents and carers",
    "professionals": "professionals",
    "adults": "adults",
}


def web_url(value: str) -> str | None:
    """Return *value* if it is an ``https://`` address, the only kind written as a ``url``.

    ``javascript:``, ``data:`` and bare handles are never links, whatever a pack says.
    """
    return value if value.startswith("https://") and value.isprintable() else None


def _id(kind: str, item_id: str) -> str:
    return f"{_BASE}{kind}:{item_id}"


def _value(text: LocalizedText | str, language: str | None = None) -> dict[str, str]:
    tag = text.lang if isinstance(text, LocalizedText) else (language or "en")
    return {"@value": str(text), "@language": tag}


def _source(source: Source) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": _id("source", source.id),
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "genre": source.kind.value,
    }
    if source.published:
        node["datePublished"] = source.published.isoformat()
    if source.url and (link := web_url(source.url)) is not None:
        node["url"] = link
    if source.via:
        # Read at a copy: the copy is where it was archived, never the publisher's address.
        node["archivedAt"] = source.via
    if source.author:
        node["author"] = {"@type": "Person", "name": source.author}
    return node


def _cites(
    item: Fact | Quote | Advice | Resource | Term | Question | Script,
) -> list[dict[str, str]]:
    return [{"@id": _id("source", s.id)} for s in item.sources]


def _fact(fact: Fact, locale: Locale | str | None) -> dict[str, Any]:
    local = fact.localize(locale)
    node: dict[str, Any] = {
        "@id": _id("fact", fact.id),
        "@type": "Claim",
        "text": _value(local.statement),
        "spatialCoverage": {"@type": "Place", "name": _value(local.place)},
        "about": _value(local.population),
        "keywords": [t.value for t in fact.topics],
        "citation": _cites(fact),
    }
    if fact.period is not None:
        node["temporalCoverage"] = f"{fact.period.start.isoformat()}/{fact.period.end.isoformat()}"
    if local.caveat is not None:
        node["disambiguatingDescription"] = _value(local.caveat)
    return node


def _quote(quote: Quote, locale: Locale | str | None) -> list[dict[str, Any]]:
    local = quote.localize(locale)
    speaker: dict[str, Any] = {
        "@type": "Person",
        "name": quote.speaker.name,
        "jobTitle": _value(local.role),
    }
    if quote.speaker.organisation:
        speaker["worksFor"] = {"@type": "Organization", "name": quote.speaker.organisation}
    original: dict[str, Any] = {
        "@id": _id("quote", quote.id),
        "@type": "Quotation",
        "text": _value(quote.text, parse_locale(quote.language).tag),
        "spokenByCharacter": speaker,
        "dateCreated": quote.date.isoformat(),
        "description": _value(local.context),
        "citation": _cites(quote),
    }
    if local.content_note is not None:
        original["contentRating"] = _value(local.content_note)
    nodes = [original]
    if local.translation is not None:
        nodes.append(
            {
                "@id": _id("quote", f"{quote.id}/{local.translation.lang}"),
                "@type": "Quotation",
                "text": _value(local.translation),
                "translationOfWork": {"@id": original["@id"]},
                "spokenByCharacter": speaker,
                "dateCreated": quote.date.isoformat(),
            }
        )
    return nodes


def _advice(advice: Advice, locale: Locale | str | None, country: str | None) -> dict[str, Any]:
    local = advice.localize(locale, country)
    node: dict[str, Any] = {
        "@id": _id("advice", advice.id),
        "@type": "HowToTip",
        "name": _value(local.title),
        "text": _value(local.body),
        "audience": _audiences(advice.audiences),
        "keywords": [t.value for t in advice.topics],
        # The help for the document's country, resolved as every output resolves it.
        "mentions": [{"@id": _id("resource", r.id)} for r in local.resources],
        "citation": _cites(advice),
    }
    if advice.jurisdictions:
        node["spatialCoverage"] = [
            {"@type": "Place", "identifier": code} for code in advice.jurisdictions
        ]
    return node


def _audiences(audiences: tuple[Audience, ...]) -> list[dict[str, str]]:
    return [{"@type": "Audience", "audienceType": _AUDIENCE_TYPES[a.value]} for a in audiences]


def _places(codes: tuple[str, ...]) -> dict[str, Any]:
    return (
        {"spatialCoverage": [{"@type": "Place", "identifier": c} for c in codes]} if codes else {}
    )


def _term(term: Term, locale: Locale | str | None) -> dict[str, Any]:
    local = term.localize(locale)
    node: dict[str, Any] = {
        "@id": _id("term", term.id),
        "@type": "DefinedTerm",
        "name": _value(local.term),
        "description": _value(local.definition),
        "inDefinedTermSet": {"@id": _id("glossary", "all")},
        # DefinedTerm is not a CreativeWork: its sources are works it is the subject of.
        "subjectOf": _cites(term),
    }
    if local.usage is not None:
        node["disambiguatingDescription"] = _value(local.usage)
    return node


def _question(question: Question, locale: Locale | str | None) -> dict[str, Any]:
    local = question.localize(locale)
    return {
        "@id": _id("question", question.id),
        "@type": "Question",
        "name": _value(local.question),
        "acceptedAnswer": {"@type": "Answer", "text": _value(local.answer)},
        "audience": _audiences(question.audiences),
        "keywords": [t.value for t in question.topics],
        "citation": _cites(question),
        **_places(question.jurisdictions),
    }


def _script(script: Script, locale: Locale | str | None) -> dict[str, Any]:
    local = script.localize(locale)
    return {
        "@id": _id("script", script.id),
        "@type": "HowTo",
        "name": _value(local.title),
        "description": _value(local.situation),
        "step": [
            {"@type": "HowToStep", "position": number, "text": _value(line)}
            for number, line in enumerate(local.lines, start=1)
        ],
        "audience": _audiences(script.audiences),
        "keywords": [t.value for t in script.topics],
        "citation": _cites(script),
        **_places(script.jurisdictions),
    }


def _resource(resource: Resource, locale: Locale | str | None) -> dict[str, Any]:
    local = resource.localize(locale)
    area: list[Any] = [{"@type": "Country", "identifier": c} for c in resource.countries] or [
        "Worldwide"
    ]
    points = []
    for index, channel in enumerate(resource.channels):
        point: dict[str, Any] = {
            "@type": "ContactPoint",
            "contactType": channel.kind.value,
            "areaServed": area,
        }
        if channel.value and channel.kind in {ChannelKind.PHONE, ChannelKind.SMS}:
            # The E.164 form where known: a number a machine can dial from anywhere.
            point["telephone"] = channel.e164 or channel.value
        elif channel.value and channel.kind is ChannelKind.EMAIL:
            point["email"] = channel.value
        elif channel.value and (url := web_url(channel.value)) is not None:
            point["url"] = url
        elif channel.value:
            point["name"] = channel.value  # a handle or short code: text, never a link
        hours = local.channels[index].hours if local.channels else local.hours
        if hours is not None:
            point["hoursAvailable"] = {
                "@type": "OpeningHoursSpecification",
                "description": _value(hours),
            }
        if channel.as_of is not None:
            point["ss:asOf"] = channel.as_of.isoformat()
        points.append(point)
    node: dict[str, Any] = {
        "@id": _id("resource", resource.id),
        "@type": "Organization",
        "name": resource.name,
        "description": _value(local.description),
        "parentOrganization": {"@type": "Organization", "name": resource.operator},
        "areaServed": area,
        "contactPoint": points,
        "subjectOf": _cites(resource),
    }
    if resource.url and (link := web_url(resource.url)) is not None:
        node["url"] = link
    return node


def export_jsonld(
    catalogue: Catalogue | None = None,
    locale: Locale | str | None = None,
    country: str | None = None,
    *,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Return the catalogue as a JSON-LD document in *locale*, each text tagged with its language.

    Each advice item ``mentions`` the help for a reader in *country*: that country's services
    for its needs, then services usable from anywhere; with no country, only the latter.

    Every item carries ``lastReviewed`` (the day its content was last reviewed) and
    ``ss:review``: for each language it is written in, whether the text is the ``source``, a
    ``reviewed`` translation or an ``unreviewed`` one. Resources carry ``ss:checked``, the day
    the record was last checked against the research, ``ss:confidence``, ``ss:asOf`` (the date
    of the newest evidence for the description) where known, and ``ss:stale``: the details
    whose evidence is more than two years old on the ``Dataset`` node's ``ss:staleOn`` day.
    A ``Dataset`` node names the content version, the languages and that day.

    Args:
        catalogue: The catalogue; the bundled one by default.
        locale: The locale to write (English by default), or ``"all"`` for every supported
            locale: each text is then a list of values tagged with their languages, holding
            only real translations (a text that falls back to English is not repeated).
        country: The reader's ISO 3166-1 country, for the help each advice item mentions.
        today: The day to judge freshness on; ``date.today()`` by default.

    Raises:
        InvalidLocaleError: *locale* is malformed.
        InvalidFilterError: *country* is not an ISO 3166-1 country code.
    """
    from ._catalogue import default_catalogue

    catalogue = catalogue if catalogue is not None else default_catalogue()
    if isinstance(locale, str) and locale.lower() == "all":
        names = sorted(catalogue.supported_locales(), key=lambda n: (n != "en", n))
    else:
        names = [str(parse_locale(locale)) if locale is not None else "en"]
    graph = _graph(catalogue, names[0], country)
    for name in names[1:]:
        _merge_graph(graph, _graph(catalogue, name, country))
    on = today if today is not None else dt.date.today()  # noqa: DTZ011
    _annotate(graph, catalogue, names, on)
    dataset = _dataset(catalogue, names)
    dataset["ss:staleOn"] = on.isoformat()
    graph.insert(0, dataset)
    return {"@context": dict(CONTEXT), "@graph": graph}


def _graph(
    catalogue: Catalogue, locale: Locale | str | None, country: str | None
) -> list[dict[str, Any]]:
    content = catalogue.content
    graph: list[dict[str, Any]] = [_source(s) for s in content.sources]
    graph += [_fact(f, locale) for f in content.facts]
    graph += [node for q in content.quotes for node in _quote(q, locale)]
    graph += [_advice(a, locale, country) for a in content.advice]
    graph += [_resource(r, locale) for r in content.resources]
    if content.terms:
        graph.append(
            {
                "@id": _id("glossary", "all"),
                "@type": "DefinedTermSet",
                "hasDefinedTerm": [{"@id": _id("term", t.id)} for t in content.terms],
            }
        )
        graph += [_term(t, locale) for t in content.terms]
    if content.questions:
        graph.append(
            {
                "@id": _id("faq", "all"),
                "@type": "FAQPage",
                "mainEntity": [{"@id": _id("question", q.id)} for q in content.questions],
            }
        )
        graph += [_question(q, locale) for q in content.questions]
    graph += [_script(s, locale) for s in content.scripts]
    return graph


def _dataset(catalogue: Catalogue, names: list[str]) -> dict[str, Any]:
    from ._export import content_version_of

    node: dict[str, Any] = {
        "@id": _id("content", "all"),
        "@type": "Dataset",
        "name": "sextingsafe content",
        "inLanguage": [parse_locale(n).tag for n in names],
    }
    version = content_version_of(catalogue)
    if version is not None:
        node["version"] = version
    return node


def _is_value(value: Any) -> bool:
    return isinstance(value, dict) and "@language" in value


def _merge(base: Any, other: Any) -> Any:
    """Add *other*'s texts in languages *base* does not have; the structure is *base*'s."""
    if base == other:
        return base
    if _is_value(other) and (_is_value(base) or isinstance(base, list)):
        values = base if isinstance(base, list) else [base]
        if all(v.get("@language") != other["@language"] for v in values if isinstance(v, dict)):
            values = [*values, other]
        return values if len(values) > 1 else values[0]
    if isinstance(base, dict) and isinstance(other, dict):
        for key, value in other.items():
            base[key] = _merge(base[key], value) if key in base else value
        return base
    if isinstance(base, list) and isinstance(other, list) and len(base) == len(other):
        return [_merge(a, b) for a, b in zip(base, other, strict=True)]
    return base


def _merge_graph(graph: list[dict[str, Any]], other: list[dict[str, Any]]) -> None:
    nodes = {node["@id"]: node for node in graph}
    for node in other:
        if node["@id"] in nodes:
            _merge(nodes[node["@id"]], node)
        else:
            graph.append(node)
            nodes[node["@id"]] = node


def _review(item: Any, name: str) -> str | None:
    """The item's review status in locale *name*, or None when nothing of it is translated."""
    texts = [
        item.localized_field(field, name)
        for field in type(item).translatable
        if isinstance(getattr(item, field, None), str) and getattr(item, field)
    ]
    statuses = {t.review.value for t in texts if t is not None and not t.is_fallback}
    for status in ("unreviewed", "reviewed", "source"):
        if status in statuses:
            return status
    return None


def _annotate(
    graph: list[dict[str, Any]], catalogue: Catalogue, names: list[str], on: dt.date
) -> None:
    content = catalogue.content
    items = {
        _id(item.item_kind, item.id): item
        for kind in ("facts", "quotes", "advice", "resources", "terms", "questions", "scripts")
        for item in getattr(content, kind, ())
    }
    for node in graph:
        item = items.get(node["@id"])
        if item is None:
            continue
        review = [
            {"inLanguage": parse_locale(name).tag, "ss:status": status}
            for name in names
            if (status := _review(item, name)) is not None
        ]
        node["ss:review"] = review
        reviewed = getattr(item, "reviewed", None)
        if reviewed is not None:
            node["lastReviewed"] = reviewed.isoformat()
        if isinstance(item, Resource):
            node["ss:checked"] = item.checked.isoformat()
            node["ss:confidence"] = item.confidence.value
            if item.as_of is not None:
                node["ss:asOf"] = item.as_of.isoformat()
            node["ss:stale"] = list(item.stale(on))
