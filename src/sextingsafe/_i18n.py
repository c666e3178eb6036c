"""Locales: parsing, negotiation, the fallback chain, and gettext catalogues keyed by context."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ._errors import InvalidLocaleError

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "DEFAULT",
    "WRITTEN_IN",
    "LocaleId",
    "direction",
    "fallback_chain",
    "negotiate_ids",
    "parse_locale",
    "to_babel",
]


_TAG = re.compile(
    r"""
    (?P<language>[a-z]{2,3})
    (?:[-_](?P<script>[a-z]{4}))?
    (?:[-_](?P<territory>[a-z]{2}|[0-9]{3}))?
    (?:[-_](?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*   # variants: accepted, not used
    (?:\.[a-z0-9_-]+)?                             # POSIX encoding, e.g. .UTF-8
    (?:@[a-z0-9_-]+)?                              # POSIX modifier, e.g. @euro
    """,
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)
# Languages whose default script is written right to left (CLDR, as Babel ships it), and the
# right-to-left scripts (Unicode). With a script given, the script decides.
_RTL_LANGUAGES = frozenset(
    [
        "apc",
        "ar",
        "arc",
        "ary",
        "bal",
        "bgn",
        "bqi",
        "brh",
        "ckb",
        "dv",
        "fa",
        "he",
        "ks",
        "lrc",
        "mzn",
        "nqo",
        "ps",
        "rhg",
        "sd",
        "sdh",
        "skr",
        "syr",
        "trw",
        "ug",
        "ur",
        "yi",
    ]
)
_RTL_SCRIPTS = frozenset(
    ["Adlm", "Arab", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"]
)
#: Likely scripts (CLDR's likely subtags) of languages written in more than one: the script a
#: catalogue named by the bare language is in, and the regions whose readers use another.
_LIKELY_SCRIPTS: dict[str, tuple[str, dict[str | None, str]]] = {
    "zh": ("Hans", {"TW": "Hant", "HK": "Hant", "MO": "Hant"}),
    "pa": ("Guru", {"PK": "Arab"}),
}
#: Of those, the languages whose scripts most readers cannot read across: the bare catalogue is
#: never offered to a reader of another script. Punjabi is written in Gurmukhi in India and in
#: Shahmukhi (Arabic script) in Pakistan; Chinese readers get the other script before English.
_SEPARATE_SCRIPTS = frozenset({"pa"})
_ALIASES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi", "tl": "fil"}


class LocaleId(NamedTuple):
    """A parsed locale: language, optional script and territory, in canonical case."""

    language: str
    script: str | None = None
    territory: str | None = None

    def __str__(self) -> str:
        return "_".join(p for p in self if p)

    @property
    def tag(self) -> str:
        """The BCP 47 tag, as used in HTML ``lang`` attributes (``pt-BR``, ``zh-Hant``)."""
        return "-".join(p for p in self if p)


DEFAULT = LocaleId("en")
#: The variety each catalogue is written in, where CLDR's default for the language is another:
#: the bundled English is British, the bundled Portuguese European (CLDR's "pt" is Brazilian).
#: Formatting and the catalogue's plural rule follow the variety.
WRITTEN_IN = {"en": "en_GB", "pt": "pt_PT"}
_parsed: dict[object, LocaleId] = {}
_PARSE_CACHE_MAX = 4096


def parse_locale(value: Locale | str | LocaleId | None) -> LocaleId:
    """Parse a BCP 47 tag, a POSIX name or a :class:`babel.Locale` into a :class:`LocaleId`.

    ``None`` means the default locale, English.

    Raises:
        InvalidLocaleError: *value* is not a well-formed locale identifier.
    """
    if value is None:
        return DEFAULT
    if isinstance(value, LocaleId):
        return value
    try:
        return _parsed[value]
    except (KeyError, TypeError):
        pass
    result = _parse(value)
    if len(_parsed) >= _PARSE_CACHE_MAX:
        # Bounded: locale strings often come straight from requests.
        _parsed.clear()
    _parsed[value] = result
    return result


def _parse(value: object) -> LocaleId:
    if not isinstance(value, str):
        # Only a non-string can be a babel.Locale. Another thread may be importing Babel right
        # now, so the module can be in sys.modules without its Locale class yet.
        locale_class = getattr(sys.modules.get("babel.core"), "Locale", None)
        if locale_class is not None and isinstance(value, locale_class):
            return LocaleId(value.language, value.script or None, value.territory or None)
        raise InvalidLocaleError(
            value, "expected a str such as 'pt-BR' or 'pt_BR', or a babel.Locale"
        )
    text = value.strip()
    if text in {"C", "POSIX", "C.UTF-8"}:
        return DEFAULT
    match = _TAG.fullmatch(text)
    if match is None:
        raise InvalidLocaleError(
            value, "expected a BCP 47 tag ('pt-BR', 'zh-Hant') or a POSIX name ('pt_BR.UTF-8')"
        )
    language = match["language"].lower()
    language = _ALIASES.get(language, language)
    script = match["script"].title() if match["script"] else None
    territory = match["territory"].upper() if match["territory"] else None
    return LocaleId(language, script, territory)


def direction(locale: LocaleId) -> str:
    """Return ``"rtl"`` or ``"ltr"``: the direction the locale's script is written in."""
    if locale.script is not None:
        return "rtl" if locale.script in _RTL_SCRIPTS else "ltr"
    return "rtl" if locale.language in _RTL_LANGUAGES else "ltr"


def _with_likely_script(locale: LocaleId) -> LocaleId:
    likely = _LIKELY_SCRIPTS.get(locale.language)
    if locale.script is not None or likely is None:
        return locale
    usual, regional = likely
    return locale._replace(script=regional.get(locale.territory, usual))


def fallback_chain(locale: LocaleId, supported: Iterable[str]) -> tuple[str, ...]:
    """Return the supported locales to try for *locale*, most specific first, ending in English.

    ``pt_BR`` tries ``pt_BR``, then ``pt``, then ``en``;
    ``zh_TW`` tries ``zh_Hant_TW``, ``zh_Hant``, ``zh_TW``, ``zh``, then ``en``.
    A reader of Punjabi in Shahmukhi (``pa_PK``, ``pa_Arab``) is never given the Gurmukhi
    ``pa``: a script most of them cannot read.
    """
    available = set(supported)
    full = _with_likely_script(locale)
    lang, script, territory = full
    candidates = []
    if script and territory:
        candidates.append(f"{lang}_{script}_{territory}")
    if script:
        candidates.append(f"{lang}_{script}")
    if territory:
        candidates.append(f"{lang}_{territory}")
    if lang not in _SEPARATE_SCRIPTS or script == _LIKELY_SCRIPTS[lang][0]:
        candidates.append(lang)
    chain = [c for c in dict.fromkeys(candidates) if c in available]
    if str(DEFAULT) not in chain:
        chain.append(str(DEFAULT))
    return tuple(chain)


_Q = re.compile(r"q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\Z", re.IGNORECASE)


def _header_entries(header: str) -> list[tuple[float, int, str]]:
    entries = []
    for position, part in enumerate(header.split(",")):
        piece = part.strip()
        if not piece:
            continue
        tag, *params = (p.strip() for p in piece.split(";"))
        quality = 1.0
        for param in params:
            match = _Q.fullmatch(param)
            if match is None:
                raise InvalidLocaleError(header, f"bad parameter {param!r}; expected q=0 to q=1")
            quality = float(match.group(1))
        if quality > 0:
            entries.append((-quality, position, tag))
    entries.sort()
    return entries


def negotiate_ids(
    preferred: str | Sequence[str | Locale], supported: Iterable[str]
) -> tuple[LocaleId, str] | None:
    """Pick the best supported locale for an ``Accept-Language`` header or a list of tags.

    Returns the preferred entry that matched and the supported locale chosen,
    or ``None`` when nothing matched.

    Raises:
        InvalidLocaleError: The header or a tag in it is malformed.
    """
    available = set(supported)
    if isinstance(preferred, str):
        tags: list[Any] = [tag for _q, _pos, tag in _header_entries(preferred)]
    else:
        tags = list(preferred)
    # Parse every tag first, so that a malformed entry is an error wherever it stands.
    # "*" (anything) is English, the default: always available, as the source language.
    parsed = [DEFAULT if tag == "*" else parse_locale(tag) for tag in tags]
    for wanted in parsed:
        chain = fallback_chain(wanted, available)
        if chain[0] != str(DEFAULT) or wanted.language == DEFAULT.language:
            return wanted, chain[0]
    return None


_babel_locales: dict[str, Locale] = {}


def to_babel(name: str) -> Locale:
    """Return the cached :class:`babel.Locale` for a locale name such as ``pt_BR``.

    Raises:
        LookupError: Babel has no data for that locale (``en_KK``).
    """
    try:
        return _babel_locales[name]
    except KeyError:
        from babel import Locale, UnknownLocaleError

        try:
            parsed = Locale.parse(name)
        except (UnknownLocaleError, ValueError) as error:
            raise LookupError(f"Babel has no locale data for {name!r}: {error}") from None
        result = _frozen_locale(parsed)
        _babel_locales[name] = result
        return result


_frozen_class: type[Locale] | None = None


def _frozen_locale(locale: Locale) -> Locale:
    """Return a copy of *locale* that cannot be changed: the cached one is shared by everyone."""
    global _frozen_class  # noqa: PLW0603
    if _frozen_class is None:
        from babel import Locale

        class FrozenLocale(Locale):
            """A babel.Locale whose identifying attributes cannot be changed once made."""

            def __setattr__(self, name: str, value: object) -> None:
                # Babel fills its locale data in lazily (name-mangled private attributes).
                if getattr(self, "_frozen", False) and not name.startswith("_Locale__"):
                    raise AttributeError(
                        f"this Locale is shared and read-only; cannot set {name!r}"
                    )
                super().__setattr__(name, value)

            def __reduce__(self) -> tuple[object, ...]:
                # A copy elsewhere (pickled, deep-copied) is an ordinary babel.Locale.
                identity = (self.language, self.territory, self.script, self.variant, self.modifier)
                return (Locale, identity)

        FrozenLocale.__name__ = FrozenLocale.__qualname__ = "Locale"
        _frozen_class = FrozenLocale
    frozen = _frozen_class(
        locale.language, locale.territory, locale.script, locale.variant, locale.modifier
    )
    object.__setattr__(frozen, "_frozen", True)
    return frozen
