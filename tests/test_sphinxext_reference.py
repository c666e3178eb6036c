"""The Sphinx extension's glossary terms, questions, scripts and coverage table."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sextingsafe import Catalogue, Topic
from sextingsafe.sphinxext.coverage import COLUMNS, coverage

ROOT = Path(__file__).parent / "roots" / "test-sextingsafe-reference"
PACK = Path(__file__).parent / "packs" / "reference"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Build the reference project once; return its index page's HTML and the warnings."""
    srcdir = tmp_path_factory.mktemp("reference") / "root"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    return html, app.warning.getvalue()  # type: ignore[attr-defined]


class TestDirectives:
    """The list, item and catalogue directives know the three reference kinds."""

    def test_no_warnings(self, page: tuple[str, str]) -> None:
        """The project builds without a warning."""
        assert "" == page[1]

    def test_glossary_terms(self, page: tuple[str, str]) -> None:
        """Each term is a block with its word, definition and usage."""
        html = page[0]

        assert 'class="sextingsafe sextingsafe-term"' in html
        assert "Say &quot;image-based abuse&quot;, not &quot;revenge porn&quot;." in html

    def test_age_filter(self, page: tuple[str, str]) -> None:
        """:age: 12 keeps the young people's question for 11 to 17 and the parents' one."""
        html = page[0]

        assert 'id="question-ref-in-trouble"' in html
        assert 'id="question-ref-parent-tell-school"' in html

    def test_script_lines_in_order(self, page: tuple[str, str]) -> None:
        """A script's lines are an ordered list, each in its own language."""
        html = page[0]
        start = html.index('id="script-ref-saying-no"')
        block = html[start : html.index("</ol>", start)]

        assert block.index("Non, je ne veux pas") < block.index("have to give a reason")
        assert re.search(r'<ol class="[^"]*\bsextingsafe-lines\b', block)

    def test_cross_references(self, page: tuple[str, str]) -> None:
        """The roles link to a term and a script shown on the page."""
        html = page[0]

        assert 'href="#term-ref-nudes"' in html
        assert 'href="#script-ref-parent-opening"' in html

    def test_coverage_table(self, page: tuple[str, str]) -> None:
        """The coverage directive writes a table with a column per age band and audience."""
        html = page[0]

        assert 'class="sextingsafe-coverage' in html
        assert "young people 8–10" in html
        assert "conversation scripts" in html


class TestCoverage:
    """coverage() counts advice, questions and scripts by topic, age band and audience."""

    def test_counts(self) -> None:
        """The reference pack: one script for 8-10s on being asked, and the parents' items."""
        rows = dict(coverage(Catalogue.load(PACK, include_bundled=False)))

        assert (0, 1, 0, 0, 0, 0) == rows[Topic.BEING_ASKED]
        assert (0, 0, 1, 1, 0, 0) == rows[Topic.SUPPORT]
        assert (0, 0, 0, 0, 2, 0) == rows[Topic.TALKING_ABOUT_IT]
        assert 6 == len(COLUMNS)

    def test_topics_without_content_are_left_out(self) -> None:
        """A topic nothing is about has no row."""
        rows = dict(coverage(Catalogue.load(PACK, include_bundled=False)))

        assert Topic.SEXTORTION not in rows
