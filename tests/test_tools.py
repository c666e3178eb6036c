"""The translators' tools in tools/: list what a locale needs, write translations back, checked."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]
TOOLS = ROOT / "tools"


@pytest.fixture
def tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tools, working on a copy of the Polish catalogue; returns the copy's locale folder."""
    locale_dir = tmp_path / "locale"
    shutil.copytree(ROOT / "src" / "sextingsafe" / "locale" / "pl", locale_dir / "pl")
    monkeypatch.syspath_prepend(str(TOOLS))
    import _po

    monkeypatch.setattr(_po, "LOCALE_DIR", str(locale_dir))
    return locale_dir


def call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run a tool's main() with *argv*; return its exit status and what it printed."""
    module = __import__(Path(argv[0]).stem)
    monkeypatch.setattr(sys, "argv", list(argv))
    status = module.main()
    return status, capsys.readouterr()


def test_list_and_fill(
    tools: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A message listed as untranslated and filled in is translated, and listed no more."""
    from babel.messages.catalog import Message
    from babel.messages.pofile import read_po

    path = tools / "pl" / "LC_MESSAGES" / "sextingsafe.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    message: Message = next(m for m in catalog if m.context == "ui:where-to-get-help")
    message.string = ""
    import _po

    _po.save("pl", catalog)

    status, out = call(monkeypatch, capsys, "untranslated.py", "pl", "--prefix", "ui:where")
    (entry,) = json.loads(out.out)
    assert (0, "ui:where-to-get-help", "Where to get help") == (
        status,
        entry["context"],
        entry["english"],
    )
    entry["msgstr"] = "Gdzie szukać pomocy"
    todo = tmp_path / "todo.json"
    todo.write_text(json.dumps([entry]), encoding="utf-8")

    status, out = call(monkeypatch, capsys, "fill.py", "pl", str(todo))
    assert 0 == status
    assert "wrote 1, refused 0" in out.err
    status, out = call(monkeypatch, capsys, "untranslated.py", "pl", "--prefix", "ui:where")
    assert [] == json.loads(out.out)


def test_fill_refuses_a_fault(
    tools: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A translation that drops a placeholder is refused with the reason, and not written."""
    todo = tmp_path / "todo.json"
    entry = {
        "context": "ui:sources-count",
        "english": "{count} source",
        "msgstr": ["źródło", "{count} źródła", "{count} źródeł"],
    }
    todo.write_text(json.dumps([entry]), encoding="utf-8")

    status, out = call(monkeypatch, capsys, "fill.py", "pl", str(todo), "--overwrite")

    assert 1 == status
    assert "refused ui:sources-count: pl ui:sources-count: plural form 'źródło'" in out.err
