"""The renderer: localised views cached per item, locale and reader, bounded and safe."""

from __future__ import annotations

import attrs
import pytest

import sextingsafe


class TestViewCache:
    """Localised views are made once per item, locale and reader, and served from a cache."""

    def test_warm_view_is_the_same_object(self) -> None:
        """The second localize() with the same arguments returns the very same view."""
        advice = sextingsafe.advice["ask-who-should-see-it"]

        assert advice.localize("pl", country="PL") is advice.localize("pl", country="PL")

    def test_keyed_by_country_and_age(self) -> None:
        """A different country or age is a different view, with its own help."""
        advice = sextingsafe.advice["ask-who-should-see-it"]

        poland, britain = advice.localize("pl", country="PL"), advice.localize("pl", country="GB")
        unknown = advice.localize("pl")

        assert poland is not britain
        assert ("PL", "GB", None) == (poland.country, britain.country, unknown.country)
        assert advice.localize("pl", country="PL", age=15) is not poland

    def test_unhashable_locale_still_refused(self) -> None:
        """An unhashable locale is not cached: it is refused as malformed, as before."""
        advice = sextingsafe.advice["ask-who-should-see-it"]

        with pytest.raises(sextingsafe.InvalidLocaleError):
            advice.localize(["pl"])  # type: ignore[arg-type]

    def test_evolved_item_gets_its_own_view(self) -> None:
        """An item copied with changes never gets the cached view of the item it came from."""
        advice = sextingsafe.advice["ask-who-should-see-it"]
        view = advice.localize("en")

        changed = attrs.evolve(advice, jurisdictions=("GB",))

        assert changed.localize("en") is not view
        assert changed is changed.localize("en").advice


class TestTextCache:
    """Localised texts are made once per item, field and locale, and served from a cache."""

    def test_warm_text_is_the_same_object(self) -> None:
        """The second request for a field in a locale returns the very same text."""
        advice = sextingsafe.advice["ask-who-should-see-it"]

        assert advice.localized_field("title", "pl") is advice.localized_field("title", "pl")

    def test_evolved_item_gets_its_own_text(self) -> None:
        """An item copied with a changed title shows its own title, not the cached original's."""
        advice = sextingsafe.advice["ask-who-should-see-it"]
        original = str(advice.localized_field("title", "en"))

        changed = attrs.evolve(advice, title="A changed title")

        assert "A changed title" == str(changed.localized_field("title", "en"))
        assert "A changed title" == str(changed.localize("fr-CA", country="PL").title)
        assert original == str(advice.localized_field("title", "en"))

    def test_evolved_fact_gets_its_own_statement(self) -> None:
        """A fact copied with a changed value is formatted from its own value."""
        fact = sextingsafe.facts["met-under-14-suspects-2017-2019"]
        fact.statement("en")
        name = next(iter(fact.values))

        changed = attrs.evolve(fact, values={**fact.values, name: 123456})

        assert "123,456" in str(changed.statement("en"))
        assert "123,456" not in str(fact.statement("en"))


class TestToday:
    """The day freshness is judged on, when none is given, is the local day, re-read each minute."""

    def test_reads_the_day_again_when_the_minute_is_up(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An expired reading is replaced by date.today(); a fresh one is reused as it is."""
        import datetime as dt

        from sextingsafe import _renderer

        monkeypatch.setattr(_renderer, "_TODAY", [0.0, dt.date(2000, 1, 1)])
        assert dt.date.today() == _renderer._today()  # noqa: DTZ011

        monkeypatch.setattr(_renderer, "_TODAY", [float("inf"), dt.date(2000, 1, 1)])
        assert dt.date(2000, 1, 1) == _renderer._today()
