"""The known answers behind a demo data set, and their JSON form.

Everything later algorithms are scored against: the true reports-to tree (and which
lines were withheld from the explicit export), seniority ranks, empty seats, planted
duplicates, typed hidden links between companies, latent tie strengths and planted
warm-introduction paths.

The JSON form (``ground_truth.json``), keys in this order::

    seed, scale, anchor_date ("2026-10-31"), home_company_uid,
    true_reports_to      {person_uid: manager_uid}          every true line
    explicit_reports_to  {person_uid: true | false}         false: withheld from export
    seniority_rank       {person_uid: 0..5}                 org depth, 0 = top
    empty_seats          {company_uid: ["CFO", ...]}        expected C-level seats left empty
    duplicates           {companies: [...], people: [...]}  {original_uid, duplicate_uid,
                                                             variant}
    hidden_links         [{kind, company_a, company_b, evidence}]
    tie_strengths        [{person_a, person_b, strength, context, cold_since}]
    planted_introductions [{source_uid, target_uid, introducer_uid, shared_company_uid}]

Maps are sorted by key and lists by their uids, so the file is byte-for-byte stable.

Examples
--------
>>> from datetime import date
>>> truth = GroundTruth(seed=1, scale="tiny", anchor=date(2026, 10, 31),
...                     home_company_uid="company:demo:c-00001",
...                     true_reports_to={"person:demo:p-000002": "person:demo:p-000001"},
...                     explicit_reports_to={"person:demo:p-000002": False})
>>> truth.withheld_reports_to()
('person:demo:p-000002',)
>>> ground_truth_from_json(ground_truth_to_json(truth)) == truth
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

__all__ = [
    "DuplicatePair",
    "GroundTruth",
    "HiddenLink",
    "HiddenLinkKind",
    "PlantedIntroduction",
    "TieStrength",
    "ground_truth_from_json",
    "ground_truth_to_json",
    "read_ground_truth",
    "write_ground_truth",
]


class HiddenLinkKind(StrEnum):
    """Why two companies are connected."""

    CORPORATE_FAMILY = "corporate_family"
    FORMER_EMPLOYEE = "former_employee"
    SHARED_ADDRESS = "shared_address"
    SHARED_ADVISOR = "shared_advisor"
    SHARED_BOARD_MEMBER = "shared_board_member"
    SHARED_DOMAIN = "shared_domain"
    SHARED_INVESTOR = "shared_investor"
    SHARED_PHONE = "shared_phone"


@dataclass(frozen=True, slots=True, kw_only=True)
class HiddenLink:
    """A link between two companies (``company_a`` < ``company_b``) and its evidence.

    The evidence is a person uid for people-based links, the shared value for shared
    identifiers, and the parent's uid for corporate families.
    """

    kind: HiddenLinkKind
    company_a: str
    company_b: str
    evidence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicatePair:
    """An original record, its planted duplicate and how the duplicate differs."""

    original_uid: str
    duplicate_uid: str
    variant: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TieStrength:
    """The latent strength (0..1) of a pair (``person_a`` < ``person_b``) and its context.

    ``cold_since`` is the day after which the pair stopped interacting, if it went cold.
    """

    person_a: str
    person_b: str
    strength: float
    context: str
    cold_since: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlantedIntroduction:
    """A colleague, a target, the best introducer, and where introducer and target met."""

    source_uid: str
    target_uid: str
    introducer_uid: str
    shared_company_uid: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GroundTruth:
    """The known answers behind one generated data set (maps are sorted by key)."""

    seed: int
    scale: str
    anchor: date
    home_company_uid: str
    true_reports_to: Mapping[str, str] = field(default_factory=dict)
    explicit_reports_to: Mapping[str, bool] = field(default_factory=dict)
    seniority_rank: Mapping[str, int] = field(default_factory=dict)
    empty_seats: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    duplicate_companies: tuple[DuplicatePair, ...] = ()
    duplicate_people: tuple[DuplicatePair, ...] = ()
    hidden_links: tuple[HiddenLink, ...] = ()
    tie_strengths: tuple[TieStrength, ...] = ()
    planted_introductions: tuple[PlantedIntroduction, ...] = ()

    def withheld_reports_to(self) -> tuple[str, ...]:
        """Return the people whose true reports-to line is not in the explicit export."""
        return tuple(person for person, shown in self.explicit_reports_to.items() if not shown)


def ground_truth_to_json(truth: GroundTruth) -> dict[str, object]:
    """Return ``truth`` as JSON-ready data with a fixed key order.

    Parameters
    ----------
    truth : GroundTruth
        The ground truth of a generated data set.

    Returns
    -------
    dict of str to object
        Plain dicts, lists, strings, numbers, booleans and None (dates as ISO strings).
    """
    return {
        "seed": truth.seed,
        "scale": truth.scale,
        "anchor_date": truth.anchor.isoformat(),
        "home_company_uid": truth.home_company_uid,
        "true_reports_to": dict(truth.true_reports_to),
        "explicit_reports_to": dict(truth.explicit_reports_to),
        "seniority_rank": dict(truth.seniority_rank),
        "empty_seats": {uid: list(seats) for uid, seats in truth.empty_seats.items()},
        "duplicates": {
            "companies": [_pair_json(pair) for pair in truth.duplicate_companies],
            "people": [_pair_json(pair) for pair in truth.duplicate_people],
        },
        "hidden_links": [
            {
                "kind": link.kind.value,
                "company_a": link.company_a,
                "company_b": link.company_b,
                "evidence": link.evidence,
            }
            for link in truth.hidden_links
        ],
        "tie_strengths": [
            {
                "person_a": tie.person_a,
                "person_b": tie.person_b,
                "strength": tie.strength,
                "context": tie.context,
                "cold_since": tie.cold_since.isoformat() if tie.cold_since else None,
            }
            for tie in truth.tie_strengths
        ],
        "planted_introductions": [
            {
                "source_uid": intro.source_uid,
                "target_uid": intro.target_uid,
                "introducer_uid": intro.introducer_uid,
                "shared_company_uid": intro.shared_company_uid,
            }
            for intro in truth.planted_introductions
        ],
    }


def _pair_json(pair: DuplicatePair) -> dict[str, str]:
    return {
        "original_uid": pair.original_uid,
        "duplicate_uid": pair.duplicate_uid,
        "variant": pair.variant,
    }


def _records(data: Mapping[str, object], key: str) -> list[dict[str, object]]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"ground truth field {key!r} must be a list of objects")
    return value


def _mapping(data: Mapping[str, object], key: str) -> dict[str, object]:
    value = data[key]
    if not isinstance(value, dict):
        raise ValueError(f"ground truth field {key!r} must be an object")
    return value


def _pairs(data: Mapping[str, object], key: str) -> tuple[DuplicatePair, ...]:
    return tuple(
        DuplicatePair(
            original_uid=str(item["original_uid"]),
            duplicate_uid=str(item["duplicate_uid"]),
            variant=str(item["variant"]),
        )
        for item in _records(data, key)
    )


def ground_truth_from_json(data: Mapping[str, object]) -> GroundTruth:
    """Rebuild a :class:`GroundTruth` from :func:`ground_truth_to_json` output.

    Parameters
    ----------
    data : mapping of str to object
        Parsed JSON, as written by :func:`write_ground_truth`.

    Returns
    -------
    GroundTruth
        Equal to the ground truth that was serialised.

    Raises
    ------
    ValueError
        If a field has the wrong shape.
    KeyError
        If a field is missing.
    """
    seed, rank = data["seed"], _mapping(data, "seniority_rank")
    if not isinstance(seed, int):
        raise ValueError("ground truth field 'seed' must be an integer")
    duplicates = _mapping(data, "duplicates")
    return GroundTruth(
        seed=seed,
        scale=str(data["scale"]),
        anchor=date.fromisoformat(str(data["anchor_date"])),
        home_company_uid=str(data["home_company_uid"]),
        true_reports_to={k: str(v) for k, v in _mapping(data, "true_reports_to").items()},
        explicit_reports_to={
            k: v is True for k, v in _mapping(data, "explicit_reports_to").items()
        },
        seniority_rank={k: int(str(v)) for k, v in rank.items()},
        empty_seats={
            k: tuple(str(s) for s in v) if isinstance(v, list) else ()
            for k, v in _mapping(data, "empty_seats").items()
        },
        duplicate_companies=_pairs(duplicates, "companies"),
        duplicate_people=_pairs(duplicates, "people"),
        hidden_links=tuple(
            HiddenLink(
                kind=HiddenLinkKind(str(item["kind"])),
                company_a=str(item["company_a"]),
                company_b=str(item["company_b"]),
                evidence=str(item["evidence"]),
            )
            for item in _records(data, "hidden_links")
        ),
        tie_strengths=tuple(
            TieStrength(
                person_a=str(item["person_a"]),
                person_b=str(item["person_b"]),
                strength=float(str(item["strength"])),
                context=str(item["context"]),
                cold_since=date.fromisoformat(str(item["cold_since"]))
                if item["cold_since"] is not None
                else None,
            )
            for item in _records(data, "tie_strengths")
        ),
        planted_introductions=tuple(
            PlantedIntroduction(
                source_uid=str(item["source_uid"]),
                target_uid=str(item["target_uid"]),
                introducer_uid=str(item["introducer_uid"]),
                shared_company_uid=str(item["shared_company_uid"]),
            )
            for item in _records(data, "planted_introductions")
        ),
    )


def write_ground_truth(truth: GroundTruth, path: Path) -> Path:
    """Write ``truth`` as UTF-8 JSON and return ``path``.

    Parameters
    ----------
    truth : GroundTruth
        What to write.
    path : pathlib.Path
        The file to create or replace.

    Returns
    -------
    pathlib.Path
        ``path``; the file has a stable key order and unescaped Chinese text.
    """
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        json.dump(ground_truth_to_json(truth), stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    return path


def read_ground_truth(path: Path) -> GroundTruth:
    """Read a ground truth written by :func:`write_ground_truth`.

    Parameters
    ----------
    path : pathlib.Path
        A ``ground_truth.json`` file.

    Returns
    -------
    GroundTruth
        The ground truth stored in the file.

    Raises
    ------
    ValueError
        If the file does not hold a ground truth object.
    """
    with path.open(encoding="utf-8") as stream:
        data = json.load(stream)
    if not isinstance(data, dict):
        raise ValueError("a ground truth file holds one JSON object")
    return ground_truth_from_json(data)
