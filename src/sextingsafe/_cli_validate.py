"""``sextingsafe validate``: check packs beside the bundled content, with every problem listed.

Problems make a pack invalid; warnings (wording the editorial rules advise against, overdue
reviews, translations no item has, overrides with no effect) do not.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any, TextIO

from ._build import build
from ._catalogue import Catalogue
from ._cli_parser import EXIT_NOT_FOUND, EXIT_OK
from ._cli_print import write_json
from ._errors import PackError, PackProblem
from ._packs import PackContent, check_catalogues, read_pack, translation_warnings

__all__ = ["run_validate"]


def run_validate(paths: Sequence[str], fmt: str, out: TextIO) -> int:
    reports = [_validate_one(path) for path in paths]
    ok = all(not report["problems"] for report in reports)
    if fmt == "json":
        write_json({"ok": ok, "packs": reports}, out)
        return EXIT_OK if ok else EXIT_NOT_FOUND
    for report in reports:
        path = _printable(report["pack"])
        for problem in report["problems"]:
            print(_problem_line(problem), file=out)
        for warning in report["warnings"]:
            print(f"warning: {_problem_line(warning)}", file=out)
        if report["problems"]:
            print(f"{len(report['problems'])} problem(s) in {path}", file=out)
        else:
            print(
                f"{path}: OK ({report['records']} records; {report['advice']} advice items "
                "with the bundled pack)",
                file=out,
            )
    return EXIT_OK if ok else EXIT_NOT_FOUND


def _problem_line(problem: dict[str, Any]) -> str:
    if not problem["file"]:
        return _printable(problem["message"])
    return str(PackProblem(problem["file"], problem["line"], problem["message"]))


def _problem_dict(problem: PackProblem) -> dict[str, Any]:
    return {"file": problem.path, "line": problem.line, "message": problem.message}


def _validate_one(path: str) -> dict[str, Any]:
    """Check one pack beside the bundled one: its problems, and warnings about its content."""
    report: dict[str, Any] = {"pack": path, "problems": [], "warnings": []}
    try:
        raw = read_pack(path)
    except PackError as error:
        report["problems"] = [_problem_dict(p) for p in error.problems]
        return report
    raw = raw._replace(problems=(*raw.problems, *check_catalogues(raw)))
    same = os.path.realpath(path) == os.path.realpath(_bundled_dir())
    earlier = [] if same else [read_pack(_bundled_dir(), compiled=True)]
    try:
        content = build([*earlier, raw], None)
    except PackError as error:
        report["problems"] = [_problem_dict(p) for p in error.problems]
        return report
    ids = {r.item_id for r in raw.records}
    warnings = [
        PackProblem(f"{raw.name}/{p.path}", p.line, p.message)
        for p in translation_warnings(raw, dict(_messages(content)))
    ]
    known = {r.item_id for pack in earlier for r in pack.records}
    for item_id in sorted(raw.overrides):
        if item_id not in known or item_id not in ids:
            where = "no earlier pack defines it" if item_id not in known else "this pack does not"
            message = f"overrides lists {item_id!r}, but {where}; the entry has no effect"
            warnings.append(PackProblem(f"{raw.name}/pack.toml", 0, message))
    warnings += [
        PackProblem("", 0, message) for message in _editorial_warnings(content, ids, _today())
    ]
    report["warnings"] = [_problem_dict(w) for w in warnings]
    report["records"] = len(raw.records)
    report["advice"] = len(content.advice)
    return report


def _messages(content: PackContent) -> tuple[tuple[str, str], ...]:
    from ._gettext import CatalogStore

    return Catalogue(content, CatalogStore(())).messages()


def _printable(text: str) -> str:
    return str(PackProblem(text, 0, "")).removesuffix(": ")


def _today() -> dt.date:
    """Today's date: the clock review dates are measured against (tests set their own)."""
    return dt.date.today()  # noqa: DTZ011 - a calendar date where the command runs


def _editorial_warnings(
    content: PackContent, ids: set[object], today: dt.date | None = None
) -> list[str]:
    """The editorial checks, as warnings: the pack is valid, but its wording may not be safe.

    Items not checked against their sources for longer than the review period (counted back
    from *today*, the real date by default) are warnings too: a release re-reviews them.
    """
    from ._editorial import REVIEW_PERIOD, check_items, review_overdue

    found = []
    for kind, items in (
        ("fact", content.facts),
        ("quote", content.quotes),
        ("advice", content.advice),
        ("occasion", content.occasions),
        ("resource", content.resources),
        ("term", content.terms),
        ("question", content.questions),
        ("script", content.scripts),
    ):
        for item in items:
            field = "checked" if kind == "resource" else "reviewed"
            checked = getattr(item, field, None)
            if item.id in ids and checked is not None and review_overdue(checked, today):
                found.append(
                    f"[[{kind}]] {item.id!r}: {field} {checked.isoformat()}, more than "
                    f"{REVIEW_PERIOD.days} days ago; check it against its sources again"
                )
    found += [f"{finding} ({finding.check})" for finding in check_items(content, ids)]
    return found


def _bundled_dir() -> str:
    from ._packs import BUNDLED

    return BUNDLED
