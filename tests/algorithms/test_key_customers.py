"""RFM quintiles, segments and the Pareto view on accounts small enough to rank by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from algorithms.account_history import AccountHistory, ActivityHistory, DealOutcome
from algorithms.key_customers import pareto, rfm, score_quintiles
from schema.enums import DealStage, RfmSegment

AS_OF = date(2026, 6, 30)
WON, LOST, OPEN = DealStage.CLOSED_WON, DealStage.CLOSED_LOST, DealStage.PROPOSAL


def deal(
    uid: str, stage: DealStage = WON, amount: float = 100.0, days_ago: int = 10, **more: object
) -> DealOutcome:
    closed = AS_OF - timedelta(days=days_ago) if stage in (WON, LOST) else None
    return DealOutcome(uid=uid, stage=stage, amount=amount, closed_on=closed, **more)  # type: ignore[arg-type]


def account(name: str, *deals: DealOutcome, recent: int = 0) -> AccountHistory:
    activity = ActivityHistory(total=recent, per_period=(recent,))
    return AccountHistory(account=name, deals=deals, activity=activity)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]),
        (list(range(10)), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        ([7, 7, 7], [3, 3, 3]),
        ([1, 1, 2, 3, 4], [2, 2, 3, 4, 5]),  # the tied pair shares its mean rank 0.5
        ([4], [3]),
        ([1, 2], [2, 4]),
    ],
)
def test_quintile_scores_follow_the_mean_rank_rule(values: list[int], expected: list[int]) -> None:
    keys = {f"a{i}": (float(v),) for i, v in enumerate(values)}

    scores = score_quintiles(keys)

    assert [scores[f"a{i}"] for i in range(len(values))] == expected


def test_a_later_value_in_the_key_breaks_ties() -> None:
    scores = score_quintiles({"a": (1.0, 0.0), "b": (1.0, 5.0), "c": (1.0, 9.0)})

    assert scores["a"] < scores["b"] < scores["c"]


def test_five_customers_land_in_the_segments_of_the_published_table() -> None:
    # recency best->worst: A C E B D; frequency: A(5) B(4) E(3) C(1, busier) D(1);
    # monetary: A B E C D.
    customers = [
        account("A", *(deal(f"a{i}", amount=100.0, days_ago=5 + i) for i in range(5))),
        account("B", *(deal(f"b{i}", amount=100.0, days_ago=400 + i) for i in range(4))),
        account("C", deal("c0", amount=200.0, days_ago=20), recent=9),
        account("D", deal("d0", amount=100.0, days_ago=500), recent=1),
        account("E", *(deal(f"e{i}", amount=100.0, days_ago=30 + i) for i in range(3))),
    ]

    scores = rfm(customers, as_of=AS_OF)

    assert {a: s.code for a, s in scores.items()} == {
        "A": "555",
        "B": "244",
        "C": "422",
        "D": "111",
        "E": "333",
    }
    assert {a: s.segment for a, s in scores.items()} == {
        "A": RfmSegment.CHAMPIONS,
        "B": RfmSegment.AT_RISK,
        "C": RfmSegment.NEW,
        "D": RfmSegment.LOST,
        "E": RfmSegment.NEED_ATTENTION,
    }


def test_measures_count_only_wins_up_to_as_of() -> None:
    history = account(
        "A",
        deal("old", amount=300.0, days_ago=40),
        deal("later", amount=1000.0, days_ago=-5),  # won after as_of
        deal("lost", LOST, amount=50.0, days_ago=3),
        deal("open", OPEN, amount=70.0),
    )

    (score,) = rfm([history], as_of=AS_OF).values()

    assert (score.recency_days, score.frequency, score.monetary) == (40, 1, 300.0)


def test_accounts_without_a_win_are_not_customers() -> None:
    scores = rfm(
        [account("P", deal("p", OPEN)), account("L", deal("l", LOST)), account("C", deal("c"))],
        as_of=AS_OF,
    )

    assert list(scores) == ["C"]


def test_deals_in_a_currency_without_a_rate_count_as_wins_but_bring_no_revenue() -> None:
    history = account("A", deal("usd", amount=100.0), deal("xyz", amount=900.0, converted=False))

    (score,) = rfm([history], as_of=AS_OF).values()

    assert (score.frequency, score.monetary, score.deals_left_out) == (2, 100.0, 1)


def test_an_account_listed_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        rfm([account("A", deal("a")), account("A", deal("b"))], as_of=AS_OF)


def test_the_pareto_view_of_fifty_twenty_fifteen_ten_five() -> None:
    view = pareto({"a": 50.0, "b": 20.0, "c": 15.0, "d": 10.0, "e": 5.0})

    assert (view.total, view.accounts, view.top_accounts) == (100.0, 5, 1)
    assert view.top_share == pytest.approx(0.5)
    assert view.accounts_for_target == 3
    assert [e.account for e in view.ranked] == ["a", "b", "c", "d", "e"]
    assert [e.share for e in view.ranked] == pytest.approx([0.5, 0.2, 0.15, 0.1, 0.05])
    assert [e.cumulative_share for e in view.ranked] == pytest.approx([0.5, 0.7, 0.85, 0.95, 1.0])


def test_equal_revenues_need_eighty_percent_of_the_accounts() -> None:
    view = pareto({f"a{i:02}": 10.0 for i in range(10)})

    assert (view.top_accounts, view.accounts_for_target) == (2, 8)
    assert view.top_share == pytest.approx(0.2)


def test_twenty_percent_of_fifteen_accounts_is_three_not_four() -> None:
    assert pareto({f"a{i:02}": 1.0 for i in range(15)}).top_accounts == 3


def test_accounts_without_revenue_rank_last_and_are_not_counted() -> None:
    view = pareto({"zero": 0.0, "b": 30.0, "a": 30.0, "c": 40.0})

    assert [e.account for e in view.ranked] == ["c", "a", "b", "zero"]
    assert (view.accounts, view.top_accounts, view.accounts_for_target) == (3, 1, 3)
    assert view.ranked[-1].share == 0.0


def test_no_revenue_at_all_gives_an_empty_view() -> None:
    view = pareto({})

    assert (view.total, view.accounts, view.top_share, view.accounts_for_target) == (0, 0, 0, 0)


def test_negative_revenue_is_refused() -> None:
    with pytest.raises(ValueError):
        pareto({"a": -1.0})
