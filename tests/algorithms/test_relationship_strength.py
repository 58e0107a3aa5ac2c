"""The tie-strength formula, on touches whose strength can be worked out by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from algorithms.relationship_strength import (
    Direction,
    StrengthParameters,
    Touch,
    direction_of,
    tie_strength,
)
from schema.enums import InteractionKind, ParticipantRole

NOW = datetime(2026, 6, 1, tzinfo=UTC)
MEETING, CALL, EMAIL = InteractionKind.MEETING, InteractionKind.CALL, InteractionKind.EMAIL


def touch(kind: InteractionKind, direction: Direction, days_ago: float = 0) -> Touch:
    return Touch(kind=kind, at=NOW - timedelta(days=days_ago), direction=direction)


def test_one_meeting_today_matches_the_published_formula() -> None:
    tie = tie_strength([touch(MEETING, Direction.MUTUAL)], as_of=NOW)

    assert tie.volume == pytest.approx(1.0)
    assert tie.reciprocity == 1.0
    assert tie.strength == pytest.approx(1 - math.exp(-1 / 6))


def test_a_touch_one_half_life_ago_counts_half() -> None:
    recent = tie_strength([touch(MEETING, Direction.MUTUAL, 0)], as_of=NOW)
    older = tie_strength([touch(MEETING, Direction.MUTUAL, 180)], as_of=NOW)

    assert older.volume == pytest.approx(recent.volume / 2)


def test_one_way_mail_is_weaker_than_the_same_mail_answered() -> None:
    one_way = [touch(EMAIL, Direction.A_TO_B)] * 4
    answered = [touch(EMAIL, Direction.A_TO_B)] * 2 + [touch(EMAIL, Direction.B_TO_A)] * 2

    weak = tie_strength(one_way, as_of=NOW)
    strong = tie_strength(answered, as_of=NOW)

    assert weak.reciprocity == 0.0 and strong.reciprocity == 1.0
    assert weak.volume == pytest.approx(strong.volume)
    assert weak.strength == pytest.approx(strong.strength * 0.3)


def test_channels_rank_meeting_above_call_above_email() -> None:
    def single(kind: InteractionKind) -> float:
        return tie_strength([touch(kind, Direction.MUTUAL)], as_of=NOW).strength

    assert single(MEETING) > single(CALL) > single(EMAIL)


def test_each_further_touch_adds_less_and_strength_stays_below_one() -> None:
    strengths = [
        tie_strength([touch(MEETING, Direction.MUTUAL)] * n, as_of=NOW).strength
        for n in (1, 2, 3, 200)
    ]

    gains = [strengths[1] - strengths[0], strengths[2] - strengths[1]]
    assert gains[0] > gains[1] > 0
    assert 0 < strengths[-1] < 1


def test_touches_after_the_as_of_date_are_ignored() -> None:
    future = Touch(kind=MEETING, at=NOW + timedelta(days=1), direction=Direction.MUTUAL)

    tie = tie_strength([future, touch(EMAIL, Direction.A_TO_B, 10)], as_of=NOW)

    assert tie.count == 1 and tie.last_at == NOW - timedelta(days=10)


def test_no_touches_give_zero() -> None:
    tie = tie_strength([], as_of=NOW)
    assert (tie.strength, tie.count, tie.first_at) == (0.0, 0, None)


def test_co_recipients_count_a_quarter_of_a_direct_mail() -> None:
    direct = tie_strength([touch(EMAIL, Direction.A_TO_B)], as_of=NOW)
    copied = tie_strength([touch(EMAIL, Direction.CO_RECIPIENT)], as_of=NOW)

    assert copied.volume == pytest.approx(direct.volume / 4)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("half_life_days", 0.0),
        ("saturation", -1.0),
        ("one_way_floor", 1.5),
        ("co_recipient_factor", -0.1),
    ],
)
def test_parameters_out_of_range_are_rejected(field: str, value: float) -> None:
    with pytest.raises(ValueError):
        StrengthParameters(**{field: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "role_a", "role_b", "expected"),
    [
        (EMAIL, ParticipantRole.FROM, ParticipantRole.CC, Direction.A_TO_B),
        (EMAIL, ParticipantRole.TO, ParticipantRole.FROM, Direction.B_TO_A),
        (EMAIL, ParticipantRole.TO, ParticipantRole.TO, Direction.CO_RECIPIENT),
        (CALL, ParticipantRole.FROM, ParticipantRole.TO, Direction.MUTUAL),
        (MEETING, ParticipantRole.ORGANIZER, ParticipantRole.ATTENDEE, Direction.MUTUAL),
    ],
)
def test_direction_follows_the_participants_roles(
    kind: InteractionKind, role_a: ParticipantRole, role_b: ParticipantRole, expected: Direction
) -> None:
    assert direction_of(kind, role_a, role_b) is expected
