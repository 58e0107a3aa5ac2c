"""The hop strength of a referral path from every piece of evidence between two people."""

from __future__ import annotations

from datetime import date

import pytest

from algorithms.tie_evidence import Evidence, EvidenceParameters, hop_strength
from schema.enums import TieEvidenceKind as Kind

TODAY = date(2026, 6, 1)


def test_knows_alone_is_its_strength() -> None:
    assert hop_strength([Evidence(kind=Kind.KNOWS, strength=0.42)], as_of=TODAY) == pytest.approx(
        0.42
    )


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        (Evidence(kind=Kind.CONNECTED), 0.2),
        (Evidence(kind=Kind.CONNECTED, label="friend"), 0.5),
        (Evidence(kind=Kind.BOARD, company="c"), 0.4),
        (Evidence(kind=Kind.COWORKERS, company="c", start=date(2020, 1, 1)), 0.3),
        (Evidence(kind=Kind.COWORKERS, company="c", start=date(2026, 3, 3)), 0.3 * 90 / 365),
        (
            Evidence(kind=Kind.FORMER_COWORKERS, start=date(2020, 1, 1), end=date(2020, 7, 1)),
            0.2 * 182 / 365,
        ),
        (Evidence(kind=Kind.FORMER_COWORKERS, company="c"), 0.1),
    ],
)
def test_each_kind_of_evidence_has_its_published_weight(piece: Evidence, expected: float) -> None:
    assert hop_strength([piece], as_of=TODAY) == pytest.approx(expected)


def test_pieces_combine_by_noisy_or() -> None:
    pieces = [
        Evidence(kind=Kind.KNOWS, strength=0.5),
        Evidence(kind=Kind.CONNECTED),
        Evidence(kind=Kind.BOARD),
    ]

    assert hop_strength(pieces, as_of=TODAY) == pytest.approx(1 - 0.5 * 0.8 * 0.6)


def test_weights_are_tunable_and_checked() -> None:
    parameters = EvidenceParameters(board=0.9)

    assert hop_strength(
        [Evidence(kind=Kind.BOARD)], as_of=TODAY, parameters=parameters
    ) == pytest.approx(0.9)
    with pytest.raises(ValueError):
        EvidenceParameters(coworkers=2.0)
    with pytest.raises(ValueError):
        hop_strength([Evidence(kind=Kind.KNOWS)], as_of=TODAY)
