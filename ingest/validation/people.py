"""People, with what a ``people`` row implies: the employer, the current job, the manager
and a stated connection to the importing user; and ``employments`` rows."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ingest.source_rows import Origin
from ingest.validation.companies import employer_write, phone_value
from ingest.validation.context import BuildContext, Built, Problems, Write
from ingest.validation.refs import company_ref, person_ref, provenance
from ingest.validation.values import Invalid, parse_bool, parse_date, parse_enum, split_list
from schema.enums import EmploymentRole
from schema.identifier_keys import normalise_email, work_domain
from schema.import_rows import (
    CompanyRef,
    ConnectionRow,
    Defaults,
    EmploymentRow,
    ImportKind,
    PersonRef,
    PersonRow,
    Properties,
    PropertyValue,
    ReportingLineRow,
    RowProvenance,
)
from schema.keys import person_name_key
from schema.titles import classify_title

__all__ = ["build_employment", "build_person", "email_value", "job_props"]

# Titles repeat (and a person row classifies its title twice: the person's and the job's).
_classified = lru_cache(maxsize=4096)(classify_title)


def email_value(raw: str | None, column: str, problems: Problems) -> str | None:
    """The normalised email of ``raw``; an invalid one rejects the row."""
    if not raw:
        return None
    email = normalise_email(raw)
    if email is None:
        problems.reject(column, raw, "not a valid email address")
    return email


def job_props(title: str | None, department: str | None) -> Properties:
    """Title and department as given, plus seniority and department normalised from them
    (English or Chinese)."""
    props: dict[str, str | None] = {"title": title, "department": department}
    if title or department:
        classified = _classified(title, department)
        if title:
            props["seniority"] = classified.seniority.value
        if classified.department is not None:
            props["department_key"] = classified.department.value
    return {k: v for k, v in props.items() if v is not None}


def build_person(fields: Mapping[str, str], origin: Origin, ctx: BuildContext) -> Built:
    """A person and what their row implies."""
    problems = Problems(origin)
    person_id = fields.get("person_id")
    email = email_value(fields.get("email"), "email", problems)
    name = fields.get("full_name") or " ".join(
        part for part in (fields.get("first_name"), fields.get("last_name")) if part
    )
    if not person_id and not fields.get("email"):
        problems.reject("person_id", None, "a person needs a person_id or an email")
    if not name and not email:
        problems.reject("full_name", None, "a person needs a name or an email")
    alternates = []
    for raw in split_list(fields.get("alternate_emails")):
        if (alternate := normalise_email(raw)) is None:
            problems.ignore("alternate_emails", raw, "not a valid email address; ignored")
        elif alternate != email:
            alternates.append(alternate)
    phone = phone_value(fields.get("phone"), "phone", ctx, problems)
    phones = [phone] if phone else []
    for raw in split_list(fields.get("alternate_phones")):
        if (other := phone_value(raw, "alternate_phones", ctx, problems)) and other not in phones:
            phones.append(other)
    colleague = None
    if raw_colleague := fields.get("is_colleague"):
        try:
            colleague = parse_bool(raw_colleague)
        except Invalid as e:
            problems.reject("is_colleague", raw_colleague, str(e))
    connected_on = None
    if raw_since := fields.get("connected_on"):
        try:
            connected_on = parse_date(raw_since)
        except Invalid as e:
            problems.ignore("connected_on", raw_since, f"{e}; ignored")
    problems.raise_if_any()

    shown_name = name or str(email)
    key = person_id or str(email)
    label = f"person_id '{person_id}'" if person_id else f"email '{email}'"
    ref = person_ref(ctx.source, person_id=person_id, email=email, label=label)
    uid = ref["ext"] or f"person:{ctx.source}:{email}"
    prov = provenance(ctx.source, key, origin.file, origin.line, origin.record_id)
    props: dict[str, PropertyValue | None] = {
        "full_name": shown_name,
        "name_key": person_name_key(name) if name else None,
        "phone": phone,
        "is_colleague": colleague,
        **job_props(fields.get("title"), fields.get("department")),
    }
    if alternates:
        props["alternate_emails"] = alternates
    defaults: Defaults = {"seniority": "unknown", "is_colleague": False}
    if ctx.names_are_hints and not person_id:
        defaults["full_name"] = props.pop("full_name")
        if (name_key := props.pop("name_key", None)) is not None:
            defaults["name_key"] = name_key
        # Unchanged by issue 10 (it reused ``key``): the name key, or "None", then keys the
        # implied job and reporting line; mail and calendar rows name neither.
        key = str(name_key)
    domain = work_domain(email) if email else None
    row: PersonRow = {
        "uid": uid,
        "ref": ref,
        "email": email,
        "props": {k: v for k, v in props.items() if v is not None},
        "defaults": defaults,
        "prov": prov,
        "phones": phones,
        "domains": [domain] if domain else [],
    }
    keys = tuple(k for k in (uid, ref["ext"], email and f"email:{email}") if k)
    built = Built(notes=problems.notes, writes=[Write(ImportKind.PERSON, row, keys)])
    if person_id:
        built.unique_key = ("person_id", person_id)
    _employer(fields, built, ctx, origin, ref=ref, person_key=key, prov=prov)
    if manager_id := fields.get("manager_person_id"):
        line_uid = f"reports_to:{ctx.source}:{key}"
        line: ReportingLineRow = {
            "uid": line_uid,
            "person": ref,
            "manager": person_ref(
                ctx.source, person_id=manager_id, label=f"manager_person_id '{manager_id}'"
            ),
            "props": {"kind": "explicit", "confidence": 1.0},
            "prov": prov,
        }
        built.writes.append(Write(ImportKind.REPORTING_LINE, line, (line_uid,)))
    if "connected_on" in fields and ctx.owner_email:
        owner = person_ref(ctx.source, email=ctx.owner_email, label=f"owner '{ctx.owner_email}'")
        since: Properties = {"since": connected_on} if connected_on is not None else {}
        link: ConnectionRow = {"owner": owner, "person": ref, "props": since, "prov": prov}
        built.writes.append(Write(ImportKind.CONNECTION, link))
    return built


def _employer(
    fields: Mapping[str, str],
    built: Built,
    ctx: BuildContext,
    origin: Origin,
    *,
    ref: PersonRef,
    person_key: str,
    prov: RowProvenance,
) -> None:
    """The current job a person row names: by company id, or by name and/or domain (the
    domain of a work email, never of a free-mail one), creating such a company if new."""
    company_id = fields.get("company_id")
    name = fields.get("company_name")
    domain = fields.get("company_domain")
    if not company_id and not domain and name and ref["email"]:
        domain = work_domain(ref["email"])
    if not (company_id or name or domain):
        return
    if company_id:
        company = company_ref(ctx.source, company_id=company_id, label=f"company_id '{company_id}'")
    else:
        employer, company = employer_write(ctx, origin, name=name, domain=domain)
        built.writes.insert(0, employer)
    company_key = company_id or company["domain"] or f"name:{company['name_key']}"
    job_uid = f"works_at:{ctx.source}:implied:{person_key}:{company_key}"
    job: EmploymentRow = {
        "uid": job_uid,
        "person": ref,
        "company": company,
        "props": {
            "role": EmploymentRole.EMPLOYEE.value,
            **job_props(fields.get("title"), fields.get("department")),
        },
        "prov": prov,
        "implied": True,
    }
    built.writes.append(Write(ImportKind.EMPLOYMENT, job, (job_uid, _pair_key(ref, company))))


def build_employment(fields: Mapping[str, str], origin: Origin, ctx: BuildContext) -> Built:
    """One job of one person at one company, keyed by person, company, role and start."""
    problems = Problems(origin)
    person_id = fields.get("person_id")
    email = email_value(fields.get("person_email"), "person_email", problems)
    company_id = fields.get("company_id")
    company_name = fields.get("company_name")
    company_domain = fields.get("company_domain")
    if not person_id and not fields.get("person_email"):
        problems.reject("person_id", None, "an employment needs a person_id or a person_email")
    if not (company_id or company_name or company_domain):
        problems.reject("company_id", None, "an employment needs a company_id or company name")
    dates = {}
    for column in ("start_date", "end_date"):
        if raw := fields.get(column):
            try:
                dates[column] = parse_date(raw)
            except Invalid as e:
                problems.reject(column, raw, str(e))
    role = EmploymentRole.EMPLOYEE
    if raw_role := fields.get("role"):
        try:
            role = parse_enum(raw_role, EmploymentRole)
        except Invalid as e:
            problems.reject("role", raw_role, str(e))
    start, end = dates.get("start_date"), dates.get("end_date")
    if start and end and end < start:
        problems.reject("end_date", fields.get("end_date"), "ends before its start_date")
    problems.raise_if_any()

    person_label = f"person_id '{person_id}'" if person_id else f"person_email '{email}'"
    person = person_ref(ctx.source, person_id=person_id, email=email, label=person_label)
    built = Built(notes=problems.notes)
    if company_id:
        company = company_ref(ctx.source, company_id=company_id, label=f"company_id '{company_id}'")
    else:
        employer, company = employer_write(ctx, origin, name=company_name, domain=company_domain)
        built.writes.append(employer)
    person_key = person_id or str(email)
    company_key = company_id or company["domain"] or f"name:{company['name_key']}"
    key = f"{person_key}|{company_key}|{role.value}|{start.isoformat() if start else ''}"
    props = {
        "role": role.value,
        "start": start,
        "end": end,
        **job_props(fields.get("title"), fields.get("department")),
    }
    uid = f"works_at:{ctx.source}:{key}"
    row: EmploymentRow = {
        "uid": uid,
        "person": person,
        "company": company,
        "props": {k: v for k, v in props.items() if v is not None},
        "prov": provenance(ctx.source, key, origin.file, origin.line, origin.record_id),
        "implied": False,
    }
    built.writes.append(Write(ImportKind.EMPLOYMENT, row, (uid, _pair_key(person, company))))
    return built


def _pair_key(person: PersonRef, company: CompanyRef) -> str:
    """Jobs of one person at one company never share a batch: an employment row must see the
    job a person row implied there (and replace it), which a batch's single read would miss."""
    who = person["ext"] or person["email_key"]
    where = company["ext"] or company["domain"] or company["name_key"]
    return f"job:{who}|{where}"
