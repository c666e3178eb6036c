"""The content version names the content and translations exactly (``_content_version``)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

import sextingsafe as ss
from sextingsafe._content_version import content_hash, next_version, read_record, update

from .conftest import ROOT

SOURCE = ROOT / "src" / "sextingsafe"


class TestRecord:
    """The recorded version matches the content in the repository and in the installed package."""

    def test_hash_matches_the_content(self) -> None:
        """The recorded hash is the hash of content/ and the .po catalogues.

        When this fails, run ``python -m sextingsafe._content_version --update`` from the
        repository root: content or a translation changed without a new content version.
        """
        record = read_record(str(SOURCE / "content-version.toml"))

        assert record.sha256 == content_hash(str(SOURCE))

    def test_installed_version_is_the_recorded_one(self) -> None:
        """``ss.content_version`` is the version recorded in the repository."""
        assert read_record(str(SOURCE / "content-version.toml")).version == ss.content_version

    def test_scheme(self) -> None:
        """The version follows the documented calendar scheme, YYYY.MM.DD[.N]."""
        assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}(\.[1-9]\d*)?", ss.content_version)

    def test_separate_from_the_code_version(self) -> None:
        """The content version is not the package version."""
        assert ss.content_version != ss.__version__


class TestNextVersion:
    """``next_version`` follows the calendar scheme."""

    @pytest.mark.parametrize(
        ("current", "today", "expected"),
        [
            ("2026.12.01", dt.date(2026, 12, 7), "2026.12.07"),
            ("2026.12.07", dt.date(2026, 12, 7), "2026.12.07.1"),
            ("2026.12.07.1", dt.date(2026, 12, 7), "2026.12.07.2"),
            ("2026.12.07.9", dt.date(2027, 1, 2), "2027.01.02"),
        ],
    )
    def test_next(self, current: str, today: dt.date, expected: str) -> None:
        """A new day starts a new version; a second change that day adds .N."""
        assert expected == next_version(current, today)


class TestUpdate:
    """The update command bumps the version when, and only when, the content changed."""

    @pytest.fixture
    def package(self, tmp_path: Path) -> Path:
        """A copy of the content, one catalogue and the record."""
        root = tmp_path / "sextingsafe"
        shutil.copytree(SOURCE / "content", root / "content")
        shutil.copytree(SOURCE / "locale" / "pl", root / "locale" / "pl")
        shutil.copy(SOURCE / "content-version.toml", root)
        update(str(root), dt.date(2026, 1, 1))
        return root

    def test_unchanged(self, package: Path) -> None:
        """Nothing changed: the version stays."""
        before = read_record(str(package / "content-version.toml"))

        assert (before.version, False) == update(str(package), dt.date(2030, 5, 5))

    def test_translation_changed(self, package: Path) -> None:
        """A changed .po catalogue gets a new version and hash."""
        po = package / "locale" / "pl" / "LC_MESSAGES" / "sextingsafe.po"
        po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")

        assert ("2030.05.05", True) == update(str(package), dt.date(2030, 5, 5))
        assert (
            content_hash(str(package)) == read_record(str(package / "content-version.toml")).sha256
        )

    def test_content_changed(self, package: Path) -> None:
        """A changed content file gets a new version."""
        facts = package / "content" / "facts.toml"
        facts.write_text(facts.read_text(encoding="utf-8") + "# note\n", encoding="utf-8")

        assert ("2030.05.05", True) == update(str(package), dt.date(2030, 5, 5))

    def test_line_endings_do_not_count(self, package: Path) -> None:
        """A Windows checkout (CRLF) hashes as the original."""
        facts = package / "content" / "facts.toml"
        before = content_hash(str(package))
        facts.write_bytes(facts.read_bytes().replace(b"\n", b"\r\n"))

        assert before == content_hash(str(package))


class TestEverywhere:
    """Exports and the command line carry the content version."""

    def test_export(self) -> None:
        """The bundled export names the content version; a pack's export does not claim it."""
        assert ss.content_version == ss.export(locales=None)["content_version"]

    def test_pack_export(self, example: ss.Catalogue) -> None:
        """A catalogue built from other packs has no bundled content version."""
        assert ss.export(example, locales=None)["content_version"] is None

    def test_import_does_not_read_it(self) -> None:
        """``import sextingsafe`` does not read the record: it is read on first use."""
        import subprocess
        import sys

        code = "import sys, sextingsafe; print('sextingsafe._content_version' in sys.modules)"
        done = subprocess.run(  # noqa: S603 - this interpreter, fixed code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "False" == done.stdout.strip()
