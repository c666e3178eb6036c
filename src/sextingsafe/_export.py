"""JSON export of whole catalogues (and loading one back), and plain-data views of single items.

The export is what apps in other languages consume: every item with every field, each
translatable field as a map from locale to text, and full provenance. It validates against the
JSON Schema shipped beside this module, and :func:`load_export` turns it back into a catalogue
that equals the original.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._build import build
from ._catalogue import Catalogue
from ._errors import PackError, PackProblem
from ._gettext import CatalogStore, MessageCatalog
from ._i18n import DEFAULT, direction, fallback_chain, parse_locale
from ._localized import LocalizedAdvice, LocalizedText
from ._model import (
    Advice,
    AgeRange,
    Channel,
    Eligibility,
    EmergencyNumber,
    EmergencyService,
    Fact,
    FrozenDict,
    Hours,
    Occasion,
    Period,
    Quote,
    Resource,
    Review,
    Source,
    Speaker,
)
from ._packs import (
    KINDS,
    RawPack,
    _emergency_fault,
    _placeholder_fault,
    _plural_fault,
    _Record,
)
from ._reference import Question, Script, Term
from ._renderer import CatalogueRenderer
from ._version import __version__

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "SCHEMA_PATH",
    "content_version_of",
    "export",
    "export_schema",
    "item_to_dict",
    "load_export",
    "source_to_dict",
]

#: The JSON Schema (draft 2020-12) that every export validates against.
SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "schema", "export.schema.json")
FORMAT = "sextingsafe-export"
FORMAT_VERSION = 1
#: The JSON key of each kind's list, in the order kinds are built.
_LISTS = {
    "source": "sources",
    "occasion": "occasions",
    "speaker": "speakers",
    "resource": "resources",
    "fact": "facts",
    "quote": "quotes",
    "advice": "advice",
    "term": "terms",
    "question": "questions",
    "script": "scripts",
    "emergency": "emergency",
}
#: Translatable fields that hold a list of messages, and the name of each message
#: (a script's ``lines`` are ``line-1``, ``line-2`` ...).
_LISTED = {"lines": "line"}
#: Any item an export holds.
_Item = Fact | Quote | Advice | Resource | Speaker | Occasion | Term | Question | Script
_DATE_FIELDS = {"published", "reviewed", "checked", "as_of", "date"}


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


def source_to_dict(source: Source) -> dict[str, Any]:
    """Return a source as plain data."""
    data: dict[str, Any] = {key: _plain(getattr(source, name)) for name, key in _fields(Source)}
    return {key: (value if value != "" else None) for key, value in data.items()}


def _fields(cls: type) -> list[tuple[str, str]]:
    return [(a.name, a.alias) for a in attrs.fields(cls) if a.name != "renderer"]


def item_to_dict(  # noqa: PLR0913 - the reader's circumstances, each optional
    item: _Item,
    locale: Locale | str | None = None,
    country: str | None = None,
    *,
    age: int | None = None,
    taken_at_age: int | None = None,
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Return *item* as plain data, its text fields localised for *locale*.

    Each text field becomes an object with the text, its BCP 47 locale, direction,
    review status and whether it fell back; sources are written out in full.
    Advice also carries the help for a reader in *country* (of *age*, at *at*), resolved as
    :meth:`Advice.localize` resolves it: ``country`` (or ``None``), ``help`` (per need, the
    services in full), ``emergency``, ``country_covered`` (false when no service of the
    country's own is listed) and ``country_notice`` (when the country is unknown or not
    covered); its ``title`` and ``body`` have ``{emergency}`` filled in for the country.

    Raises:
        InvalidLocaleError: *locale* is malformed.
        InvalidFilterError: *country*, an age or *at* is not valid.
    """
    data: dict[str, Any] = {"type": item.item_kind}
    translatable = type(item).translatable
    for name, key in _fields(type(item)):
        value = getattr(item, name)
        if key in _LISTED and key in translatable:
            data[key] = [
                _text(item.localized_field(f"{_LISTED[key]}-{n}", locale))
                for n in range(1, len(value) + 1)
            ]
        elif key in translatable:
            data[key] = _text(item.localized_field(key, locale)) if value else None
        elif key == "sources":
            data[key] = [source_to_dict(s) for s in value]
        elif key == "speaker":
            speaker = item_to_dict(value, locale)
            del speaker["type"]
            data[key] = speaker
        else:
            data[key] = _plain(value) if value != "" else None
    if isinstance(item, Quote):
        local = item.localize(locale)
        data["text"], data["translation"] = _text(local.text), _text(local.translation)
    if isinstance(item, Advice | Question | Script):
        data.update(_help(item, locale, country, age=age, taken_at_age=taken_at_age, at=at))
    return data


def _help(
    item: Advice | Question | Script,
    locale: Locale | str | None,
    country: str | None,
    **reader: Any,
) -> dict[str, Any]:
    view = item.localize(locale, country, **reader)
    emergency = view.emergency
    # Advice bodies may say "{emergency}": filled in for the country, so they are given again.
    texts = (
        {"title": _text(view.title), "body": _text(view.body)}
        if isinstance(view, LocalizedAdvice)
        else {}
    )
    return {
        **texts,
        "country": view.country,
        "help": [
            {
                "need": group.need.value if group.need is not None else None,
                "label": _text(group.label),
                "resources": [item_to_dict(r.resource, locale) for r in group.resources],
            }
            for group in view.help
        ],
        "emergency": {
            "numbers": list(emergency.numbers),
            "text": _text(emergency.text),
            "sentence": _text(emergency.sentence),
        }
        if emergency is not None
        else None,
        "country_covered": view.country_covered,
        "country_notice": _text(view.country_notice),
    }


def _plain(value: Any) -> Any:
    if isinstance(value, Source | Speaker | Resource | Occasion | EmergencyService):
        return value.id
    if isinstance(value, Period):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, AgeRange):
        return {k: v for k, v in (("min", value.min), ("max", value.max)) if v is not None}
    if isinstance(value, Channel | Eligibility | EmergencyNumber):
        # Only what is known: an absent key is unknown, as in the content files.
        return {
            a.name: _plain(getattr(value, a.name))
            for a in attrs.fields(type(value))
            if getattr(value, a.name) not in (None, (), "")
        }
    if isinstance(value, Hours):
        return _plain_hours(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, FrozenDict):
        return dict(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _plain_hours(hours: Hours) -> dict[str, Any]:
    from ._hours import DAYS

    data: dict[str, Any] = {"zone": hours.zone} if hours.zone else {}
    if hours.always:
        return {**data, "always": True}
    periods = [
        {
            "days": ",".join(DAYS[d] for d in period.days),
            "opens": period.opening_time.strftime("%H:%M"),
            "closes": "24:00"
            if period.closes == 24 * 60
            else period.closing_time.strftime("%H:%M"),
        }
        for period in hours.periods
    ]
    return {**data, "periods": periods}


def _source_language(item: Any, name: str) -> str:
    return item.language if isinstance(item, Quote) and name == "text" else str(DEFAULT)


def _record(item: Any, catalogue: Catalogue, locales: Sequence[str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    translatable = getattr(type(item), "translatable", ())
    review: dict[str, dict[str, str]] = {}
    for attribute in attrs.fields(type(item)):
        if attribute.name == "renderer":
            continue
        value = getattr(item, attribute.name)
        key = attribute.alias
        if key not in translatable:
            if value not in (None, "", ()) or attribute.default is attrs.NOTHING:
                record[key] = _plain(value)
            continue
        if not value:
            continue
        if key in _LISTED:
            record[key] = [
                _texts(item, f"{_LISTED[key]}-{n}", catalogue, locales, review)
                for n in range(1, len(value) + 1)
            ]
        else:
            record[key] = _texts(item, key, catalogue, locales, review)
    if isinstance(item, Fact):
        record["rendered"] = {
            tag: str(item.statement(tag))
            for tag in record["statement"]
            if tag == "en" or tag in review
        }
    if review:
        record["review"] = review
    return record


def _texts(
    item: Any,
    name: str,
    catalogue: Catalogue,
    locales: Sequence[str],
    review: dict[str, dict[str, str]],
) -> dict[str, str]:
    """Return one message in the source language and every locale that translates it."""
    texts = {_source_language(item, name): item.message(name)}
    for locale in locales:
        if locale == str(DEFAULT):
            continue
        found = catalogue.translation(item, name, locale)
        if found is not None:
            texts[parse_locale(locale).tag] = found[0]
            review.setdefault(parse_locale(locale).tag, {})[name] = found[1].value
    return texts


def export(
    catalogue: Catalogue | None = None,
    locales: str | Iterable[str] | None = "all",
    *,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Return a catalogue as JSON-ready data, with translations for *locales*.

    Each resource carries ``checked``, ``as_of`` (its own and each channel's) and ``stale``:
    the details whose evidence is more than two years old on the export's ``stale_on`` day,
    named as :meth:`Resource.stale <sextingsafe.Resource.stale>` names them.

    Args:
        catalogue: The catalogue; the bundled one by default.
        locales: ``"all"`` for every supported locale, one locale, a list, or ``None`` for
            English only. English, the source language, is always included.
        today: The day to judge freshness on; ``date.today()`` by default.

    Raises:
        InvalidLocaleError: A locale is malformed.
    """
    from ._catalogue import default_catalogue

    catalogue = catalogue if catalogue is not None else default_catalogue()
    supported = sorted(catalogue.supported_locales(), key=lambda n: (n != str(DEFAULT), n))
    if locales == "all":
        chosen = supported
    else:
        wanted = [locales] if isinstance(locales, str) else list(locales or [])
        chosen = [str(DEFAULT)]
        for name in wanted:
            # The most specific supported locale for it: fr-CA is served by fr.
            best = fallback_chain(parse_locale(name), supported)[0]
            if best not in chosen:
                chosen.append(best)
    content = catalogue.content
    info = {i.locale: i for i in catalogue.locales()}
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "generator": f"sextingsafe {__version__}",
        "content_version": content_version_of(catalogue),
        "locales": [
            {
                "tag": parse_locale(name).tag,
                "direction": direction(parse_locale(name)),
                "translated": info[name].translated,
                "reviewed": info[name].reviewed,
                "total": info[name].total,
                **_plural_header(catalogue, name),
            }
            for name in chosen
        ],
    }
    document["labels"], document["label_review"] = _labels(catalogue, chosen)
    on = today if today is not None else dt.date.today()  # noqa: DTZ011
    document["stale_on"] = on.isoformat()
    for key in _LISTS.values():
        items = getattr(content, key)
        document[key] = [_record(item, catalogue, chosen) for item in items]
    for record, item in zip(document["resources"], content.resources, strict=True):
        # Computed, not content: the export says which day it was judged on (stale_on).
        record["stale"] = list(item.stale(on))
    # Country -> need -> resource ids, so apps in other languages resolve help as we do.
    document["help"] = catalogue.help_table()
    return document


def content_version_of(catalogue: Catalogue) -> str | None:
    """Return the bundled content version for the bundled catalogue, ``None`` for any other.

    A catalogue built from packs holds content the bundled version does not describe.
    """
    if catalogue is not Catalogue.bundled():
        return None
    from ._content_version import content_version

    return content_version()


def export_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every :func:`export` validates against.

    >>> export_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    import json

    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _plural_header(catalogue: Catalogue, name: str) -> dict[str, str]:
    header = next((c.headers.get("plural-forms") for c in catalogue.store.catalogs(name)), None)
    return {"plural_forms": header} if header else {}


def _labels(
    catalogue: Catalogue, locales: Sequence[str]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str]]]:
    from ._labels import LABELS, PLURAL_LABELS

    labels: dict[str, dict[str, Any]] = {}
    review: dict[str, dict[str, str]] = {}
    english: dict[str, Any] = {**LABELS, **{n: list(forms) for n, forms in PLURAL_LABELS.items()}}
    for name, source in english.items():
        labels[name] = {"en": source}
        msgid = source[0] if isinstance(source, list) else source
        for locale in locales:
            if locale == str(DEFAULT):
                continue
            for catalog in catalogue.store.catalogs(locale):
                status = catalog.status(f"ui:{name}", msgid)
                if status is None:
                    continue
                found = (
                    catalog.plural_forms(f"ui:{name}", msgid) if isinstance(source, list) else None
                )
                lookup = catalog.lookup(f"ui:{name}", msgid) if found is None else None
                tag = parse_locale(locale).tag
                labels[name][tag] = (
                    list(found) if found is not None else lookup[0] if lookup else None
                )
                review.setdefault(name, {})[tag] = status.value
                break
    return labels, review


def _dates(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    out = dict(record)
    for key in _DATE_FIELDS & set(out):
        out[key] = dt.date.fromisoformat(out[key])
    if kind == "fact" and "period" in out:
        out["period"] = {k: dt.date.fromisoformat(v) for k, v in out["period"].items()}
    if kind == "resource" and isinstance(out.get("channels"), list):
        out["channels"] = [
            {**c, "as_of": dt.date.fromisoformat(c["as_of"])} if "as_of" in c else dict(c)
            for c in out["channels"]
        ]
    if kind == "occasion" and "dates" in out:
        out["dates"] = [dt.date.fromisoformat(d) for d in out["dates"]]
    return out


def load_export(data: Mapping[str, Any]) -> Catalogue:
    """Build a catalogue from :func:`export` data, translations included.

    The data is checked as a pack is: every item is validated, and every translation that gets
    formatted must keep its message's placeholders, under a plural rule that picks a real form.

    Raises:
        PackError: The data is not an export, or something in it is invalid.
    """
    given: Any = data  # anything can arrive from a file: check before trusting the annotation
    if (
        not isinstance(given, Mapping)
        or given.get("format") != FORMAT
        or given.get("version") != FORMAT_VERSION
    ):
        raise PackError(
            "export",
            [PackProblem("export", 0, f"not a {FORMAT} version {FORMAT_VERSION} document")],
        )
    try:
        return _load_export(data)
    except PackError:
        raise
    except (AttributeError, LookupError, TypeError, ValueError, ArithmeticError) as error:
        # InvalidLocaleError is a ValueError: a bad locale tag in the data lands here too.
        message = f"not a valid export: {type(error).__name__}: {error}"
        raise PackError("export", [PackProblem("export", 0, message)]) from None


def _load_export(data: Mapping[str, Any]) -> Catalogue:
    records: list[_Record] = []
    translations: dict[str, dict[str, tuple[str, Any]]] = {}
    reviews: dict[str, dict[str, tuple[str, str]]] = {}
    for kind in KINDS:
        for number, raw in enumerate(data.get(_LISTS[kind], [])):
            computed = {"rendered", "review", "stale"}
            record = _dates(kind, {k: v for k, v in raw.items() if k not in computed})
            for key, value in list(record.items()):
                if key in _LISTED and isinstance(value, list):
                    record[key] = [
                        _message(
                            kind, record, f"{_LISTED[key]}-{n}", texts, raw, translations, reviews
                        )
                        for n, texts in enumerate(value, start=1)
                    ]
                    continue
                if not isinstance(value, dict) or key in {
                    "values",
                    "period",
                    "ages",
                    "eligibility",
                }:
                    continue
                record[key] = _message(kind, record, key, value, raw, translations, reviews)
            if kind == "resource" and "channels" in record:
                record["channels"] = [dict(c) for c in record["channels"]]
            records.append(_Record(kind, record, f"export:{_LISTS[kind]}", number + 1))
    plural_headers = {
        str(parse_locale(info["tag"])): info["plural_forms"]
        for info in data.get("locales", [])
        if info.get("plural_forms")
    }
    _label_translations(data.get("labels", {}), data.get("label_review", {}), translations, reviews)
    problems = [
        PackProblem("export", 0, f"{name}: {fault}")
        for name, header in plural_headers.items()
        if (fault := _plural_fault(header))
    ]
    problems += [
        PackProblem("export", 0, f"{name} {context}: {fault}")
        for name, entries in translations.items()
        for context, (msgid, text) in entries.items()
        if (fault := _translation_fault(context, msgid, text))
    ]
    if problems:
        raise PackError("export", problems)
    catalogs = {
        name: MessageCatalog.from_entries(
            name,
            entries,
            reviews.get(name, {}),
            {"plural-forms": plural_headers[name]} if name in plural_headers else {},
        )
        for name, entries in translations.items()
    }
    store = CatalogStore((), preloaded=catalogs)
    renderer = CatalogueRenderer(store)
    content = build([RawPack("export", "", tuple(records), frozenset(), ())], renderer)
    catalogue = Catalogue(content, store, renderer)
    given = data.get("help")
    if given is not None and given != catalogue.help_table():
        # The table is derived from the resources: one that disagrees was edited by hand, and
        # apps reading it would send readers somewhere this library would not.
        message = "help: the table does not match the resources' countries and needs"
        raise PackError("export", [PackProblem("export", 0, message)])
    return catalogue


def _message(  # noqa: PLR0913, PLR0917 - one message and the tables it feeds
    kind: str,
    record: Mapping[str, Any],
    name: str,
    texts: Mapping[str, Any],
    raw: Mapping[str, Any],
    translations: dict[str, dict[str, tuple[str, Any]]],
    reviews: dict[str, dict[str, tuple[str, str]]],
) -> Any:
    """Return one message's source text, recording its translations and their review."""
    original = _source_language_of(kind, record, name)
    source: Any = texts.get(original)
    context = f"{kind}:{record['id']}:{name}"
    for tag, text in texts.items():
        if tag == original:
            continue
        locale = str(parse_locale(tag))
        translations.setdefault(locale, {})[context] = (source, text)
        if raw.get("review", {}).get(tag, {}).get(name) == Review.REVIEWED.value:
            reviews.setdefault(locale, {})[context] = (source, "recorded in an export")
    return source


def _translation_fault(context: str, msgid: str, text: object) -> str | None:
    if isinstance(text, tuple):
        if not all(isinstance(form, str) for form in text):
            return "plural forms must be text"
        return next(filter(None, (_placeholder_fault(msgid, form) for form in text)), None)
    if not isinstance(text, str):
        return f"a translation must be text, got {text!r}"
    if context.endswith(":statement"):
        return _placeholder_fault(msgid, text)
    return _emergency_fault(msgid, text)


def _label_translations(
    labels: Mapping[str, Mapping[str, Any]],
    label_review: Mapping[str, Mapping[str, str]],
    translations: dict[str, dict[str, tuple[str, Any]]],
    reviews: dict[str, dict[str, tuple[str, str]]],
) -> None:
    for name, texts in labels.items():
        english = texts.get("en")
        msgid = english[0] if isinstance(english, list) else english
        for tag, text in texts.items():
            if tag == "en" or msgid is None or text is None:
                continue
            value = tuple(text) if isinstance(text, list) else text
            locale = str(parse_locale(tag))
            translations.setdefault(locale, {})[f"ui:{name}"] = (msgid, value)
            if label_review.get(name, {}).get(tag) == Review.REVIEWED.value:
                reviews.setdefault(locale, {})[f"ui:{name}"] = (msgid, "recorded in an export")


def _source_language_of(kind: str, record: Mapping[str, Any], key: str) -> str:
    if kind == "quote" and key == "text":
        return parse_locale(record.get("language", "en")).tag
    return str(DEFAULT)
