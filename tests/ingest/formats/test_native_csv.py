"""Native templates as CSV: entity from the file name, header checks, and rejected records."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ingest.formats.options import ReadOptions
from ingest.formats.tables.native import read_native
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode())
    return path


def _read(path: Path, options: ReadOptions | None = None) -> list[SourceItem]:
    return list(read_native(path, options or ReadOptions()))


def _row(path: Path, line: int, entity: Entity = Entity.PERSON, **fields: str) -> SourceRow:
    return SourceRow(entity, fields, Origin(str(path), line))


def test_rows_carry_only_their_non_empty_stripped_values(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "person_id,full_name,email,title\np1, Ana Silva ,,CEO\n")

    assert _read(path) == [_row(path, 2, person_id="p1", full_name="Ana Silva", title="CEO")]


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("companies.csv", Entity.COMPANY),
        ("Company.CSV", Entity.COMPANY),
        ("person.csv", Entity.PERSON),
        ("acme_people.csv", Entity.PERSON),
        ("employments.csv", Entity.EMPLOYMENT),
        ("deal.csv", Entity.DEAL),
        ("crm-deal-contacts.csv", Entity.DEAL_CONTACT),
        ("Interactions.csv", Entity.INTERACTION),
    ],
)
def test_the_entity_comes_from_the_file_name(tmp_path: Path, name: str, entity: Entity) -> None:
    path = _write(
        tmp_path,
        name,
        "company_id,name,person_id,email,person_email,deal_id,role,interaction_id,occurred_at\n"
        "k,n,p,e,pe,d,r,i,o\n",
    )

    [*_, last] = _read(path)

    assert isinstance(last, SourceRow)
    assert last.entity is entity


def test_the_entity_option_overrides_the_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "export.csv", "deal_id,name\nd1,Renewal\n")

    items = _read(path, ReadOptions(entity=Entity.DEAL))

    assert items == [_row(path, 2, Entity.DEAL, deal_id="d1", name="Renewal")]


def test_a_file_whose_name_is_no_template_is_one_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, "stuff.csv", "a,b\n1,2\n")

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 0),
            "cannot tell which template 'stuff.csv' is: name it companies.csv, people.csv, "
            "employments.csv, deals.csv, deal_contacts.csv, interactions.csv",
        )
    ]


def test_headers_match_whatever_their_case_and_spacing(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "Person ID, Full Name ,EMAIL\np1,Ana,ana@x.io\n")

    assert _read(path) == [_row(path, 2, person_id="p1", full_name="Ana", email="ana@x.io")]


def test_unknown_columns_are_reported_once_at_the_header_and_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "person_id,nickname,email\np1,Nan,a@x.io\np2,Bo,b@x.io\n")

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1), "unknown column 'nickname' ignored", "nickname", row_kept=True
        ),
        _row(path, 2, person_id="p1", email="a@x.io"),
        _row(path, 3, person_id="p2", email="b@x.io"),
    ]


def test_a_duplicate_column_is_reported_and_the_first_one_used(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "person_id,email,Email\np1,a@x.io,b@x.io\n")

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1), "duplicate column 'Email' ignored", "Email", row_kept=True
        ),
        _row(path, 2, person_id="p1", email="a@x.io"),
    ]


@pytest.mark.parametrize(
    ("name", "header", "reason"),
    [
        ("companies.csv", "domain,industry", "no company key column: needs company_id or name"),
        ("people.csv", "full_name,phone", "no person key column: needs person_id or email"),
        (
            "employments.csv",
            "title,start_date",
            "no employment key columns: needs person_id or person_email; "
            "company_id or company_name or company_domain",
        ),
        (
            "employments.csv",
            "person_email,title",
            "no employment key column: needs company_id or company_name or company_domain",
        ),
        ("deals.csv", "name,amount", "no deal key column: needs deal_id"),
        ("deal_contacts.csv", "deal_id,person_id", "no deal_contact key column: needs role"),
        (
            "interactions.csv",
            "kind,subject",
            "no interaction key columns: needs interaction_id; occurred_at",
        ),
    ],
)
def test_a_header_without_its_key_columns_rejects_the_whole_file(
    tmp_path: Path, name: str, header: str, reason: str
) -> None:
    path = _write(tmp_path, name, f"{header}\na,b\nc,d\n")

    assert _read(path) == [SourceProblem(Origin(str(path), 1), reason)]


def test_a_row_with_an_unquoted_comma_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "companies.csv",
        "company_id,name,domain,industry,parent_company_id,address,phone\n"
        "c1,Acme,acme.com,Software,,1 Main St,555\n"
        "c2,Foo, Inc.,foo.com,Retail,,2 High St, Springfield,556\n"
        "c3,Bar,bar.com,,,,\n",
    )

    assert _read(path) == [
        _row(
            path,
            2,
            Entity.COMPANY,
            company_id="c1",
            name="Acme",
            domain="acme.com",
            industry="Software",
            address="1 Main St",
            phone="555",
        ),
        SourceProblem(Origin(str(path), 3), "9 values for 7 columns (an unquoted comma?)"),
        _row(path, 4, Entity.COMPANY, company_id="c3", name="Bar", domain="bar.com"),
    ]


def test_a_row_with_fewer_values_than_columns_is_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "companies.csv",
        "company_id,name,domain,industry,parent_company_id,address,phone\n"
        "c1,Acme,acme.com,Software,\n"
        "c2,Bar,,,,,\n",
    )

    assert _read(path) == [
        SourceProblem(Origin(str(path), 2), "5 values for 7 columns"),
        _row(path, 3, Entity.COMPANY, company_id="c2", name="Bar"),
    ]


def test_empty_cells_after_the_last_column_are_tolerated(tmp_path: Path) -> None:
    path = _write(tmp_path, "deals.csv", "deal_id,name\nd1,Renewal,,\n")

    assert _read(path) == [_row(path, 2, Entity.DEAL, deal_id="d1", name="Renewal")]


def test_records_spanning_lines_report_the_line_they_start_on(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "people.csv",
        'person_id,full_name,title\np1,"Ana\nSilva","Chief\r\nExecutive\nOfficer"\np2,Bo,CTO\n',
    )

    assert _read(path) == [
        _row(path, 2, person_id="p1", full_name="Ana\nSilva", title="Chief\r\nExecutive\nOfficer"),
        _row(path, 6, person_id="p2", full_name="Bo", title="CTO"),
    ]


def test_blank_lines_and_empty_records_are_skipped_but_counted(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "\nperson_id,email\n\np1,a@x.io\n , \n,\n\np2,b@x.io")

    assert _read(path) == [
        _row(path, 4, person_id="p1", email="a@x.io"),
        _row(path, 8, person_id="p2", email="b@x.io"),
    ]


def test_a_huge_value_rejects_its_row_and_the_next_row_is_still_read(tmp_path: Path) -> None:
    huge = "x" * 200_000
    path = _write(tmp_path, "people.csv", f"person_id,full_name\np1,{huge}\np2,Bo\n")

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 2),
            "a value of 200000 characters, more than the limit of 100000 (a stray quote?)",
            "full_name",
            "x" * 60 + "…",
        ),
        _row(path, 3, person_id="p2", full_name="Bo"),
    ]


def test_a_runaway_quoted_value_spanning_lines_rejects_one_row(tmp_path: Path) -> None:
    runaway = "\n".join(["y" * 100] * 50)
    path = _write(tmp_path, "people.csv", f'person_id,full_name\np1,"{runaway}"\np2,Bo\n')

    items = _read(path, ReadOptions(max_field_chars=1_000))

    assert [type(item) for item in items] == [SourceProblem, SourceRow]
    assert items[0].origin == Origin(str(path), 2)
    assert items[1] == _row(path, 52, person_id="p2", full_name="Bo")


def test_a_value_beyond_the_csv_module_limit_is_rejected_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    too_long = "z" * (max(csv.field_size_limit(), 80) + 10)
    path = _write(tmp_path, "people.csv", f"person_id,full_name\np1,{too_long}\np2,Bo\n")

    items = _read(path, ReadOptions(max_field_chars=10))

    assert len(items) == 2
    assert isinstance(items[0], SourceProblem)
    assert items[0].origin == Origin(str(path), 2)
    assert items[0].reason.startswith("a value ")
    assert items[1] == _row(path, 3, person_id="p2", full_name="Bo")


def test_a_nul_byte_rejects_its_row_without_stopping_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "person_id,full_name\np1,An\x00a\np2,Bo\n")

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 2), "a NUL character (binary data?)", "full_name", "An\\0a"
        ),
        _row(path, 3, person_id="p2", full_name="Bo"),
    ]


@pytest.mark.parametrize("content", ["", "   \n\n \r\n"])
def test_an_empty_file_is_one_problem(tmp_path: Path, content: str) -> None:
    path = _write(tmp_path, "people.csv", content)

    assert _read(path) == [SourceProblem(Origin(str(path), 0), "the file is empty")]


def test_a_header_only_file_has_no_rows_and_no_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "person_id,email\n")

    assert _read(path) == []


def test_undecodable_bytes_in_the_header_reject_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"person_id,f\xffll_name\np1,Ana\n")

    assert _read(path, ReadOptions(encoding="utf-8")) == [
        SourceProblem(Origin(str(path), 1), "the header has bytes that are not valid utf-8")
    ]
