"""The README's Python example runs as written, against the installed package."""

from __future__ import annotations

import contextlib
import io
import re

import sextingsafe as ss

from .conftest import ROOT


def snippets() -> list[str]:
    """The README's ``python`` code blocks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.DOTALL)


class TestReadme:
    """What a new user copies from the README works."""

    def test_runs(self) -> None:
        """The example runs without error and prints a Polish title and help for Poland."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            for code in snippets():
                exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README

        printed = out.getvalue()
        title = ss.advice["if-your-nude-was-shared"].localize("pl").title
        assert printed.startswith(f"{title} ltr ")
        assert "Take It Down | web https://takeitdown.ncmec.org" in printed

    def test_web_only_services_print_their_site(self) -> None:
        """A service reached only through its website prints the site, not an empty list."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            for code in snippets():
                exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README

        assert "[]" not in out.getvalue()
        assert re.search(r"\| (web )?https://", out.getvalue())
