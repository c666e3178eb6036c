"""Files in the repository that readers rely on: the correction form and where it is linked."""

from __future__ import annotations

import re

from .conftest import ROOT

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml"


class TestCorrectionForm:
    """The issue form asks for what a checker needs, and the docs and SECURITY.md point to it."""

    def test_fields(self) -> None:
        """The form has required fields for the item id, what is wrong and the source."""
        text = FORM.read_text(encoding="utf-8")
        ids = re.findall(r"^\s+id: (\w+)$", text, re.MULTILINE)

        assert ["item", "what", "details", "source", "checked", "version"] == ids
        assert 4 == text.count("required: true")

    def test_linked(self) -> None:
        """SECURITY.md and the how-to page both name the form."""
        for path in (ROOT / "SECURITY.md", ROOT / "docs" / "how-to" / "report-a-correction.md"):
            assert ".github/ISSUE_TEMPLATE/correction.yml" in path.read_text(encoding="utf-8")
