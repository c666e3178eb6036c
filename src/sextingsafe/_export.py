"""Plain-data (JSON-ready) views of items, in one locale, with full provenance."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._localized import LocalizedText
from ._model import Advice, Channel, Fact, Occasion, Period, Quote, Resource, Source, Speaker

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["item_to_dict", "source_to_dict"]


def _text(value: LocalizedText | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "text": str(value),
        "locale": value.lang,
        "direction": value.direction,
        "review": value.review.value,
        "is_fallback": value.is_fallback,
    }


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def source_to_dict(source: Source) -> dict[str, Any]:
    """Return a source as plain data."""
    return {
        "id": source.id,
        "publisher": source.publisher,
        "title": source.title,
        "kind": source.kind.value,
        "published": _date(source.published),
        "url": source.url,
        "via": source.via,
        "author": source.author,
        "note": source.note or None,
    }


def _period(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _channel(channel: Channel) -> dict[str, Any]:
    return {"kind": channel.kind.value, "value": channel.value}


def item_to_dict(
    item: Fact | Quote | Advice | Resource | Speaker | Occasion, locale: Locale | str | None = None
) -> dict[str, Any]:
    """Return *item* as plain data, its text fields localised for *locale*.

    Each text field becomes an object with the text, its BCP 47 locale, direction,
    review status and whether it fell back.

    Raises:
        InvalidLocaleError: *locale* is malformed.
    """
    if isinstance(item, Fact):
        fact = item.localize(locale)
        return {
            "type": "fact",
            "id": item.id,
            "statement": _text(fact.statement),
            "values": dict(item.values),
            "period": _period(item.period),
            "place": _text(fact.place),
            "jurisdictions": list(item.jurisdictions),
            "population": _text(fact.population),
            "topics": [t.value for t in item.topics],
            "caveat": _text(fact.caveat),
            "note": item.note or None,
            "occasions": [o.id for o in item.occasions],
            "reviewed": _date(item.reviewed),
            "sources": [source_to_dict(s) for s in item.sources],
        }
    if isinstance(item, Quote):
        quote = item.localize(locale)
        return {
            "type": "quote",
            "id": item.id,
            "text": _text(quote.text),
            "translation": _text(quote.translation),
            "language": item.language,
            "speaker": {
                "id": item.speaker.id,
                "name": item.speaker.name,
                "role": _text(quote.role),
                "organisation": item.speaker.organisation or None,
                "pseudonymous": item.speaker.pseudonymous,
            },
            "date": _date(item.date),
            "context": _text(quote.context),
            "content_note": _text(quote.content_note),
            "topics": [t.value for t in item.topics],
            "occasions": [o.id for o in item.occasions],
            "reviewed": _date(item.reviewed),
            "sources": [source_to_dict(s) for s in item.sources],
        }
    if isinstance(item, Advice):
        advice = item.localize(locale)
        return {
            "type": "advice",
            "id": item.id,
            "audiences": [a.value for a in item.audiences],
            "topics": [t.value for t in item.topics],
            "title": _text(advice.title),
            "body": _text(advice.body),
            "jurisdictions": list(item.jurisdictions),
            "resources": [r.id for r in item.resources],
            "note": item.note or None,
            "occasions": [o.id for o in item.occasions],
            "reviewed": _date(item.reviewed),
            "sources": [source_to_dict(s) for s in item.sources],
        }
    if isinstance(item, Resource):
        resource = item.localize(locale)
        return {
            "type": "resource",
            "id": item.id,
            "name": item.name,
            "operator": item.operator,
            "countries": list(item.countries),
            "kind": item.kind.value,
            "audiences": [a.value for a in item.audiences],
            "description": _text(resource.description),
            "hours": _text(resource.hours),
            "url": item.url,
            "channels": [_channel(c) for c in item.channels],
            "confidence": item.confidence.value,
            "verified": _date(item.verified),
            "note": item.note or None,
            "sources": [source_to_dict(s) for s in item.sources],
        }
    if isinstance(item, Occasion):
        return {
            "type": "occasion",
            "id": item.id,
            "name": _text(item.localized_field("name", locale)),
            "month": item.month,
            "day": item.day,
            "dates": [d.isoformat() for d in item.dates],
            "lead_days": item.lead_days,
            "note": item.note or None,
            "reviewed": _date(item.reviewed),
            "sources": [source_to_dict(s) for s in item.sources],
        }
    return {
        "type": "speaker",
        "id": item.id,
        "name": item.name,
        "role": _text(item.localized_field("role", locale)),
        "organisation": item.organisation or None,
        "pseudonymous": item.pseudonymous,
    }
