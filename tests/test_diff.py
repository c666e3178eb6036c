"""What changed between two exports, item by item and field by field (``_diff``)."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

import sextingsafe as ss
from sextingsafe._cli import main


@pytest.fixture(scope="module")
def old() -> dict[str, Any]:
    """The bundled content's export in English and Polish."""
    return ss.export(locales=["pl"])


@pytest.fixture
def new(old: dict[str, Any]) -> dict[str, Any]:
    """A copy of *old* to edit."""
    return copy.deepcopy(old)


def item(data: dict[str, Any], key: str, item_id: str) -> dict[str, Any]:
    """The record with *item_id* in the export's *key* list."""
    found: dict[str, Any] = next(r for r in data[key] if r["id"] == item_id)
    return found


class TestDiff:
    """``diff()`` lists what was added, removed and changed."""

    def test_identical(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Two equal exports: no changes, and the diff is false."""
        found = ss.diff(old, new)

        assert ((), False) == (found.changes, bool(found))

    def test_catalogues(self) -> None:
        """Catalogues are exported first: the bundled catalogue equals itself."""
        assert not ss.diff(ss.Catalogue.bundled(), ss.Catalogue.bundled())

    def test_phone_number_first(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A changed phone number is critical and listed before a changed title."""
        item(new, "advice", "ask-who-should-see-it")["title"]["pl"] = "Nowy"
        item(new, "resources", "childline-gb")["channels"][0]["value"] = "0800 0000"

        changes = ss.diff(old, new).changes

        assert [
            (
                "resource",
                "childline-gb",
                "changed",
                "channels[0].value",
                "0800 1111",
                "0800 0000",
                True,
            ),
            (
                "advice",
                "ask-who-should-see-it",
                "changed",
                "title.pl",
                "Zapytaj siebie, kto ma je zobaczyć",
                "Nowy",
                False,
            ),
        ] == [(c.kind, c.id, c.action, c.field, c.old, c.new, c.critical) for c in changes]

    def test_added_and_removed(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A removed fact and an added resource are reported by id; help is critical."""
        fact = new["facts"].pop(0)
        resource = copy.deepcopy(new["resources"][0]) | {"id": "new-line"}
        new["resources"].append(resource)

        found = ss.diff(old, new)

        assert [
            ("resource", "new-line", "added", True),
            ("fact", fact["id"], "removed", False),
        ] == [(c.kind, c.id, c.action, c.critical) for c in found.changes]
        assert "1 added, 1 removed, 0 changed" == found.summary()

    def test_any_list_of_items(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A list of items the diff does not know by name is compared item by item too."""
        new["widgets"] = [{"id": "w1", "url": "https://example.org/"}]
        old = {**old, "widgets": [{"id": "w1", "url": "https://example.net/"}]}

        assert [("widget", "w1", "url", True)] == [
            (c.kind, c.id, c.field, c.critical) for c in ss.diff(old, new).changes
        ]

    def test_field_appears(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A field new in an item is reported as added, with its path."""
        item(new, "advice", "ask-who-should-see-it")["title"]["de"] = "Neu"

        (change,) = ss.diff(old, new).changes

        assert ("added", "title.de", None, "Neu") == (
            change.action,
            change.field,
            change.old,
            change.new,
        )

    def test_urls_and_hours_are_critical(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Changes to a url or a channel's hours are critical."""
        record = item(new, "resources", "childline-gb")
        record["url"] = "https://example.org/"
        record["channels"][0]["hours"] = {"always": True, "zone": "Europe/London"}

        assert {("url", True), ("channels[0].hours.zone", True)} <= {
            (c.field, c.critical) for c in ss.diff(old, new).changes
        }

    def test_labels_and_versions(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Labels are compared by name; the versions are reported, not diffed."""
        new["labels"]["sources"]["pl"] = "Źródła!"
        new["content_version"] = "2099.01.01"

        found = ss.diff(old, new)

        assert [("label", "sources", "pl")] == [(c.kind, c.id, c.field) for c in found.changes]
        assert (ss.content_version, "2099.01.01") == (found.old_version, found.new_version)

    def test_not_an_export(self, old: dict[str, Any]) -> None:
        """Anything but an export is a PackError naming the side."""
        with pytest.raises(ss.PackError, match="new"):
            ss.diff(old, {"format": "something"})


class TestOutput:
    """Text, JSON and Markdown forms."""

    def test_text(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """The text form puts numbers, links, hours and eligibility first."""
        item(new, "resources", "childline-gb")["channels"][0]["value"] = "0800 0000"
        new["facts"].pop(0)

        text = ss.diff(old, new).to_text()

        assert text.splitlines()[2:4] == [
            "Numbers, links, hours and eligibility:",
            "  resource childline-gb: channels[0].value: '0800 1111' -> '0800 0000'",
        ]

    def test_json(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """The JSON form carries counts and every change."""
        new["facts"].pop(0)

        data = ss.diff(old, new).to_dict()

        assert (False, 0, 1, 0) == (
            data["identical"],
            data["added"],
            data["removed"],
            data["changed"],
        )

    def test_markdown(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """The Markdown form is a changelog section."""
        item(new, "advice", "ask-who-should-see-it")["body"]["en"] = "New"

        lines = ss.diff(old, new).to_markdown(title="Content changes").splitlines()

        assert [
            "#### Content changes",
            "",
            "| Kind | Added | Removed | Changed |",
            "| --- | ---: | ---: | ---: |",
            "| advice | 0 | 0 | 1 |",
            "",
            "**Changed**",
            "",
            "- advice, 1 item (`ask-who-should-see-it`): `body` (1)",
        ] == lines

    def test_markdown_translations_grouped(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A critical field's translations that changed share one line naming the locales."""
        item(old, "resources", "childline-gb")["hours"] = {"en": "Always", "pl": "Zawsze"}
        item(new, "resources", "childline-gb")["hours"] = {"en": "Always", "pl": "Cały czas"}

        lines = ss.diff(old, new).to_markdown().splitlines()

        assert "- resource `childline-gb`: `hours` changed in 1 locale: pl" in lines

    def test_markdown_same_change_to_many(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """The same critical change to more than five items is one line counting them."""
        for record in new["resources"][:6]:
            record["checked"] = "2030-01-01"

        lines = ss.diff(old, new).to_markdown().splitlines()

        assert "- resource: `checked` changed in 6 items" in lines
        assert not any(line.startswith("- resource `") for line in lines)

    def test_markdown_item_and_field(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A field added to an item is a changed item, not an added one."""
        new["facts"][0]["note"] = "A new note."
        new["facts"].pop(1)

        text = ss.diff(old, new).to_markdown()

        assert f"- fact (1): `{old['facts'][1]['id']}`" in text
        assert "| fact | 0 | 1 | 1 |" in text

    def test_kind_missing_on_one_side(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A kind an older export lacks: its items are added one by one, with their ids."""
        del old["terms"]

        changes = ss.diff(old, new).changes

        assert ("term", "added", None) == (changes[-1].kind, changes[-1].action, changes[-1].field)
        assert changes[-1].id in {t["id"] for t in new["terms"]}


class TestCommand:
    """``sextingsafe diff OLD NEW``: exit 0 when identical, 1 when different, 2 on trouble."""

    def test_identical(self, tmp_path: Path, old: dict[str, Any]) -> None:
        """An export against itself: exit 0."""
        path = tmp_path / "old.json"
        path.write_text(json.dumps(old), encoding="utf-8")
        out = io.StringIO()

        assert 0 == main(["diff", str(path), str(path)], stdout=out)
        assert "0 added, 0 removed, 0 changed" in out.getvalue()

    def test_different_json(self, tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Different exports: exit 1, and --format json lists the change."""
        new["facts"].pop(0)
        paths = []
        for name, data in (("old", old), ("new", new)):
            paths.append(tmp_path / f"{name}.json")
            paths[-1].write_text(json.dumps(data), encoding="utf-8")
        out = io.StringIO()

        assert 1 == main(["diff", *map(str, paths), "--format", "json"], stdout=out)
        assert 1 == json.loads(out.getvalue())["removed"]

    def test_installed_against_bundles(self, tmp_path: Path) -> None:
        """The installed content equals its own per-locale bundles, merged back."""
        assert 0 == main(["export", "--split", str(tmp_path / "b")])

        assert 0 == main(["diff", "installed", str(tmp_path / "b")], stdout=io.StringIO())

    def test_pack(self, example_pack: Path) -> None:
        """A pack directory is loaded alone, so it differs from the installed content."""
        assert 1 == main(["diff", str(example_pack), "installed"], stdout=io.StringIO())

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is trouble: exit 2 with its name."""
        missing = str(tmp_path / "missing.json")

        assert 2 == main(["diff", missing, "installed"], stdout=io.StringIO())
        assert "missing.json" in capsys.readouterr().err


class TestGroupedLine:
    """A change grouped over many items reads as a sentence, whole items included."""

    def test_whole_items(self) -> None:
        """Items added as a whole have no field: the line says how many items, not a blank field."""
        from sextingsafe._diff import _grouped_line

        common = {("resource", "", "added"): {"a", "b"}, ("resource", "ages", "added"): {"a"}}

        assert "- resource: 2 items added" == _grouped_line(("resource", "", "added"), [], common)
        assert "- resource: `ages` added in 1 items" == _grouped_line(
            ("resource", "ages", "added"), [], common
        )
