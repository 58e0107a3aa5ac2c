"""Name similarity, the one scorer of the import's duplicate scan and of the hidden links:
rapidfuzz's token sort measure, company names capped by the weakest word and with Chinese
region prefixes, person names meeting through nicknames and initials."""

from __future__ import annotations

import doctest
import random

import pytest
from rapidfuzz import fuzz

from schema import names
from schema.names import company_name_similarity, person_name_similarity, same_script


def test_the_module_examples_hold() -> None:
    result = doctest.testmod(names)

    assert result.failed == 0 and result.attempted >= 12


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("acme", "acme", 1.0),
        ("acme systems", "systems acme", 1.0),
        ("acme", "acem", 6 / 8),  # LCS "ace"
        ("tidewater mobility", "tidewtaer mobility", 16 / 18),  # capped by tidewater/tidewtaer
        ("juniper works", "juniper networks", 10 / 13),  # works / networks: LCS "works"
        ("acme", "acme systems", 2 / 11),  # "systems" has no counterpart: 1 letter of "acme"
        ("acme systems", "acme solutions", 6 / 16),  # systems / solutions: LCS "sts"
        ("华信科技", "北京华信科技", 0.95),  # a region in front
        ("嘉元生物", "嘉桥生物", 6 / 8),  # one character differs
        ("", "acme", 0.0),
    ],
)
def test_similarity_of_company_names_worked_out_by_hand(a: str, b: str, expected: float) -> None:
    assert company_name_similarity(a, b) == pytest.approx(expected)


def test_single_words_score_exactly_as_rapidfuzz_token_sort_ratio() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        a = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 12)))
        b = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 12)))
        assert company_name_similarity(a, b) == pytest.approx(fuzz.token_sort_ratio(a, b) / 100)


def test_the_weakest_word_only_ever_lowers_the_token_sort_measure() -> None:
    rng = random.Random(6)
    for _ in range(2000):
        a = "".join(rng.choice("abc ") for _ in range(rng.randint(1, 14))).strip()
        b = "".join(rng.choice("abc ") for _ in range(rng.randint(1, 14))).strip()
        if a and b:
            whole = fuzz.token_sort_ratio(a, b) / 100
            assert company_name_similarity(a, b) <= whole + 1e-12


def test_the_measure_is_symmetric() -> None:
    pairs = [("acme works", "works acme co"), ("华信科技", "上海华信科技集团"), ("ab cd", "abc d")]
    for a, b in pairs:
        assert company_name_similarity(a, b) == company_name_similarity(b, a)
        assert person_name_similarity(a, b) == person_name_similarity(b, a)


def test_a_short_chinese_name_inside_a_long_one_is_no_region_prefix() -> None:
    assert company_name_similarity("华信", "北京华信") == pytest.approx(2 * 2 / 6)
    assert company_name_similarity("华信科技", "北京上海华信科技") < 0.95


def test_a_region_prefix_scores_what_the_caller_says() -> None:
    assert company_name_similarity("北京华信科技", "华信科技", prefix_similarity=1.0) == 1.0


def test_below_the_cutoff_the_whole_names_score_is_returned_uncapped() -> None:
    uncapped = fuzz.token_sort_ratio("acme", "acme logistics") / 100

    assert company_name_similarity("acme", "acme logistics", cutoff=0.6) == pytest.approx(uncapped)
    assert company_name_similarity("acme", "acme logistics") < uncapped


@pytest.mark.parametrize("options", [{"prefix_similarity": 1.5}, {"max_prefix": -1}])
def test_bad_options_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        company_name_similarity("a", "b", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("bob smith", "robert smith", 1.0),
        ("jones kathy", "jones kathleen", 1.0),
        ("j smith", "john smith", 1.0),
        ("a john smith", "john smith", 1.0),
        ("john smith", "john smiht", 18 / 20),  # not capped by smith / smiht
        ("王伟", "王玮", 0.75),
        ("王伟", "李伟", 0.5),
    ],
)
def test_person_names_meet_through_nicknames_initials_and_one_off_characters(
    a: str, b: str, expected: float
) -> None:
    assert person_name_similarity(a, b) == pytest.approx(expected)


def test_names_in_chinese_characters_and_romanised_ones_are_in_different_scripts() -> None:
    assert same_script("王伟", "李伟") and same_script("wang wei", "ann lee")
    assert not same_script("王伟", "wang wei")
