"""Values of CRM exports in template vocabulary; anything unrecognised passes unchanged."""

from __future__ import annotations

import pytest

from ingest.formats.tables.export_values import (
    domain_of,
    email_in,
    export_date,
    joined_address,
    plain_amount,
    probability_fraction,
    template_stage,
)


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        ("appointmentscheduled", "prospecting"),
        ("Appointment Scheduled", "prospecting"),
        ("qualifiedtobuy", "qualification"),
        ("Qualified To Buy", "qualification"),
        ("presentationscheduled", "proposal"),
        ("decisionmakerboughtin", "negotiation"),
        ("Decision Maker Bought-In", "negotiation"),
        ("contractsent", "negotiation"),
        ("closedwon", "closed_won"),
        ("Closed Won (Sales Pipeline)", "closed_won"),
        ("closedlost", "closed_lost"),
        ("Prospecting", "prospecting"),
        ("Qualification", "qualification"),
        ("Needs Analysis", "qualification"),
        ("Value Proposition", "proposal"),
        ("Id. Decision Makers", "proposal"),
        ("Perception Analysis", "proposal"),
        ("Proposal/Price Quote", "proposal"),
        ("Negotiation/Review", "negotiation"),
        ("Closed Won", "closed_won"),
        ("Closed Lost", "closed_lost"),
        ("closed_won", "closed_won"),
        ("Discovery Call", "Discovery Call"),
    ],
)
def test_default_pipeline_stages_of_both_crms_become_ours(stage: str, expected: str) -> None:
    assert template_stage(stage) == expected


@pytest.mark.parametrize(
    ("value", "us_dates", "expected"),
    [
        ("2024-03-31", False, "2024-03-31"),
        ("2024-03-31 09:30", False, "2024-03-31"),
        ("2024-03-31T09:30:00.000Z", False, "2024-03-31"),
        ("03/31/2024", False, "03/31/2024"),
        ("03/31/2024", True, "2024-03-31"),
        ("3/5/24", True, "2024-03-05"),
        ("3/5/2024 4:15 PM", True, "2024-03-05"),
        ("31/03/2024", True, "31/03/2024"),
        ("soon", True, "soon"),
    ],
)
def test_export_dates_become_iso_dates(value: str, us_dates: bool, expected: str) -> None:
    assert export_date(value, us_dates=us_dates) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("acme.com", "acme.com"),
        ("https://www.Acme.com/about?x=1#top", "acme.com"),
        ("http://shop.acme.co.uk:8080/", "shop.acme.co.uk"),
        ("WWW.GLOBEX.COM.", "globex.com"),
    ],
)
def test_a_website_becomes_its_domain(url: str, expected: str) -> None:
    assert domain_of(url) == expected


@pytest.mark.parametrize(
    ("value", "percent", "expected"),
    [
        ("60", True, "0.6"),
        ("100", True, "1"),
        ("12.5%", False, "0.125"),
        ("0.4", False, "0.4"),
        ("40", False, "0.4"),
        ("likely", True, "likely"),
    ],
)
def test_probabilities_become_fractions(value: str, percent: bool, expected: str) -> None:
    assert probability_fraction(value, percent=percent) == expected


def test_amounts_lose_thousands_separators_and_give_up_their_currency() -> None:
    assert plain_amount("EUR 12,500") == ("12500", "EUR")
    assert plain_amount("1.234,56") == ("1.234,56", None)


def test_an_owner_counts_only_with_exactly_one_email_address() -> None:
    assert email_in("Ann Lee <ann@seller.io>") == "ann@seller.io"
    assert email_in("Ann Lee") is None
    assert email_in("a@x.io; b@x.io") is None


def test_empty_address_parts_are_left_out() -> None:
    assert joined_address([None, "", "  Oslo ", None, "Norway"]) == "Oslo, Norway"
    assert joined_address([None, " "]) is None
