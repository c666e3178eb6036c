"""The mutation run's own files: the list of equivalent mutants is well-formed."""

from __future__ import annotations

import re
import tomllib
from collections import Counter

from .conftest import ROOT

MODULES = ("_i18n", "_format", "_html", "_qa", "_packs", "_editorial", "_help")
NAME = re.compile(r"sextingsafe\.(_[a-z0-9_]+)\.x[ǁ_A-Za-z0-9]*__mutmut_[0-9]+\Z")


def test_equivalent_mutants_are_named_and_explained() -> None:
    """Each listed mutant is a mutated module's, listed once, under a reason in a sentence."""
    data = tomllib.loads((ROOT / "mutation" / "equivalent.toml").read_text(encoding="utf-8"))
    names = [name for group in data["equivalent"] for name in group["mutants"]]
    run = (ROOT / "mutation" / "run.py").read_text(encoding="utf-8")
    matches = [(n, NAME.match(n)) for n in names]

    assert [] == [n for n, m in matches if m is None or m[1] not in MODULES]
    assert [] == [n for n, count in Counter(names).items() if count > 1]
    assert [] == [g for g in data["equivalent"] if not g["reason"].endswith(".")]
    assert all(f'"{module}"' in run for module in MODULES)
