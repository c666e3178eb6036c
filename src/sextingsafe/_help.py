"""Help for a reader: which services meet an item's needs, for the reader's country, age and time.

Advice names the kinds of help it needs (:class:`~sextingsafe.Need`); resources say which needs
they meet and in which countries. :func:`resolve` is the one place that turns needs, a country,
an age and a time into an ordered list of services, and every output (views, HTML, the command
line, Sphinx, JSON and JSON-LD) uses it, so no output can send a reader somewhere another does not.

The rule, for each need in the item's order: the country's own services, then services usable
from anywhere; never a service limited to another country. With no country, only services usable
from anywhere. It knows resources and countries, not locales: the views localise what it returns.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import frozen

from ._enums import Audience, Need, ResourceStatus
from ._errors import InvalidFilterError
from ._model import Resource

__all__ = [
    "REMOVAL_NEEDS",
    "Help",
    "HelpGroup",
    "HelpIndex",
    "known_countries",
    "parse_country",
    "removal_needs",
    "resolve",
    "serves_country",
    "suggest_region",
]

_CODE = re.compile(r"([A-Z]{2})(?:-([A-Z0-9]{1,3}))?\Z")
_EXPECTED = "an ISO 3166-1 alpha-2 country code such as 'GB', or a subdivision such as 'GB-SCT'"
# CLDR also names groupings and private-use codes: the EU, the UN, the eurozone, unknown (ZZ),
# outlying Oceania (QO) and pseudo-locales (XA, XB). None is a country.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})
_countries: frozenset[str] | None = None
#: The needs met by removal tools, which depend on the age the person in the image was then.
REMOVAL_NEEDS = frozenset({Need.REMOVE_IMAGE_UNDER_18, Need.REMOVE_IMAGE_ADULT})
_ADULT = 18


def known_countries() -> frozenset[str]:
    """Return the ISO 3166-1 alpha-2 codes of every country Babel (CLDR) knows."""
    global _countries  # noqa: PLW0603
    if _countries is None:
        from ._i18n import to_babel

        codes = (str(code) for code in to_babel("en").territories)
        _countries = frozenset(
            code
            for code in codes
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
        )
    return _countries


#: What people write for a place, and the ISO 3166 code they mean.
_ALIASES = {
    "UK": "GB",
    "U.K.": "GB",
    "GREAT BRITAIN": "GB",
    "BRITAIN": "GB",
    "ENGLAND": "GB-ENG",
    "SCOTLAND": "GB-SCT",
    "WALES": "GB-WLS",
    "NORTHERN IRELAND": "GB-NIR",
    "EL": "GR",
    "USA": "US",
    "U.S.": "US",
    "GBR": "GB",
    "DEU": "DE",
    "FRA": "FR",
    "ESP": "ES",
    "ITA": "IT",
    "IRL": "IE",
    "AUS": "AU",
    "CAN": "CA",
    "NZL": "NZ",
    "POL": "PL",
}


def suggest_region(value: object, *, subdivisions: bool = True) -> str | None:
    """Return the ISO 3166 code someone most likely meant by *value*, if any.

    ``"UK"`` and ``"Britain"`` mean ``"GB"``, ``"England"`` ``"GB-ENG"`` (``"GB"`` where only
    countries are accepted), and a country's English name its code: ``"france"`` is ``"FR"``.
    """
    if not isinstance(value, str) or len(value) > 60:
        return None
    from ._i18n import to_babel

    text = " ".join(value.split()).upper()
    code = _ALIASES.get(text)
    if code is None:
        names = {
            str(name).upper(): str(key)
            for key, name in to_babel("en").territories.items()
            if key in known_countries()
        }
        code = names.get(text)
    if code is None:
        return None
    return code if subdivisions else code.split("-")[0]


def parse_country(value: object, name: str = "country") -> tuple[str, str | None]:
    """Return ``(country, subdivision)`` for an ISO 3166 code in any case.

    ``"gb"`` gives ``("GB", None)``; ``"gb-sct"`` gives ``("GB", "GB-SCT")``: a subdivision is
    served by its country's services, and by services limited to that subdivision.

    Raises:
        InvalidFilterError: *value* is not a code, or names no country CLDR knows.
    """
    # ASCII first: "ß".upper() is "SS", which would otherwise pass as South Sudan.
    match = _CODE.match(value.upper()) if isinstance(value, str) and value.isascii() else None
    if match is None or match.group(1) not in known_countries():
        # What was likely meant: "UK" is GB; a subdivision with an unknown country, nothing.
        suggestion = suggest_region(value)
        raise InvalidFilterError(name, value, _EXPECTED, (suggestion,) if suggestion else ())
    return match.group(1), (match.group(0) if match.group(2) else None)


def serves_country(resource: Resource, country: str | None, subdivision: str | None = None) -> bool:
    """Return True when *resource* may be offered to a reader in *country* (and *subdivision*).

    A worldwide service may be offered to anyone; a national one only to readers in one of its
    countries (a service for one subdivision, to readers there or whose subdivision is unknown).
    With no country, only worldwide services may be offered.
    """
    if not resource.countries:
        return True
    return country is not None and _national_rank(resource, country, subdivision) is not None


def _national_rank(resource: Resource, country: str, subdivision: str | None) -> int | None:
    """0 for a service for the whole country, 1 for one for part of it; None if not the reader's."""
    best = None
    for code in resource.countries:
        if code == country:
            return 0
        if code.startswith(country + "-") and (subdivision is None or code == subdivision):
            best = 1
    return best


@frozen(kw_only=True)
class HelpGroup:
    """The services that meet one need, in the order to offer them."""

    #: The need; ``None`` for the services an advice item names because it is about them.
    need: Need | None
    resources: tuple[Resource, ...]


@frozen(kw_only=True)
class Help:
    """The help resolved for one reader: services per need, and the emergency number."""

    #: The reader's ISO 3166-1 alpha-2 country, or ``None`` when it is not known.
    country: str | None
    #: The subdivision given (``"GB-SCT"``), if any.
    subdivision: str | None
    #: The needs asked for, after removal needs were resolved by age.
    needs: tuple[Need, ...]
    #: The services per need, each service in the first group that offers it.
    groups: tuple[HelpGroup, ...]
    #: The country's emergency number record, or ``None`` when the country is unknown or has none.
    emergency: Any = None
    #: False when the country is known but the catalogue lists no service of its own there:
    #: only services usable from anywhere can be offered.
    country_covered: bool = True

    @property
    def country_known(self) -> bool:
        """False when no country was given: only services usable from anywhere are included."""
        return self.country is not None

    @property
    def resources(self) -> tuple[Resource, ...]:
        """Every service, in order, each once."""
        return tuple(r for group in self.groups for r in group.resources)


class HelpIndex:
    """The resources of one catalogue, indexed by need and country; built once, on first use."""

    __slots__ = ("_covered", "_index", "_lock", "emergency_numbers", "resources")

    def __init__(
        self,
        resources: Sequence[Resource],
        emergency_numbers: Mapping[str, Any] | None = None,
    ) -> None:
        self.resources = tuple(resources)
        self.emergency_numbers: Mapping[str, Any] = emergency_numbers or {}
        self._index: dict[Need, tuple[tuple[Resource, ...], dict[str, list[Resource]]]] | None = (
            None
        )
        self._covered: frozenset[str] | None = None
        self._lock = threading.Lock()

    def _by_need(self) -> dict[Need, tuple[tuple[Resource, ...], dict[str, list[Resource]]]]:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    built: dict[Need, tuple[list[Resource], dict[str, list[Resource]]]] = {
                        need: ([], {}) for need in Need
                    }
                    for resource in self.resources:
                        for need in dict.fromkeys(resource.needs):
                            worldwide, national = built[need]
                            if not resource.countries:
                                worldwide.append(resource)
                            for code in dict.fromkeys(c.split("-")[0] for c in resource.countries):
                                national.setdefault(code, []).append(resource)
                    self._index = {n: (tuple(w), c) for n, (w, c) in built.items()}
                index = self._index
        return index

    def candidates(
        self, need: Need, country: str | None, subdivision: str | None
    ) -> tuple[tuple[Resource, ...], tuple[Resource, ...]]:
        """Return ``(national, worldwide)`` services meeting *need*, in catalogue order."""
        worldwide, national = self._by_need()[need]
        if country is None:
            return (), worldwide
        mine = national.get(country, ())
        ranked = [
            (rank, r) for r in mine if (rank := _national_rank(r, country, subdivision)) is not None
        ]
        ranked.sort(key=lambda pair: pair[0])  # stable: whole-country services, then regional
        return tuple(r for _, r in ranked), worldwide

    def covers(self, country: str) -> bool:
        """Return True when a service that is not closed lists *country* (an alpha-2 code)."""
        covered = self._covered
        if covered is None:
            covered = self._covered = frozenset(
                code.split("-")[0]
                for resource in self.resources
                if not _closed(resource)
                for code in resource.countries
            )
        return country in covered

    def countries(self) -> tuple[str, ...]:
        """Every country with a national service or an emergency number, sorted."""
        codes = {c.split("-")[0] for r in self.resources for c in r.countries}
        return tuple(sorted(codes | set(self.emergency_numbers)))

    def table(self) -> dict[str, dict[str, list[str]]]:
        """Return country → need → resource ids, as :func:`resolve` orders them without an age.

        The row ``"*"`` is for a reader whose country is unknown: services usable from anywhere.
        Needs with no service are left out; :attr:`Need.EMERGENCY` is a number, not a service, so
        it is left out too (the export carries the numbers by country).
        """
        needs = [n for n in Need if n is not Need.EMERGENCY]
        table: dict[str, dict[str, list[str]]] = {}
        for country in ("*", *self.countries()):
            help_ = resolve(needs, self, country=None if country == "*" else country)
            row = {need.value: [r.id for r in found] for need, found in _ungrouped(help_, self)}
            table[country] = {need: ids for need, ids in row.items() if ids}
        return table


def _ungrouped(help_: Help, index: HelpIndex) -> list[tuple[Need, tuple[Resource, ...]]]:
    """Each need's full list (a service may be listed under every need it meets)."""
    groups = []
    for need in help_.needs:
        national, worldwide = index.candidates(need, help_.country, help_.subdivision)
        groups.append((need, _usable(national + worldwide)))
    return groups


def _usable(resources: Iterable[Resource]) -> tuple[Resource, ...]:
    return tuple(r for r in resources if not _closed(r))


def _closed(resource: Resource) -> bool:
    return resource.status is ResourceStatus.CLOSED


def _serves_age(resource: Resource, age: int | None) -> bool:
    return age is None or resource.serves_age(age)


def _open_rank(resource: Resource, at: dt.datetime) -> int:
    state = resource.is_open(at)
    return 0 if state is True else 2 if state is False else 1


def removal_needs(needs: Iterable[Need], *, taken_at_age: int | None = None) -> tuple[Need, ...]:
    """Return *needs*, each once, with removal needs fitted to the age an image was taken at.

    Tools for images taken under 18 and tools for adults' images have different rules; with the
    age unknown, both kinds stay.
    """
    wanted = list(dict.fromkeys(needs))
    if taken_at_age is None:
        return tuple(wanted)
    fitting = Need.REMOVE_IMAGE_UNDER_18 if taken_at_age < _ADULT else Need.REMOVE_IMAGE_ADULT
    return tuple(dict.fromkeys(fitting if n in REMOVAL_NEEDS else n for n in wanted))


def _check_age(name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
        raise InvalidFilterError(name, value, "a whole number of years from 0 to 120")
    return value


def reader_audience(audiences: Iterable[Audience]) -> Audience | None:
    """Return the audience to limit help to for an item with *audiences*, or ``None``.

    An item only for young people is read by a child, who must not be sent to a service for
    adults (a helpline for parents, a line for adults' images); help for an item that adults
    read may include children's services they can pass on, so it is not limited.
    """
    return Audience.YOUNG_PEOPLE if tuple(audiences) == (Audience.YOUNG_PEOPLE,) else None


def resolve(  # noqa: PLR0913 - the reader's circumstances, each optional
    needs: Iterable[Need | str],
    index: HelpIndex,
    *,
    country: str | None,
    named: Iterable[Resource] = (),
    age: int | None = None,
    taken_at_age: int | None = None,
    at: dt.datetime | None = None,
    audience: Audience | str | None = None,
) -> Help:
    """Return the help for a reader: for each need, national services first, then worldwide ones.

    Args:
        needs: The needs, in the order to offer help for them.
        index: The catalogue's resources.
        country: The reader's ISO 3166-1 alpha-2 code, or a subdivision (``"GB-SCT"``), in any
            case; ``None`` when unknown, and then only services usable from anywhere are offered.
        named: Services the item is about; offered first, where the reader's country allows.
        age: The reader's age in years: services that do not serve it are left out.
        taken_at_age: The age of the person in an image when it was taken: removal tools are
            chosen for it (and from *age* when the reader is under 18).
        at: An aware time: services open then come first within each group.
        audience: Only services for this audience.

    Raises:
        InvalidFilterError: *country*, an age, a need or *audience* is not valid.
    """
    code, subdivision = parse_country(country) if country is not None else (None, None)
    age = _check_age("age", age)
    taken = _check_age("taken_at_age", taken_at_age)
    if taken is None and age is not None and age < _ADULT:
        taken = age  # a reader under 18 took any image of themselves under 18
    when: object = at
    if when is not None and (not isinstance(when, dt.datetime) or when.tzinfo is None):
        raise InvalidFilterError("at", at, "a timezone-aware datetime.datetime")
    wanted_audience = _member("audience", audience, Audience) if audience is not None else None
    wanted = removal_needs((_member("need", n, Need) for n in needs), taken_at_age=taken)

    def keep(resource: Resource) -> bool:
        return (
            not _closed(resource)
            and _serves_age(resource, age)
            and (wanted_audience is None or wanted_audience in resource.audiences)
            # The candidates are the country's own or worldwide: only the age an image was taken
            # at can rule one out (a removal tool's eligibility; any service without one is in).
            and resource.eligible(taken_at_age=taken)
        )

    def ordered(resources: Iterable[Resource]) -> list[Resource]:
        chosen = [r for r in resources if keep(r)]
        if at is not None:
            chosen.sort(key=lambda r: _open_rank(r, at))  # stable: the catalogue's order stays
        return chosen

    seen: set[str] = set()
    groups = []
    steps: list[tuple[Need | None, Sequence[Resource], Sequence[Resource]]] = [
        (None, [r for r in named if serves_country(r, code, subdivision)], ())
    ]
    steps += [(n, *index.candidates(n, code, subdivision)) for n in wanted]
    for need, national, worldwide in steps:
        fresh = []
        for resource in ordered(national) + ordered(worldwide):
            if resource.id not in seen:
                seen.add(resource.id)
                fresh.append(resource)
        if need is None and not fresh:
            continue
        groups.append(HelpGroup(need=need, resources=tuple(fresh)))
    emergency = index.emergency_numbers.get(code) if code is not None else None
    return Help(
        country=code,
        subdivision=subdivision,
        needs=wanted,
        groups=tuple(groups),
        emergency=emergency,
        country_covered=code is None or index.covers(code),
    )


def _member(name: str, value: object, cls: type[Any]) -> Any:
    try:
        return cls(value)
    except ValueError:
        expected = "one of " + ", ".join(repr(m.value) for m in cls)
        raise InvalidFilterError(name, value, expected) from None
