"""Sourced, localised awareness content about young people sharing nude images.

The bundled content is loaded lazily, on first use, and never written to.
"""

from __future__ import annotations

import importlib

from ._version import __version__

# `typing` alone costs more than the rest of this module: mypy reads this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime
    from typing import Any

    from babel import Locale

    from ._bundles import export_bundles
    from ._catalogue import Catalogue, LocaleInfo
    from ._collections import (
        AdviceCollection,
        Collection,
        EmergencyCollection,
        FactCollection,
        OccasionCollection,
        QuoteCollection,
        ResourceCollection,
    )
    from ._diff import ContentChange, ContentDiff, diff
    from ._errors import (
        ContentNotFoundError,
        InvalidFilterError,
        InvalidLocaleError,
        PackError,
        PackProblem,
        SextingsafeError,
    )
    from ._export import export, export_schema, load_export
    from ._format import format_hours
    from ._help import Help, HelpGroup
    from ._hours import OpeningPeriod
    from ._html import CORRECTION_URL
    from ._jsonld import export_jsonld
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
    from ._model import (
        Advice,
        AgeRange,
        Audience,
        Channel,
        ChannelKind,
        Confidence,
        Eligibility,
        EmergencyNumber,
        EmergencyService,
        EmergencyUse,
        Fact,
        FrozenDict,
        Hours,
        Limit,
        Need,
        Occasion,
        Period,
        Quote,
        Resource,
        ResourceKind,
        ResourceStatus,
        Review,
        Source,
        SourceKind,
        Speaker,
        Topic,
    )
    from ._reference import Question, Script, Term
    from ._reference_collections import QuestionCollection, ScriptCollection, TermCollection
    from ._search import SearchHit, search
    from ._style import STYLESHEET_PATH, stylesheet

__all__ = [  # noqa: RUF022 - sorted as sorted() sorts, which test_packaging checks
    "Advice",
    "AdviceCollection",
    "AgeRange",
    "Audience",
    "CORRECTION_URL",
    "Catalogue",
    "Channel",
    "ChannelKind",
    "Collection",
    "Confidence",
    "ContentChange",
    "ContentDiff",
    "ContentNotFoundError",
    "Eligibility",
    "EmergencyCollection",
    "EmergencyNumber",
    "EmergencyService",
    "EmergencyUse",
    "Fact",
    "FactCollection",
    "FrozenDict",
    "Help",
    "HelpGroup",
    "Hours",
    "InvalidFilterError",
    "InvalidLocaleError",
    "Limit",
    "LocaleInfo",
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
    "Need",
    "Occasion",
    "OccasionCollection",
    "OpeningPeriod",
    "PackError",
    "PackProblem",
    "Period",
    "Question",
    "QuestionCollection",
    "Quote",
    "QuoteCollection",
    "Resource",
    "ResourceCollection",
    "ResourceKind",
    "ResourceStatus",
    "Review",
    "STYLESHEET_PATH",
    "Script",
    "ScriptCollection",
    "SearchHit",
    "SextingsafeError",
    "Source",
    "SourceKind",
    "Speaker",
    "Term",
    "TermCollection",
    "Topic",
    "__version__",
    "advice",
    "content_version",
    "diff",
    "emergency_numbers",
    "export",
    "export_bundles",
    "export_jsonld",
    "export_schema",
    "facts",
    "faq",
    "format_hours",
    "glossary",
    "help_for",
    "label",
    "load_export",
    "locales",
    "negotiate",
    "occasions",
    "quotes",
    "resources",
    "scripts",
    "search",
    "sources",
    "speakers",
    "stylesheet",
]

# Public names and the private module each lives in: imported on first use, so that
# `import sextingsafe` costs next to nothing (see docs/explanation/performance.md).
_LAZY = {
    "CORRECTION_URL": "._html",
    "Advice": "._model",
    "AdviceCollection": "._collections",
    "AgeRange": "._model",
    "Audience": "._model",
    "Catalogue": "._catalogue",
    "Channel": "._model",
    "ChannelKind": "._model",
    "Collection": "._collections",
    "Confidence": "._model",
    "ContentChange": "._diff",
    "ContentDiff": "._diff",
    "ContentNotFoundError": "._errors",
    "Eligibility": "._model",
    "EmergencyCollection": "._collections",
    "EmergencyNumber": "._model",
    "EmergencyService": "._model",
    "EmergencyUse": "._model",
    "Fact": "._model",
    "FactCollection": "._collections",
    "FrozenDict": "._model",
    "Help": "._help",
    "HelpGroup": "._help",
    "Hours": "._model",
    "InvalidFilterError": "._errors",
    "InvalidLocaleError": "._errors",
    "Limit": "._model",
    "LocaleInfo": "._catalogue",
    "LocalizedAdvice": "._localized",
    "LocalizedChannel": "._localized",
    "LocalizedEmergency": "._localized",
    "LocalizedHelp": "._localized",
    "LocalizedFact": "._localized",
    "LocalizedQuestion": "._localized",
    "LocalizedQuote": "._localized",
    "LocalizedResource": "._localized",
    "LocalizedScript": "._localized",
    "LocalizedTerm": "._localized",
    "LocalizedText": "._localized",
    "Need": "._model",
    "Occasion": "._model",
    "OccasionCollection": "._collections",
    "OpeningPeriod": "._hours",
    "PackError": "._errors",
    "PackProblem": "._errors",
    "Period": "._model",
    "Question": "._reference",
    "QuestionCollection": "._reference_collections",
    "Quote": "._model",
    "QuoteCollection": "._collections",
    "Resource": "._model",
    "ResourceCollection": "._collections",
    "ResourceKind": "._model",
    "ResourceStatus": "._model",
    "Review": "._model",
    "Script": "._reference",
    "ScriptCollection": "._reference_collections",
    "STYLESHEET_PATH": "._style",
    "SearchHit": "._search",
    "SextingsafeError": "._errors",
    "Source": "._model",
    "SourceKind": "._model",
    "Speaker": "._model",
    "Term": "._reference",
    "TermCollection": "._reference_collections",
    "Topic": "._model",
    "diff": "._diff",
    "export": "._export",
    "export_bundles": "._bundles",
    "export_jsonld": "._jsonld",
    "export_schema": "._export",
    "format_hours": "._format",
    "load_export": "._export",
    "search": "._search",
    "stylesheet": "._style",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name in _COLLECTIONS:
            return _collection(name)
        if name == "content_version":
            from ._content_version import content_version

            return globals().setdefault(name, content_version())
        raise AttributeError(f"module 'sextingsafe' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


#: The bundled collections; each is created on first access and loads content on first use.
_COLLECTIONS = frozenset(
    {
        "advice",
        "emergency_numbers",
        "facts",
        "faq",
        "glossary",
        "occasions",
        "quotes",
        "resources",
        "scripts",
        "sources",
        "speakers",
    }
)

if TYPE_CHECKING:
    #: The bundled facts, by id.
    facts: FactCollection
    #: The bundled quotes, by id.
    quotes: QuoteCollection
    #: The bundled advice, by id.
    advice: AdviceCollection
    #: The bundled help resources, by id.
    resources: ResourceCollection
    #: The sources the bundled content cites, by id.
    sources: Collection[Source]
    #: The people the bundled quotes are from, by id.
    speakers: Collection[Speaker]
    #: The campaign moments the bundled content suits, by id.
    occasions: OccasionCollection
    #: The version of the bundled content and translations (``YYYY.MM.DD[.N]``), separate from
    #: the code's ``__version__``; see :doc:`/how-to/track-content-changes`.
    content_version: str
    #: The bundled glossary terms, by id.
    glossary: TermCollection
    #: The bundled questions people ask, with their answers, by id.
    faq: QuestionCollection
    #: The bundled conversation scripts, by id.
    scripts: ScriptCollection
    #: Each country's emergency numbers, by ISO 3166-1 alpha-2 code.
    emergency_numbers: EmergencyCollection


def _collection(name: str) -> Any:
    from ._catalogue import bundled_collection

    # One object per name even when threads ask at once (setdefault is atomic on a dict).
    return globals().setdefault(name, bundled_collection(name))


def _default_catalogue() -> Catalogue:
    # Bound on first call: an import statement in a hot function costs more than the lookup.
    global _default_catalogue  # noqa: PLW0603
    from ._catalogue import default_catalogue

    _default_catalogue = default_catalogue
    return default_catalogue()


def negotiate(preferred: str | Sequence[str | Locale] | None, default: str = "en") -> Locale:
    """Pick the best bundled locale for an ``Accept-Language`` header or a list of tags.

    >>> str(negotiate("fr-CA,fr;q=0.9,en;q=0.5"))
    'fr'

    Args:
        preferred: A header such as ``"fr-CA,fr;q=0.9"``, or tags in order of preference.
        default: The locale to return when nothing matches.

    Raises:
        InvalidLocaleError: The header or a tag in it is malformed.
    """
    return _default_catalogue().negotiate(preferred, default)


def label(name: str, locale: Locale | str | None = None, count: int | None = None) -> LocalizedText:
    """Return a bundled interface label, such as ``"where-to-get-help"``, in *locale*.

    With *count*, the label's plural form for that number (``"places-to-get-help"``).

    >>> str(label("places-to-get-help", "en", count=3))
    '3 places to get help'

    Raises:
        ContentNotFoundError: There is no such label.
        InvalidLocaleError: *locale* is malformed.
    """
    return _default_catalogue().label(name, locale, count)


def help_for(
    needs: Advice | Question | Script | Iterable[Need | str],
    country: str | None = None,
    *,
    age: int | None = None,
    taken_at_age: int | None = None,
    at: datetime | None = None,
) -> Help:
    """Return the bundled services that meet *needs* for a reader in *country*, in order.

    For each need, the country's own services first, then services usable from anywhere;
    never a service limited to another country. See :meth:`Catalogue.help_for`.

    >>> [r.id for r in help_for(["child-helpline"], country="gb").resources]
    ['childline-gb']

    Raises:
        InvalidFilterError: A need, *country*, an age or *at* is not valid.
    """
    return _default_catalogue().help_for(needs, country, age=age, taken_at_age=taken_at_age, at=at)


def locales() -> tuple[LocaleInfo, ...]:
    """Return the bundled locales with their coverage and review counts, English first."""
    return _default_catalogue().locales()
