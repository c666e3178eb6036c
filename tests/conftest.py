"""Shared fixtures: the fixture packs, and a factory for broken copies of them.

Tests import :mod:`sextingsafe` as an installed package and find their data relative to
this directory, so the same tests run against ``src/`` and against the built wheel.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import sextingsafe

# Hypothesis profiles. No test asserts a time (benchmarks do that), so no deadline anywhere: a
# busy machine must not fail a property. "dev" (the default) explores new examples each run;
# "ci" (set by .ci/run, and whenever CI is set) is derandomised, so a CI run is reproducible;
# "mutation" (set by mutation/run.py) is "ci" with fewer examples, run many times in one
# process, as mutmut does.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.register_profile(
    "mutation",
    parent=settings.get_profile("ci"),
    max_examples=25,
    suppress_health_check=[HealthCheck.differing_executors],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Under mutation testing, start every test with the package's caches empty.

    mutmut imports the tests once, in a process that then forks a child per mutant, and maps
    each function to the tests that call it. What was cached before a test (parsed locales,
    Babel locales, rendered views, the help index, checked plural rules) was computed by the
    unmutated code or by another test: it would hide a mutant from the test, and the test from
    the map.
    """
    if "MUTANT_UNDER_TEST" in os.environ:
        forget_caches()
        # A mutant that loops would otherwise run until mutmut's timeout, minutes later.
        signal.signal(signal.SIGALRM, _hung)
        signal.alarm(HUNG_AFTER)


#: Under mutation testing, a test still running after this many seconds has hung (the slowest
#: test takes about 3 s).
HUNG_AFTER = 30


def _hung(signum: int, frame: object) -> None:
    raise TimeoutError(f"the test ran for more than {HUNG_AFTER} s under a mutant")


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Under mutation testing, stop the clock started for the test."""
    if "MUTANT_UNDER_TEST" in os.environ:
        signal.alarm(0)


#: Under mutation testing, the test files that test each mutated module most directly: they
#: run first, so a mutant is usually killed by its first few tests instead of after hundreds.
FIRST_FOR_MODULE = {
    "_editorial": ("test_editorial",),
    "_format": ("test_format", "test_hours"),
    "_help": ("test_help",),
    "_html": ("test_html",),
    "_i18n": ("test_i18n",),
    "_packs": ("test_pack_", "test_hostile"),
    "_qa": ("test_qa",),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutation testing, run the mutated module's own test files first."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    module = mutant.split(".")[1] if mutant.startswith("sextingsafe.") else ""
    first = FIRST_FOR_MODULE.get(module)
    if first:
        items.sort(key=lambda item: not item.path.name.startswith(first))


def forget_caches() -> None:
    """Empty every cache the package keeps between calls (the bundled content stays loaded)."""
    from sextingsafe import _catalogue, _help, _i18n, _packs

    _i18n._parsed.clear()
    _i18n._babel_locales.clear()
    _i18n._frozen_class = None
    _help._countries = None
    getattr(_packs._plural_fault, "cache_clear", lambda: None)()
    catalogue = _catalogue._default
    if catalogue is not None:
        renderer = catalogue._renderer
        for cache in (renderer._texts, renderer._views, renderer._chains, catalogue._negotiated):
            cache.clear()
        renderer.help_index._index = None


#: The fixture packs.
PACKS = Path(__file__).parent / "packs"
#: The repository root (CI runs the tests from a checkout, against the installed wheel).
ROOT = Path(__file__).parents[1]

#: ``make_pack(source_pack, {relative path: new text or bytes or None (delete)})``.
MakePack = Callable[..., Path]


@pytest.fixture(scope="session")
def example_pack() -> Path:
    """The example pack: one item of each kind and a French catalogue."""
    return PACKS / "example"


@pytest.fixture(scope="session")
def selection_pack() -> Path:
    """The selection pack: items over audiences, topics and places, in fr, ar and pl."""
    return PACKS / "selection"


@pytest.fixture(scope="session")
def example(example_pack: Path) -> sextingsafe.Catalogue:
    """The example pack alone, loaded once for the tests that only read it."""
    return sextingsafe.Catalogue.load(example_pack, include_bundled=False)


@pytest.fixture(scope="session")
def selection(selection_pack: Path) -> sextingsafe.Catalogue:
    """The selection pack alone, loaded once for the tests that only read it."""
    return sextingsafe.Catalogue.load(selection_pack, include_bundled=False)


@pytest.fixture
def make_pack(tmp_path: Path) -> MakePack:
    """Return a factory: copy a fixture pack into ``tmp_path`` and apply edits to its files.

    Each edit maps a path inside the pack to its new content (``str`` is written as UTF-8,
    ``bytes`` as is), or to ``None`` to delete the file.
    A ``str`` value may instead be a ``(old, new)`` pair: a replacement that must match once.
    """
    counter = iter(range(1_000))

    def make(
        source: str = "example",
        edits: dict[str, str | bytes | tuple[str, str] | None] | None = None,
        name: str | None = None,
    ) -> Path:
        target = tmp_path / (name or f"{source}-{next(counter)}")
        shutil.copytree(PACKS / source, target)
        for relative, change in (edits or {}).items():
            path = target / relative
            if change is None:
                path.unlink()
            elif isinstance(change, tuple):
                old, new = change
                text = path.read_text(encoding="utf-8")
                assert text.count(old) == 1, f"{old!r} must occur once in {relative}"
                path.write_text(text.replace(old, new), encoding="utf-8")
            elif isinstance(change, bytes):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(change)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(change, encoding="utf-8")
        return target

    return make


#: Runs ``work(index)`` in *count* threads released at the same moment; returns the results.
RunTogether = Callable[[int, Callable[[int], Any]], list[Any]]


@pytest.fixture
def run_together() -> RunTogether:
    """Return a runner that starts *count* threads at once (a barrier) and fails on any error."""

    def run_all(count: int, work: Callable[[int], Any]) -> list[Any]:
        barrier = threading.Barrier(count)
        results: list[Any] = [None] * count
        errors: list[BaseException] = []

        def run(index: int) -> None:
            try:
                barrier.wait()
                results[index] = work(index)
            except BaseException as error:  # noqa: BLE001 - every error is reported below
                errors.append(error)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [] == errors
        return results

    return run_all
