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
