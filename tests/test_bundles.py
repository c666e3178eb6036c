"""Per-locale bundles: an index and one small, valid export per locale (``_bundles``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import sextingsafe as ss
from sextingsafe._bundles import dumps
from sextingsafe._cli import main


@pytest.fixture(scope="module")
def bundles() -> dict[str, Any]:
    """The bundled catalogue's bundles."""
    return ss.export_bundles()


class TestIndex:
    """``index.json`` lists every locale's bundle with its size and hash."""

    def test_every_locale(self, bundles: dict[str, Any]) -> None:
        """One bundle per supported locale, English first, each file in the result."""
        tags = [entry["tag"] for entry in bundles["index.json"]["locales"]]

        assert "en" == tags[0]
        assert len(ss.locales()) == len(tags)
        assert {f"{tag}.json" for tag in tags} <= set(bundles)

    def test_versions(self, bundles: dict[str, Any]) -> None:
        """The index names its format and the content version."""
        index = bundles["index.json"]

        assert ("sextingsafe-bundles", 1) == (index["format"], index["version"])
        assert ss.content_version == index["content_version"]

    def test_size_and_hash(self, bundles: dict[str, Any]) -> None:
        """Each entry's byte count and SHA-256 are those of the text that is written."""
        for entry in bundles["index.json"]["locales"]:
            text = dumps(bundles[entry["file"]]).encode("utf-8")
            assert (len(text), hashlib.sha256(text).hexdigest()) == (
                entry["bytes"],
                entry["sha256"],
            )


class TestBundle:
    """Each bundle is a complete export of English and one locale."""

    def test_locales(self, bundles: dict[str, Any]) -> None:
        """The Polish bundle holds English and Polish and nothing else."""
        data = bundles["pl.json"]

        assert ["en", "pl"] == [locale["tag"] for locale in data["locales"]]
        assert {"en", "pl"} >= {tag for advice in data["advice"] for tag in advice["title"]}

    def test_every_part(self, bundles: dict[str, Any]) -> None:
        """Each bundle has every part of the whole export, items of every kind included."""
        whole = ss.export(locales=None)

        for entry in bundles["index.json"]["locales"]:
            data = bundles[entry["file"]]
            assert list(whole) == list(data)
            assert [r["id"] for r in whole["advice"]] == [r["id"] for r in data["advice"]]

    def test_valid(self, bundles: dict[str, Any]) -> None:
        """Every bundle validates against the published schema."""
        validator = jsonschema.Draft202012Validator(ss.export_schema())
        for name, data in bundles.items():
            if name != "index.json" and "format" in data:
                assert [] == [e.message for e in validator.iter_errors(data)], name

    def test_far_smaller(self, bundles: dict[str, Any]) -> None:
        """Each bundle is under a fifth of the whole export written the same way."""
        whole = len(dumps(ss.export()).encode("utf-8"))

        for entry in bundles["index.json"]["locales"]:
            assert entry["bytes"] < whole / 5, entry["tag"]

    def test_loads(self, bundles: dict[str, Any]) -> None:
        """A bundle loads back into a catalogue with that locale's translations."""
        catalogue = ss.load_export(bundles["pl.json"])
        bundled = ss.advice["ask-who-should-see-it"].localize("pl").title

        assert str(bundled) == str(catalogue.advice["ask-who-should-see-it"].localize("pl").title)


class TestSchema:
    """The schema is public: nobody needs a private path."""

    def test_export_schema(self) -> None:
        """``export_schema()`` returns a valid draft 2020-12 schema that requires the version."""
        schema = ss.export_schema()

        jsonschema.Draft202012Validator.check_schema(schema)
        assert "content_version" in schema["required"]

    def test_fresh_copy(self) -> None:
        """Each call returns a new object, so a caller's edit does not leak."""
        assert ss.export_schema() is not ss.export_schema()


class TestSplitCommand:
    """``sextingsafe export --split DIR`` writes the bundles."""

    def test_writes(self, tmp_path: Path) -> None:
        """The directory gets the index and a file per locale, matching the API's data."""
        status = main(["export", "--split", str(tmp_path / "out")])
        index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))

        assert 0 == status
        for entry in index["locales"]:
            text = (tmp_path / "out" / entry["file"]).read_bytes()
            assert entry["sha256"] == hashlib.sha256(text).hexdigest()

    def test_no_jsonld(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--split with --format jsonld is a usage error, and nothing is written."""
        status = main(["export", "--split", str(tmp_path / "out"), "--format", "jsonld"])

        assert 2 == status
        assert "--split writes every locale as JSON" in capsys.readouterr().err
        assert not (tmp_path / "out").exists()

    def test_unwritable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory that cannot be made is an error naming it."""
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")

        assert 1 == main(["export", "--split", str(blocker / "out")])
        assert f"cannot write {str(blocker / 'out')!r}" in capsys.readouterr().err
