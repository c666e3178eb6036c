"""The commands for apps: the correction link after ``tip`` (``_cli_apps``)."""

from __future__ import annotations

import io

import sextingsafe as ss
from sextingsafe._cli import main


class TestCorrection:
    """``tip`` ends its list of help with where to report a wrong number or text."""

    def test_tip(self) -> None:
        """The last line names the correction page."""
        out = io.StringIO()

        assert 0 == main(["tip", "--country", "GB"], stdout=out)
        assert (
            f"Report a wrong number or text: {ss.CORRECTION_URL}" == out.getvalue().splitlines()[-1]
        )
