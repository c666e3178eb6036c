"""The Sphinx extension, built on the small projects under ``tests/roots/``.

Each project is copied to a temporary directory and built with :class:`SphinxTestApp`
(``sphinx.testing``), and the tests read the HTML it writes and the warnings it logs.
The projects that several tests read are built once per module.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sphinx.errors import ConfigError, ExtensionError
from sphinx.testing.util import SphinxTestApp

import sextingsafe

ROOTS = Path(__file__).parent / "roots"
PACKS = Path(__file__).parent / "packs"

#: ``build(root, buildername="html", **SphinxTestApp arguments)``: a built app.
Build = Callable[..., SphinxTestApp]


class Element(NamedTuple):
    """An element of a page: its tag, attributes, text, and the ids of the elements around it."""

    tag: str
    attrs: dict[str, str | None]
    text: str
    within: tuple[str, ...]


class _Elements(HTMLParser):
    VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None], list[str], tuple[str, ...]]] = []
        self.open: list[tuple[str, dict[str, str | None], list[str], tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        around = tuple(e[1]["id"] or "" for e in self.open if e[1].get("id"))
        element: tuple[str, dict[str, str | None], list[str], tuple[str, ...]]
        element = (tag, dict(attrs), [], around)
        self.found.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element[2].append(data)


def elements(html: str, tag: str | None = None, *, within: str = "", **attrs: str) -> list[Element]:
    """Return the elements of *html* with *tag* whose attributes include *attrs*.

    ``class_`` matches one of the element's classes; *within* is the id of an element around.
    """
    parser = _Elements()
    parser.feed(html)
    wanted = {name.rstrip("_"): value for name, value in attrs.items()}
    result = []
    for name, found, text, around in parser.found:
        if (tag is not None and name != tag) or (within and within not in around):
            continue
        classes = (found.get("class") or "").split()
        if all(
            (value in classes) if key == "class" else found.get(key) == value
            for key, value in wanted.items()
        ):
            result.append(Element(name, found, "".join(text), around))
    return result


def one(html: str, tag: str | None = None, *, within: str = "", **attrs: str) -> Element:
    """Return the only element that :func:`elements` finds."""
    found = elements(html, tag, within=within, **attrs)
    assert len(found) == 1, f"{len(found)} elements match {tag} {attrs} within {within!r}"
    return found[0]


def _build(directory: Path, root: str, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Copy the project *root* into *directory* and build it.

    Sphinx keeps some state in docutils' globals (registered nodes and directives); the app
    clears it once built, so that every build starts clean. The tests then read its output.
    """
    srcdir = directory / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    app = SphinxTestApp(buildername, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """Build a copy of a test project."""
    return functools.partial(_build, tmp_path)


def _module_build(root: str) -> Any:
    @pytest.fixture(scope="module")
    def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
        return _build(tmp_path_factory.mktemp(root), root)

    return built


#: The project that shows the bundled content (``test-sextingsafe``).
bundled = _module_build("sextingsafe")
#: The project that shows a pack whose text looks like markup (``test-sextingsafe-pack``).
hostile = _module_build("sextingsafe-pack")
#: The project full of bad input (``test-sextingsafe-warnings``).
bad = _module_build("sextingsafe-warnings")


def page(app: SphinxTestApp, name: str = "index") -> str:
    """Return the HTML of a built page."""
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


class TestSetup:
    """setup() registers the extension and says what it is."""

    def test_metadata(self, bundled: SphinxTestApp) -> None:
        """The extension reports the package's version and that it is safe in parallel."""
        extension = bundled.extensions["sextingsafe.sphinxext"]

        assert sextingsafe.__version__ == extension.version
        assert extension.parallel_read_safe is True
        assert extension.parallel_write_safe is True

    def test_config_defaults(self, bundled: SphinxTestApp) -> None:
        """The configuration values default to English and the bundled content alone."""
        config = bundled.config

        assert (None, [], True) == (
            config.sextingsafe_locale,
            config.sextingsafe_packs,
            config.sextingsafe_include_bundled,
        )

    def test_no_warnings(self, bundled: SphinxTestApp, hostile: SphinxTestApp) -> None:
        """Projects with good input build without a warning (the pack has one ambiguous id)."""
        warnings = hostile.warning.getvalue().splitlines()

        assert "" == bundled.warning.getvalue()
        assert 1 == len(warnings)
        assert "'shared-id' names more than one item (fact, advice): add :kind:" in warnings[0]

    def test_library_imports_no_sphinx(self) -> None:
        """Importing and using the library loads neither Sphinx nor docutils."""
        code = (
            "import sys, sextingsafe; sextingsafe.advice['ask-who-should-see-it'].localize('ar');"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'sphinx', 'docutils'}))"
        )
        result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "[]" == result.stdout.strip()

    def test_directives_and_roles(self, bundled: SphinxTestApp) -> None:
        """The domain's directives and roles are registered under ``sextingsafe:``."""
        domain = bundled.env.get_domain("sextingsafe")

        assert {"item", "list", "resources", "catalogue", "locales", "coverage"} == set(
            domain.directives
        )
        assert {"fact", "quote", "advice", "resource", "term", "question", "script"} == set(
            domain.roles
        )


class TestItemDirective:
    """``sextingsafe:item`` shows one item in full."""

    def test_fact(self, bundled: SphinxTestApp) -> None:
        """A fact shows its statement, caveat, place, period, note and sources, in English."""
        fact = sextingsafe.facts["met-under-14-suspects-2017-2019"]
        block = one(page(bundled), "div", id="fact-met-under-14-suspects-2017-2019")

        assert ("en", "ltr") == (block.attrs["lang"], block.attrs["dir"])
        assert str(fact.statement("en")) in block.text
        assert fact.caveat in block.text
        assert fact.place in block.text
        assert "1 Jan 2017 – 19 Aug 2019" in block.text  # dates by Babel, not ISO
        assert fact.note in block.text
        assert all(source.title in block.text for source in fact.sources)

    def test_undated_source(self, hostile: SphinxTestApp) -> None:
        """A source without a date says so."""
        block = one(page(hostile), "div", id="fact-hostile-fact")

        assert "A page with no date, no date." in block.text

    def test_source_links(self, bundled: SphinxTestApp) -> None:
        """A source's title links to its address, or where it was read when it has none."""
        fact = sextingsafe.facts["met-under-14-suspects-2017-2019"]
        html = page(bundled)
        links = {a.attrs["href"] for a in elements(html, "a", class_="external")}

        assert {s.url or s.via for s in fact.sources} <= links

    def test_arabic(self, bundled: SphinxTestApp) -> None:
        """An item in Arabic is marked right to left, and its unreviewed translation says so."""
        local = sextingsafe.advice["ask-who-should-see-it"].localize("ar")
        html = page(bundled)
        block = one(html, "div", id="advice-ask-who-should-see-it")
        note = one(html, "p", class_="sextingsafe-unreviewed", within=block.attrs["id"] or "")

        assert ("ar", "rtl") == (block.attrs["lang"], block.attrs["dir"])
        assert str(local.title) in block.text
        assert str(local.body) in block.text
        assert str(sextingsafe.label("unreviewed", "ar")) == note.text

    def test_labels_are_in_the_page_language(self, bundled: SphinxTestApp) -> None:
        """Field names inside an Arabic item are Arabic labels, not English marked as English."""
        html = page(bundled)
        english = {span.text for span in elements(html, "span", lang="en", dir="ltr")}

        assert str(sextingsafe.label("topics", "ar")) in html
        assert "Topics" not in english

    def test_quote(self, bundled: SphinxTestApp) -> None:
        """A quote shows its content note first, the original words, then the translation."""
        quote = sextingsafe.quotes["eleanor-none-of-my-friends"]
        local = quote.localize("ar")
        html = page(bundled)
        block = one(html, "div", id="quote-eleanor-none-of-my-friends")
        words, translated = elements(html, "blockquote", within="quote-eleanor-none-of-my-friends")
        box = one(html, "div", class_="sextingsafe-translation")

        assert ("en", "ltr") == (words.attrs["lang"], words.attrs["dir"])
        assert quote.text in words.text
        assert str(local.translation) in translated.text
        assert ("ar", "rtl") == (box.attrs["lang"], box.attrs["dir"])
        assert str(sextingsafe.label("unreviewed", "ar")) in box.text
        assert block.text.index(str(local.content_note)) < block.text.index(quote.text)

    def test_pseudonym(self, bundled: SphinxTestApp) -> None:
        """A speaker quoted under a pseudonym is flagged as such."""
        speaker = one(page(bundled), "p", class_="sextingsafe-speaker")

        assert f"Eleanor ({sextingsafe.label('pseudonym', 'ar')})" in speaker.text

    def test_fallback(self, bundled: SphinxTestApp) -> None:
        """In a locale without a translation the item is English and says it is not translated."""
        html = page(bundled)
        block = one(html, "div", id="advice-ask-who-should-see-it-ja")
        note = one(html, "p", class_="sextingsafe-fallback")

        assert ("en", "ltr") == (block.attrs["lang"], block.attrs["dir"])
        assert sextingsafe.advice["ask-who-should-see-it"].title in block.text
        assert str(sextingsafe.label("not-translated", "ja")) == note.text

    def test_reviewed_translation_is_not_flagged(self, hostile: SphinxTestApp) -> None:
        """Only unreviewed texts make an item say it is unreviewed; a quote's words are labelled.

        The hostile pack's advice has a reviewed body but an unreviewed title: it is flagged.
        Its English items are the source texts: they are not.
        """
        html = page(hostile)
        english = one(html, "div", id="advice-hostile-advice")
        arabic = one(html, "div", id="advice-hostile-advice-ar")

        assert "not yet reviewed" not in english.text
        assert "Machine-quality translation, not yet reviewed by a person" in arabic.text

    def test_kind(self, hostile: SphinxTestApp) -> None:
        """``:kind:`` picks one of two items with the same id."""
        block = one(page(hostile), "div", id="advice-shared-id")

        assert "An advice item whose id is also a fact's id" in block.text

    def test_unknown_id(self, bad: SphinxTestApp) -> None:
        """An unknown id is a warning naming it, with the closest ids; the page is still built."""
        warnings = bad.warning.getvalue()

        assert "index.rst:4: WARNING: sextingsafe:item: no item with id 'no-such-item'" in warnings
        assert "did you mean 'ask-who-should-see-it'?" in warnings
        assert "The build goes on" in page(bad)


class TestEscaping:
    """Text from a content pack is text: nothing in it becomes markup."""

    def test_no_markup(self, hostile: SphinxTestApp) -> None:
        """Every tag in the pack's text is escaped in the HTML, in every field and locale."""
        html = page(hostile)

        for raw in (
            "<script>alert(",
            "<img",
            "<b>bold",
            "<i>Smith",
            "<em>markup",
            "<blink>",
            "<a href='",
        ):
            assert raw not in html
        assert "&lt;script&gt;alert('fact')&lt;/script&gt;" in html
        # In Arabic text the Latin runs are isolated in spans of their own: read the text.
        assert "&lt;script&gt;alert('ar')&lt;/script&gt;" in re.sub(r"<[^>]*>", "", html)
        assert "Line &lt;script&gt;alert('name')&lt;/script&gt;" in html
        assert not elements(html, "a", href="https://evil.example")

    def test_attribute(self, hostile: SphinxTestApp) -> None:
        """A source's address is escaped in the attribute it is written in, and kept whole."""
        html = page(hostile)
        links = elements(html, "a", class_="external")

        assert "https://example.org/a?b=1&c='2'" in {link.attrs["href"] for link in links}
        assert "href=\"https://example.org/a?b=1&amp;c='2'\"" in html

    def test_not_restructuredtext(self, hostile: SphinxTestApp) -> None:
        """Text that looks like reStructuredText is shown as written, not interpreted."""
        block = one(page(hostile), "div", id="fact-hostile-fact")

        assert "**not bold**" in block.text
        assert "Place .. raw:: html" in block.text
        assert "Population :sextingsafe:fact:`hostile-fact`" in block.text
        assert "Note |substitution| and `literal` and [1]_" in block.text

    def test_verbatim_quote(self, hostile: SphinxTestApp) -> None:
        """A quote keeps its straight quotes and apostrophes: no "smart" quotes."""
        words = elements(page(hostile), "blockquote", class_="sextingsafe-words")[0]

        assert "They said \"<script>alert('quote')</script>\" and I didn't reply." in words.text


class TestListDirective:
    """``sextingsafe:list`` shows the items that select() returns, in order."""

    def test_filters(self, bundled: SphinxTestApp) -> None:
        """The filters are select()'s: the same items, in the same order."""
        expected = sextingsafe.advice.select(audience="young-people", topic="before-sending")
        shown = elements(
            page(bundled, "more"), "div", class_="sextingsafe", within="advice-before-sending"
        )

        assert [f"advice-{a.id}" for a in expected] == [b.attrs["id"] for b in shown]

    def test_group_by(self, bundled: SphinxTestApp) -> None:
        """Grouped items are shown in full once, in their first group, and pointed to elsewhere."""
        items = sextingsafe.advice.select(audience="parents-carers")
        html = page(bundled, "more")
        around = "advice-for-parents-and-professionals"
        shown = elements(html, "div", class_="sextingsafe", within=around)
        pointers = elements(html, "p", class_="sextingsafe-see", within=around)
        groups = {s.attrs["id"] for s in elements(html, "section", within=around)}
        homes = {f"advice-{item.audiences[0].value}-{item.topics[0].value}" for item in items}
        places = sum(len(item.audiences) * len(item.topics) for item in items)

        assert len(items) == len(shown)
        assert places - len(items) == len(pointers)
        assert homes <= groups
        for block in shown:
            assert any(home in block.within for home in homes), block.attrs["id"]

    def test_brief(self, bundled: SphinxTestApp) -> None:
        """Brief items name their sources and link to the full entry shown elsewhere."""
        html = page(bundled, "more")
        block = one(html, "div", id="resource-childline-gb-ar")
        details = one(html, "a", class_="sextingsafe-details", href="#resource-childline-gb")

        assert ("ar", "rtl") == (block.attrs["lang"], block.attrs["dir"])
        assert "NSPCC Learning" in block.text
        assert details.text in block.text

    def test_bad_filter(self, bad: SphinxTestApp) -> None:
        """A filter value out of its set, or an unknown id, is a warning that names it."""
        warnings = bad.warning.getvalue()

        assert "sextingsafe:list: invalid audience 'teenagers': expected one of" in warnings
        assert "sextingsafe:list: invalid speaker 'nobody-at-all'" in warnings

    def test_bad_option(self, bad: SphinxTestApp) -> None:
        """A filter that does not apply, an unknown kind or grouping is a warning."""
        warnings = bad.warning.getvalue()

        assert ":speaker: does not filter advice" in warnings
        assert "unknown collection 'tips'" in warnings
        assert "cannot group facts by 'colour'" in warnings


class TestResourcesDirective:
    """``sextingsafe:resources`` shows the help resources for a country."""

    def test_country(self, bundled: SphinxTestApp) -> None:
        """The country's resources, as select() returns them."""
        expected = sextingsafe.resources.select(country="GB", kind="helpline", worldwide=False)
        shown = elements(
            page(bundled, "more"), "div", class_="sextingsafe", within="help-in-the-uk"
        )

        assert [f"resource-{r.id}" for r in expected] == [b.attrs["id"] for b in shown]

    def test_phone_links(self, hostile: SphinxTestApp) -> None:
        """Phone numbers are tel: links, text numbers sms: and addresses mailto:.

        A channel value that is not a number or an https:// page is rejected when the pack loads
        (see test_model), so no other scheme can reach a link.
        """
        html = page(hostile)
        hrefs = {a.attrs["href"] for a in elements(html, "a")}

        assert {"tel:0800123456", "sms:85258", "https://example.org/words"} <= hrefs
        assert any(href and href.startswith("mailto:") for href in hrefs)

    def test_phone_links_from_e164(self, bundled: SphinxTestApp) -> None:
        """Where the content knows the E.164 number, the tel: link dials it, as the HTML does."""
        hrefs = {a.attrs["href"] for a in elements(page(bundled, "more"), "a")}

        assert "tel:+448088005000" in hrefs
        assert "tel:08088005000" not in hrefs

    def test_partial(self, hostile: SphinxTestApp) -> None:
        """A resource whose details are not all confirmed says so."""
        block = one(page(hostile), "div", id="resource-hostile-line")

        assert str(sextingsafe.label("partial")) in block.text

    def test_correction_link(self, bundled: SphinxTestApp) -> None:
        """After the country's help comes the link to report a wrong number or text."""
        html = page(bundled, "more")
        paragraph = one(html, "p", class_="sextingsafe-correction", within="help-in-the-uk")
        links = elements(html, "a", within="help-in-the-uk", href=sextingsafe.CORRECTION_URL)

        assert "Report a wrong number or text" == paragraph.text.strip()
        assert ["Report a wrong number or text"] == [a.text.strip() for a in links]

    def test_bad_country(self, bad: SphinxTestApp) -> None:
        """A code that is no country is a warning naming it."""
        assert "sextingsafe:resources: invalid country 'XX'" in bad.warning.getvalue()


class TestLocale:
    """``:locale:`` and ``sextingsafe_locale``."""

    def test_bad_locale(self, bad: SphinxTestApp) -> None:
        """A malformed ``:locale:`` is a warning quoting it; the directive shows nothing."""
        assert "sextingsafe:item: invalid locale 'not a locale!'" in bad.warning.getvalue()

    def test_default_locale(self, build: Build) -> None:
        """``sextingsafe_locale`` is the locale of directives without ``:locale:``."""
        app = build("sextingsafe", confoverrides={"sextingsafe_locale": "pl"})
        block = one(page(app), "div", id="fact-met-under-14-suspects-2017-2019")

        assert "pl" == block.attrs["lang"]
        assert str(sextingsafe.facts["met-under-14-suspects-2017-2019"].statement("pl")) in (
            block.text
        )

    def test_bad_default_locale(self, tmp_path: Path) -> None:
        """A malformed ``sextingsafe_locale`` stops the build with a configuration error."""
        with pytest.raises(ConfigError, match="sextingsafe_locale: invalid locale 'en_!'"):
            _build(tmp_path, "sextingsafe", confoverrides={"sextingsafe_locale": "en_!"})


class TestPacks:
    """``sextingsafe_packs`` and ``sextingsafe_include_bundled``."""

    def test_relative_path(self, hostile: SphinxTestApp) -> None:
        """Pack paths are relative to conf.py; without the bundled pack only the pack shows."""
        assert [str(Path(hostile.confdir) / "pack")] == hostile.config.sextingsafe_packs
        assert "sextingsafe.sphinxext" in hostile.extensions

    def test_bad_pack(self, tmp_path: Path) -> None:
        """A pack with problems stops the build with every problem, by file and line."""
        broken = {"sextingsafe_packs": [str(PACKS / "broken")]}
        with pytest.raises(ExtensionError) as raised:
            _build(tmp_path, "sextingsafe", confoverrides=broken)

        assert "sextingsafe_packs: content pack" in str(raised.value)
        assert isinstance(raised.value.orig_exc, sextingsafe.PackError)
        assert all(str(p) in str(raised.value) for p in raised.value.orig_exc.problems)


class TestRoles:
    """The roles link to items that the project shows."""

    def test_link(self, bundled: SphinxTestApp) -> None:
        """A role links to the item, with its name as the text unless one is given.

        An advice item's link to a resource prefers the resource in the advice's locale.
        """
        html = page(bundled)
        childline = {
            (a.attrs["href"], a.text) for a in elements(html, "a", title="resource childline-gb")
        }
        fact = one(html, "a", title="fact met-under-14-suspects-2017-2019")

        assert {
            ("more.html#resource-childline-gb", "Childline"),
            ("more.html#resource-childline-gb-ar", "Childline"),
        } == childline
        assert ("#fact-met-under-14-suspects-2017-2019", "353 children") == (
            fact.attrs["href"],
            fact.text,
        )

    def test_locale(self, bundled: SphinxTestApp) -> None:
        """``id@locale`` links to the item in that locale."""
        link = one(page(bundled), "a", title="advice ask-who-should-see-it@ar")

        assert "#advice-ask-who-should-see-it" == link.attrs["href"]

    def test_other_page(self, bundled: SphinxTestApp) -> None:
        """A link from another page goes to the page that shows the item."""
        link = one(page(bundled, "more"), "a", title="fact met-under-14-suspects-2017-2019")

        assert "index.html#fact-met-under-14-suspects-2017-2019" == link.attrs["href"]

    def test_unknown(self, bad: SphinxTestApp) -> None:
        """An id the project does not show is a warning naming it."""
        assert "no fact with id 'no-such-fact' is shown in this project" in bad.warning.getvalue()

    def test_duplicate(self, bad: SphinxTestApp) -> None:
        """Showing an item twice in one locale is a warning that suggests ``:no-index:``."""
        warnings = bad.warning.getvalue()

        assert "duplicate target for resource 'childline-gb' in locale en" in warnings

    def test_inventory(self, bundled: SphinxTestApp) -> None:
        """The targets are in objects.inv: by id in the default locale, else as ``id@locale``."""
        objects = {
            (name, kind, priority)
            for name, _, kind, _, _, priority in bundled.env.get_domain("sextingsafe").get_objects()
        }

        assert ("childline-gb", "resource", 1) in objects
        assert ("ask-who-should-see-it@ar", "advice", -1) in objects


class TestParallel:
    """The extension keeps its promise of being safe to read and write in parallel."""

    # Sphinx forks its workers; Python 3.12+ warns about forking while another thread runs.
    @pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
    def test_parallel_build(self, build: Build) -> None:
        """Read and written by two processes, every page links to the items on the others."""
        app = build("sextingsafe-parallel", parallel=2)
        pages = sorted(Path(app.srcdir).glob("page-*.rst"))

        assert "" == app.warning.getvalue()
        assert 7 == len(pages)
        for number in range(1, 8):
            html = page(app, f"page-{number}")
            following = f"page-{number % 7 + 1}.html#advice-"
            assert any(
                (a.attrs["href"] or "").startswith(following)
                for a in elements(html, "a", class_="internal")
            ), number


class TestOtherBuilders:
    """Builders other than HTML show the same content without lang and dir."""

    def test_text(self, build: Build) -> None:
        """The text builder writes the item's text."""
        app = build("sextingsafe", "text")
        text = (app.outdir / "index.txt").read_text(encoding="utf-8")

        assert "" == app.warning.getvalue()
        assert str(sextingsafe.facts["met-under-14-suspects-2017-2019"].statement("en")) in (
            " ".join(text.split())
        )


class TestLocalesDirective:
    """``.. sextingsafe:locales::`` lists each locale with its coverage, partial ones as such."""

    def test_partial_locale(self, tmp_path: Path) -> None:
        """A pack's partly translated Swedish is listed as partial, the source as the source."""
        srcdir = tmp_path / "locales"
        folder = srcdir / "pack" / "locale" / "sv" / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (srcdir / "pack" / "pack.toml").write_text('name = "sv-start"\n', encoding="utf-8")
        (folder / "sextingsafe.po").write_text(
            'msgid ""\nmsgstr ""\n"Language: sv\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
            'msgctxt "ui:sources"\nmsgid "Sources"\nmsgstr "Källor"\n',
            encoding="utf-8",
        )
        (srcdir / "conf.py").write_text(
            'extensions = ["sextingsafe.sphinxext"]\nsextingsafe_packs = ["pack"]\n',
            encoding="utf-8",
        )
        (srcdir / "index.rst").write_text(
            "Locales\n=======\n\n.. sextingsafe:locales::\n", encoding="utf-8"
        )
        app = SphinxTestApp("html", srcdir=srcdir)
        try:
            app.build()
        finally:
            app.cleanup()
        items = {e.text.split(" — ")[0].strip(): e.text for e in elements(page(app), "li")}

        assert ": partial, 1 of " in items["Swedish"]
        assert "the source language" in items["English"]
