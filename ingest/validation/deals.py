"""Deals and their buying-committee contacts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ingest.source_rows import Origin
from ingest.validation.context import BuildContext, Built, Problems, Write
from ingest.validation.people import email_value
from ingest.validation.refs import company_ref, deal_ref, person_ref, provenance
from ingest.validation.values import (
    Invalid,
    parse_amount,
    parse_currency,
    parse_date,
    parse_enum,
    parse_probability,
)
from schema.enums import DealContactRole, DealStage
from schema.import_rows import CompanyRef, DealContactRow, DealRow, ImportKind, PersonRef

__all__ = ["build_deal", "build_deal_contact"]


def _parse(
    fields: Mapping[str, str],
    column: str,
    parser: Callable[[str], Any],
    problems: Problems,
) -> Any:
    raw = fields.get(column)
    if not raw:
        return None
    try:
        return parser(raw)
    except Invalid as e:
        problems.reject(column, raw, str(e))
        return None


def build_deal(fields: Mapping[str, str], origin: Origin, ctx: BuildContext) -> Built:
    """A deal with its company and owner (both must exist, or the row is rejected)."""
    problems = Problems(origin)
    deal_id = fields.get("deal_id")
    if not deal_id:
        problems.reject("deal_id", None, "a deal needs a deal_id")
    if not fields.get("name"):
        problems.reject("name", None, "a deal needs a name")
    props = {
        "name": fields.get("name"),
        "amount": _parse(fields, "amount", parse_amount, problems),
        "currency": _parse(fields, "currency", parse_currency, problems),
        "stage": _parse(fields, "stage", lambda raw: parse_enum(raw, DealStage).value, problems),
        "probability": _parse(fields, "probability", parse_probability, problems),
        "close_date": _parse(fields, "close_date", parse_date, problems),
    }
    owner_email = email_value(fields.get("owner_email"), "owner_email", problems)
    problems.raise_if_any()
    assert deal_id is not None
    company: CompanyRef | None = None
    if company_id := fields.get("company_id"):
        company = company_ref(ctx.source, company_id=company_id, label=f"company_id '{company_id}'")
    elif fields.get("company_domain") or fields.get("company_name"):
        shown = fields.get("company_domain") or fields.get("company_name")
        company = company_ref(
            ctx.source,
            domain=fields.get("company_domain"),
            name=fields.get("company_name"),
            label=f"company '{shown}'",
        )
    owner: PersonRef | None = None
    if owner_id := fields.get("owner_person_id"):
        owner = person_ref(ctx.source, person_id=owner_id, label=f"owner_person_id '{owner_id}'")
    elif owner_email:
        owner = person_ref(ctx.source, email=owner_email, label=f"owner_email '{owner_email}'")
    ref = deal_ref(ctx.source, deal_id, label=f"deal_id '{deal_id}'")
    row: DealRow = {
        "uid": ref["ext"],
        "ref": ref,
        "company": company,
        "owner": owner,
        "props": {k: v for k, v in props.items() if v is not None},
        "defaults": {"stage": DealStage.PROSPECTING.value},
        "prov": provenance(ctx.source, deal_id, origin.file, origin.line, origin.record_id),
    }
    built = Built(writes=[Write(ImportKind.DEAL, row, (ref["ext"],))], notes=problems.notes)
    built.unique_key = ("deal_id", deal_id)
    return built


def build_deal_contact(fields: Mapping[str, str], origin: Origin, ctx: BuildContext) -> Built:
    """A person's role in a deal's buying committee."""
    problems = Problems(origin)
    deal_id = fields.get("deal_id")
    person_id = fields.get("person_id")
    email = email_value(fields.get("person_email"), "person_email", problems)
    if not deal_id:
        problems.reject("deal_id", None, "a deal contact needs a deal_id")
    if not person_id and not fields.get("person_email"):
        problems.reject("person_id", None, "a deal contact needs a person_id or person_email")
    role = None
    if not (raw_role := fields.get("role")):
        problems.reject("role", None, "a deal contact needs a role")
    else:
        try:
            role = parse_enum(raw_role, DealContactRole)
        except Invalid as e:
            problems.reject("role", raw_role, str(e))
    problems.raise_if_any()
    assert deal_id is not None and role is not None
    person_label = f"person_id '{person_id}'" if person_id else f"person_email '{email}'"
    key = f"{deal_id}|{person_id or email}|{role.value}"
    row: DealContactRow = {
        "deal": deal_ref(ctx.source, deal_id, label=f"deal_id '{deal_id}'"),
        "person": person_ref(ctx.source, person_id=person_id, email=email, label=person_label),
        "role": role.value,
        "prov": provenance(ctx.source, key, origin.file, origin.line, origin.record_id),
    }
    return Built(writes=[Write(ImportKind.DEAL_CONTACT, row)], notes=problems.notes)
