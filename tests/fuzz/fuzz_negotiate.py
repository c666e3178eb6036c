"""Fuzz target: negotiate() and every locale argument, with arbitrary text.

The first byte picks what the rest (decoded as UTF-8, bad bytes replaced) is used as: an
Accept-Language header, a list of tags, negotiate()'s default, or the locale of a localised text.
Only InvalidLocaleError may come out, and its message must quote the input.

Run it with ``python tests/fuzz/run.py`` (which seeds a corpus and bounds the time), or
directly: ``python tests/fuzz/fuzz_negotiate.py CORPUS_DIR -max_total_time=60``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["sextingsafe"]):
    import sextingsafe
    import sextingsafe._catalogue
    from sextingsafe import InvalidLocaleError, LocalizedText

#: How the text is used, chosen by the first byte.
MODES = ("header", "tags", "default", "locale")


def check_error(error: InvalidLocaleError, text: str) -> None:
    """The error quotes the malformed value, which is (part of) the input."""
    if repr(error.value) not in str(error):
        raise AssertionError(f"{error!s} does not quote {error.value!r}")
    if not isinstance(error.value, str) or error.value not in text:
        raise AssertionError(f"{error.value!r} is not part of the input {text!r}")


def check_locale(result: object, supported: frozenset[str]) -> None:
    """The result is a supported babel.Locale."""
    if str(result) not in supported:
        raise AssertionError(f"negotiated {result!r}, which is not supported")


def check_text(text: LocalizedText) -> None:
    """A localised text knows its direction, and its HTML is one escaped span."""
    if text.direction not in {"ltr", "rtl"}:
        raise AssertionError(f"direction {text.direction!r}")
    markup = text.__html__()
    inner = markup[markup.index(">") + 1 : -len("</span>")]
    # The only markup inside is the renderer's own isolation of numbers and Latin names in
    # right-to-left text; anything else would be unescaped input.
    inner = inner.replace('<bdi dir="ltr">', "").replace("</bdi>", "")
    if set("<>\"'") & set(inner):
        raise AssertionError(f"unescaped HTML in {markup!r}")


def test_one_input(data: bytes) -> None:
    """Use the input as the chosen kind of locale argument; only documented errors may result."""
    if not data:
        return
    mode = MODES[data[0] % len(MODES)]
    text = data[1:].decode("utf-8", "replace")
    supported = sextingsafe._catalogue.default_catalogue().supported_locales()
    try:
        if mode == "header":
            check_locale(sextingsafe.negotiate(text), supported)
        elif mode == "tags":
            check_locale(sextingsafe.negotiate(text.split(",")), supported)
        elif mode == "default":
            check_locale(sextingsafe.negotiate("tlh", default=text), supported)
        else:
            check_text(FACT.statement(text))
            for field in (view := ADVICE.localize(text)).title, view.body:
                check_text(field)
            check_text(sextingsafe.label("places-to-get-help", text, count=len(text)))
    except InvalidLocaleError as error:
        check_error(error, text)


FACT = next(iter(sextingsafe.facts.values()))
ADVICE = next(iter(sextingsafe.advice.values()))


def main() -> None:
    """Run libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
