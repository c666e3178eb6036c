"""The installed package: its files, its version, its public names, and a cheap import.

CI runs these against the built wheel, so a file missing from the wheel fails here.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import sextingsafe

#: The locales the package ships translations for.
SHIPPED = (
    "ar", "bn", "cy", "de", "es", "fa", "fr", "gu", "hi", "it", "lt", "nl",
    "pa", "pl", "pt", "pt_BR", "ro", "so", "ta", "tr", "uk", "ur", "zh_Hans", "zh_Hant",
)  # fmt: skip
CONTENT_PREFIXES = ("sources", "quotes", "resources", "facts", "advice")


@pytest.fixture(scope="module")
def package_dir() -> Path:
    """The directory the installed package is imported from."""
    spec = importlib.util.find_spec("sextingsafe")
    assert spec is not None
    assert spec.origin is not None
    return Path(spec.origin).parent


class TestFiles:
    """The installed package carries its data."""

    @pytest.mark.parametrize("prefix", CONTENT_PREFIXES)
    def test_content(self, package_dir: Path, prefix: str) -> None:
        """Each kind's main content file is installed."""
        assert (package_dir / "content" / f"{prefix}.toml").is_file()

    def test_py_typed(self, package_dir: Path) -> None:
        """py.typed marks the package as typed for mypy."""
        assert (package_dir / "py.typed").is_file()

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_compiled_catalogue(self, package_dir: Path, locale: str) -> None:
        """Each shipped locale has a compiled .mo (a missing one fails; nothing is skipped)."""
        path = package_dir / "locale" / locale / "LC_MESSAGES" / "sextingsafe.mo"

        assert path.is_file(), f"{path} is missing"
        assert path.read_bytes()[:4] in {b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"}

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_catalogue_supported(self, locale: str) -> None:
        """The installed catalogue makes the locale supported."""
        from sextingsafe._catalogue import default_catalogue

        assert locale in default_catalogue().supported_locales()


class TestMetadata:
    """The version is written once and agrees everywhere."""

    def test_version(self) -> None:
        """__version__ is the installed distribution's version."""
        assert importlib.metadata.version("sextingsafe") == sextingsafe.__version__

    def test_runtime_dependencies(self) -> None:
        """The only runtime dependencies are attrs and babel."""
        requires = importlib.metadata.requires("sextingsafe") or []
        runtime = {
            r.split(";")[0].split(">")[0].split("=")[0].split("[")[0].strip().lower()
            for r in requires
            if "extra ==" not in r
        }

        assert {"attrs", "babel"} == runtime

    def test_extractor_registered(self) -> None:
        """The `sextingsafe` babel.extractors entry point points at the extractor."""
        (entry,) = importlib.metadata.entry_points(group="babel.extractors", name="sextingsafe")

        assert "sextingsafe.babel_extract:extract" == entry.value

    def test_console_script(self) -> None:
        """The `sextingsafe` command is installed."""
        (entry,) = importlib.metadata.entry_points(group="console_scripts", name="sextingsafe")

        assert "sextingsafe._cli:main" == entry.value


class TestAll:
    """The public names: sorted, present, documented."""

    def test_sorted(self) -> None:
        """__all__ is sorted (and has no duplicates)."""
        assert sorted(set(sextingsafe.__all__)) == sextingsafe.__all__

    @pytest.mark.parametrize("name", sextingsafe.__all__)
    def test_exists(self, name: str) -> None:
        """Every name in __all__ can be got from the package."""
        assert getattr(sextingsafe, name) is not None

    @pytest.mark.parametrize("name", sextingsafe.__all__)
    def test_documented(self, name: str) -> None:
        """Every public class and function has its own docstring; the rest is data.

        The data names are the version string and the bundled collections.
        """
        value = getattr(sextingsafe, name)

        if inspect.isclass(value):
            assert (vars(value).get("__doc__") or "").strip(), name
        elif inspect.isfunction(value):
            assert (value.__doc__ or "").strip(), name
        else:
            assert isinstance(value, str | sextingsafe.Collection), name

    def test_dir(self) -> None:
        """dir(sextingsafe) lists every public name (for completion in editors and REPLs)."""
        assert set(sextingsafe.__all__) <= set(dir(sextingsafe))

    def test_unknown_name(self) -> None:
        """A missing name raises AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no_such_name"):
            sextingsafe.no_such_name  # noqa: B018 - the lookup is the test


class TestColdImport:
    """`import sextingsafe` imports nothing heavy (only attrs at import time)."""

    @pytest.mark.parametrize(
        "module", ["babel", "json", "gettext", "tomllib", "importlib.metadata"]
    )
    def test_not_imported(self, module: str) -> None:
        """A fresh interpreter that imports sextingsafe has not imported *module*."""
        code = (
            "import sys\n"
            "import sextingsafe\n"
            f"name = {module!r}\n"
            "print(sorted(m for m in sys.modules if m == name or m.startswith(name + '.')))\n"
        )
        done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
        )

        assert "[]\n" == done.stdout

    def test_content_not_read(self) -> None:
        """A fresh import reads no content: the pack modules are not even imported."""
        code = "import sys, sextingsafe\nprint('sextingsafe._packs' in sys.modules)\n"
        done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
        )

        assert "False\n" == done.stdout
