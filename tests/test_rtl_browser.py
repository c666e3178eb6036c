"""Right-to-left pages in a real browser: phone numbers and addresses read in order.

Each page puts a help resource, rendered by the API's HTML in Arabic, Persian or Urdu, in a
right-to-left document, opens it in headless Chromium (Debian's ``chromium`` package, which
``.ci/run`` installs), and measures where the browser draws each character of each number: the
digits of a number read in order when they are drawn from left to right. A control number
written into the same text without isolation must come out reversed, so the measurement is
shown to see the difference.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import sextingsafe as ss
from sextingsafe._format import escape

NUMBER = "(61) 99611-0100"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: For each element marked data-measure, and each isolated run of digits: the x position of the
#: middle of each character the browser drew, in the text's logical order.
MEASURE = """
function positions(element, needle) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces = [];
  let text = "";
  while (walker.nextNode()) {
    pieces.push([walker.currentNode, text.length]);
    text += walker.currentNode.data;
  }
  const start = text.indexOf(needle);
  if (start < 0) return null;
  const xs = [];
  for (let i = 0; i < needle.length; i++) {
    if (needle[i] === " ") continue;
    const at = start + i;
    const [node, offset] = pieces.filter(([, o]) => o <= at).pop();
    const range = document.createRange();
    range.setStart(node, at - offset);
    range.setEnd(node, at - offset + 1);
    const box = range.getBoundingClientRect();
    xs.push(box.left + box.width / 2);
  }
  return xs;
}
const found = [];
for (const element of document.querySelectorAll("[data-measure]")) {
  found.push({what: element.dataset.measure, xs: positions(element, element.dataset.needle)});
}
for (const element of document.querySelectorAll("bdi[dir=ltr]")) {
  if (/[0-9].*[0-9].*[0-9]/.test(element.textContent)) {
    found.push({what: "isolated", text: element.textContent,
                xs: positions(element, element.textContent)});
  }
}
document.getElementById("result").textContent = JSON.stringify(found);
"""


@pytest.fixture(scope="module")
def chromium() -> str:
    """The Chromium executable; its absence fails the tests (tools are never optional)."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
    return found


def page(locale: str) -> str:
    """A right-to-left page with Brazil's Disque 100 in *locale*, and an unisolated control."""
    resource = ss.resources["disque-100-br"].localize(locale)
    control = f"{resource.description.split(' ')[0]} {NUMBER} {resource.description.split(' ')[1]}"
    return (
        f'<!doctype html><html lang="{locale}" dir="rtl"><head><meta charset="utf-8">'
        "<style>body { white-space: nowrap; font-size: 20px; }</style></head><body>"
        f"{resource.__html__()}"
        f'<p data-measure="control" data-needle="{escape(NUMBER)}">{escape(control)}</p>'
        f'<pre id="result"></pre><script>{MEASURE}</script></body></html>'
    )


def drawn(chromium: str, html: str, tmp_path: Path) -> list[dict[str, object]]:
    """Open *html* in Chromium; return what the page measured."""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    done = subprocess.run(  # noqa: S603 - the installed browser, fixed arguments
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert 0 == done.returncode, done.stderr
    found = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found is not None, done.stdout[-2000:]
    result: list[dict[str, object]] = json.loads(found.group(1).replace("&quot;", '"'))
    return result


def in_order(xs: object) -> bool:
    """Return whether the characters were drawn from left to right."""
    assert isinstance(xs, list)
    assert xs
    return all(left < right for left, right in itertools.pairwise(xs))


@pytest.mark.parametrize("locale", ["ar", "fa", "ur"])
def test_numbers_read_in_order(chromium: str, tmp_path: Path, locale: str) -> None:
    """Every number to dial in the resource is drawn in order; the unisolated control is not."""
    measured = drawn(chromium, page(locale), tmp_path)
    control = [m for m in measured if m["what"] == "control"]
    isolated = [m for m in measured if m["what"] == "isolated"]

    assert 1 == len(control)
    assert not in_order(control[0]["xs"]), "the control should show the number reversed"
    assert {"100", NUMBER} <= {str(m["text"]) for m in isolated}
    assert [] == [m["text"] for m in isolated if not in_order(m["xs"])]
    # The number inside the translated description is isolated too, not only the contact list.
    assert 2 <= sum(1 for m in isolated if m["text"] == NUMBER)
