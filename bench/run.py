"""Benchmarks for sextingsafe, as ratios against its peers, measured side by side in one run.

Run ``python bench/run.py`` (about ten minutes) or ``python bench/run.py --quick`` (a smoke test
of every section, as CI runs it). The report is Markdown; ``--output`` also writes it to a file.
Timings are reported, never asserted: a missed budget is printed with the amount it is missed by.

The peers (``attrs``, ``pycountry``, ``babel``, ``gettext``) must be installed in the same
interpreter: ``pip install --group bench`` in a checkout.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import write_pack

ADVICE_ID = "ask-who-should-see-it"
FACT_ID = "met-under-14-suspects-2017-2019"
HEADER = "fr-CA,fr;q=0.9,en-GB;q=0.8,en;q=0.7"

_BABEL_STACK = (
    "import attrs, gettext; import babel.numbers; babel.numbers.format_decimal(353, locale='pl')"
)
COLD: Sequence[tuple[str, str, str, str, float]] = (
    (
        "cold `import sextingsafe` (no content touched)",
        "import sextingsafe",
        "`import attrs`",
        "import attrs",
        1.15,
    ),
    (
        "cold import + first localised advice text (pl)",
        f"import sextingsafe as ss; str(ss.advice[{ADVICE_ID!r}].localize('pl').title)",
        "pycountry cold `countries.get(alpha_2='FR')`",
        "import pycountry; pycountry.countries.get(alpha_2='FR')",
        0.85,
    ),
    (
        "cold import + first fact statement with a Babel-formatted number (pl)",
        f"import sextingsafe as ss; str(ss.facts[{FACT_ID!r}].statement('pl'))",
        "`import attrs, gettext` + `format_decimal(353, locale='pl')`",
        _BABEL_STACK,
        1.05,
    ),
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # Measure what users get: imports from compiled bytecode, as pip leaves it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run_once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=_env())
    return time.perf_counter() - start


def cold(pairs: int) -> list[list[str]]:
    """Paired, alternating cold processes; the median of the per-pair ratios."""
    rows = []
    for what, ours, peer_name, peer, budget in COLD:
        _run_once(ours)
        _run_once(peer)
        ratios, ours_t, peer_t = [], [], []
        for index in range(pairs):
            if index % 2:
                b, a = _run_once(peer), _run_once(ours)
            else:
                a, b = _run_once(ours), _run_once(peer)
            ours_t.append(a)
            peer_t.append(b)
            ratios.append(a / b)
        ratio = statistics.median(ratios)
        rows.append(
            [
                what,
                _ms(statistics.median(ours_t)),
                peer_name,
                _ms(statistics.median(peer_t)),
                f"{ratio:.2f}",
                f"≤ {budget}",
                _verdict(ratio, budget),
            ]
        )
    return rows


def importtime() -> list[list[str]]:
    """Where the import time of a first fact statement goes, by top-level package (median of 5)."""
    code = f"import sextingsafe as ss; str(ss.facts[{FACT_ID!r}].statement('pl'))"
    runs: list[dict[str, float]] = []
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            check=True,
            env=_env(),
            capture_output=True,
            text=True,
        )
        totals: dict[str, float] = {}
        for line in done.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|(\s*)(\S+)", line)
            if not match:
                continue
            name = match.group(3)
            top = name.split(".")[0]
            key = (
                name
                if top == "sextingsafe"
                else top
                if top in {"attr", "attrs", "babel"}
                else "other"
            )
            totals[key] = totals.get(key, 0.0) + int(match.group(1)) / 1000
        runs.append(totals)
    keys = sorted(
        {k for run in runs for k in run},
        key=lambda k: -statistics.median(r.get(k, 0) for r in runs),
    )
    return [[k, f"{statistics.median(r.get(k, 0.0) for r in runs):.1f} ms"] for k in keys]


def _best(stmt: Callable[[], object], number: int, repeat: int) -> float:
    times = timeit.repeat(stmt, number=number, repeat=repeat)
    return statistics.median(times) / number


def warm(repeat: int) -> list[list[str]]:
    """In-process per-call costs, medians of repeats, each beside its peer."""
    import babel
    import babel.numbers
    import pycountry

    import sextingsafe as ss

    item = ss.advice[ADVICE_ID]
    fact = ss.facts[FACT_ID]
    item.localized_field("title", "pl")
    fact.statement("pl")
    ss.negotiate(HEADER)
    pycountry.countries.get(alpha_2="FR")
    plain = {ADVICE_ID: item}
    available = [str(i.locale) for i in ss.locales()]
    fresh_cache = ss.Catalogue.load()

    def fresh_statement() -> None:
        # A new catalogue has an empty text cache: this is formatting afresh.
        fresh_cache.facts[FACT_ID].renderer._texts.clear()  # type: ignore[union-attr]  # noqa: SLF001
        fresh_cache.facts[FACT_ID].statement("pl")

    cases: list[tuple[str, Callable[[], object], str, Callable[[], object], float, int]] = [
        (
            "warm `advice[id]`",
            lambda: ss.advice[ADVICE_ID],
            "dict hit",
            lambda: plain[ADVICE_ID],
            10.0,
            100_000,
        ),
        (
            "warm localised text, locale as a string",
            lambda: item.localized_field("title", "pl"),
            "pycountry `get(alpha_2=...)`",
            lambda: pycountry.countries.get(alpha_2="FR"),
            1.0,
            100_000,
        ),
        (
            "warm `advice[id].localize(locale)` (whole view)",
            lambda: item.localize("pl"),
            "pycountry `get(alpha_2=...)`",
            lambda: pycountry.countries.get(alpha_2="FR"),
            1.0,
            100_000,
        ),
        (
            "warm `advice[id].localize(locale, country=...)`",
            lambda: item.localize("pl", country="PL"),
            "pycountry `get(alpha_2=...)`",
            lambda: pycountry.countries.get(alpha_2="FR"),
            1.0,
            100_000,
        ),
        (
            "warm `negotiate()` of a typical header",
            lambda: ss.negotiate(HEADER),
            "babel `negotiate_locale`",
            lambda: babel.negotiate_locale(["fr_CA", "fr", "en_GB", "en"], available),
            1.0,
            100_000,
        ),
        (
            "repeated fact statement (cached)",
            lambda: fact.statement("pl"),
            "the same statement formatted afresh",
            fresh_statement,
            0.1,
            2_000,
        ),
    ]
    rows = []
    for what, ours, peer_name, peer, budget, number in cases:
        a = _best(ours, number, repeat)
        b = _best(peer, max(number // 10, 200) if "afresh" in peer_name else number, repeat)
        ratio = a / b
        rows.append(
            [
                what,
                _ns(a),
                peer_name,
                _ns(b),
                f"{ratio:.2f}",
                f"≤ {budget}",
                _verdict(ratio, budget),
            ]
        )
    return rows


_RSS = """
import os, resource
def rss():
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_MEMORY = (
    _RSS
    + """
import sys, time
base = rss()
import attrs
after_attrs = rss()
import sextingsafe as ss
after_import = rss()
str(ss.advice["{advice}"].localize("en").title)
after_lookup = rss()
steps = []
for name in ("fr", "pl", "ar"):
    before, t = rss(), time.perf_counter()
    ss.advice["{advice}"].localized_field("title", name)
    steps.append((name, time.perf_counter() - t, rss() - before))
print(base, after_attrs, after_import, after_lookup)
for name, seconds, mib in steps:
    print(name, seconds, mib)
"""
)


def memory() -> list[list[str]]:
    """RSS after import and first lookup, and the cost of each further locale."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY.replace("{advice}", ADVICE_ID)],
        check=True,
        env=_env(),
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    base, attrs_, imported, looked_up = map(float, out[0].split())
    rows = [
        [
            "RSS after `import sextingsafe`",
            f"+{imported - base:.1f} MiB",
            "`import attrs`",
            f"+{attrs_ - base:.1f} MiB",
            f"{imported - attrs_:+.1f} MiB",
            "≤ attrs + 1 MiB",
            "met" if imported - attrs_ <= 1 else f"missed by {imported - attrs_ - 1:.1f} MiB",
        ],
        [
            "RSS after the first localised advice",
            f"+{looked_up - base:.1f} MiB",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
    for line in out[1:]:
        if not line.strip():
            continue
        name, seconds, mib = line.split()
        ms, mb = float(seconds) * 1000, float(mib)
        ok = ms <= 1 and mb <= 0.5
        rows.append(
            [
                f"loading locale {name}",
                f"{ms:.2f} ms, +{mb:.2f} MiB",
                "",
                "",
                "",
                "≤ 1 ms and ≤ 0.5 MiB",
                "met" if ok else "missed",
            ]
        )
    return rows


_SCALE = (
    _RSS
    + """
import glob, os, sys, time, statistics, timeit, tomllib
import sextingsafe as ss
path, n = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(os.path.join(path, "*.toml")))
def parse():
    for name in files:
        with open(name, "rb") as handle:
            tomllib.loads(handle.read().decode("utf-8"))
# Paired and alternating: tomllib alone, then the whole load (TOML, records, catalogue checks).
loads, parses = [], []
for index in range(3):
    t = time.perf_counter(); parse(); parses.append(time.perf_counter() - t)
    cat = None  # the previous load is freed first, as an app loads once
    before = rss()
    t = time.perf_counter(); cat = ss.Catalogue.load(path, include_bundled=False)
    loads.append(time.perf_counter() - t)
    len(cat.advice)
    after = rss()
load, toml = statistics.median(loads), statistics.median(parses)
ids = list(cat.advice)
probe = ids[len(ids) // 2]
lookup = statistics.median(timeit.repeat(lambda: cat.advice[probe], number=20000, repeat=5)) / 20000
str(cat.advice[probe].localized_field("title", "fr"))
loaded = ",".join(cat.store.loaded_locales())
t = time.perf_counter(); cat.locales(); locales = time.perf_counter() - t
t = time.perf_counter(); ss.export(cat, locales=["fr"]); export = time.perf_counter() - t
print(load, toml, lookup, after - before, locales, export, loaded)
"""
)


def scale(sizes: Sequence[int]) -> tuple[list[list[str]], list[list[str]]]:
    """Generated packs: load beside parsing its TOML, lookup, memory, locales() and export."""
    rows, ratios = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            pack = Path(tmp) / f"pack-{size}"
            write_pack(pack, size, locales=("fr", "pl", "ar"))
            out = subprocess.run(
                [sys.executable, "-c", _SCALE, str(pack), str(size)],
                check=True,
                env=_env(),
                capture_output=True,
                text=True,
            ).stdout.split()
            load, toml, lookup, mib, locales, export = map(float, out[:6])
            loaded = out[6] if len(out) > 6 else ""
            rows.append(
                [
                    f"{size:,}",
                    f"{load:.2f} s",
                    f"{load / size * 1e6:.1f} µs",
                    _ns(lookup),
                    f"{mib * 1024 / size:.2f} KiB",
                    f"{locales:.2f} s ({locales / size * 1e6:.1f} µs/item)",
                    f"{export:.2f} s ({export / size * 1e6:.1f} µs/item)",
                    loaded or "(none)",
                ]
            )
            ratio = load / toml
            ratios.append(
                [
                    f"{size:,}",
                    f"{load:.2f} s",
                    f"{toml:.2f} s",
                    f"{ratio:.2f}",
                    "≤ 1.3",
                    _verdict(ratio, 1.3),
                ]
            )
            shutil.rmtree(pack)
    return rows, ratios


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _ns(seconds: float) -> str:
    return f"{seconds * 1e9:,.0f} ns" if seconds < 1e-5 else f"{seconds * 1e6:,.1f} µs"


def _verdict(ratio: float, budget: float) -> str:
    return "met" if ratio <= budget else f"missed by {(ratio / budget - 1) * 100:.0f} %"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run of every section")
    parser.add_argument("--pairs", type=int, help="cold-process pairs (default 25; 3 with --quick)")
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)
    pairs = args.pairs or (3 if args.quick else 25)
    # The 100,000-item rows take minutes: the full run only.
    sizes = (200,) if args.quick else (1_000, 10_000, 100_000)
    import sextingsafe

    started = time.perf_counter()
    scaled, load_ratios = scale(sizes)
    parts = [
        "# sextingsafe benchmarks",
        "",
        (
            f"Command: `python bench/run.py{' --quick' if args.quick else ''}`; "
            f"sextingsafe {sextingsafe.__version__}; Python {platform.python_version()} "
            f"({platform.python_implementation()}); {platform.machine()}, {os.cpu_count()} cores; "
            f"{platform.system()} {platform.release()}."
        ),
        "",
        f"## Cold processes ({pairs} paired, alternating runs; median of per-pair ratios)",
        "",
        _table(
            ["what", "sextingsafe", "peer", "peer time", "ratio", "budget", "verdict"], cold(pairs)
        ),
        "",
        "## Where the import time goes (`-X importtime`, first fact statement, median of 5)",
        "",
        _table(["module or package", "self time"], importtime()),
        "",
        "## Warm per-call costs (timeit, medians)",
        "",
        _table(
            ["what", "sextingsafe", "peer", "peer time", "ratio", "budget", "verdict"],
            warm(3 if args.quick else 7),
        ),
        "",
        "## Memory (resident set size over a bare interpreter)",
        "",
        _table(
            ["what", "sextingsafe", "peer", "peer", "difference", "budget", "verdict"], memory()
        ),
        "",
        "## Scale (generated packs, three locales each)",
        "",
        "Each pack is loaded alone (its TOML files, every record validated, its three compiled",
        "catalogues checked); `locales()` counts coverage over every message and locale; the",
        "export writes English and French.",
        "",
        _table(
            [
                "items",
                "load",
                "load per item",
                "lookup",
                "memory per item",
                "`locales()`",
                "`export(locales=['fr'])`",
                "catalogues read for one fr text",
            ],
            scaled,
        ),
        "",
        "## Loading a pack beside parsing its TOML with `tomllib` (paired, median of 3)",
        "",
        _table(
            ["items", "`Catalogue.load`", "`tomllib` alone", "ratio", "budget", "verdict"],
            load_ratios,
        ),
        "",
        f"Total benchmark time: {time.perf_counter() - started:.0f} s.",
        "",
    ]
    report = "\n".join(parts)
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
