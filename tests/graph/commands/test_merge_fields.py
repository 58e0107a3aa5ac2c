"""The survivor's fields after a merge and after its undo: pure rules, no database."""

from __future__ import annotations

from typing import Any

import pytest

from graph.commands.merge_fields import changes, resolve, restoring
from schema.reading.merges import MergeKind

ANN = {"full_name": "Ann Lee", "email": "ann@acme.com", "title": None, "is_colleague": False}
ANNA = {
    "full_name": "Anna Lee",
    "email": "anna@acme.eu",
    "title": "CFO",
    "is_colleague": True,
    "alternate_emails": ["a.lee@old.example"],
}


def _results(kind: MergeKind, survivor: dict[str, Any], merged: dict[str, Any]) -> dict[str, Any]:
    return {f.field: f.result for f in resolve(kind, survivor, merged)}


def test_the_survivors_values_win_and_the_merged_record_fills_its_nulls() -> None:
    results = _results(MergeKind.PERSON, ANN, ANNA)

    assert (results["full_name"], results["title"], results["is_colleague"]) == (
        "Ann Lee",
        "CFO",
        False,
    )


def test_the_merged_persons_emails_go_to_the_survivors_alternate_emails() -> None:
    survivor = {**ANN, "alternate_emails": ["ann@old.example", "anna@acme.eu"]}

    results = _results(MergeKind.PERSON, survivor, ANNA)

    assert results["email"] == "ann@acme.com"
    assert results["alternate_emails"] == ("ann@old.example", "anna@acme.eu", "a.lee@old.example")


@pytest.mark.parametrize("empty", [None, "", []])
def test_an_empty_company_value_is_filled(empty: object) -> None:
    results = _results(MergeKind.COMPANY, {"name": "Acme", "industry": empty}, {"industry": "Oil"})

    assert (results["name"], results["industry"]) == ("Acme", "Oil")


def test_undoing_restores_what_the_merge_changed_unless_it_changed_again() -> None:
    props, record = changes(resolve(MergeKind.PERSON, ANN, ANNA))
    later = {**ANN, **props, "alternate_emails": [*props["alternate_emails"], "new@x.example"]}

    restore = restoring(record, {**later, "title": "CEO"})
    untouched = restoring(record, {**ANN, **props})

    assert set(props) == {"title", "alternate_emails"}
    assert restore == {"alternate_emails": ["new@x.example"]}
    assert untouched == {"title": None, "alternate_emails": None}
