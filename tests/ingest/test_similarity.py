"""Scoring pairs of people and companies as duplicates: fuzzy names plus shared identifiers."""

from __future__ import annotations

import doctest
from typing import Any

import pytest

from ingest.resolution import similarity
from ingest.resolution.similarity import (
    MIN_SCORE,
    Candidate,
    CompanyFacts,
    Employer,
    PersonFacts,
    company_similarity,
    person_similarity,
    score_companies,
    score_people,
)
from schema.reading.merges import MergeKind

ACME = Employer("company:crm:1", "Acme")
GLOBEX = Employer("company:crm:2", "Globex")


def person(uid: str, name: str, **fields: Any) -> PersonFacts:
    return PersonFacts(uid=f"person:test:{uid}", full_name=name, **fields)


def company(uid: str, name: str, **fields: Any) -> CompanyFacts:
    return CompanyFacts(uid=f"company:test:{uid}", name=name, **fields)


def test_the_module_examples_hold() -> None:
    result = doctest.testmod(similarity)

    assert result.failed == 0 and result.attempted >= 15


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("john smith", "john smith", 1.0),
        ("bob smith", "robert smith", 1.0),
        ("kathy jones", "katherine jones", 1.0),
        ("jones kathy", "jones kathleen", 1.0),
        ("j smith", "john smith", 1.0),
        ("a john smith", "john smith", 1.0),
        ("a smith", "john smith", 0.71),
        ("john smith", "john smiht", 0.9),
        ("bob jones", "robert smith", 0.5),
        ("王伟", "王玮", 0.75),
        ("王伟", "李伟", 0.5),
        ("王伟", "王伟", 1.0),
        ("王伟", "wang wei", None),
    ],
)
def test_person_names_meet_through_nicknames_initials_and_one_off_characters(
    a: str, b: str, expected: float | None
) -> None:
    assert person_similarity(a, b) == expected
    assert person_similarity(b, a) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("acme", "acme", 1.0),
        ("acme systems", "acme sytems", 0.96),
        ("acme", "acme logistics", 0.44),
        ("acme systems", "acme solutions", 0.62),
        ("北京华信科技", "华信科技", 1.0),
        ("北京银行", "上海银行", 0.5),
        ("华信科技", "acme", None),
    ],
)
def test_company_names_ignore_word_order_and_a_leading_region_on_one_side(
    a: str, b: str, expected: float | None
) -> None:
    assert company_similarity(a, b) == expected


def test_a_nickname_and_a_shared_phone_make_a_strong_candidate() -> None:
    a = person("1", "Robert Smith", phones=("+14155550100",))
    b = person("2", "Bob Smith", phones=("+14155550100",))

    assert score_people(a, b) == Candidate(
        kind=MergeKind.PERSON,
        a_uid=a.uid,
        b_uid=b.uid,
        score=0.9,
        reasons=("names 100% similar", "same phone +14155550100"),
    )


def test_a_candidate_runs_from_the_lower_uid_whatever_the_argument_order() -> None:
    a = person("1", "Ann Lee", employers=(ACME,))
    b = person("2", "Lee, Ann", employers=(ACME,))

    forward, backward = score_people(a, b), score_people(b, a)

    assert forward == backward
    assert forward is not None and (forward.a_uid, forward.b_uid) == (a.uid, b.uid)


@pytest.mark.parametrize(
    ("b", "score", "reasons"),
    [
        (
            person("2", "Ann Lee", email="ANN@acme.com"),
            0.99,
            ("names 100% similar", "same email ann@acme.com", "same work email domain acme.com"),
        ),
        (
            person("2", "Ann Lee", alternate_emails=("ann@acme.com",)),
            0.99,
            ("names 100% similar", "same email ann@acme.com", "same work email domain acme.com"),
        ),
        (
            person("2", "Ann Lee", employers=(ACME,)),
            0.85,
            ("names 100% similar", "same employer Acme"),
        ),
        (
            person("2", "Ann Lee", email="a.lee@acme.com", employers=(ACME, GLOBEX)),
            0.88,
            ("names 100% similar", "same employer Acme", "same work email domain acme.com"),
        ),
        (person("2", "Ann Lee"), 0.75, ("names 100% similar",)),
        (
            person("2", "Anne Leigh", phones=("+14155550100",)),
            0.682,
            ("names 71% similar", "same phone +14155550100"),
        ),
    ],
)
def test_each_shared_identifier_raises_the_score_and_is_named(
    b: PersonFacts, score: float, reasons: tuple[str, ...]
) -> None:
    a = person("1", "Ann Lee", email="ann@acme.com", phones=("+14155550100",), employers=(ACME,))

    candidate = score_people(a, b)

    assert candidate is not None and (candidate.score, candidate.reasons) == (score, reasons)


def test_names_alone_stay_below_the_usual_threshold_for_people_but_not_for_companies() -> None:
    people = score_people(person("1", "John Smith"), person("2", "Smith, John"))
    companies = score_companies(company("1", "Acme Corp"), company("2", "ACME Corporation"))

    assert people is not None and people.score == 0.75
    assert companies is not None and companies.score == 0.8


def test_colleagues_with_different_names_are_no_candidates_whatever_they_share() -> None:
    a = person("1", "Ann Lee", email="ann@acme.com", phones=("+14155550100",), employers=(ACME,))
    b = person("2", "Bo Chen", email="bo@acme.com", phones=("+14155550100",), employers=(ACME,))

    assert score_people(a, b) is None


def test_a_shared_email_outweighs_different_names() -> None:
    a = person("1", "Ann Lee", email="sales@acme.com")
    b = person("2", "Sales Team", email="Sales@Acme.com")

    candidate = score_people(a, b)

    assert candidate is not None and candidate.score == 0.96
    assert candidate.reasons == (
        "names 47% similar",
        "same email sales@acme.com",
        "same work email domain acme.com",
    )


def test_a_free_mail_domain_is_no_evidence() -> None:
    a = person("1", "Ann Lee", email="ann.lee@gmail.com")
    b = person("2", "Ann Lee", email="annlee@gmail.com")

    candidate = score_people(a, b)

    assert candidate is not None and candidate.reasons == ("names 100% similar",)


def test_a_chinese_name_and_its_romanisation_rely_on_their_identifiers() -> None:
    a = person("1", "王伟", phones=("+8613812345678",), employers=(ACME,))
    b = person("2", "Wang Wei", phones=("+8613812345678",), employers=(ACME,))

    candidate = score_people(a, b)

    assert candidate is not None and (candidate.score, candidate.reasons) == (
        0.76,
        (
            "names in different scripts (not compared)",
            "same phone +8613812345678",
            "same employer Acme",
        ),
    )


def test_a_homophone_typed_for_a_chinese_given_name_still_counts() -> None:
    a = person("1", "王伟", phones=("+8613812345678",), employers=(ACME,))
    b = person("2", "王玮", phones=("+8613812345678",), employers=(ACME,))

    candidate = score_people(a, b)

    assert candidate is not None and candidate.score == 0.828
    assert candidate.reasons[0] == "names 75% similar"


def test_below_the_minimum_score_there_is_no_candidate() -> None:
    a = person("1", "Ann Lee")
    b = person("2", "Anne Leigh")

    assert MIN_SCORE == 0.5
    assert score_people(a, b) is None


def test_comparing_a_record_with_itself_is_an_error() -> None:
    with pytest.raises(ValueError, match="itself"):
        score_people(person("1", "Ann Lee"), person("1", "Ann Lee"))


@pytest.mark.parametrize(
    ("b", "score", "reasons"),
    [
        (
            company("2", "ACME Corporation", domains=("acme.com",)),
            0.9,
            ("names 100% similar", "same domain acme.com"),
        ),
        (
            company("2", "Acme", phones=("+14155550100",), address_keys=("1 main st",)),
            0.935,
            ("names 100% similar", "same phone +14155550100", "same address 1 main st"),
        ),
        (
            company("2", "Acmee Corp", domains=("acme.com",)),
            0.79,
            ("names 89% similar", "same domain acme.com"),
        ),
    ],
)
def test_companies_score_on_their_name_domain_phone_and_address(
    b: CompanyFacts, score: float, reasons: tuple[str, ...]
) -> None:
    a = company(
        "1",
        "Acme Corp",
        domains=("acme.com",),
        phones=("+14155550100",),
        address_keys=("1 main st",),
    )

    candidate = score_companies(a, b)

    assert candidate is not None and (candidate.score, candidate.reasons) == (score, reasons)


def test_two_companies_of_one_family_in_two_countries_are_held_back_by_their_legal_forms() -> None:
    a = company("1", "Acme Stores Inc", domains=("acme.com",))
    b = company("2", "Acme Stores Ltd", domains=("acme.com",))

    candidate = score_companies(a, b)

    assert candidate is not None and (candidate.score, candidate.reasons) == (
        0.7,
        ("names 100% similar, but other legal forms (inc, ltd)", "same domain acme.com"),
    )


def test_spelled_out_legal_forms_are_the_same_form() -> None:
    candidate = score_companies(company("1", "Acme Inc."), company("2", "ACME Incorporated"))

    assert candidate is not None and candidate.score == 0.8


def test_different_companies_sharing_a_building_are_no_candidates() -> None:
    a = company("1", "Acme Corp", address_keys=("1 main st",), phones=("+14155550100",))
    b = company("2", "Globex Ltd", address_keys=("1 main st",), phones=("+14155550100",))

    assert score_companies(a, b) is None


def test_a_chinese_company_with_and_without_its_legal_form_and_city_is_one() -> None:
    a = company("1", "华信科技有限公司")
    b = company("2", "北京华信科技")

    candidate = score_companies(a, b)

    assert candidate is not None and candidate.score == 0.8


def test_a_missing_name_key_is_computed_from_the_name() -> None:
    facts = PersonFacts(uid="person:test:1", full_name="Dr. Ann LEE")

    assert facts.key == "ann lee"
    assert CompanyFacts(uid="company:test:1", name="Acme, Inc.").key == "acme"
