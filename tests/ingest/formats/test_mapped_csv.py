"""Any CSV through a TOML mapping file; a mapping that cannot work is a usage error."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.formats.errors import MappingError
from ingest.formats.options import ReadOptions
from ingest.formats.tables.mapped import ColumnMapping, load_mapping, read_mapped
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

_INTERACTIONS = """
entity = "interactions"
delimiter = ";"
date_format = "%d/%m/%Y %H:%M"

[columns]
"Réf" = "interaction_id"
"Type" = "kind"
"Date" = "occurred_at"
"De" = "from_email"
"À" = "to_emails"
"Copie" = "to_emails"
"Objet" = "subject"

[values.kind]
"Réunion" = "meeting"
"Appel" = "call"
"""


def _mapping(folder: Path, text: str) -> Path:
    path = folder / "mapping.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _read(path: Path, mapping: Path) -> list[SourceItem]:
    return list(read_mapped(path, ReadOptions(mapping=mapping)))


def test_columns_values_dates_and_delimiter_are_applied(tmp_path: Path) -> None:
    mapping = _mapping(tmp_path, _INTERACTIONS)
    path = tmp_path / "journal.csv"
    path.write_bytes(
        "Réf;Type;Date;De;À;Copie;Objet;Notes\n"
        "r1;réunion;05/03/2024 14:30;ana@x.io;bo@x.io;cy@x.io;Kick-off;internal\n"
        "r2;Visite;2024-03-06T09:00:00;ana@x.io;;;Site visit;\n".encode("cp1252")
    )

    assert _read(path, mapping) == [
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "r1",
                "kind": "meeting",
                "occurred_at": "2024-03-05T14:30:00",
                "from_email": "ana@x.io",
                "to_emails": "bo@x.io;cy@x.io",
                "subject": "Kick-off",
            },
            Origin(str(path), 2),
        ),
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "r2",
                "kind": "Visite",
                "occurred_at": "2024-03-06T09:00:00",
                "from_email": "ana@x.io",
                "subject": "Site visit",
            },
            Origin(str(path), 3),
        ),
    ]


def test_a_date_field_gets_a_date_and_headers_match_ignoring_case(tmp_path: Path) -> None:
    mapping = _mapping(
        tmp_path,
        'entity = "employment"\ndate_format = "%d.%m.%Y"\n'
        '[columns]\nMail = "person_email"\nFirma = "company_name"\nSeit = "start_date"\n',
    )
    path = tmp_path / "jobs.csv"
    path.write_text("MAIL,firma,seit\nana@x.io,Müller AG,01.02.2020\n", encoding="utf-8")

    assert _read(path, mapping) == [
        SourceRow(
            Entity.EMPLOYMENT,
            {"person_email": "ana@x.io", "company_name": "Müller AG", "start_date": "2020-02-01"},
            Origin(str(path), 2),
        )
    ]


def test_rows_that_cannot_be_read_are_rejected_like_any_csv(tmp_path: Path) -> None:
    mapping = _mapping(tmp_path, 'entity = "person"\n[columns]\nMail = "email"\n')
    path = tmp_path / "people.csv"
    path.write_text("Mail,Name\na@x.io\nb@x.io,Bo\n", encoding="utf-8")

    assert _read(path, mapping) == [
        SourceProblem(Origin(str(path), 2), "1 value for 2 columns"),
        SourceRow(Entity.PERSON, {"email": "b@x.io"}, Origin(str(path), 3)),
    ]


def test_a_good_mapping_file_loads(tmp_path: Path) -> None:
    assert load_mapping(_mapping(tmp_path, _INTERACTIONS)) == ColumnMapping(
        entity=Entity.INTERACTION,
        columns={
            "Réf": "interaction_id",
            "Type": "kind",
            "Date": "occurred_at",
            "De": "from_email",
            "À": "to_emails",
            "Copie": "to_emails",
            "Objet": "subject",
        },
        values={"kind": {"réunion": "meeting", "appel": "call"}},
        date_format="%d/%m/%Y %H:%M",
        delimiter=";",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('entity = "person"\n[columns\n', "not valid TOML"),
        ('entity = "lead"\n[columns]\nA = "email"\n', "entity must be one of company, person"),
        ('[columns]\nA = "email"\n', "entity must be one of"),
        ('entity = "person"\n', "a [columns] table (source column = field) is required"),
        (
            'entity = "person"\n[columns]\nA = "email"\nB = "mobile"\n',
            "column 'B' maps to 'mobile', which is not a person field",
        ),
        (
            'entity = "deal"\n[columns]\nA = "name"\n',
            "map a column to deal_id (the deal key)",
        ),
        (
            'entity = "person"\n[columns]\nA = "email"\n[values.title]\nx = "y"\n',
            "[values.title] is for a field no column maps to",
        ),
        (
            'entity = "person"\n[columns]\nA = "email"\n[values.email]\nx = 1\n',
            "[values.email] must map source values to strings",
        ),
        (
            'entity = "person"\ndelimiter = "||"\n[columns]\nA = "email"\n',
            "delimiter must be one character, not '||'",
        ),
        (
            'entity = "person"\ndate_format = "dd/mm/yyyy"\n[columns]\nA = "email"\n',
            "date_format must be a strptime format like '%d/%m/%Y'",
        ),
        (
            'entity = "person"\nencoding = "latin-1"\n[columns]\nA = "email"\n',
            "unknown setting 'encoding'",
        ),
    ],
)
def test_a_bad_mapping_file_is_a_clear_usage_error(tmp_path: Path, text: str, message: str) -> None:
    mapping = _mapping(tmp_path, text)
    path = tmp_path / "data.csv"
    path.write_text("A,B\n1,2\n", encoding="utf-8")

    with pytest.raises(MappingError) as raised:
        read_mapped(path, ReadOptions(mapping=mapping))

    assert str(raised.value).startswith(f"{mapping}: ")
    assert message in str(raised.value)


def test_a_missing_mapping_file_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"

    with pytest.raises(MappingError, match="cannot read the mapping file"):
        read_mapped(tmp_path / "data.csv", ReadOptions(mapping=missing))


def test_mapped_csv_without_a_mapping_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="mapped CSV needs a mapping file"):
        read_mapped(tmp_path / "data.csv", ReadOptions())


def test_a_mapped_column_missing_from_the_header_is_a_usage_error(tmp_path: Path) -> None:
    mapping = _mapping(tmp_path, 'entity = "person"\n[columns]\nMail = "email"\nJob = "title"\n')
    path = tmp_path / "people.csv"
    path.write_text("Mail,Name\na@x.io,Ana\n", encoding="utf-8")

    with pytest.raises(MappingError) as raised:
        _read(path, mapping)

    assert str(raised.value) == (
        f"{path}: no column 'Job' in the header (mapped in {mapping}); the header is Mail, Name"
    )
