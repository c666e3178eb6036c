"""The documentation site as a reader sees it: built, served, and opened in headless Chromium.

The docs are built from ``docs/`` the way CI builds them, served on localhost, and two pages are
loaded in Chromium (Debian's ``chromium`` package, which ``.ci/run`` installs): a catalogue
page, and the catalogue in Arabic, which must read right to left. The tests read the DOM that
Chromium ends up with, after the theme's scripts have run.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import sextingsafe

ROOT = Path(__file__).parents[1]
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: What must never reach a reader: directive and role syntax, markup shown as text, characters
#: lost to a wrong encoding, and the messages docutils leaves in a page it could not parse.
RAW = (
    ".. sextingsafe",
    ":sextingsafe:",
    "<span",
    "<div",
    "&lt;",
    "&gt;",
    "??",
    "\ufffd",
    "System Message",
    "Unknown directive",
    "Unknown interpreted text role",
)


class Element(NamedTuple):
    """An element of the DOM: its tag, attributes, text, and the tags of the elements around it."""

    tag: str
    attrs: dict[str, str | None]
    text: str
    within: tuple[str, ...]


class Page(NamedTuple):
    """A page as Chromium rendered it: the DOM's HTML, the visible text, and the elements."""

    html: str
    text: str
    elements: list[Element]

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Return the elements with *tag* whose attributes include *attrs* (``class_``: a class)."""
        wanted = {name.rstrip("_"): value for name, value in attrs.items()}
        return [
            e
            for e in self.elements
            if e.tag == tag
            and all(
                value in (e.attrs.get("class") or "").split()
                if key == "class"
                else e.attrs.get(key) == value
                for key, value in wanted.items()
            )
        ]


class _DOM(HTMLParser):
    VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "source", "wbr"})
    HIDDEN = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None], list[str], tuple[str, ...]]] = []
        self.open: list[tuple[str, dict[str, str | None], list[str], tuple[str, ...]]] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element: tuple[str, dict[str, str | None], list[str], tuple[str, ...]]
        element = (tag, dict(attrs), [], tuple(e[0] for e in self.open))
        self.found.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if any(e[0] in self.HIDDEN for e in self.open):
            return
        self.visible.append(data)
        for element in self.open:
            element[2].append(data)


def parse(html: str) -> Page:
    """Return *html* as a :class:`Page`."""
    dom = _DOM()
    dom.feed(html)
    found = [Element(tag, attrs, "".join(text), within) for tag, attrs, text, within in dom.found]
    return Page(html, "".join(dom.visible), found)


@pytest.fixture(scope="module")
def chromium() -> str:
    """The Chromium executable; its absence fails the tests (tools are never optional)."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail(
            "chromium is not installed: .ci/run installs Debian's chromium package "
            "(apt-get install chromium); install it to run these tests"
        )
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation, built as CI builds it (nitpicky, warnings as errors)."""
    out = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "sphinx", "-q", "-n", "-W", "--keep-going", "-b", "html"]
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [*command, "docs", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode:
        pytest.fail(f"the docs build failed:\n{done.stderr}")
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Log nothing: the tests report what matters."""


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The built site, served over HTTP on a free port of 127.0.0.1; yields its address."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def open_page(
    chromium: str, server: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Page]:
    """``open_page(path)``: load a page of the site in headless Chromium and return its DOM."""
    pages: dict[str, Page] = {}

    def open_page(path: str) -> Page:
        if path not in pages:
            profile = tmp_path_factory.mktemp("chromium-profile")
            done = subprocess.run(  # noqa: S603 - the installed browser, fixed arguments
                [
                    chromium,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    "--dump-dom",
                    f"{server}/{path}",
                ],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
            assert 0 == done.returncode, done.stderr
            pages[path] = parse(done.stdout)
        return pages[path]

    return open_page


@pytest.fixture(scope="module")
def advice_page(open_page: Callable[[str], Page]) -> Page:
    """catalogue/advice.html as Chromium shows it."""
    return open_page("catalogue/advice.html")


@pytest.fixture(scope="module")
def arabic(open_page: Callable[[str], Page]) -> Page:
    """catalogue/locales/ar.html as Chromium shows it."""
    return open_page("catalogue/locales/ar.html")


def _check_no_raw_markup(page: Page) -> None:
    for raw in RAW:
        assert raw not in page.text, f"{raw!r} is shown to the reader"
    for element in page.elements:
        classes = (element.attrs.get("class") or "").split()
        if "xref" in classes:
            # A resolved reference is a link; an unresolved one is left as a bare span.
            assert "a" in element.within, f"unresolved reference: {element.text!r}"


class TestCataloguePage:
    """A catalogue page: the English advice, by audience and topic."""

    def test_title(self, advice_page: Page) -> None:
        """The window title is the page's, then the site's."""
        title = advice_page.find("title")[0].text

        assert title.startswith("Advice - sextingsafe")

    def test_items(self, advice_page: Page) -> None:
        """Every advice item is on the page, with its title and its text."""
        blocks = advice_page.find("div", class_="sextingsafe-advice")
        item = sextingsafe.advice["ask-who-should-see-it"]
        block = next(b for b in blocks if b.attrs["id"] == "advice-ask-who-should-see-it")

        assert len(sextingsafe.advice) == len(blocks)
        assert item.title in block.text
        assert item.body in " ".join(block.text.split())
        assert ("en", "ltr") == (block.attrs["lang"], block.attrs["dir"])

    def test_sections(self, advice_page: Page) -> None:
        """The items are in sections by audience, then topic."""
        headings = {h.text.rstrip("¶#") for h in advice_page.find("h2")}

        assert {"Young people", "Parents and carers", "Professionals"} <= headings

    def test_no_raw_markup(self, advice_page: Page) -> None:
        """Nothing on the page is markup shown as text, or a reference left unresolved."""
        _check_no_raw_markup(advice_page)


class TestRightToLeftPage:
    """The catalogue in Arabic reads right to left."""

    def test_title(self, arabic: Page) -> None:
        """The window title names the language."""
        assert arabic.find("title")[0].text.startswith("Arabic (ar) - sextingsafe")

    def test_direction(self, arabic: Page) -> None:
        """Every item is marked as Arabic, right to left."""
        blocks = arabic.find("div", class_="sextingsafe")
        expected = len(sextingsafe.facts) + len(sextingsafe.quotes)
        expected += len(sextingsafe.advice) + len(sextingsafe.resources)
        expected += len(sextingsafe.glossary) + len(sextingsafe.faq) + len(sextingsafe.scripts)

        assert expected == len(blocks)
        assert {("ar", "rtl")} == {(b.attrs["lang"], b.attrs["dir"]) for b in blocks}

    def test_items(self, arabic: Page) -> None:
        """The items' Arabic text is on the page, and says that no person has reviewed it."""
        local = sextingsafe.advice["ask-who-should-see-it"].localize("ar")
        block = next(
            b
            for b in arabic.find("div", class_="sextingsafe-advice")
            if b.attrs["id"] == "advice-ask-who-should-see-it"
        )

        assert str(local.title) in block.text
        assert str(local.body) in block.text
        assert str(sextingsafe.label("unreviewed", "ar")) in block.text

    def test_original_words(self, arabic: Page) -> None:
        """A quote keeps its English words, marked left to right, beside the translation."""
        quote = sextingsafe.quotes["eleanor-none-of-my-friends"]
        words = [
            q
            for q in arabic.find("blockquote", class_="sextingsafe-words")
            if q.attrs.get("lang") == "en"
        ]

        assert any(quote.text in " ".join(q.text.split()) for q in words)
        assert {"ltr"} == {q.attrs["dir"] for q in words}

    def test_no_raw_markup(self, arabic: Page) -> None:
        """Nothing on the page is markup shown as text, or a reference left unresolved."""
        _check_no_raw_markup(arabic)
