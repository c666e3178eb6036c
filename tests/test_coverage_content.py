"""The bundled advice covers what young people face now, for the ages it is written for.

Thresholds are the ones issue 16 ("Cover what young people face now") set; they are floors,
so adding advice never breaks these tests.
"""

from __future__ import annotations

from sextingsafe import Advice, Audience
from sextingsafe._catalogue import default_catalogue
from sextingsafe._editorial import reading_grade


def young_people_advice() -> list[Advice]:
    """Return every bundled advice item written for young people."""
    return [a for a in default_catalogue().advice.values() if Audience.YOUNG_PEOPLE in a.audiences]


def primary_advice() -> list[Advice]:
    """Return the young people's items written for children under 11 (ages ending by 10)."""
    return [
        a
        for a in young_people_advice()
        if a.ages is not None and a.ages.max is not None and a.ages.max <= 10
    ]


class TestAges:
    """Every item for young people says which ages it suits."""

    def test_every_young_people_item_has_ages(self) -> None:
        """No young people's item leaves its ages unstated."""
        missing = [a.id for a in young_people_advice() if a.ages is None]

        assert [] == missing

    def test_other_audiences_have_no_ages(self) -> None:
        """Ages describe the young reader, so items only for adults carry none."""
        stray = [
            a.id
            for a in default_catalogue().advice.values()
            if Audience.YOUNG_PEOPLE not in a.audiences and a.ages is not None
        ]

        assert [] == stray

    def test_law_for_under_18s_stops_at_17(self) -> None:
        """An item on the law about under-18s is not offered to readers aged 18 or over."""
        wrong = [
            a.id
            for a in young_people_advice()
            if "the-law" in a.topics
            and "under 18" in a.body
            and (a.ages is None or a.ages.max is None or a.ages.max > 17)
        ]

        assert [] == wrong

    def test_primary_items_are_easy_to_read(self) -> None:
        """Items for children under 11 score at most reading grade 5."""
        hard = {a.id: round(reading_grade(a.body), 1) for a in primary_advice()}

        assert {} == {k: v for k, v in hard.items() if v > 5.0}


class TestCoverage:
    """The advice covers the topics issue 16 asked for, for every audience they apply to."""

    def test_at_least_110_items(self) -> None:
        """The bundled pack holds at least 110 advice items."""
        assert len(default_catalogue().advice) >= 110

    def test_sextortion_for_every_audience(self) -> None:
        """Sextortion advice exists for young people, parents and carers, and professionals."""
        covered = {
            audience
            for a in default_catalogue().advice.values()
            if "sextortion" in a.topics
            for audience in a.audiences
        }

        assert {"young-people", "parents-carers", "professionals"} <= covered

    def test_at_least_8_primary_items(self) -> None:
        """At least 8 items are written for children under 11."""
        assert len(primary_advice()) >= 8

    def test_new_topics_for_every_audience(self) -> None:
        """Each topic added for issue 16 has advice for all three audiences."""
        topics = (
            "ai-images",
            "unwanted-images",
            "helping-a-friend",
            "removal-tools",
            "crisis-support",
            "shared-someone-elses",
        )
        missing = [
            (topic, audience)
            for topic in topics
            for audience in ("young-people", "parents-carers", "professionals")
            if not default_catalogue().advice.select(audience=audience, topic=topic)
        ]

        assert [] == missing

    def test_nations_and_countries(self) -> None:
        """Scotland, Northern Ireland, Ireland, the US and Australia each have their own advice."""
        places = ("GB-SCT", "GB-NIR", "IE", "US", "AU")
        missing = [
            place
            for place in places
            if not any(place in a.jurisdictions for a in default_catalogue().advice.values())
        ]

        assert [] == missing

    def test_nothing_for_under_11s_leads_with_the_law(self) -> None:
        """No item for children under 11 is about the law or opens with what is illegal."""
        leading = [
            a.id
            for a in primary_advice()
            if "the-law" in a.topics or a.body.lower().startswith(("it's illegal", "it is illegal"))
        ]

        assert [] == leading
