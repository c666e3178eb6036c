"""Fuzz target: loading a content pack whose one file is arbitrary bytes.

The first byte picks which file of a copy of the example pack the rest replaces (a content file,
``pack.toml``, or the French ``.po`` or ``.mo`` catalogue). Loading must either raise PackError
or give a catalogue whose every item hashes, localises, escapes in HTML and exports as strict
JSON, in several locales; anything else is a bug.

Run it with ``python tests/fuzz/run.py`` (which seeds a corpus and bounds the time), or
directly: ``python tests/fuzz/fuzz_pack.py CORPUS_DIR -max_total_time=60``.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile

import atheris
from pack_files import FILES

with atheris.instrument_imports(include=["sextingsafe"]):
    import sextingsafe
    import sextingsafe._catalogue
    import sextingsafe._export
    from sextingsafe import Catalogue, LocalizedText, PackError

LOCALES = ("en", "fr", "ar")
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "packs", "example")


def texts(view: object) -> list[LocalizedText]:
    """Every LocalizedText in a localised view."""
    if isinstance(view, LocalizedText):
        return [view]
    found = []
    for name in getattr(type(view), "__attrs_attrs__", ()):
        value = getattr(view, name.name)
        if isinstance(value, tuple):
            for inner in value:
                found += texts(inner)
        elif isinstance(value, LocalizedText) or hasattr(type(value), "__attrs_attrs__"):
            found += texts(value)
    return found


def check(catalogue: Catalogue) -> None:
    """Use everything in the catalogue as an app would."""
    for kind in ("facts", "quotes", "advice", "resources", "sources", "speakers", "occasions"):
        for item in getattr(catalogue, kind).values():
            hash(item)
            for locale in LOCALES:
                if hasattr(item, "localize"):
                    shown = texts(item.localize(locale))
                else:
                    names = getattr(type(item), "translatable", ())
                    shown = [item.localized_field(name, locale) for name in names]
                for text in shown:
                    markup = text.__html__()
                    if "<script" in markup.lower():
                        raise AssertionError(f"unescaped markup: {markup!r}")
    for count in range(4):
        catalogue.label("places-to-get-help", "fr", count=count)
    json.dumps(sextingsafe.export(catalogue, "all"), allow_nan=False)
    json.dumps(sextingsafe.export_jsonld(catalogue, "fr"), allow_nan=False)
    catalogue.locales()
    for locale in catalogue.supported_locales():
        catalogue.negotiate(locale)


SCRATCH = tempfile.mkdtemp(prefix="sextingsafe-fuzz-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
ROOT = os.path.join(SCRATCH, "example")
PO, MO = FILES[-2], FILES[-1]


def make_pack(name: str, content: bytes) -> str:
    """Make a fresh copy of the example pack with *name* replaced by *content*."""
    shutil.rmtree(ROOT, ignore_errors=True)
    shutil.copytree(EXAMPLE, ROOT)
    if name == MO:
        os.remove(os.path.join(ROOT, PO))  # a pack ships one or the other
    with open(os.path.join(ROOT, name), "wb") as handle:
        handle.write(content)
    return ROOT


def test_one_input(data: bytes) -> None:
    """Load the pack with one file replaced by the input; only a PackError may result."""
    if not data:
        return
    root = make_pack(FILES[data[0] % len(FILES)], data[1:])
    try:
        catalogue = Catalogue.load(root, include_bundled=False)
    except PackError as error:
        if not error.problems:
            raise AssertionError("a PackError without problems") from error
        return
    check(catalogue)


def main() -> None:
    """Run libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
