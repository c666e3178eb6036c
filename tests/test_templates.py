"""The Flask and Django examples: localised, escaped, with lang and dir, hostile text inert."""

from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

import sextingsafe as ss

EXAMPLES = Path(__file__).parents[1] / "examples"
#: The tags the HTML renderer itself writes; any other tag on a page came from content.
RENDERER_TAGS = {
    "a", "article", "bdi", "blockquote", "cite", "div", "figcaption", "figure", "h3", "h4", "li",
    "ol", "p", "section", "span", "strong", "time", "ul",
}  # fmt: skip
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


class Page(HTMLParser):
    """The start tags (with their attributes) and the text runs of an HTML fragment."""

    def __init__(self) -> None:
        """Start with nothing seen."""
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []
        self.text: list[str] = []

    @classmethod
    def parse(cls, html: str) -> Page:
        """Parse *html*; a comment or declaration in it fails the test."""
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a tag and its attributes."""
        self.tags.append((tag, [(name, value or "") for name, value in attrs]))

    def handle_data(self, data: str) -> None:
        """Record a run of text."""
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        """A comment can only have come from content."""
        pytest.fail(f"a comment on the page: {data!r}")

    def handle_decl(self, decl: str) -> None:
        """A declaration can only have come from content."""
        pytest.fail(f"a declaration on the page: {decl!r}")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def flask_app() -> ModuleType:
    """The Flask example, imported from its file."""
    return _load("sextingsafe_example_flask", EXAMPLES / "flask_app.py")


@pytest.fixture(scope="module")
def django_app() -> ModuleType:
    """The Django example, imported from its package."""
    return _load("sextingsafe_example_django", EXAMPLES / "django_app" / "__init__.py")


@pytest.fixture
def hostile(tmp_path: Path, example_pack: Path) -> ss.Catalogue:
    """A pack whose only young-people tip and GB resource carry markup and script."""
    pack = tmp_path / "hostile"
    pack.mkdir()
    for name in ("sources.toml",):
        (pack / name).write_text(
            (example_pack / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    text = HOSTILE.replace('"', '\\"')
    (pack / "resources.toml").write_text(
        (example_pack / "resources.toml")
        .read_text(encoding="utf-8")
        .replace('name = "Example Line"', f'name = "{text}"'),
        encoding="utf-8",
    )
    (pack / "advice.toml").write_text(
        (example_pack / "advice.toml")
        .read_text(encoding="utf-8")
        .replace('title = "Talk to someone you trust"', f'title = "{text}"'),
        encoding="utf-8",
    )
    return ss.Catalogue.load(pack, include_bundled=False)


class TestFlask:
    """The Flask page: the reader's language, the country's resources, everything escaped."""

    def test_arabic_page(self, flask_app: ModuleType) -> None:
        """An Arabic Accept-Language header gives an Arabic, right-to-left page."""
        client = flask_app.create_app().test_client()

        page = client.get("/?country=GB", headers={"Accept-Language": "ar,en;q=0.5"}).get_data(
            as_text=True
        )

        assert '<html lang="ar" dir="rtl">' in page
        assert str(ss.label("where-to-get-help", "ar")) in page
        # The tip changes daily, and so do the needs it resolves: some GB or worldwide service.
        assert any(r.name in page for r in ss.resources.select(country="GB"))

    def test_country_resources(self, flask_app: ModuleType) -> None:
        """The page lists the tip's help for the country asked for, and no other country's."""
        client = flask_app.create_app().test_client()
        tip = ss.advice.tip(audience="young-people", jurisdiction="FR")
        shown = [r.resource for r in tip.localize("fr", country="FR").resources]

        page = client.get("/?country=FR", headers={"Accept-Language": "fr"}).get_data(as_text=True)

        assert shown
        for resource in shown:
            assert resource.name.replace("'", "&#39;") in page
        names = {r.name for r in shown}
        foreign = [r for r in ss.resources.values() if r.countries and "FR" not in r.countries]
        assert [] == [r.id for r in foreign if r.name not in names and r.name in page]

    def test_bad_header_and_country_do_not_crash(self, flask_app: ModuleType) -> None:
        """A malformed header and an unknown country give an English page of worldwide help.

        Never another country's numbers: the notice asks for the country instead.
        """
        client = flask_app.create_app().test_client()

        response = client.get("/?country=XX", headers={"Accept-Language": "%%%"})
        page = response.get_data(as_text=True)

        assert 200 == response.status_code
        assert '<html lang="en" dir="ltr">' in page
        assert '<p class="notice">' in page
        assert "Childline" not in page
        assert "<strong>" in page
        for resource in ss.resources.values():
            if not resource.worldwide:
                assert f"<strong>{resource.name}</strong>" not in page

    def test_hostile_text_is_inert(self, flask_app: ModuleType, hostile: ss.Catalogue) -> None:
        """Markup and script in a pack's text are shown as text, never run."""
        page = (
            flask_app.create_app(hostile).test_client().get("/?country=GB").get_data(as_text=True)
        )

        assert "<script>" not in page
        assert "&lt;script&gt;" in page
        assert "<b>bold</b>" not in page


class TestDjango:
    """The Django template: the same guarantees through Django's autoescaping."""

    def test_polish_page(self, django_app: ModuleType) -> None:
        """A Polish reader gets Polish text with lang and dir on every localised element."""
        page = django_app.render_tip("pl-PL,pl;q=0.9", "PL")

        assert '<html lang="pl" dir="ltr">' in page
        assert '<span lang="pl" dir="ltr">' in page
        assert str(ss.label("where-to-get-help", "pl")) in page

    def test_hostile_text_is_inert(self, django_app: ModuleType, hostile: ss.Catalogue) -> None:
        """Markup and script in a pack's text are escaped by Django too."""
        page = django_app.render_tip("en", "GB", hostile)

        assert "<script>" not in page
        assert "&lt;script&gt;" in page


@pytest.fixture(scope="module")
def markup() -> ss.Catalogue:
    """The committed pack with markup and script in every text field."""
    return ss.Catalogue.load(Path(__file__).parent / "packs" / "hostile-markup")


#: The links the renderer writes: https pages, and tel: and sms: links to a number.
SAFE_HREF = r"https://[^\s<>\"']+|tel:\+?\d+|sms:\+?\d+(\?body=[A-Za-z0-9]+)?"


class TestLocalizedViewsAsHtml:
    """Every localised view renders as HTML through __html__: escaped, with lang and dir."""

    def test_advice(self) -> None:
        """Advice is an <article> with its title, body and help, in Arabic right to left."""
        from markupsafe import escape

        html = str(escape(ss.advice["ask-who-should-see-it"].localize("ar", country="GB")))

        assert html.startswith(
            '<article class="sextingsafe-advice" data-id="ask-who-should-see-it" data-country="GB">'
        )
        assert '<h3><span lang="ar" dir="rtl">' in html
        assert '<a href="tel:08001111"><bdi dir="ltr">0800 1111</bdi></a>' in html

    def test_quote_keeps_the_original_beside_the_translation(self) -> None:
        """A quote shows its content note first, the original words, then the marked translation."""
        html = ss.quotes["eleanor-none-of-my-friends"].localize("fr").__html__()

        note = html.index("sextingsafe-content-note")
        original = html.index('<blockquote lang="en" dir="ltr">')
        translation = html.index(
            '<blockquote class="sextingsafe-translation" data-review="unreviewed">'
        )
        assert note < original < translation

    def test_fact_cites_its_sources(self) -> None:
        """A fact's figure names every source it cites."""
        fact = ss.facts["met-under-14-suspects-2017-2019"]
        html = fact.localize("pl").__html__()

        assert all(source.title.replace("'", "&#x27;") in html for source in fact.sources)

    def test_partial_resources_say_so(self) -> None:
        """A resource whose details are only partly confirmed carries data-confidence."""
        partial = next(r for r in ss.resources.values() if r.confidence.value == "partial")

        assert 'data-confidence="partial"' in partial.localize("en").__html__()

    @pytest.mark.parametrize("kind", ["advice", "facts", "quotes", "resources"])
    def test_hostile_text_is_inert(self, markup: ss.Catalogue, kind: str) -> None:
        """Markup in any field of a pack comes out as text: only the renderer's own tags remain.

        Every tag is one the renderer writes, no attribute is an event handler, and every
        link is https or a phone number.
        """
        for item in getattr(markup, kind).values():
            # Advice with a country, so that the pack's own (hostile) service is listed in it.
            view = item.localize("fr", "GB") if kind == "advice" else item.localize("fr")
            page = Page.parse(view.__html__())

            assert set() == {tag for tag, _ in page.tags} - RENDERER_TAGS, item.id
            assert [] == [
                (tag, name)
                for tag, attributes in page.tags
                for name, _ in attributes
                if name.startswith("on")
            ]
            assert [] == [
                value
                for _, attributes in page.tags
                for name, value in attributes
                if name == "href" and not re.fullmatch(SAFE_HREF, value)
            ]

    def test_hostile_resource_reads_as_written(self, markup: ss.Catalogue) -> None:
        """The hostile resource's name, operator and description are text on the page.

        (A phone number with markup is rejected when the pack loads: see test_contact.)
        """
        page = Page.parse(markup.resources["hostile-line"].localize("fr").__html__())

        assert [
            "<script>alert('resource')</script> Line",
            " (",
            '"Operator" & <b>Trust</b>',
            "): ",
            "<svg onload=alert(1)> description {0.__class__}",
        ] == page.text[:5]
