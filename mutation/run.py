"""Mutation testing of the safety-critical modules, with mutmut.

mutmut makes many small deliberate bugs (mutants) in the listed modules, runs the tests that
reach each changed function, and counts the mutants the tests catch ("killed").
A surviving mutant is a bug the suite would let through.

Run ``python mutation/run.py`` in a checkout (``pip install --group mutation`` first).
It copies the checkout's tracked files into ``.mutation`` (the tests run against ``src/`` there,
as they do in an editable install), adds mutmut's settings, and runs ``mutmut run`` there.
It prints, and with ``--output`` writes, a Markdown table of the score per module, and lists
each surviving mutant.
``--module _qa`` (repeatable) mutates fewer modules, to work on one module's survivors.
``--survivors`` keeps the last run's results and tests again only the mutants that survived it,
with the checkout's tests as they are now: minutes, where a full run takes most of an hour.
After a change to a mutated module, run that module in full (``--module``) instead.
``--resume`` goes on with a stopped run: mutants with a result keep it, the others are tested
(and so are all the mutants of a function that has changed since).

A full run takes more than an hour on two cores: too long for CI, so the score is recorded
on the quality page (``docs/explanation/quality.md``) instead, with the commit it was measured on.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
#: The safety-critical modules: what a reader is shown, in which language, and what a pack may do.
MODULES = (
    "_i18n",  # locale parsing, negotiation and fallback
    "_format",  # placeholder substitution and Babel formatting
    "_html",  # the HTML of localised texts and items (escaping, lang and dir)
    "_qa",  # translation checks: placeholders, plural forms, charset
    "_packs",  # reading and checking a pack: names, sizes, catalogues
    "_editorial",  # safe-messaging wording rules and the review period
    "_help",  # help resolution: which services a reader in a country is shown
)
#: Tests that never reach the mutated code in this process (they start Sphinx, a browser,
#: a build or a fresh interpreter), left out to keep the run short.
IGNORED_TESTS = (
    "tests/test_site.py",
    "tests/test_sphinxext.py",
    "tests/test_packaging.py",
    "tests/fuzz",
)
#: mutmut's exit codes, by outcome (see mutmut.stats.status_by_exit_code).
KILLED = {1, 3}
TIMEOUT = {24, 36, 152, 255, -24}
SURVIVED = {0}
NO_TESTS = {5, 33}


def copy_checkout() -> str:
    """Copy the checkout's tracked and new files into ``.mutation``; return their names."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        source, target = ROOT / name, WORK / name
        if source.is_file() and not (target.exists() and filecmp.cmp(source, target)):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return tracked


def configure(modules: list[str], tracked: str, deselected: list[str]) -> None:
    """Append mutmut's settings to the copy's pyproject.toml."""
    package = WORK / "src"
    # mutmut copies the source and the tests into .mutation/mutants; the tests also read these.
    beside = sorted({n.split("/", 1)[0] for n in filter(None, tracked.split("\0"))} - {"src"})
    only = [
        f"src/sextingsafe/{m}.py" for m in modules if (package / f"sextingsafe/{m}.py").exists()
    ]
    ignores = ", ".join(
        json.dumps(a)
        for a in [*(f"--ignore={t}" for t in IGNORED_TESTS), *deselect_args(deselected)]
    )
    config = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"also_copy = {json.dumps(beside)}\n"
        f"only_mutate = {json.dumps(only)}\n"
        f"pytest_add_cli_args = [{ignores}]\n"
        'pytest_add_cli_args_test_selection = ["tests"]\n'
        # 15 x the clean time + 1 s by default: a mutant that loops then costs minutes, and
        # the render and scanner loops have many. 3 x still leaves a busy machine room.
        "timeout_multiplier = 3.0\n"
        "use_git_change_detection = false\n"
    )
    with (WORK / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write(config)


def refresh_unmutated(modules: list[str]) -> None:
    """Copy the package's modules that are not mutated over mutmut's copies of them.

    mutmut regenerates a mutated module whose source changed, but keeps the copy it once made
    of any other module.
    """
    mutated = {f"{m}.py" for m in modules}
    package = WORK / "src" / "sextingsafe"
    for source in package.rglob("*"):
        relative = source.relative_to(WORK / "src")
        target = WORK / "mutants" / "src" / relative
        if source.is_file() and source.name not in mutated and target.parent.is_dir():
            shutil.copy2(source, target)


def deselect_args(tests: list[str]) -> list[str]:
    """Return pytest's arguments that leave *tests* out."""
    return [argument for test in tests for argument in ("--deselect", test)]


def failing_tests() -> list[str]:
    """Run the selected tests once, unmutated; return the ids of those that fail already.

    mutmut stops when the unmutated code fails a test, and a test that always fails would
    "kill" every mutant it reaches: such tests (a translation not yet updated, say) are left
    out of the run, and the report lists them.
    """
    done = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=no", "-rfE",
            *(f"--ignore={t}" for t in IGNORED_TESTS), "tests",
        ],
        cwd=WORK,
        env={**os.environ, "PYTHONPATH": str(WORK / "src"), "HYPOTHESIS_PROFILE": "mutation"},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    return sorted(
        {
            line.split(" ", 1)[1].split(" - ", 1)[0]
            for line in done.stdout.splitlines()
            if line.startswith(("FAILED ", "ERROR "))
        }
    )


def mutmut(*arguments: str) -> None:
    """Run mutmut in ``.mutation``, with this interpreter's mutmut."""
    command = [sys.executable, "-c", "from mutmut.__main__ import cli; cli()", *arguments]
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    subprocess.run(command, cwd=WORK, check=True, env=env)


def equivalents() -> dict[str, str]:
    """Return the mutants listed in ``mutation/equivalent.toml``, each with why it is kept.

    An equivalent mutant changes nothing a caller can observe, so no test can kill it; it still
    counts against the score. Names are mutmut's (``sextingsafe._qa.x_check_po__mutmut_105``):
    they change when the function does, and the report names a listed mutant that was killed.
    """
    import tomllib

    data = tomllib.loads((ROOT / "mutation" / "equivalent.toml").read_text(encoding="utf-8"))
    return {name: group["reason"] for group in data["equivalent"] for name in group["mutants"]}


def scores(modules: list[str]) -> tuple[list[tuple[str, Counter[str]]], list[str]]:
    """Return each module's outcome counts, and the names of the mutants that survived.

    A survivor listed as equivalent (or a listed mutant no test reaches) is counted as
    "equivalent", and not named.
    """
    kept = equivalents()
    rows, survivors = [], []
    for module in modules:
        meta = WORK / "mutants" / "src" / "sextingsafe" / f"{module}.py.meta"
        if not meta.exists():
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts: Counter[str] = Counter()
        for name, code in codes.items():
            if code in KILLED:
                counts["killed"] += 1
            elif code in TIMEOUT:
                counts["timeout"] += 1
            elif (code in SURVIVED or code in NO_TESTS) and name in kept:
                counts["equivalent"] += 1
            elif code in SURVIVED:
                counts["survived"] += 1
                survivors.append(name)
            elif code is None:
                counts["not run"] += 1
            elif code in NO_TESTS:
                counts["no tests"] += 1
                survivors.append(name)
            else:
                counts["other"] += 1
                survivors.append(name)
        rows.append((module, counts))
    return rows, survivors


def report(rows: list[tuple[str, Counter[str]]], survivors: list[str]) -> str:
    """Return the scores as a Markdown table, and the surviving mutants' names."""
    lines = [
        (
            "| module | mutants | killed | timed out | equivalent | survived | no test | not run "
            "| score |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total: Counter[str] = Counter()
    for _, counts in rows:
        total.update(counts)
    for module, counts in [*rows, ("all", total)]:
        mutants = sum(counts.values())
        caught = counts["killed"] + counts["timeout"]
        score = f"{100 * caught / mutants:.1f} %" if mutants else "-"
        lines.append(
            f"| `{module}` | {mutants} | {counts['killed']} | {counts['timeout']} | "
            f"{counts['equivalent']} | {counts['survived']} | {counts['no tests']} | "
            f"{counts['not run']} | {score} |"
        )
    lines += [
        "",
        (
            "The score counts equivalent mutants, and mutants a stopped run did not reach, as not "
            "killed."
        ),
        "",
        f"{len(survivors)} mutant(s) not killed and not listed as equivalent:",
        *(f"- `{s}`" for s in survivors),
    ]
    return "\n".join(lines) + "\n"


def killed_equivalents(modules: list[str]) -> list[str]:
    """Return the mutants listed as equivalent that this run killed: the list is out of date."""
    found = []
    for module in modules:
        meta = WORK / "mutants" / "src" / "sextingsafe" / f"{module}.py.meta"
        if meta.exists():
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
            found += [n for n in equivalents() if codes.get(n) in KILLED | TIMEOUT]
    return found


def main(argv: list[str] | None = None) -> int:
    """Build, run mutmut, and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=MODULES, help="mutate only these")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--survivors", action="store_true", help="test again only the last run's survivors"
    )
    parser.add_argument(
        "--resume", action="store_true", help="go on with a stopped run's untested mutants"
    )
    args = parser.parse_args(argv)
    modules = args.module or list(MODULES)
    again = scores(modules)[1] if args.survivors else []
    if not again and not args.resume:
        # mutmut would keep a file it once copied unmutated as up to date: start its work over.
        shutil.rmtree(WORK / "mutants", ignore_errors=True)
    WORK.mkdir(exist_ok=True)
    tracked = copy_checkout()
    if again or args.resume:
        refresh_unmutated(modules)
    deselected = failing_tests()
    configure(modules, tracked, deselected)
    mutmut("run", "--max-children", str(args.max_children), *again)
    text = report(*scores(modules))
    stale = killed_equivalents(modules)
    if stale:
        text += "\nListed as equivalent in mutation/equivalent.toml, but killed:\n"
        text += "".join(f"- `{name}`\n" for name in stale)
    if deselected:
        text += f"\n{len(deselected)} test(s) failing on the unmutated code, left out:\n"
        text += "".join(f"- `{test}`\n" for test in deselected)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
