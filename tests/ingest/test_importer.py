"""The importer against the real Neo4j: upserts on natural keys, idempotency, batching,
references and every rejected row reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.driver import GraphClient
from graph.writing.import_writer import ImportKind
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem
from tests.ingest.graph_content import graph_content, label_counts
from tests.ingest.importing import import_items, row

pytestmark = pytest.mark.neo4j

C, P, E, D, DC, IX = (
    Entity.COMPANY,
    Entity.PERSON,
    Entity.EMPLOYMENT,
    Entity.DEAL,
    Entity.DEAL_CONTACT,
    Entity.INTERACTION,
)


def small_crm() -> list[SourceItem]:
    """Two companies, three people (one manager later in the file), a job, a deal with a
    contact and two interactions."""
    return [
        row(
            C, 2, company_id="c1", name="Acme Inc.", domain="www.Acme.com", phone="+1 415 555 0100"
        ),
        row(C, 3, company_id="c2", name="Acme Europe GmbH", parent_company_id="c1"),
        row(
            P,
            2,
            person_id="p1",
            full_name="Ana Lima",
            email="Ana@Acme.com",
            company_id="c1",
            title="Chief Financial Officer",
            manager_person_id="p3",
        ),
        row(
            P,
            3,
            person_id="p2",
            full_name="Bo Chen",
            email="bo@acme.com",
            company_id="c2",
            title="销售总监",
            phone="+86 138 0013 8000",
        ),
        row(
            P,
            4,
            person_id="p3",
            full_name="Cy Ng",
            email="cy@acme.com",
            company_id="c1",
            title="CEO",
        ),
        row(
            E,
            2,
            person_id="p2",
            company_id="c1",
            title="Sales Manager",
            start_date="2019-01-01",
            end_date="2021-06-30",
        ),
        row(
            D,
            2,
            deal_id="d1",
            name="Acme renewal",
            company_id="c1",
            amount="12,000",
            currency="eur",
            stage="Proposal",
            probability="40%",
            close_date="2026-12-31",
            owner_email="cy@acme.com",
        ),
        row(DC, 2, deal_id="d1", person_id="p1", role="economic buyer"),
        row(
            IX,
            2,
            interaction_id="i1",
            kind="meeting",
            occurred_at="2026-10-01T09:00:00+02:00",
            from_person_id="p3",
            to_person_ids="p1;p2",
            subject="QBR",
            deal_id="d1",
        ),
        row(
            IX,
            3,
            interaction_id="i2",
            kind="email",
            occurred_at="2026-10-02T10:00:00Z",
            from_email="ana@acme.com",
            to_emails="newcomer@partner.io",
            cc_emails="bo@acme.com",
        ),
    ]


async def test_a_small_crm_lands_with_every_key_normalised(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    report, rejects = await import_items(clean_graph, small_crm(), tmp_path / "r.csv", batch_size=2)
    assert rejects == []
    assert report.kind(ImportKind.PERSON).created == 4  # three rows and newcomer@partner.io
    [ana] = await clean_graph.read(
        "MATCH (p:Person {uid: 'person:csv:p1'})-[:REPORTS_TO]->(m) "
        "MATCH (p)-[w:WORKS_AT]->(c) "
        "RETURN p.email AS email, p.seniority AS seniority, m.uid AS manager, c.uid AS employer, "
        "p.source_file AS file, p.source_line AS line"
    )
    assert ana == {
        "email": "ana@acme.com",
        "seniority": "c_level",
        "manager": "person:csv:p3",
        "employer": "company:csv:c1",
        "file": "f.csv",
        "line": 2,
    }
    [bo] = await clean_graph.read(
        "MATCH (p:Person {uid: 'person:csv:p2'})-[:HAS_PHONE]->(ph) "
        "RETURN p.seniority AS seniority, p.department_key AS dept, ph.number AS phone"
    )
    assert bo == {"seniority": "director", "dept": "sales", "phone": "+8613800138000"}
    [acme] = await clean_graph.read(
        "MATCH (c:Company {uid: 'company:csv:c1'})-[:HAS_DOMAIN]->(d) "
        "MATCH (c)-[:HAS_PHONE]->(ph) "
        "MATCH (:Company {uid: 'company:csv:c2'})-[:SUBSIDIARY_OF]->(c) "
        "RETURN d.name AS domain, ph.number AS phone, c.name_key AS key"
    )
    assert acme == {"domain": "acme.com", "phone": "+14155550100", "key": "acme"}
    [deal] = await clean_graph.read(
        "MATCH (o:Person)-[:OWNS]->(d:Deal {uid: 'deal:csv:d1'})-[:FOR]->(c:Company) "
        "MATCH (:Person {uid: 'person:csv:p1'})-[r:INVOLVED_IN]->(d) "
        "RETURN d.amount AS amount, d.currency AS currency, d.stage AS stage, "
        "d.probability AS probability, o.uid AS owner, c.uid AS company, r.role AS role"
    )
    assert deal == {
        "amount": 12000.0,
        "currency": "EUR",
        "stage": "proposal",
        "probability": 0.4,
        "owner": "person:csv:p3",
        "company": "company:csv:c1",
        "role": "economic_buyer",
    }
    roles = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction) "
        "RETURN i.uid AS i, p.email AS email, r.role AS role ORDER BY i, email"
    )
    assert [(r["i"], r["email"], r["role"]) for r in roles] == [
        ("interaction:csv:i1", "ana@acme.com", "attendee"),
        ("interaction:csv:i1", "bo@acme.com", "attendee"),
        ("interaction:csv:i1", "cy@acme.com", "organizer"),
        ("interaction:csv:i2", "ana@acme.com", "from"),
        ("interaction:csv:i2", "bo@acme.com", "cc"),
        ("interaction:csv:i2", "newcomer@partner.io", "to"),
    ]


async def test_importing_the_same_rows_twice_changes_nothing(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv", batch_size=3)
    before = await graph_content(clean_graph)
    report, rejects = await import_items(clean_graph, small_crm(), tmp_path / "b.csv")
    assert rejects == []
    assert await graph_content(clean_graph) == before
    assert {k.value: (c.created, c.updated) for k, c in report.counts.items()} == {
        k.value: (0, 0) for k in report.counts
    }
    assert report.kind(ImportKind.INTERACTION).unchanged == 2


async def test_another_source_with_the_same_email_updates_the_same_person(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [row(P, 2, person_id="9", full_name="Ana Lima", email="ANA@acme.com ", title="CFO")]
    report, _ = await import_items(clean_graph, items, tmp_path / "b.csv", source="hubspot")
    assert report.kind(ImportKind.PERSON).updated == 1
    [hit] = await clean_graph.read(
        "MATCH (x:ExternalId {key: 'person:hubspot:9'})-[:IDENTIFIES]->(p:Person) "
        "RETURN p.uid AS uid, p.title AS title, x.source_file AS file, count(*) AS n"
    )
    assert hit == {"uid": "person:csv:p1", "title": "CFO", "file": "f.csv", "n": 1}
    again, _ = await import_items(clean_graph, items, tmp_path / "c.csv", source="hubspot")
    assert again.kind(ImportKind.PERSON).unchanged == 1
    assert (await label_counts(clean_graph))["Person"] == 4


async def test_an_empty_cell_never_erases_a_value(clean_graph: GraphClient, tmp_path: Path) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [row(P, 2, person_id="p1", full_name="Ana Lima", email="ana@acme.com")]
    report, _ = await import_items(clean_graph, items, tmp_path / "b.csv")
    assert report.kind(ImportKind.PERSON).unchanged == 1
    [ana] = await clean_graph.read("MATCH (p:Person {uid: 'person:csv:p1'}) RETURN p.title AS t")
    assert ana == {"t": "Chief Financial Officer"}


async def test_a_duplicate_id_in_one_file_is_rejected_and_the_first_row_kept(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(C, 2, company_id="c1", name="First"),
        row(C, 7, company_id="c1", name="Second"),
        row(C, 3, file="other.csv", company_id="c1", name="First"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert rejects == [
        {
            "file": "f.csv",
            "line": "7",
            "column": "company_id",
            "value": "c1",
            "reason": "duplicate company_id 'c1' in this file (first at line 2); the first "
            "row was kept",
            "outcome": "rejected",
        }
    ]
    assert report.rejected == 1
    [company] = await clean_graph.read("MATCH (c:Company) RETURN c.name AS name")
    assert company == {"name": "First"}


async def test_an_unknown_reference_rejects_only_what_needs_it(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="p1", full_name="Ana", company_id="c404"),
        row(
            IX,
            3,
            interaction_id="i1",
            kind="call",
            occurred_at="2026-01-05",
            from_person_id="p1",
            to_person_ids="p404",
        ),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["line"], r["column"], r["value"]) for r in rejects] == [
        ("2", "company_id", "c404"),
        ("3", "to_person_ids", "p404"),
    ]
    assert rejects[0]["reason"].startswith("company_id 'c404' does not exist")
    assert report.kind(ImportKind.PERSON).created == 1
    assert report.kind(ImportKind.EMPLOYMENT).rejected == 1
    assert report.kind(ImportKind.INTERACTION).rejected == 1
    assert await label_counts(clean_graph) == {"Person": 1}


async def test_rows_with_bad_values_are_rejected_with_every_reason(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="p1", full_name="Ana", email="ana(at)acme.com", is_colleague="maybe"),
        row(
            D,
            3,
            deal_id="d1",
            name="X",
            amount="-5",
            currency="euro",
            stage="won-ish",
            probability="140%",
            close_date="31/12/2026",
        ),
        row(E, 4, person_id="p1", company_id="c1", start_date="2024-05-01", end_date="2023-01-01"),
        row(IX, 5, interaction_id="i1", kind="fax", occurred_at="yesterday", from_email="a@b.co"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["line"], r["column"]) for r in rejects] == [
        ("2", "email"),
        ("2", "is_colleague"),
        ("3", "amount"),
        ("3", "currency"),
        ("3", "stage"),
        ("3", "probability"),
        ("3", "close_date"),
        ("4", "end_date"),
        ("5", "kind"),
        ("5", "occurred_at"),
    ]
    assert rejects[0]["reason"] == "not a valid email address"
    assert rejects[6]["reason"] == "not an ISO 8601 date (YYYY-MM-DD)"
    assert report.rejected == 4
    assert await label_counts(clean_graph) == {}


async def test_an_unreadable_phone_is_reported_and_the_row_kept(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [row(P, 2, person_id="p1", full_name="Ana", phone="call me maybe")]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["column"], r["value"], r["outcome"]) for r in rejects] == [
        ("phone", "call me maybe", "value ignored")
    ]
    assert report.rejected == 0 and report.values_ignored == 1
    assert report.kind(ImportKind.PERSON).created == 1


async def test_one_new_email_twice_in_one_batch_makes_one_person(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="a", full_name="Ana", email="ana@x.org"),
        row(P, 3, person_id="b", full_name="Ana L.", email="Ana@X.org"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv", batch_size=50)
    assert rejects == []
    counts = report.kind(ImportKind.PERSON)
    assert (counts.created, counts.updated) == (1, 1)
    assert (await label_counts(clean_graph))["Person"] == 1


async def test_a_reporting_cycle_inside_one_batch_is_refused_for_the_row_closing_it(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="a", full_name="A", manager_person_id="b"),
        row(P, 3, person_id="b", full_name="B", manager_person_id="c"),
        row(P, 4, person_id="c", full_name="C", manager_person_id="a"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["line"], r["column"], r["reason"]) for r in rejects] == [
        ("4", "manager_person_id", "manager_person_id 'a' would close a reporting cycle"),
    ]
    assert report.kind(ImportKind.REPORTING_LINE).created == 2


async def test_a_dry_run_validates_and_writes_nothing(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items: list[SourceItem] = [*small_crm(), row(C, 9, company_id="c1", name="Again")]
    report, rejects = await import_items(None, items, tmp_path / "r.csv")
    assert report.dry_run
    assert [r["line"] for r in rejects] == ["9"]
    assert report.kind(ImportKind.COMPANY).valid == 2
    assert report.kind(ImportKind.INTERACTION).valid == 2
    assert await label_counts(clean_graph) == {}


async def test_a_problem_from_a_reader_is_reported_as_it_came(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    problem = SourceProblem(Origin("x.csv", 4), "9 values for 7 columns", None, "a,b")
    report, rejects = await import_items(clean_graph, [problem], tmp_path / "r.csv")
    assert report.rejected == 1
    assert rejects[0]["reason"] == "9 values for 7 columns"


async def test_an_employer_known_by_name_is_found_or_created_with_its_work_domain(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [
        row(
            P,
            2,
            person_id="https://linkedin.com/in/dee",
            full_name="Dee",
            company_name="ACME",
            email="dee@acme.com",
            connected_on="2024-03-15",
        ),
        row(
            P,
            3,
            person_id="https://linkedin.com/in/eve",
            full_name="Eve",
            company_name="Globex Corporation",
            email="eve@gmail.com",
        ),
        row(
            P,
            4,
            person_id="https://linkedin.com/in/fay",
            full_name="Fay",
            company_name="Globex Corp.",
        ),
    ]
    await import_items(
        clean_graph, items, tmp_path / "b.csv", source="linkedin", owner_email="cy@acme.com"
    )
    jobs = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) WHERE p.source = 'linkedin' "
        "RETURN p.full_name AS who, c.uid AS company, c.domain AS domain ORDER BY who"
    )
    assert jobs == [
        {"who": "Dee", "company": "company:csv:c1", "domain": "acme.com"},
        {"who": "Eve", "company": "company:linkedin:name:globex", "domain": None},
        {"who": "Fay", "company": "company:linkedin:name:globex", "domain": None},
    ]
    [link] = await clean_graph.read(
        "MATCH (o:Person)-[r:CONNECTED_TO]->(p:Person) RETURN o.uid AS o, p.full_name AS p, "
        "toString(r.since) AS since"
    )
    assert link == {"o": "person:csv:p3", "p": "Dee", "since": "2024-03-15"}


async def test_a_new_employer_on_a_person_row_ends_the_job_it_implied_before(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    moved = [row(P, 2, person_id="p1", full_name="Ana Lima", company_id="c2")]
    report, _ = await import_items(clean_graph, moved, tmp_path / "b.csv")
    assert report.kind(ImportKind.EMPLOYMENT).created == 1
    jobs = await clean_graph.read(
        "MATCH (:Person {uid: 'person:csv:p1'})-[w:WORKS_AT]->(c) "
        "RETURN c.uid AS company, w.end IS NULL AS current ORDER BY company"
    )
    assert jobs == [
        {"company": "company:csv:c1", "current": False},
        {"company": "company:csv:c2", "current": True},
    ]


async def test_display_names_from_mail_never_rename_a_known_person(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [
        row(P, 1, full_name="ana", email="ana@acme.com"),
        row(P, 1, full_name="Gus Grey", email="gus@grey.org"),
    ]
    await import_items(clean_graph, items, tmp_path / "b.csv", source="email", names_are_hints=True)
    names = await clean_graph.read(
        "MATCH (p:Person) WHERE p.email IN ['ana@acme.com', 'gus@grey.org'] "
        "RETURN p.full_name AS name ORDER BY name"
    )
    assert [n["name"] for n in names] == ["Ana Lima", "Gus Grey"]


async def test_a_job_row_replaces_the_job_its_person_row_implied_even_in_one_batch(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(C, 2, company_id="c1", name="Acme"),
        row(P, 2, person_id="p1", full_name="Ana", company_id="c1", title="CFO"),
        row(E, 2, person_id="p1", company_id="c1", title="CFO", start_date="2020-01-01"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert rejects == []
    jobs = await clean_graph.read(
        "MATCH (:Person {uid: 'person:csv:p1'})-[w:WORKS_AT]->(:Company {uid: 'company:csv:c1'}) "
        "RETURN toString(w.start) AS start, coalesce(w.implied, false) AS implied"
    )
    assert jobs == [{"start": "2020-01-01", "implied": False}]


async def test_companies_of_one_source_sharing_a_domain_stay_apart(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(C, 2, company_id="c1", name="Acme Inc.", domain="acme.com"),
        row(C, 3, company_id="c2", name="Acme Europe GmbH", domain="acme.com"),
        row(C, 4, company_id="c3", name="Unrelated Ltd", domain="acme.com"),
    ]
    await import_items(clean_graph, items, tmp_path / "a.csv", batch_size=1)
    assert (await label_counts(clean_graph))["Company"] == 3
    other = [row(C, 2, company_id="h7", name="ACME Europe", domain="www.acme.com")]
    report, _ = await import_items(clean_graph, other, tmp_path / "b.csv", source="hubspot")
    assert report.kind(ImportKind.COMPANY).updated == 1
    [hit] = await clean_graph.read(
        "MATCH (:ExternalId {key: 'company:hubspot:h7'})-[:IDENTIFIES]->(c) RETURN c.uid AS uid"
    )
    assert hit == {"uid": "company:csv:c2"}


async def test_a_family_sharing_domain_and_name_meets_another_source_by_legal_name(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    family = [
        ("c1", "Redwood Medical AG"),
        ("c2", "Redwood Medical LLC"),
        ("c3", "Redwood Medical PLC"),
    ]
    items = [
        row(C, n, company_id=cid, name=name, domain="redwoodmedical.co.uk")
        for n, (cid, name) in enumerate(family, start=2)
    ]
    await import_items(clean_graph, items, tmp_path / "a.csv")
    other = [
        row(C, 2, company_id="h1", name="REDWOOD MEDICAL PLC", domain="redwoodmedical.co.uk"),
        row(C, 3, company_id="h2", name="Redwood Medical LLC", domain="redwoodmedical.co.uk"),
        row(C, 4, company_id="h3", name="Redwood Medical GmbH", domain="redwoodmedical.co.uk"),
        row(C, 5, company_id="h4", name="Redwood Medical", domain="redwoodmedical.co.uk"),
    ]
    report, rejects = await import_items(clean_graph, other, tmp_path / "b.csv", source="hubspot")
    assert rejects == []
    hits = await clean_graph.read(
        "UNWIND ['h1', 'h2', 'h3', 'h4'] AS id WITH 'company:hubspot:' + id AS key "
        "OPTIONAL MATCH (:ExternalId {key: key})-[:IDENTIFIES]->(known:Company) "
        "OPTIONAL MATCH (own:Company {uid: key}) "
        "RETURN coalesce(known.uid, own.uid) AS uid ORDER BY key"
    )
    # PLC and LLC join their namesakes, a legal name nobody bears is a new entity, and a
    # name without a legal form still joins the family (its first record) as before
    assert [h["uid"] for h in hits] == [
        "company:csv:c3",
        "company:csv:c2",
        "company:hubspot:h3",
        "company:csv:c1",
    ]
    assert report.kind(ImportKind.COMPANY).created == 1
