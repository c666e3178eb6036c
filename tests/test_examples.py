"""The Flask and Django examples survive any query string and header: a page, never a 5xx.

Whatever the country in the query string (missing, empty, unknown, markup, NUL, megabytes)
and whatever the ``Accept-Language`` header, the reader gets a page: their country's help
where the country is known, and otherwise the help that works from anywhere with a notice.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sextingsafe as ss

EXAMPLES = Path(__file__).parents[1] / "examples"
NOTICE = '<p class="notice">'
#: Odd values people and scanners send, beside the generated ones.
ODD = ["", "UK", "uk", "<script>", "%00", "\x00", "GB-SCT", "XX", "gb", " GB", "ß", "💥" * 3]
#: Header values: any text a client can put on one header line.
HEADERS = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
    max_size=200,
)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def flask_client() -> Any:
    """A test client of the Flask example."""
    module = _load("sextingsafe_example_flask_fuzz", EXAMPLES / "flask_app.py")
    return module.create_app().test_client()


@pytest.fixture(scope="module")
def django_view() -> Any:
    """The Django example's view and a request factory."""
    module = _load("sextingsafe_example_django_fuzz", EXAMPLES / "django_app" / "__init__.py")
    module.configure()
    from django.test import RequestFactory

    return module.tip_view, RequestFactory()


def national_names() -> list[str]:
    """The names of the services for one country, as the page escapes them."""
    return [r.name.replace("'", "&#39;") for r in ss.resources.values() if not r.worldwide]


class TestFlask:
    """The Flask example answers every request with a page."""

    @pytest.mark.parametrize("country", ODD)
    def test_odd_country(self, flask_client: Any, country: str) -> None:
        """An odd country gives a page; unless it is a country, worldwide help and the notice."""
        response = flask_client.get("/", query_string={"country": country})
        page = response.get_data(as_text=True)

        assert 200 == response.status_code
        known = country.strip().upper() == "GB" and country == country.strip()
        assert (NOTICE in page) is not known
        assert "<script>" not in page

    def test_no_country(self, flask_client: Any) -> None:
        """Without a country: every worldwide service, no national one, and the notice."""
        page = flask_client.get("/").get_data(as_text=True)

        assert NOTICE in page
        assert "<strong>" in page
        assert not any(f"<strong>{name}</strong>" in page for name in national_names())

    def test_country_given(self, flask_client: Any) -> None:
        """With a country, its own help and no notice."""
        page = flask_client.get("/?country=pl", headers={"Accept-Language": "pl"}).get_data(
            as_text=True
        )

        assert NOTICE not in page
        assert str(ss.label("tip-of-the-day", "pl")) in page
        for resource in ss.resources.select(country="PL", worldwide=False):
            assert resource.name.replace("'", "&#39;") in page

    @settings(max_examples=150)
    @given(query=st.binary(max_size=300), header=HEADERS)
    def test_any_query_string_and_header(
        self, flask_client: Any, query: bytes, header: str
    ) -> None:
        """Any raw query string and Accept-Language header give a 200 page, never a 5xx."""
        response = flask_client.get(
            "/",
            headers={"Accept-Language": header},
            environ_overrides={"QUERY_STRING": query.decode("latin-1")},
        )

        assert 200 == response.status_code

    @settings(max_examples=150)
    @given(country=st.text(max_size=100), header=HEADERS)
    def test_any_country_text(self, flask_client: Any, country: str, header: str) -> None:
        """Any country text gives a page, with the notice unless it names a known country."""
        response = flask_client.get(
            "/", query_string={"country": country}, headers={"Accept-Language": header}
        )

        assert 200 == response.status_code


class TestDjango:
    """The Django example's view answers every request with a page."""

    @pytest.mark.parametrize("country", ODD)
    def test_odd_country(self, django_view: Any, country: str) -> None:
        """An odd country gives a page with worldwide help and the notice, or the country's."""
        view, factory = django_view

        response = view(factory.get("/", {"country": country}))
        page = response.content.decode()

        assert 200 == response.status_code
        known = country in {"gb", "GB"}
        assert (NOTICE in page) is not known
        assert "<script>" not in page

    def test_no_country(self, django_view: Any) -> None:
        """Without a country: every worldwide service, no national one, and the notice."""
        view, factory = django_view

        page = view(factory.get("/")).content.decode()

        assert NOTICE in page
        assert "<strong>" in page
        assert not any(f"<strong>{name}</strong>" in page for name in national_names())

    @settings(max_examples=150)
    @given(country=st.text(max_size=100), header=HEADERS)
    def test_any_country_and_header(self, django_view: Any, country: str, header: str) -> None:
        """Any country and Accept-Language header give a 200 page."""
        view, factory = django_view

        response = view(factory.get("/", {"country": country}, HTTP_ACCEPT_LANGUAGE=header))

        assert 200 == response.status_code
