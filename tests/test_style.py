"""The shipped stylesheet in a real browser: contrast, phone and desktop layout, right to left.

A page of rendered items (advice with its help list, a fact, a quote with its translation,
resources, in English and in Arabic) is styled with :func:`sextingsafe.stylesheet` and opened
in headless Chromium at 375 and 1280 pixels wide. A script in the page measures what Chromium
computed: the WCAG contrast of every piece of text against its background, the page's width
against the column's, and which side a right-to-left quote's rule is on. (Headless Chromium
will not make a window narrower than 500 pixels, so the page's column is set to the width.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import sextingsafe as ss

from .test_site import CHROMIUM_FLAGS

MEASURE = """
const main = document.getElementById("content");
main.style.inlineSize = location.hash.slice(1) + "px";
function rgb(c) {
  const p = c.match(/[\\d.]+/g).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function lum(c) {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (; el; el = el.parentElement) {
    const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.a > 0) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
}
const low = [];
let texts = 0;
for (const el of document.querySelectorAll("#content *")) {
  if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
  texts += 1;
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push([el.tagName, el.className, Math.round(ratio * 100) / 100]);
}
const quote = document.querySelector("#rtl .sextingsafe-translation");
const help = document.querySelector("#ltr .sextingsafe-help");
const box = main.getBoundingClientRect();
const wide = [...document.querySelectorAll("#content *")]
  .filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
  })
  .map((el) => el.tagName + "." + el.className);
document.getElementById("results").textContent = JSON.stringify({
  width: Math.round(box.width),
  scroll: main.scrollWidth,
  texts: texts,
  low: low,
  wide: wide.slice(0, 5),
  rtl_rule: [getComputedStyle(quote).borderRightWidth, getComputedStyle(quote).borderLeftWidth],
  help_width: help.getBoundingClientRect().width,
});
"""


def items(locale: str) -> str:
    """Rendered items in *locale*, as an app would put them on a page."""
    parts = [
        ss.advice["if-your-nude-was-shared"].localize(locale, country="GB").__html__(),
        ss.facts["met-under-14-suspects-2017-2019"].localize(locale).__html__(),
        ss.quotes["marshall-who-do-i-want-to-see"].localize(locale).__html__(),
    ]
    parts += [r.localize(locale).__html__() for r in ss.resources.select(country="GB")[:6]]
    return "\n".join(parts)


def page() -> str:
    """The test page: English, then Arabic, then the measuring script."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>body {{ margin: 8px; font-family: sans-serif; }}\n{ss.stylesheet()}</style>"
        '</head><body><main id="content">'
        f'<div id="ltr">{items("en")}</div>'
        f'<div id="rtl" lang="ar" dir="rtl">{items("ar")}</div>'
        f'</main><pre id="results"></pre><script>{MEASURE}</script></body></html>'
    )


@pytest.fixture(scope="module")
def measure(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """``measure(width)``: open the page in Chromium at *width* pixels; return the results."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium is not installed: .ci/run installs it (apt-get install chromium)")
    directory = tmp_path_factory.mktemp("style")
    path = Path(directory) / "page.html"
    path.write_text(page(), encoding="utf-8")

    def run(width: int) -> dict[str, Any]:
        profile = tmp_path_factory.mktemp("chromium-profile")
        done = subprocess.run(  # noqa: S603 - the installed browser, fixed arguments
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},900",
                "--dump-dom",
                f"{path.as_uri()}#{width}",
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert 0 == done.returncode, done.stderr
        start = done.stdout.index('<pre id="results">') + len('<pre id="results">')
        text = done.stdout[start : done.stdout.index("</pre>", start)]
        results: dict[str, Any] = json.loads(text.replace("&amp;", "&").replace("&quot;", '"'))
        return results

    return run


class TestStylesheet:
    """What the stylesheet does in Chromium."""

    @pytest.mark.parametrize("width", [375, 1280])
    def test_contrast(self, measure: Any, width: int) -> None:
        """Every piece of text has a contrast of at least 4.5:1 (WCAG AA) on its background."""
        results = measure(width)

        assert results["texts"] > 50
        assert [] == results["low"]

    @pytest.mark.parametrize("width", [375, 1280])
    def test_no_horizontal_scrolling(self, measure: Any, width: int) -> None:
        """Nothing is wider than the column: no sideways scrolling on a phone or a desktop."""
        results = measure(width)

        assert (width, []) == (results["width"], results["wide"])
        assert results["scroll"] <= results["width"]

    def test_help_uses_the_width(self, measure: Any) -> None:
        """On a desktop the help section spans the content, not a narrow column."""
        assert measure(1280)["help_width"] > 1000

    def test_right_to_left(self, measure: Any) -> None:
        """In Arabic, a translated quote's rule is on the right, where the text starts."""
        assert ["4px", "0px"] == measure(375)["rtl_rule"]

    def test_shipped(self) -> None:
        """The stylesheet is in the installed package and uses no physical left or right."""
        css = ss.stylesheet()

        assert css == Path(ss.STYLESHEET_PATH).read_text(encoding="utf-8")
        for physical in ("margin-left", "margin-right", "padding-left", "padding-right"):
            assert physical not in css
