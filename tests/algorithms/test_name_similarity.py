"""Name similarity with the standard library: the import's measure, capped by the weakest
word, with Chinese region prefixes."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from algorithms.name_similarity import name_similarity


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("acme", "acme", 1.0),
        ("acme systems", "systems acme", 1.0),
        ("acme", "acem", 6 / 8),  # LCS "ace"
        ("tidewater mobility", "tidewtaer mobility", 16 / 18),  # capped by tidewater/tidewtaer
        ("juniper works", "juniper networks", 10 / 13),  # works / networks: LCS "works"
        ("acme", "acme systems", 2 / 11),  # "systems" has no counterpart: 1 letter of "acme"
        ("华信科技", "北京华信科技", 0.95),  # a region in front
        ("嘉元生物", "嘉桥生物", 6 / 8),  # one character differs
        ("", "acme", 0.0),
    ],
)
def test_similarity_of_names_worked_out_by_hand(a: str, b: str, expected: float) -> None:
    assert name_similarity(a, b) == pytest.approx(expected)


def test_single_words_score_exactly_as_rapidfuzz_token_sort_ratio() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        a = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 12)))
        b = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 12)))
        assert name_similarity(a, b) == pytest.approx(fuzz.token_sort_ratio(a, b) / 100)


def test_the_measure_is_symmetric() -> None:
    pairs = [("acme works", "works acme co"), ("华信科技", "上海华信科技集团"), ("ab cd", "abc d")]
    for a, b in pairs:
        assert name_similarity(a, b) == name_similarity(b, a)


def test_a_short_chinese_name_inside_a_long_one_is_no_region_prefix() -> None:
    assert name_similarity("华信", "北京华信") == pytest.approx(2 * 2 / 6)
    assert name_similarity("华信科技", "北京上海华信科技") < 0.95


@pytest.mark.parametrize("options", [{"prefix_similarity": 1.5}, {"max_prefix": -1}])
def test_bad_options_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        name_similarity("a", "b", **options)  # type: ignore[arg-type]
