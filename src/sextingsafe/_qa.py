"""Quality checks for translation catalogues: each fault names the locale, message and problem.

The tests run them over every shipped catalogue; ``sextingsafe validate`` runs them over a pack's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from ._i18n import WRITTEN_IN
from ._model import placeholders
from ._qa_numbers import number_faults

__all__ = ["CatalogueFault", "check_po"]

# Sentence-final marks in the scripts we ship: Latin, Arabic, Urdu, Devanagari/Bengali, CJK.
_FINAL = ".!?…:;。！？؟۔।॥"
_STOP = ".。۔।"


class CatalogueFault(NamedTuple):
    """One problem in one message of one catalogue."""

    locale: str
    #: The message context (``kind:id:field``), or ``""`` for the catalogue as a whole.
    context: str
    fault: str

    def __str__(self) -> str:
        where = f" {self.context}" if self.context else ""
        return f"{self.locale}{where}: {self.fault}"


def check_message(locale: str, context: str, source: str, translation: str) -> list[CatalogueFault]:
    """Return the faults of one translated message."""
    faults = []

    def fault(text: str) -> None:
        faults.append(CatalogueFault(locale, context, text))

    try:
        wanted, got = sorted(placeholders(source)), sorted(placeholders(translation))
    except ValueError as error:
        fault(f"malformed placeholder: {error}")
        return faults
    if wanted != got:
        fault(f"placeholders {_show(got)} differ from the source's {_show(wanted)}")
    for problem in number_faults(locale, source, translation):
        fault(problem)
    if (
        source[:1].isspace() != translation[:1].isspace()
        or source[-1:].isspace() != translation[-1:].isspace()
    ):
        fault("leading or trailing white space differs from the source")
    closing = "\"'”’“‘»«)」』）》›‹"
    ends = source.rstrip().rstrip(closing).rstrip()[-1:]
    last = translation.rstrip().rstrip(closing).rstrip()[-1:]
    if ends in _FINAL and last not in _FINAL:
        fault(f"the source ends with {ends!r} but the translation ends with {last!r}")
    if ends not in _FINAL and ends and last in _STOP:
        fault(f"the source has no final full stop but the translation ends with {last!r}")
    return faults


def check_plural_form(locale: str, context: str, source: str, form: str) -> list[CatalogueFault]:
    """Return the faults of one plural form: its placeholders must be the source's."""
    try:
        if sorted(placeholders(form)) == sorted(placeholders(source)):
            return []
    except ValueError as error:
        return [CatalogueFault(locale, context, f"malformed placeholder: {error}")]
    return [
        CatalogueFault(
            locale, context, f"plural form {form!r} must keep {_show(placeholders(source))}"
        )
    ]


def _show(names: Iterable[tuple[str, str]]) -> str:
    return "[" + ", ".join(f"{{{n}:{s}}}" if s else f"{{{n}}}" for n, s in names) + "]"


def check_po(
    path: str, locale: str, messages: Iterable[tuple[str, str]], *, complete: bool = True
) -> list[CatalogueFault]:
    """Check the ``.po`` file at *path* against the current English *messages*.

    Args:
        path: The catalogue.
        locale: Its locale name, as in the directory (``pt_BR``).
        messages: ``(context, English text)`` pairs, as :meth:`Catalogue.messages` returns.
        complete: Whether every message must be translated (a locale called complete).
    """
    from babel.messages.pofile import PoFileError, read_po

    faults: list[CatalogueFault] = []
    try:
        with open(path, "rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        return [CatalogueFault(locale, "", f"unreadable catalogue: {error}")]
    faults.extend(_check_headers(locale, catalog))
    by_context = {m.context: m for m in catalog if m.id and m.context}
    current = dict(messages)
    for context, source in current.items():
        message = by_context.get(context)
        if message is None:
            if complete:
                faults.append(CatalogueFault(locale, context, "missing from the catalogue"))
            continue
        ident: Any = message.id  # a (singular, plural) pair for plural messages
        singular = ident[0] if isinstance(ident, tuple | list) else ident
        if singular != source:
            faults.append(
                CatalogueFault(
                    locale, context, "translated from older English text (run pybabel update)"
                )
            )
            continue
        if message.fuzzy:
            faults.append(CatalogueFault(locale, context, "fuzzy: a translator must check it"))
            continue
        if not message.string:
            if complete:
                faults.append(CatalogueFault(locale, context, "untranslated"))
            continue
        if isinstance(message.string, str):
            faults.extend(check_message(locale, context, source, message.string))
            continue
        forms = [s for s in message.string if s]
        if len(forms) != len(message.string):
            faults.append(CatalogueFault(locale, context, "a plural form is untranslated"))
        plural_source = ident[1] if isinstance(ident, tuple | list) else source
        for form in forms:
            faults.extend(check_plural_form(locale, context, plural_source, form))
    faults.extend(
        CatalogueFault(locale, context, "obsolete: no such message in the content")
        for context in sorted(set(by_context) - set(current))
    )
    return faults


def _check_headers(locale: str, catalog: Any) -> list[CatalogueFault]:
    from babel.core import Locale, UnknownLocaleError
    from babel.messages.plurals import get_plural

    faults: list[CatalogueFault] = []
    headers = {key.lower(): value for key, value in catalog.mime_headers}
    # Babel writes the header back as a locale identifier: "pt-BR" reads as "pt_BR".
    language = headers.get("language", "")
    if language != locale:
        faults.append(
            CatalogueFault(locale, "", f"Language header is {language!r}, expected {locale!r}")
        )
    if "utf-8" not in headers.get("content-type", "").lower():
        faults.append(CatalogueFault(locale, "", "Content-Type must declare charset=UTF-8"))
    try:
        variety = WRITTEN_IN.get(locale, locale)
        expected = get_plural(Locale.parse(variety))
        plural = headers.get("plural-forms", "")
        match = re.search(r"nplurals\s*=\s*(\d+)", plural)
        if match is None or int(match.group(1)) != expected.num_plurals:
            faults.append(
                CatalogueFault(
                    locale,
                    "",
                    f"Plural-Forms {plural!r} should have nplurals={expected.num_plurals} (CLDR)",
                )
            )
        elif (wrong := _plural_mismatch(plural, expected.plural_expr)) is not None:
            faults.append(
                CatalogueFault(
                    locale,
                    "",
                    f"Plural-Forms {plural!r} {wrong}, but CLDR's rule for {variety} is "
                    f"plural={expected.plural_expr}",
                )
            )
    except (UnknownLocaleError, ValueError) as error:
        faults.append(CatalogueFault(locale, "", f"unknown locale: {error}"))
    return faults


#: The counts a plural rule is tried on: every small number and the round ones rules single out.
_PLURAL_SAMPLES = (*range(1001), 10_000, 100_000, 1_000_000, 2_000_000, 1_000_001)


def _plural_mismatch(header: str, expected: str) -> str | None:
    """Say where *header*'s plural rule differs from the *expected* expression, if it does."""
    import gettext

    found = re.search(r"plural\s*=\s*([^;]+)", header)
    if found is None:
        return "has no plural expression"
    try:
        rule, want = gettext.c2py(found.group(1).strip()), gettext.c2py(expected)
    except (ValueError, SyntaxError, RecursionError):
        return "has an expression gettext cannot read"
    for count in _PLURAL_SAMPLES:
        if rule(count) != want(count):
            return f"picks form {rule(count)} for {count} (CLDR: form {want(count)})"
    return None
