"""Each lifecycle stage from a hand-built history, and the numbers its reason cites."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from algorithms.account_history import AccountHistory, ActivityHistory, DealOutcome
from algorithms.lifecycle import LifecycleParameters, lifecycle_stage
from schema.enums import DealStage

AS_OF = date(2026, 6, 30)
WON, LOST, OPEN = DealStage.CLOSED_WON, DealStage.CLOSED_LOST, DealStage.NEGOTIATION


def deal(uid: str, stage: DealStage, *, days_ago: int = 0, amount: float = 1000.0) -> DealOutcome:
    day = AS_OF - timedelta(days=days_ago)
    if stage in (WON, LOST):
        return DealOutcome(uid=uid, stage=stage, amount=amount, closed_on=day)
    return DealOutcome(uid=uid, stage=stage, amount=amount, opened_on=day)


def activity(*per_period: int, last_days_ago: int | None = 3) -> ActivityHistory:
    last = None if last_days_ago is None else AS_OF - timedelta(days=last_days_ago)
    first = None if last is None else AS_OF - timedelta(days=91 * len(per_period))
    return ActivityHistory(
        total=sum(per_period), first_on=first, last_on=last, per_period=per_period
    )


def stage_of(*deals: DealOutcome, act: ActivityHistory | None = None, **params: int) -> str:
    history = AccountHistory(account="acct", deals=deals, activity=act or ActivityHistory())
    result = lifecycle_stage(
        history, as_of=AS_OF, parameters=LifecycleParameters(**params), currency="USD"
    )
    return f"{result.stage.value}: {result.reason}"


def test_a_prospect_with_an_open_deal_is_being_acquired() -> None:
    said = stage_of(deal("d", OPEN, days_ago=30, amount=5000.0), act=activity(3, 1))

    assert said.startswith("acquisition: No deal won yet; 1 open deal worth 5,000 USD")


def test_a_company_we_never_dealt_with_is_being_acquired() -> None:
    assert stage_of() == "acquisition: No deal won yet; no interaction with us yet."


def test_a_first_win_this_year_is_growth() -> None:
    said = stage_of(deal("w", WON, days_ago=60, amount=20000.0), act=activity(4, 4, 4, 4))

    assert said == (
        "growth: Growing: became a customer in the last 365 days: 20,000 USD won in the last "
        "365 days against 0 USD in the 365 before."
    )


def test_rising_revenue_is_growth() -> None:
    said = stage_of(
        deal("old", WON, days_ago=500, amount=10000.0),
        deal("new", WON, days_ago=100, amount=30000.0),
        act=activity(5, 5, 5, 5),
    )

    assert said.startswith("growth: Growing: won revenue rising: 30,000 USD won")


def test_rising_activity_with_steady_revenue_is_growth() -> None:
    said = stage_of(deal("old", WON, days_ago=900), act=activity(10, 8, 3, 3))

    assert said == (
        "growth: Growing: interactions rose from 6 to 18 (the last 182 days against the 182 "
        "before)."
    )


def test_steady_revenue_and_activity_is_maturity() -> None:
    said = stage_of(
        deal("y1", WON, days_ago=500, amount=10000.0),
        deal("y2", WON, days_ago=130, amount=11000.0),
        act=activity(6, 6, 6, 6),
    )

    assert said == (
        "maturity: Steady: 2 won deals, the last on 2026-02-20; 11,000 USD won in the last "
        "365 days against 10,000 USD in the 365 before; interactions 12 then 12 over two "
        "182-day windows (steady)."
    )


def test_no_win_this_year_after_wins_the_year_before_is_decline() -> None:
    said = stage_of(deal("w", WON, days_ago=450, amount=8000.0), act=activity(5, 5, 5, 5))

    assert said == (
        "decline: Declining: no deal won in the last 365 days (the last on 2025-04-06); "
        "0 USD won in the last 365 days against 8,000 USD in the 365 before."
    )


def test_falling_activity_without_a_recent_win_is_decline() -> None:
    said = stage_of(deal("w", WON, days_ago=900), act=activity(2, 2, 10, 10))

    assert said.endswith(
        "interactions fell from 20 to 4 (the last 182 days against the 182 before)."
    )
    assert said.startswith("decline:")


def test_falling_activity_with_a_recent_win_is_not_decline() -> None:
    said = stage_of(
        deal("y1", WON, days_ago=500),
        deal("y2", WON, days_ago=30),
        act=activity(2, 2, 10, 10),
    )

    assert said == (
        "maturity: Holding (a deal won in the last 365 days): 2 won deals, the last on "
        "2026-05-31; 1,000 USD won in the last 365 days against 1,000 USD in the 365 before; "
        "interactions 20 then 4 over two 182-day windows (falling)."
    )


def test_a_won_deal_without_a_close_date_is_said_to_have_an_unknown_date() -> None:
    undated = DealOutcome(uid="w", stage=WON, amount=500.0)

    said = stage_of(undated, act=activity(2, 2, 10, 10))

    assert said == (
        "decline: Declining: no deal won in the last 365 days (the last on an unknown date); "
        "interactions fell from 20 to 4 (the last 182 days against the 182 before)."
    )


def test_a_silent_customer_is_lost() -> None:
    said = stage_of(deal("w", WON, days_ago=800), act=activity(0, 0, 0, 0, last_days_ago=400))

    assert said == (
        "lost: A customer (1 won deal, the last on 2024-04-21) gone silent: nothing since "
        "2025-05-26 (400 days ago), no open deal (lost after 270 days)."
    )


def test_a_prospect_whose_last_deal_was_lost_long_ago_is_lost() -> None:
    said = stage_of(deal("l", LOST, days_ago=300), act=activity(0, 0, 0, last_days_ago=310))

    assert said == (
        "lost: The last deal was lost on 2025-09-03 and nothing since 2025-09-03 (300 days "
        "ago), no open deal (lost after 270 days)."
    )


def test_a_recently_lost_deal_keeps_a_prospect_in_acquisition() -> None:
    said = stage_of(deal("l", LOST, days_ago=20), act=activity(1, last_days_ago=25))

    assert said.startswith("acquisition: No deal won yet; 1 deal lost")


def test_an_open_deal_keeps_a_silent_customer_from_being_lost() -> None:
    said = stage_of(
        deal("w", WON, days_ago=800),
        deal("o", OPEN, days_ago=10),
        act=activity(0, 0, 0, last_days_ago=400),
    )

    assert not said.startswith("lost")


def test_the_silence_threshold_is_a_parameter() -> None:
    history = (deal("w", WON, days_ago=800),)
    quiet = activity(0, 0, 0, 0, last_days_ago=400)

    assert stage_of(*history, act=quiet).startswith("lost")
    assert not stage_of(*history, act=quiet, lost_after_days=500).startswith("lost")


def test_deals_after_as_of_do_not_count() -> None:
    future = deal("w", WON, days_ago=-10)

    assert stage_of(future, act=activity(3, 3)).startswith("acquisition")


def test_too_few_interactions_tell_no_trend() -> None:
    said = stage_of(deal("w", WON, days_ago=900), act=activity(0, 1, 3, 1))

    assert said == (
        "maturity: Steady: 1 won deal, the last on 2024-01-12; no deal won in the last 730 "
        "days; interactions 4 then 1 over two 182-day windows (too few to tell a trend)."
    )


@pytest.mark.parametrize(
    "params",
    [{"window_periods": 0}, {"rising_ratio": 0.9}, {"falling_ratio": 1.0}, {"lost_after_days": 0}],
)
def test_nonsense_thresholds_are_refused(params: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        LifecycleParameters(**params)  # type: ignore[arg-type]
