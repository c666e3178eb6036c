"""Run each fuzz target for a bounded time, from a corpus seeded with the fixture packs.

    python tests/fuzz/run.py --seconds 20

Each target runs under libFuzzer (atheris) in its own process, with a fresh corpus in a
temporary directory. A crash, a timeout or an unexpected exception fails the run; libFuzzer
prints the input, and ``--keep DIR`` keeps the corpus and crash files for a closer look.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pack_files import FILES

HERE = Path(__file__).parent
PACKS = HERE.parent / "packs"
TARGETS = ("fuzz_negotiate", "fuzz_pack")
#: Seeds for negotiate(): headers, tags and locales as apps pass them, good and bad.
NEGOTIATE_SEEDS = (
    "fr-CA,fr;q=0.9,en;q=0.5",
    "pt-BR",
    "zh-Hant-TW, zh;q=0.8, *;q=0.1",
    "ar;q=1.000, en;q=0",
    "EN_gb.UTF-8@euro",
    "sr-Latn-RS",
    "x-klingon;q=0.5",
    "fr;q=2",
    "*",
    "ß, ſ, İ",
)


def seed_negotiate(corpus: Path) -> None:
    """Write each seed text once for each mode (the first byte picks the mode)."""
    for number, text in enumerate(NEGOTIATE_SEEDS):
        for mode in range(4):
            (corpus / f"seed-{number}-{mode}").write_bytes(bytes([mode]) + text.encode())


def seed_pack(corpus: Path) -> None:
    """Write every file of every fixture pack, prefixed with the byte that selects its name."""
    for pack in sorted(PACKS.iterdir()):
        for number, name in enumerate(FILES):
            path = pack / name
            if path.is_file():
                seed = corpus / f"seed-{pack.name}-{path.name}"
                seed.write_bytes(bytes([number]) + path.read_bytes())


#: Tokens libFuzzer splices into pack inputs: TOML, gettext and the tricks hostile packs use.
PACK_TOKENS = (
    "[[advice]]",
    "[[fact]]",
    "[[resource]]",
    "{ a = ",
    "[[[[",
    " = nan",
    " = inf",
    " = 1e30",
    ' = """',
    "'''",
    "\\u0000",
    "\\u001b",
    "{count.__class__}",
    "{0}",
    "{{",
    "%(count)s",
    "<script>",
    "msgctxt ",
    "msgid_plural ",
    "msgstr[2] ",
    "#, fuzzy",
    "# reviewed-by: ",
    "Plural-Forms: nplurals=3; plural=(n / 0);",
    "charset=",
    "Language: ",
    "overrides = ",
)


def write_dictionary(path: Path, tokens: tuple[str, ...]) -> Path:
    """Write tokens in libFuzzer's dictionary format."""
    lines = (json.dumps(token) for token in tokens)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


SEEDERS = {"fuzz_negotiate": seed_negotiate, "fuzz_pack": seed_pack}


def run(target: str, seconds: int, work: Path) -> int:
    """Run one target for *seconds*; return its exit status."""
    corpus = work / f"corpus-{target}"
    artifacts = work / f"crashes-{target}"
    corpus.mkdir()
    artifacts.mkdir()
    SEEDERS[target](corpus)
    command = [
        sys.executable,
        str(HERE / f"{target}.py"),
        str(corpus),
        f"-max_total_time={seconds}",
        "-timeout=20",
        "-rss_limit_mb=2048",
        "-max_len=65536",
        f"-artifact_prefix={artifacts}{os.sep}",
        "-print_final_stats=1",
    ]
    if target == "fuzz_pack":
        command.append(f"-dict={write_dictionary(work / 'pack.dict', PACK_TOKENS)}")
    print(f"=== {target}: {seconds} s from {len(list(corpus.iterdir()))} seeds", flush=True)  # noqa: T201
    done = subprocess.run(command, check=False)  # noqa: S603 - our own interpreter and script
    crashes = sorted(artifacts.iterdir())
    for crash in crashes:
        print(f"    {target}: failing input kept in {crash}", flush=True)  # noqa: T201
    return done.returncode or (1 if crashes else 0)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen targets (all by default); return 0 only if none failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20, help="time per target (default 20)")
    parser.add_argument("--target", action="append", choices=TARGETS, help="run only this one")
    parser.add_argument("--keep", type=Path, help="keep corpora and crashes in this directory")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("atheris") is None:
        parser.error("atheris is not installed: pip install --group fuzz (or pip install atheris)")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sextingsafe-fuzz-", dir=args.keep))
    try:
        failed = [t for t in args.target or TARGETS if run(t, args.seconds, work) != 0]
    finally:
        if args.keep is None and not sorted(work.glob("crashes-*/*")):
            shutil.rmtree(work, ignore_errors=True)
    if failed:
        print(f"fuzzing failed: {', '.join(failed)}; inputs are in {work}")  # noqa: T201
        return 1
    print("fuzzing found nothing")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
