"""Write synthetic content packs for the scale benchmark: N advice items and their translations."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

_SOURCE = """[[source]]
id = "synthetic-source"
publisher = "sextingsafe benchmarks"
title = "Synthetic content for load tests"
kind = "report"
published = 2026-01-01
"""

_RESOURCE = """[[resource]]
id = "synthetic-line"
name = "Synthetic Line"
operator = "sextingsafe benchmarks"
countries = ["GB"]
kind = "helpline"
audiences = ["young-people"]
description = "A synthetic helpline for load tests."
sources = ["synthetic-source"]
confidence = "partial"
checked = 2026-01-01
"""


#: How many items at most have translations (about 2.5 MiB of catalogue per locale).
TRANSLATED = 30_000


def write_pack(root: Path, size: int, locales: Sequence[str] = ("fr", "pl", "ar")) -> None:
    """Write a pack of *size* advice items, with a compiled catalogue for each of *locales*."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    root.mkdir(parents=True, exist_ok=True)
    (root / "sources.toml").write_text(_SOURCE, encoding="utf-8")
    (root / "resources.toml").write_text(_RESOURCE, encoding="utf-8")
    chunks = [
        (
            f'[[advice]]\nid = "item-{index}"\naudiences = ["young-people"]\ntopics = ["support"]\n'
            f'title = "Synthetic title number {index}"\n'
            f'body = "Synthetic advice body number {index}, long enough to be realistic text."\n'
            'sources = ["synthetic-source"]\nresources = ["synthetic-line"]\n'
            # A named service only where the advice applies: the line serves GB.
            'jurisdictions = ["GB"]\n'
            "reviewed = 2026-01-01\n"
        )
        for index in range(size)
    ]
    # Files of at most 5,000 items, like a real pack split by topic: each stays far below the
    # loader's size limit for one file.
    for start in range(0, size, 5000):
        name = "advice.toml" if start == 0 else f"advice-{start // 5000:03d}.toml"
        (root / name).write_text("\n".join(chunks[start : start + 5000]), encoding="utf-8")
    for locale in locales:
        catalog = Catalog(locale=locale, domain="sextingsafe")
        # A compiled catalogue may be at most 8 MiB, as any pack file: the largest packs are
        # translated for their first TRANSLATED items only.
        for index in range(min(size, TRANSLATED)):
            catalog.add(
                f"Synthetic title number {index}",
                f"[{locale}] title {index}",
                context=f"advice:item-{index}:title",
            )
            catalog.add(
                f"Synthetic advice body number {index}, long enough to be realistic text.",
                f"[{locale}] body {index}",
                context=f"advice:item-{index}:body",
            )
        folder = root / "locale" / locale / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "sextingsafe.mo").open("wb") as handle:
            write_mo(handle, catalog)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("size", type=int)
    args = parser.parse_args()
    write_pack(args.path, args.size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
