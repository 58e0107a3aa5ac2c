"""The tie-strength formula, on touches whose strength can be worked out by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from algorithms.relationship_strength import (
    DEFAULT_PARAMETERS,
    Direction,
    Signal,
    StrengthParameters,
    Touch,
    direction_of,
    tie_strength,
)
from algorithms.strength_breakdown import strength_breakdown
from schema.enums import ExplicitSignal, InteractionKind, ParticipantRole, TieTrend

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
    half_life = DEFAULT_PARAMETERS.half_life_days
    older = tie_strength([touch(MEETING, Direction.MUTUAL, half_life)], as_of=NOW)

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


def test_channels_report_their_touches_and_their_share_of_the_volume() -> None:
    tie = tie_strength(
        [touch(MEETING, Direction.MUTUAL)] * 2 + [touch(EMAIL, Direction.A_TO_B)] * 5, as_of=NOW
    )

    by_kind = {c.kind: c for c in tie.channels}
    assert by_kind[MEETING].count == 2 and by_kind[EMAIL].count == 5
    assert by_kind[MEETING].volume == pytest.approx(2.0)
    assert by_kind[EMAIL].volume == pytest.approx(2.0)
    assert sum(c.share for c in tie.channels) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("recent", "previous", "older", "expected"),
    [
        (4, 2, 1, TieTrend.RISING),
        (2, 4, 1, TieTrend.FALLING),
        (3, 3, 1, TieTrend.STABLE),
        (3, 0, 0, TieTrend.NEW),
        (0, 0, 3, TieTrend.DORMANT),
        (2, 0, 2, TieTrend.RISING),
    ],
)
def test_the_trend_compares_the_recent_window_with_the_one_before(
    recent: int, previous: int, older: int, expected: TieTrend
) -> None:
    touches = (
        [touch(MEETING, Direction.MUTUAL, 10)] * recent
        + [touch(MEETING, Direction.MUTUAL, 120)] * previous
        + [touch(MEETING, Direction.MUTUAL, 400)] * older
    )

    trend = tie_strength(touches, as_of=NOW).trend

    assert trend.direction is expected
    assert (trend.recent_count, trend.previous_count) == (recent, previous)
    assert trend.recent_volume == pytest.approx(recent * 1.0)


def test_a_strong_tie_silent_for_longer_than_the_limit_is_going_cold() -> None:
    tie = tie_strength([touch(MEETING, Direction.MUTUAL, 200 + i) for i in range(8)], as_of=NOW)

    assert tie.going_cold
    assert tie.peak_strength > tie.interaction_strength
    assert tie.cold_reason is not None and "no touch for 200 days" in tie.cold_reason


def test_a_weak_tie_that_went_quiet_is_not_going_cold() -> None:
    tie = tie_strength([touch(EMAIL, Direction.A_TO_B, 300)], as_of=NOW)

    assert tie.peak_strength < DEFAULT_PARAMETERS.cold_floor
    assert not tie.going_cold and tie.cold_reason is None


def test_a_tie_whose_volume_collapsed_is_going_cold_before_the_silence_limit() -> None:
    touches = [touch(MEETING, Direction.MUTUAL, 100 + i) for i in range(6)]
    touches.append(touch(EMAIL, Direction.A_TO_B, 30))

    tie = tie_strength(touches, as_of=NOW, parameters=StrengthParameters(cold_drop=0.25))

    assert tie.trend.direction is TieTrend.FALLING
    assert tie.going_cold and "volume fell" in (tie.cold_reason or "")


def test_a_tie_that_always_had_long_pauses_is_not_cold_after_one_more() -> None:
    touches = [touch(MEETING, Direction.MUTUAL, d) for d in (120, 420, 720, 1020)]

    assert not tie_strength(touches, as_of=NOW).going_cold


def test_an_active_tie_is_not_going_cold() -> None:
    touches = [touch(MEETING, Direction.MUTUAL, d) for d in (5, 40, 100, 150)]

    assert not tie_strength(touches, as_of=NOW).going_cold


def test_explicit_signals_combine_with_interactions_by_noisy_or() -> None:
    touches = [touch(MEETING, Direction.MUTUAL)] * 3
    linked = Signal(kind=ExplicitSignal.CONNECTION)
    stated = Signal(kind=ExplicitSignal.RELATIONSHIP, label="former colleague")

    plain = tie_strength(touches, as_of=NOW)
    both = tie_strength(touches, as_of=NOW, signals=[linked, stated])

    assert both.interaction_strength == pytest.approx(plain.strength)
    assert both.signal_strength == pytest.approx(1 - 0.8 * 0.5)
    assert both.strength == pytest.approx(1 - (1 - plain.strength) * 0.8 * 0.5)


def test_a_stated_connection_alone_gives_its_weight() -> None:
    tie = tie_strength([], as_of=NOW, signals=[Signal(kind=ExplicitSignal.CONNECTION)])

    assert tie.strength == pytest.approx(0.2)
    assert tie.count == 0


def test_the_weights_of_signals_are_tunable() -> None:
    parameters = StrengthParameters(signal_weights={ExplicitSignal.CONNECTION: 0.6})

    tie = tie_strength(
        [], as_of=NOW, signals=[Signal(kind=ExplicitSignal.CONNECTION)], parameters=parameters
    )

    assert tie.strength == pytest.approx(0.6)


def test_the_breakdown_gives_every_term_a_number_and_a_sentence() -> None:
    half_life = DEFAULT_PARAMETERS.half_life_days
    touches = [touch(MEETING, Direction.MUTUAL, half_life), touch(EMAIL, Direction.A_TO_B, 0)]
    tie = tie_strength(touches, as_of=NOW, signals=[Signal(kind=ExplicitSignal.CONNECTION)])

    terms = {t.name: t for t in strength_breakdown(tie)}

    assert list(terms) == [
        "frequency",
        "recency",
        "reciprocity",
        "interaction strength",
        "explicit signals",
        "strength",
    ]
    assert terms["recency"].value == pytest.approx((0.5 + 0.4) / 1.4)
    assert terms["reciprocity"].value == pytest.approx(0.3 + 0.7 * 0.5)
    assert terms["strength"].value == pytest.approx(tie.strength)
    assert "meeting 1" in terms["frequency"].explanation
    assert "connection" in terms["explicit signals"].explanation
    assert all(t.explanation for t in terms.values())


@pytest.mark.parametrize(
    "arguments",
    [
        {"cold_floor": 1.5},
        {"trend_window_days": 0},
        {"signal_weights": {ExplicitSignal.CONNECTION: -1}},
    ],
)
def test_parameters_out_of_range_are_refused(arguments: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        StrengthParameters(**arguments)  # type: ignore[arg-type]
