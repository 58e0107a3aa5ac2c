"""Titles written the short way read as their long form: "Dir Trading" is a director and
"Mng Dir Trading" a managing director, not individual contributors."""

from __future__ import annotations

import pytest

from schema.enums import Seniority
from schema.titles import classify_title

S = Seniority

# (as people write it, as the rules already read it): both must read the same.
SHORT_AND_LONG = [
    ("Dir Trading", "Director Trading"),
    ("Dir., Mktg", "Director, Marketing"),
    ("Mng Dir Trading", "Managing Director Trading"),
    ("Mg. Dir.", "Managing Director"),
    ("MD, Gas Trading", "Managing Director, Gas Trading"),
    ("Mgr Trading", "Manager Trading"),
    ("Sr Mgr, Ops", "Senior Manager, Operations"),
    ("Snr Engineer", "Senior Engineer"),
    ("Jr Analyst", "Junior Analyst"),
    ("SVP Sales", "Senior Vice President Sales"),
    ("EVP", "Executive Vice President"),
    ("AVP Finance", "Assistant Vice President Finance"),
    ("RVP, EMEA", "Regional Vice President, EMEA"),
    ("GM", "General Manager"),
    ("Gen. Mgr.", "General Manager"),
    ("Pres & CEO", "President & CEO"),
    ("Chmn", "Chairman"),
    ("Asst to the Pres", "Assistant to the President"),
    ("Asst Dir, HR", "Assistant Director, HR"),
    ("Assoc Dir", "Associate Director"),
    ("Exec Dir", "Executive Director"),
    ("Sales Rep", "Sales Representative"),
    ("Eng Mgr", "Engineering Manager"),
    ("Mktg Coord", "Marketing Coordinator"),
    ("Supv, Ops", "Supervisor, Operations"),
    ("Hd of Sales", "Head of Sales"),
    ("Biz Dev Mgr", "Business Development Manager"),
    ("Intl Sales Dir", "International Sales Director"),
]


@pytest.mark.parametrize(("short", "long"), SHORT_AND_LONG)
def test_an_abbreviated_title_reads_as_its_long_form(short: str, long: str) -> None:
    assert classify_title(short) == classify_title(long)


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Dir Trading", S.DIRECTOR),
        ("Mng Dir Trading", S.C_LEVEL),
        ("Mgr Trading", S.MANAGER),
        ("Sr Dir Ops", S.DIRECTOR),
        ("SVP Sales", S.VP),
        ("GM", S.C_LEVEL),
        ("Chmn", S.BOARD),
        ("Pres", S.C_LEVEL),
    ],
)
def test_common_abbreviations_read_as_the_seniority_they_stand_for(
    title: str, seniority: Seniority
) -> None:
    assert classify_title(title).seniority is seniority


def test_directors_rank_above_managers_when_both_are_abbreviated() -> None:
    order = [S.INDIVIDUAL_CONTRIBUTOR, S.MANAGER, S.DIRECTOR, S.VP, S.C_LEVEL]
    ranks = [order.index(classify_title(t).seniority) for t in ("Mgr Trading", "Dir Trading")]
    assert ranks[0] < ranks[1] < order.index(classify_title("Mng Dir Trading").seniority)


@pytest.mark.parametrize("title", ["Direct Sales", "Grep Engineer", "Mdm Specialist", "Presales"])
def test_words_that_only_begin_like_an_abbreviation_are_left_alone(title: str) -> None:
    assert classify_title(title) == classify_title(title.lower())
    assert "director" not in title.lower() and classify_title(title).seniority in {
        S.INDIVIDUAL_CONTRIBUTOR,
        S.MANAGER,
    }
