"""Companies: a ``companies`` row, or an employer known only by name or domain."""

from __future__ import annotations

from collections.abc import Mapping

from ingest.source_rows import Origin
from ingest.validation.context import BuildContext, Built, Problems, Write
from ingest.validation.refs import company_ref, provenance
from schema.addresses import address_key
from schema.identifier_keys import normalise_domain, normalise_phone
from schema.import_rows import CompanyRef, CompanyRow, Defaults, ImportKind, SubsidiaryRow
from schema.keys import company_name_key

__all__ = ["build_company", "employer_write", "phone_value"]


def build_company(fields: Mapping[str, str], origin: Origin, ctx: BuildContext) -> Built:
    """The company of a ``companies`` row, and its parent link (written after all
    companies, so a parent may come later in the file)."""
    problems = Problems(origin)
    company_id = fields.get("company_id")
    name = fields.get("name")
    raw_domain = fields.get("domain")
    domain = normalise_domain(raw_domain)
    if raw_domain and domain is None:
        problems.reject("domain", raw_domain, "not a domain name (like example.com)")
    if not name and not domain:
        problems.reject("name", None, "a company needs a name (or at least a domain)")
    if not company_id and not name:
        problems.reject("company_id", None, "a company needs a company_id or a name")
    phone = phone_value(fields.get("phone"), "phone", ctx, problems)
    problems.raise_if_any()
    label = f"company_id '{company_id}'" if company_id else f"name '{name}'"
    ref = company_ref(ctx.source, company_id=company_id, domain=domain, name=name, label=label)
    shown_name = name or str(domain)
    key = company_id or (f"domain:{domain}" if domain else f"name:{ref['name_key']}")
    uid = ref["ext"] or f"company:{ctx.source}:{key}"
    address = fields.get("address")
    props = {
        "name": shown_name,
        "name_key": company_name_key(shown_name),
        "domain": domain,
        "industry": fields.get("industry"),
        "address": address,
        "phone": phone,
    }
    row: CompanyRow = {
        "uid": uid,
        "ref": ref,
        "props": {k: v for k, v in props.items() if v is not None},
        "defaults": {"is_home": False},
        "prov": provenance(ctx.source, key, origin.file, origin.line, origin.record_id),
        "phones": [phone] if phone else [],
        "domains": [domain] if domain else [],
        "address_key": address_key(address),
        "address_text": address,
    }
    built = Built(notes=problems.notes)
    built.writes.append(Write(ImportKind.COMPANY, row, _keys(uid, ref["ext"])))
    if company_id:
        built.unique_key = ("company_id", company_id)
    if parent_id := fields.get("parent_company_id"):
        parent = company_ref(
            ctx.source, company_id=parent_id, label=f"parent_company_id '{parent_id}'"
        )
        link: SubsidiaryRow = {
            "child": ref,
            "parent": parent,
            "prov": provenance(ctx.source, key, origin.file, origin.line, origin.record_id),
        }
        built.writes.append(Write(ImportKind.SUBSIDIARY, link))
    return built


def employer_write(
    ctx: BuildContext, origin: Origin, *, name: str | None, domain: str | None
) -> tuple[Write, CompanyRef]:
    """Write (or find) a company known only by name and/or domain, e.g. a vCard's ORG or
    the domain of a work email; the write, and the reference that finds the company."""
    ref = company_ref(ctx.source, domain=domain, name=name, label=f"company '{name or domain}'")
    key = f"domain:{ref['domain']}" if ref["domain"] else f"name:{ref['name_key']}"
    uid = f"company:{ctx.source}:{key}"
    shown_name = name or str(ref["domain"])
    # Known only in passing: it names a new company but never renames an existing one.
    defaults: Defaults = {
        "name": shown_name,
        "name_key": company_name_key(shown_name),
        "is_home": False,
    }
    if ref["domain"]:
        defaults["domain"] = ref["domain"]
    row: CompanyRow = {
        "uid": uid,
        "ref": ref,
        "props": {},
        "defaults": defaults,
        "prov": provenance(ctx.source, key, origin.file, origin.line, origin.record_id),
        "phones": [],
        "domains": [ref["domain"]] if ref["domain"] else [],
        "address_key": None,
        "address_text": None,
    }
    return Write(ImportKind.COMPANY, row, _keys(uid, None)), ref


def phone_value(raw: str | None, column: str, ctx: BuildContext, problems: Problems) -> str | None:
    """The E.164 form of ``raw``; an unreadable number is noted and ignored."""
    if not raw:
        return None
    phone = normalise_phone(raw, ctx.default_region)
    if phone is None:
        problems.ignore(
            column,
            raw,
            "not a phone number in international form (+country code) or of the default "
            "region; ignored, the row was imported without it",
        )
    return phone


def _keys(uid: str, ext: str | None) -> tuple[str, ...]:
    return (uid,) if ext is None or ext == uid else (uid, ext)
