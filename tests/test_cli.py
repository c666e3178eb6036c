"""The `sextingsafe` command: output, formats, exit codes (0 ok, 1 not found/invalid, 2 usage)."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import sextingsafe as ss
from sextingsafe import _cli_validate
from sextingsafe._cli import main

PACKS = Path(__file__).parent / "packs"
EXAMPLE = str(PACKS / "example")
SELECTION = str(PACKS / "selection")


def run(*argv: str) -> tuple[int, str]:
    """Run the command with *argv*; return the exit status and what it wrote to stdout."""
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def run_json(*argv: str) -> Any:
    """Run the command with `--format json`, which must succeed, and parse its output."""
    status, out = run(*argv, "--format", "json")
    assert 0 == status
    return json.loads(out)


class TestShow:
    """`show ID` prints one item with its sources."""

    def test_text(self) -> None:
        """An advice item prints its title, body and sources."""
        status, out = run("show", "example-talk", "--pack", EXAMPLE)

        assert 0 == status
        assert out.startswith("Talk to someone you trust\n\nYou can talk to an adult you trust")
        assert (
            '  Source: Example Safeguarding Partnership, "Example guidance for testing packs" '
            "(11 Mar 2024) https://example.org/guidance\n"
        ) in out

    def test_translated(self) -> None:
        """--locale prints the translation, with no fallback note."""
        status, out = run("show", "example-talk", "--pack", EXAMPLE, "--locale", "fr")

        assert 0 == status
        assert out.startswith("Parle à quelqu'un en qui tu as confiance\n")
        assert "Not yet translated" not in out

    def test_fallback_note(self) -> None:
        """A locale without a translation prints English and says so, in the reader's language."""
        status, out = run("show", "example-talk", "--pack", EXAMPLE, "-l", "pl")

        assert 0 == status
        assert out.startswith("Talk to someone you trust\n")
        assert f"  ({ss.label('not-translated', 'pl')})\n" in out
        assert "Not yet translated" not in out

    def test_json(self) -> None:
        """JSON output is one object per item, its text fields carrying locale and review."""
        (data,) = run_json("show", "example-talk", "--pack", EXAMPLE, "--locale", "fr")

        assert ("advice", "example-talk") == (data["type"], data["id"])
        assert {
            "text": "Parle à quelqu'un en qui tu as confiance",
            "locale": "fr",
            "direction": "ltr",
            "review": "reviewed",
            "is_fallback": False,
        } == data["title"]
        assert ["example-guidance"] == [s["id"] for s in data["sources"]]

    def test_arabic(self) -> None:
        """An Arabic translation is printed, and its JSON says it runs right to left."""
        status, out = run("show", "sel-everywhere-yp", "--pack", SELECTION, "-l", "ar")
        (data,) = run_json("show", "sel-everywhere-yp", "--pack", SELECTION, "-l", "ar")

        assert 0 == status
        assert out.startswith("فكّر في من سيراها\n")
        assert ("ar", "rtl") == (data["title"]["locale"], data["title"]["direction"])

    @pytest.mark.parametrize(
        ("item", "first_line"),
        [
            ("example-share", "[example-share] In 1 Jan 2017"),
            ("example-speaker-talk", "[example-speaker-talk]"),
            (
                "example-line",
                (
                    "* Example Line (Example Trust; GB) "
                    "[Some details of this service are not fully confirmed]: "
                ),
            ),
        ],
    )
    def test_kinds(self, item: str, first_line: str) -> None:
        """Facts, quotes and resources print too, a partly confirmed resource flagged as such."""
        status, out = run("show", item, "--pack", EXAMPLE)

        assert 0 == status
        assert out.startswith(first_line)

    def test_quote(self) -> None:
        """A quote prints its words, a pseudonym flagged, the role and date."""
        _, out = run("show", "example-speaker-talk", "--pack", EXAMPLE)

        assert (
            '  "Talking helps."\n  — Sam (not their real name), Example youth worker, 11 Mar 2024\n'
        ) in out


class TestFraming:
    """The text output says, in the reader's language, what kind of text the reader gets."""

    ADVICE = "if-youre-being-blackmailed"

    def test_polish(self) -> None:
        """Polish: the translation, its unreviewed status and every label in Polish."""
        _, out = run("show", self.ADVICE, "-l", "pl")

        assert out.startswith(str(ss.advice[self.ADVICE].localize("pl").title))
        assert f"  ({ss.label('unreviewed', 'pl')})\n" in out
        assert f"  {ss.label('source', 'pl')}: " in out
        assert "Source:" not in out
        assert ss.label("not-translated", "pl") not in out

    def test_region_of_a_shipped_language(self) -> None:
        """pl-PL reads the Polish translation, with no note that Polish is missing."""
        _, polish = run("show", self.ADVICE, "-l", "pl")
        _, regional = run("show", self.ADVICE, "-l", "pl-PL")

        assert polish == regional
        assert ss.label("not-translated", "pl") not in regional

    def test_fallback_says_english(self) -> None:
        """Swedish (no catalogue): English text, and a note that says English, not Swedish."""
        _, out = run("show", self.ADVICE, "-l", "sv")

        assert out.startswith(str(ss.advice[self.ADVICE].title))
        assert "  (Not yet translated into your language; shown in English)\n" in out
        assert "sv" not in out.split("\n", 1)[0]

    def test_dates_by_babel(self) -> None:
        """A source's date is written as the reader's locale writes dates, not ISO."""
        _, out = run("show", "example-talk", "--pack", EXAMPLE, "-l", "pl")

        assert "(11 mar 2024)" in out
        assert "2024-03-11" not in out

    def test_arabic_numbers_isolated(self) -> None:
        """Arabic output isolates the numbers to dial (U+2066 ... U+2069), so they read in order."""
        _, out = run("resources", "-l", "ar", "--country", "BR")

        assert "\u2066(61) 99611-0100\u2069" in out
        assert f"  ({ss.label('unreviewed', 'ar')})" in out


class TestLists:
    """facts, quotes, advice and resources list items, filtered as in the API."""

    def test_resources_country(self) -> None:
        """The `resources --country` command lists the country's services, then worldwide ones."""
        data = run_json("resources", "--pack", SELECTION, "--country", "IE")
        ids = [item["id"] for item in data]

        assert ids.index("sel-ie-gb-line") < ids.index("sel-world-removal")
        assert "sel-gb-line" not in ids
        assert all(not item["countries"] or "IE" in item["countries"] for item in data)

    def test_advice_filters(self) -> None:
        """The `advice` filters --audience, --topic and --jurisdiction combine."""
        data = run_json(
            "advice",
            "--pack",
            SELECTION,
            "--audience",
            "young-people",
            "--topic",
            "the-law",
            "--jurisdiction",
            "GB-SCT",
        )

        assert "sel-gb-yp" in [item["id"] for item in data]
        assert "sel-nir-yp" not in [item["id"] for item in data]
        assert all("the-law" in item["topics"] for item in data)

    def test_facts_text(self) -> None:
        """The `facts` command prints each statement, its caveat and its sources."""
        status, out = run(
            "facts", "--pack", SELECTION, "--jurisdiction", "GB-NIR", "--topic", "the-law"
        )

        assert 0 == status
        assert "[sel-fact-nir] In 1 Apr 2021" in out
        assert "[sel-fact-sct]" not in out

    def test_quotes_by_speaker(self) -> None:
        """The `quotes --speaker` command lists that speaker's quotes."""
        data = run_json("quotes", "--pack", SELECTION, "--speaker", "sel-alex")

        assert ["sel-alex-en", "sel-alex-fr"] == [item["id"] for item in data]

    def test_tip_is_stable(self) -> None:
        """The `tip --on` command gives the same advice all day, with help resources after it."""
        first = run("tip", "--pack", SELECTION, "--on", "2024-02-14", "--country", "GB")
        second = run("tip", "--pack", SELECTION, "--on", "2024-02-14", "--country", "GB")

        assert first == second
        assert 0 == first[0]
        assert "* GB Line (Example Trust; GB)" in first[1]

    def test_tip_json(self) -> None:
        """The `tip` JSON carries the advice and its `help` for the country, need by need."""
        data = run_json("tip", "--pack", SELECTION, "--on", "2024-02-14", "--country", "FR")

        assert ("advice", "FR") == (data["type"], data["country"])
        assert "sel-fr-line" in [r["id"] for group in data["help"] for r in group["resources"]]

    def test_locales(self) -> None:
        """The `locales` command lists English first, then each catalogue with its counts."""
        data = run_json("locales", "--pack", EXAMPLE)
        by_tag = {row["locale"]: row for row in data}

        assert "en" == data[0]["locale"]
        assert 0 == by_tag["en"]["missing"]
        assert by_tag["fr"]["reviewed"] >= 1
        assert by_tag["fr"]["translated"] + by_tag["fr"]["missing"] == by_tag["fr"]["total"]

    def test_locales_text(self) -> None:
        """The text table has a header and a row per locale."""
        status, out = run("locales", "--pack", SELECTION)

        assert 0 == status
        assert out.splitlines()[0].split()[:5] == [
            "locale",
            "dir",
            "translated",
            "reviewed",
            "missing",
        ]
        assert ["ar", "rtl"] == next(
            line.split()[:2] for line in out.splitlines() if line.startswith("ar ")
        )

    def test_locales_partial(self, tmp_path: Path) -> None:
        """A locale with only some messages translated is listed as partial, with its share."""
        pack = tmp_path / "sv-start"
        folder = pack / "locale" / "sv" / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (pack / "pack.toml").write_text('name = "sv-start"\n', encoding="utf-8")
        (folder / "sextingsafe.po").write_text(
            'msgid ""\nmsgstr ""\n"Language: sv\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
            'msgctxt "ui:sources"\nmsgid "Sources"\nmsgstr "Källor"\n',
            encoding="utf-8",
        )

        _, out = run("locales", "--pack", str(pack))
        (row,) = [line for line in out.splitlines() if line.startswith("sv ")]
        (data,) = [r for r in run_json("locales", "--pack", str(pack)) if r["locale"] == "sv"]

        assert row.endswith("  partial (0 %)")
        assert (1, False) == (data["translated"], data["complete"])
        assert out.splitlines()[1].endswith("(source language)")


class TestExitCodes:
    """Exit status 1 for what cannot be found or is invalid, 2 for usage errors."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ["show", "example-tal", "--pack", EXAMPLE],
                "no item with id 'example-tal'; did you mean 'example-talk'",
            ),
            (["advice", "--pack", EXAMPLE, "--locale", "xx!"], "invalid locale 'xx!'"),
            (["resources", "--pack", EXAMPLE, "--country", "XX"], "invalid country 'XX'"),
            (
                ["facts", "--pack", EXAMPLE, "--jurisdiction", "england"],
                "invalid jurisdiction 'england'",
            ),
            (["tip", "--pack", EXAMPLE, "--country", "G"], "invalid country 'G'"),
            (["show", "example-talk", "--pack", str(PACKS / "broken")], "content pack"),
            (["tip", "--country", "UK"], "invalid country 'UK'"),
            (["advice", "--topic", "gossip"], "invalid topic 'gossip'"),
        ],
    )
    def test_invalid(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """Not found or invalid: status 1, and a one-line error on stderr."""
        status, out = run(*argv)

        assert (1, "") == (status, out)
        assert capsys.readouterr().err.startswith(f"sextingsafe: error: {message}")

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["bogus"],
            ["show"],
            ["facts", "--format", "yaml"],
            ["tip", "--on", "yesterday"],
            ["resources", "--no-such-option"],
        ],
    )
    def test_usage(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """Usage errors: status 2, usage on stderr."""
        status, out = run(*argv)

        err = capsys.readouterr().err
        assert (2, "") == (status, out)
        assert 1 == len(err.splitlines()), err
        assert err.startswith("sextingsafe")
        assert "usage:" not in err

    def test_version(self) -> None:
        """--version prints the installed code and content versions to the given stdout."""
        status, out = run("--version")
        code = importlib.metadata.version("sextingsafe")

        assert (0, f"sextingsafe {code} (content {ss.content_version})\n") == (status, out)

    def test_help(self) -> None:
        """--help prints usage to the given stdout and exits 0."""
        status, out = run("--help")

        assert 0 == status
        assert out.startswith("usage: sextingsafe")

    def test_python_m(self) -> None:
        """`python -m sextingsafe --version` runs the command in a fresh interpreter."""
        done = subprocess.run(
            [sys.executable, "-m", "sextingsafe", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )

        versions = f"{importlib.metadata.version('sextingsafe')} (content {ss.content_version})"
        assert (0, f"sextingsafe {versions}\n", "") == (
            done.returncode,
            done.stdout,
            done.stderr,
        )


#: The example pack's items were all checked on this day.
EXAMPLE_REVIEWED = dt.date(2026, 11, 27)


class TestValidate:
    """`validate PATH` checks a pack and prints every problem with file:line."""

    @pytest.fixture(autouse=True)
    def clock(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Validate as on the day after the example pack was reviewed, whatever the date."""
        monkeypatch.setattr(
            _cli_validate, "_today", lambda: EXAMPLE_REVIEWED + dt.timedelta(days=1)
        )

    def test_good(self) -> None:
        """A good pack: status 0 and an OK line naming it."""
        status, out = run("validate", EXAMPLE)

        assert 0 == status
        assert out.startswith(f"{EXAMPLE}: OK (6 records;")

    @pytest.mark.parametrize(("days", "overdue"), [(365, False), (366, True)])
    def test_overdue_review(
        self, monkeypatch: pytest.MonkeyPatch, days: int, overdue: bool
    ) -> None:
        """Each item checked more than 365 days ago is a warning; the status stays 0."""
        monkeypatch.setattr(
            _cli_validate, "_today", lambda: EXAMPLE_REVIEWED + dt.timedelta(days=days)
        )

        status, out = run("validate", EXAMPLE)

        again = "more than 365 days ago; check it against its sources again"
        warnings = [
            f"warning: [[fact]] 'example-share': reviewed 2026-11-27, {again}",
            f"warning: [[quote]] 'example-speaker-talk': reviewed 2026-11-27, {again}",
            f"warning: [[advice]] 'example-talk': reviewed 2026-11-27, {again}",
            f"warning: [[resource]] 'example-line': checked 2026-11-27, {again}",
        ]
        assert 0 == status
        assert (warnings if overdue else []) == out.splitlines()[:-1]
        assert out.splitlines()[-1].startswith(f"{EXAMPLE}: OK (6 records;")

    def test_editorial_warnings(self, make_pack: Any) -> None:
        """Wording the editorial rules forbid is a warning (status 0): valid, but not safe."""
        pack = make_pack(
            "example",
            {
                "advice.toml": (
                    "You can talk to an adult you trust about anything that worries you.",
                    "It was silly to send it. Talk to an adult you trust.",
                )
            },
        )

        status, out = run("validate", str(pack))

        assert 0 == status
        assert any(
            line.startswith("warning: [[advice]] 'example-talk': 'silly':")
            for line in out.splitlines()
        )

    def test_broken(self) -> None:
        """A broken pack: status 1, each problem as path:line: message, then a count."""
        status, out = run("validate", str(PACKS / "broken"))
        lines = out.splitlines()

        assert 1 == status
        assert f"12 problem(s) in {PACKS / 'broken'}" == lines[-1]
        for expected in (
            "broken/pack.toml:2: not valid UTF-8",
            "broken/quotes.toml:4: bad TOML",
            "broken/extra.toml: unknown content file",
            "broken/sources.toml:17: [[source]] 'good-source': duplicate source id 'good-source'",
            "broken/facts.toml:13: [[fact]] 'broken-mismatch': statement: uses {total}",
            "broken/advice.toml:17: [[advice]] 'broken-date': reviewed must be a date",
        ):
            assert any(line.startswith(expected) for line in lines), expected

    def test_missing(self, tmp_path: Path) -> None:
        """A path that is not a pack: status 1 and a problem naming it."""
        status, out = run("validate", str(tmp_path / "nowhere"))

        assert 1 == status
        assert f"{tmp_path / 'nowhere'}: not a directory" in out


class TestExport:
    """`export` writes content as JSON (a documented command)."""

    def test_export_json(self) -> None:
        """The `export --format json` command writes JSON that includes every item of a pack."""
        status, out = run("export", "--pack", EXAMPLE, "--format", "json")

        assert 0 == status
        text = json.dumps(json.loads(out))
        for item in ("example-share", "example-speaker-talk", "example-talk", "example-line"):
            assert f'"{item}"' in text


class TestOddInput:
    """Odd input gets one clear line: what was wrong, what was meant, and the exit status."""

    @pytest.mark.parametrize("command", ["glossary", "faq", "scripts"])
    def test_reference_topic_typo(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """A mistyped topic on glossary, faq or scripts is one line naming the topic meant."""
        status, out = run(command, "--topic", "sextortin")

        err = capsys.readouterr().err
        assert (1, "", 1) == (status, out, err.count("\n"))
        assert err.startswith("sextingsafe: error: invalid topic 'sextortin': expected one of ")
        assert err.endswith("; did you mean 'sextortion'?\n")

    @pytest.mark.parametrize("command", ["faq", "scripts"])
    def test_reference_audience_typo(
        self, capsys: pytest.CaptureFixture[str], command: str
    ) -> None:
        """A mistyped audience on faq or scripts is one line with the nearest audience, status 1."""
        status, out = run(command, "--audience", "parent")

        assert (
            1,
            "",
            (
                "sextingsafe: error: invalid audience 'parent': expected one of 'young-people', "
                "'parents-carers', 'professionals', 'adults'; did you mean 'parents-carers'?\n"
            ),
        ) == (status, out, capsys.readouterr().err)

    def test_reference_audience_listed_in_help(self) -> None:
        """``faq --help`` still lists the audiences, now that argparse does not check them."""
        status, out = run("faq", "--help")

        assert 0 == status
        assert "--audience AUDIENCE who asks: one of: young-people, parents-carers," in " ".join(
            out.split()
        )

    @pytest.mark.parametrize(
        ("argv", "line"),
        [
            (
                ["tip", "--country", "UK"],
                (
                    "sextingsafe: error: invalid country 'UK': expected an ISO 3166-1 alpha-2 "
                    "country code such as 'GB', or a subdivision such as 'GB-SCT'; "
                    "did you mean 'GB'?"
                ),
            ),
            (
                ["tip", "--country", "uk"],
                (
                    "sextingsafe: error: invalid country 'uk': expected an ISO 3166-1 alpha-2 "
                    "country code such as 'GB', or a subdivision such as 'GB-SCT'; "
                    "did you mean 'GB'?"
                ),
            ),
            (
                ["resources", "--country", "France"],
                (
                    "sextingsafe: error: invalid country 'France': expected an ISO 3166-1 alpha-2 "
                    "country code such as 'GB'; did you mean 'FR'?"
                ),
            ),
            (
                ["advice", "--jurisdiction", "UK"],
                (
                    "sextingsafe: error: invalid jurisdiction 'UK': expected an ISO 3166 code such "
                    "as 'GB' or 'GB-SCT'; did you mean 'GB'?"
                ),
            ),
            (
                ["advice", "--jurisdiction", "Scotland"],
                (
                    "sextingsafe: error: invalid jurisdiction 'Scotland': expected an ISO 3166 "
                    "code such as 'GB' or 'GB-SCT'; did you mean 'GB-SCT'?"
                ),
            ),
            (
                ["quotes", "--speaker", "zena"],
                "sextingsafe: error: no speaker with id 'zena'; did you mean 'zena-marshall'?",
            ),
            (["quotes", "--speaker", "nobody"], "sextingsafe: error: no speaker with id 'nobody'"),
        ],
        ids=["UK", "uk", "France", "jurisdiction-UK", "Scotland", "speaker", "no-speaker"],
    )
    def test_not_found_with_suggestions(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], line: str
    ) -> None:
        """Status 1 and one line on stderr, with the value most likely meant."""
        status, out = run(*argv)

        assert (1, "", line + "\n") == (status, out, capsys.readouterr().err)

    @pytest.mark.parametrize(
        ("value", "line"),
        [
            (
                "2026-02-30",
                (
                    "sextingsafe tip: error: argument --on: '2026-02-30' is not a day written "
                    "YYYY-MM-DD (day is out of range for month) (see 'sextingsafe tip --help')"
                ),
            ),
            (
                "tomorrow",
                (
                    "sextingsafe tip: error: argument --on: 'tomorrow' is not a day written "
                    "YYYY-MM-DD (see 'sextingsafe tip --help')"
                ),
            ),
        ],
    )
    def test_bad_date(self, capsys: pytest.CaptureFixture[str], value: str, line: str) -> None:
        """A bad --on day is a usage error (status 2) in one line, without the usage."""
        status, _ = run("tip", "--on", value)

        assert (2, line + "\n") == (status, capsys.readouterr().err)

    @pytest.mark.parametrize(
        "command",
        [
            "tip",
            "facts",
            "quotes",
            "advice",
            "resources",
            "occasions",
            "show",
            "locales",
            "export",
            "validate",
            "search",
            "diff",
        ],
    )
    def test_help_describes_and_shows_examples(self, command: str) -> None:
        """Every command's --help has a description and at least one example of its use."""
        status, out = run(command, "--help")

        assert 0 == status
        usage, description = out.split("\n\n")[:2]
        assert usage.startswith(f"usage: sextingsafe {command}")
        assert len(description) > 20
        assert f"examples:\n  sextingsafe {command}" in out
