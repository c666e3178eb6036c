"""Sourced, localised awareness content about young people sharing nude images.

The bundled content is loaded lazily, on first use, and never written to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._catalogue import (
    AdviceCollection,
    Catalogue,
    Collection,
    FactCollection,
    LocaleInfo,
    QuoteCollection,
    ResourceCollection,
    default_catalogue,
)
from ._errors import (
    ContentNotFoundError,
    InvalidFilterError,
    InvalidLocaleError,
    PackError,
    PackProblem,
    SextingsafeError,
)
from ._localized import (
    LocalizedAdvice,
    LocalizedFact,
    LocalizedQuote,
    LocalizedResource,
    LocalizedText,
)
from ._model import (
    Advice,
    Audience,
    Channel,
    ChannelKind,
    Confidence,
    Fact,
    FrozenDict,
    Period,
    Quote,
    Resource,
    ResourceKind,
    Review,
    Source,
    SourceKind,
    Speaker,
    Topic,
)
from ._version import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

    from babel import Locale

__all__ = [
    "Advice",
    "AdviceCollection",
    "Audience",
    "Catalogue",
    "Channel",
    "ChannelKind",
    "Collection",
    "Confidence",
    "ContentNotFoundError",
    "Fact",
    "FactCollection",
    "FrozenDict",
    "InvalidFilterError",
    "InvalidLocaleError",
    "LocaleInfo",
    "LocalizedAdvice",
    "LocalizedFact",
    "LocalizedQuote",
    "LocalizedResource",
    "LocalizedText",
    "PackError",
    "PackProblem",
    "Period",
    "Quote",
    "QuoteCollection",
    "Resource",
    "ResourceCollection",
    "ResourceKind",
    "Review",
    "SextingsafeError",
    "Source",
    "SourceKind",
    "Speaker",
    "Topic",
    "__version__",
    "advice",
    "facts",
    "locales",
    "negotiate",
    "quotes",
    "resources",
    "sources",
    "speakers",
]

#: The bundled facts, by id.
facts = FactCollection("fact", lambda: default_catalogue().content.facts)
#: The bundled quotes, by id.
quotes = QuoteCollection("quote", lambda: default_catalogue().content.quotes)
#: The bundled advice, by id.
advice = AdviceCollection("advice", lambda: default_catalogue().content.advice)
#: The bundled help resources, by id.
resources = ResourceCollection("resource", lambda: default_catalogue().content.resources)
#: The sources the bundled content cites, by id.
sources: Collection[Source] = Collection("source", lambda: default_catalogue().content.sources)
#: The people the bundled quotes are from, by id.
speakers: Collection[Speaker] = Collection("speaker", lambda: default_catalogue().content.speakers)


def negotiate(preferred: str | Sequence[str | Locale], default: str = "en") -> Locale:
    """Pick the best bundled locale for an ``Accept-Language`` header or a list of tags.

    >>> str(negotiate("fr-CA,fr;q=0.9,en;q=0.5"))
    'fr'

    Args:
        preferred: A header such as ``"fr-CA,fr;q=0.9"``, or tags in order of preference.
        default: The locale to return when nothing matches.

    Raises:
        InvalidLocaleError: The header or a tag in it is malformed.
    """
    return default_catalogue().negotiate(preferred, default)


def locales() -> tuple[LocaleInfo, ...]:
    """Return the bundled locales with their coverage and review counts, English first."""
    return default_catalogue().locales()
