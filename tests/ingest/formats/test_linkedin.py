"""LinkedIn Connections.csv: the preamble is skipped, connections become people."""

from __future__ import annotations

from pathlib import Path

from ingest.formats.options import ReadOptions
from ingest.formats.tables.linkedin import read_linkedin
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n'
    "\n"
)
_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _read(path: Path) -> list[SourceItem]:
    return list(read_linkedin(path, ReadOptions()))


def test_the_preamble_is_skipped_and_lines_stay_those_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        _PREAMBLE
        + _HEADER
        + "Ana,Silva,https://www.linkedin.com/in/Ana-Silva/?originalSubdomain=pt,"
        "ana@acme.com,Acme,CTO,15 Mar 2023\n"
        'Bo,Chen,https://www.linkedin.com/in/bochen,,"Globex, Inc.",VP Sales,01 Feb 2021\n',
        encoding="utf-8",
    )

    assert _read(path) == [
        SourceRow(
            Entity.PERSON,
            {
                "full_name": "Ana Silva",
                "person_id": "https://www.linkedin.com/in/ana-silva",
                "email": "ana@acme.com",
                "company_name": "Acme",
                "title": "CTO",
                "connected_on": "2023-03-15",
            },
            Origin(str(path), 5),
        ),
        SourceRow(
            Entity.PERSON,
            {
                "full_name": "Bo Chen",
                "person_id": "https://www.linkedin.com/in/bochen",
                "company_name": "Globex, Inc.",
                "title": "VP Sales",
                "connected_on": "2021-02-01",
            },
            Origin(str(path), 6),
        ),
    ]


def test_an_export_without_a_preamble_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(
        ("\ufeff" + _HEADER + "Zoë,Müller,,zoe@example.de,,,3 Jan 2019\n").encode("utf-8")
    )

    assert _read(path) == [
        SourceRow(
            Entity.PERSON,
            {"full_name": "Zoë Müller", "email": "zoe@example.de", "connected_on": "2019-01-03"},
            Origin(str(path), 2),
        )
    ]


def test_an_unparseable_connection_date_is_passed_on_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(_HEADER + "Ana,,https://linkedin.com/in/ana/,,,,yesterday\n", encoding="utf-8")

    assert _read(path) == [
        SourceRow(
            Entity.PERSON,
            {
                "full_name": "Ana",
                "person_id": "https://linkedin.com/in/ana",
                "connected_on": "yesterday",
            },
            Origin(str(path), 2),
        )
    ]


def test_a_file_without_the_connections_header_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    path.write_text("From,To,Sent At,Message\nAna,Bo,2023-01-01,Hi\n", encoding="utf-8")

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 0),
            "no LinkedIn connections header "
            "(First Name,Last Name,URL,Email Address,Company,Position,Connected On)",
        )
    ]


def test_an_empty_connections_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"")

    assert _read(path) == [SourceProblem(Origin(str(path), 0), "the file is empty")]
