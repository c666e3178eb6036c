"""Threads: many threads touching cold content at once get exactly what one thread gets.

The lazy, module-level catalogue can only be cold once per process, so the first-touch test
runs in a fresh interpreter, where it also counts how often content and catalogues are read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import sextingsafe
from sextingsafe import Catalogue, LocalizedText

#: The type of the ``run_together`` fixture in tests/conftest.py.
RunTogether = Callable[[int, Callable[[int], Any]], list[Any]]

THREADS = 16

#: Run in a fresh interpreter: wrap the loaders with counters, then release THREADS threads
#: at once (or run the same work in one thread) and print what each saw, as JSON.
FIRST_TOUCH = r"""
import json, os, sys, threading
from collections import Counter

mode, locales = sys.argv[1], json.loads(sys.argv[2])
sys.setswitchinterval(1e-5)  # switch threads often, to give races every chance
counts = Counter()
lock = threading.Lock()

def count(key):
    with lock:
        counts[key] += 1

# Count calls by qualified name, wherever the functions live: a profile hook sees every call.
COUNTED = {
    "read_pack": "path",
    "build": None,
    "CatalogStore._load": "name",
    "MessageCatalog.from_po": "locale",
    "MessageCatalog.from_mo": "locale",
}

def profile(frame, event, arg):
    if event != "call":
        return
    code = frame.f_code
    if code.co_qualname in COUNTED and "sextingsafe" in code.co_filename:
        argument = COUNTED[code.co_qualname]
        value = frame.f_locals.get(argument) if argument else ""
        if code.co_qualname == "read_pack":
            value = os.path.basename(os.path.normpath(os.fspath(value)))
        count((code.co_qualname, str(value)))

sys.setprofile(profile)
threading.setprofile(profile)
assert "sextingsafe" not in sys.modules, "sextingsafe is already imported"
import sextingsafe as ss

assert not counts, "importing sextingsafe read content"

def shown(text):
    if text is None:
        return None
    return [str(text), text.locale, text.requested, text.is_fallback, text.review.value,
            text.direction, text.__html__()]

def work(locale):
    out = []
    for advice in ss.advice.values():
        view = advice.localize(locale)
        out += [shown(view.title), shown(view.body)]
        out += [shown(r.description) for r in view.resources]
    for fact in ss.facts.values():
        view = fact.localize(locale)
        out += [shown(view.statement), shown(view.place), shown(view.caveat)]
    for quote in ss.quotes.values():
        view = quote.localize(locale)
        out += [shown(view.text), shown(view.translation), shown(view.role)]
    for resource in ss.resources.values():
        view = resource.localize(locale)
        out += [shown(view.description), shown(view.hours)]
    for occasion in ss.occasions.values():
        out.append(shown(occasion.localized_field("name", locale)))
    out.append(shown(ss.label("where-to-get-help", locale)))
    out += [shown(ss.label("places-to-get-help", locale, count=n)) for n in (1, 2, 5, 22)]
    out.append(str(ss.negotiate(locale.replace("_", "-") + ", en;q=0.1")))
    out.append([ids for ids in (len(ss.advice), len(ss.facts), len(ss.resources))])
    return out

from sextingsafe import _catalogue

assert not counts, "content was read before the threads started"
results, catalogues, errors = {}, set(), []
barrier = threading.Barrier(len(locales))

def run(locale):
    try:
        barrier.wait()
        results[locale] = work(locale)
        catalogues.add(id(_catalogue.default_catalogue()))
    except BaseException as error:
        errors.append(repr(error))

if mode == "threads":
    threads = [threading.Thread(target=run, args=(locale,)) for locale in locales]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
else:
    for locale in locales:
        results[locale] = work(locale)
        catalogues.add(id(_catalogue.default_catalogue()))
sys.setprofile(None)

print(json.dumps({
    "results": results,
    "errors": errors,
    "catalogues": len(catalogues),
    "counts": [[kind, name, n] for (kind, name), n in sorted(counts.items())],
}))
"""


def shipped_locales() -> list[str]:
    """The locales with a bundled catalogue (the directories under the package's locale/)."""
    folder = Path(sextingsafe.__file__).parent / "locale"
    return sorted(
        name
        for name in os.listdir(folder)
        if (folder / name / "LC_MESSAGES").is_dir()
        and any((folder / name / "LC_MESSAGES").glob("sextingsafe.*o"))
    )


def sixteen_locales() -> list[str]:
    """English and fifteen shipped locales, one for each thread (repeating if there are fewer)."""
    shipped = shipped_locales()
    assert shipped, "no bundled catalogues"
    return ["en", *(shipped * THREADS)[: THREADS - 1]]


def first_touch(mode: str, locales: list[str]) -> dict[str, Any]:
    """Run the first-touch script in a fresh interpreter; return what it printed."""
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", FIRST_TOUCH, mode, json.dumps(locales)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert 0 == done.returncode, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def threaded() -> dict[str, Any]:
    """Sixteen threads, each in its own locale, first touching the bundled content at once."""
    return first_touch("threads", sixteen_locales())


@pytest.fixture(scope="module")
def alone() -> dict[str, Any]:
    """The same work, in one thread, in another fresh interpreter."""
    return first_touch("single", sixteen_locales())


class TestFirstTouch:
    """Sixteen threads touching the lazy bundled catalogue for the first time, at once."""

    def test_no_errors(self, threaded: dict[str, Any]) -> None:
        """No thread raises, and every thread finishes its work."""
        assert [] == threaded["errors"]
        assert sorted(set(sixteen_locales())) == sorted(threaded["results"])

    def test_same_as_one_thread(self, threaded: dict[str, Any], alone: dict[str, Any]) -> None:
        """Each thread gets exactly what a single thread gets, text, locale, flags and HTML."""
        for locale in sixteen_locales():
            assert alone["results"][locale] == threaded["results"].get(locale), locale

    def test_one_catalogue(self, threaded: dict[str, Any]) -> None:
        """Every thread sees the same default catalogue object."""
        assert 1 == threaded["catalogues"]

    def test_content_read_once(self, threaded: dict[str, Any]) -> None:
        """The bundled pack is read once and built once, however many threads wanted it."""
        counts = {(kind, name): n for kind, name, n in threaded["counts"]}

        assert 1 == counts[("read_pack", "content")]
        assert 1 == counts[("build", "")]
        assert [] == [key for key, n in counts.items() if key[0] == "read_pack" and n != 1]

    def test_catalogues_read_once(self, threaded: dict[str, Any], alone: dict[str, Any]) -> None:
        """Each locale's catalogues are read once, and the same ones as by a single thread."""
        counts = Counter({(kind, name): n for kind, name, n in threaded["counts"]})
        once = Counter({(kind, name): n for kind, name, n in alone["counts"]})

        loaded = {name for kind, name in counts if kind == "CatalogStore._load"}

        assert [] == [key for key, n in counts.items() if n != 1]
        assert set(sixteen_locales()) - {"en"} <= loaded
        assert loaded == {name for kind, name in counts if kind.startswith("MessageCatalog.from_")}
        assert once == counts


def rendered(catalogue: Catalogue, locale: str) -> list[Any]:
    """Every advice text and fact statement of *catalogue* in *locale*, as shown."""
    texts: list[LocalizedText] = []
    for advice in catalogue.advice.values():
        view = advice.localize(locale)
        texts += [view.title, view.body]
    texts += [fact.statement(locale) for fact in catalogue.facts.values()]
    return [(str(t), t.locale, t.is_fallback, t.review, t.direction) for t in texts]


class TestFreshCatalogue:
    """A fresh Catalogue, loaded in this process, used from sixteen threads at once."""

    def test_locales_at_once(
        self, monkeypatch: pytest.MonkeyPatch, run_together: RunTogether
    ) -> None:
        """Each thread renders its own locale; results match one thread; each locale read once."""
        counts: Counter[str] = Counter()
        lock = threading.Lock()
        locales = sixteen_locales()
        expected = {locale: rendered(Catalogue.load(), locale) for locale in locales}
        catalogue = Catalogue.load()
        store = type(catalogue.store)
        load = store._load

        def counted(self: Any, name: str) -> Any:
            with lock:
                counts[name] += 1
            return load(self, name)

        monkeypatch.setattr(store, "_load", counted)

        results = run_together(THREADS, lambda i: rendered(catalogue, locales[i]))

        assert [expected[locale] for locale in locales] == results
        assert dict.fromkeys(counts, 1) == dict(counts)
        assert set(locales) - {"en"} <= set(counts)

    def test_one_text_at_once(self, run_together: RunTogether) -> None:
        """Sixteen threads asking for one text get equal texts; afterwards it is one object."""
        catalogue = Catalogue.load()
        fact = next(iter(catalogue.facts.values()))

        results = run_together(THREADS, lambda _: fact.statement("pl"))

        assert 1 == len({(str(t), t.locale, t.review, t.is_fallback) for t in results})
        assert fact.statement("pl") is fact.statement("pl")
        assert fact.statement("pl") == results[0]
