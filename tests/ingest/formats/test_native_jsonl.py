"""Native templates as JSON Lines: one object a line, values as strings, bad lines rejected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.formats.options import ReadOptions
from ingest.formats.tables.native import read_native
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow


def _write(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_bytes("".join(line + "\n" for line in lines).encode())
    return path


def _read(path: Path, options: ReadOptions | None = None) -> list[SourceItem]:
    return list(read_native(path, options or ReadOptions()))


def test_values_become_template_strings(tmp_path: Path) -> None:
    record = {
        "interaction_id": "i1",
        "kind": "meeting",
        "occurred_at": "2024-03-01T10:00:00Z",
        "to_emails": ["a@x.io", None, "b@x.io"],
        "subject": None,
        "deal_id": 42,
    }
    path = _write(tmp_path, "interactions.jsonl", json.dumps(record))

    assert _read(path) == [
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "i1",
                "kind": "meeting",
                "occurred_at": "2024-03-01T10:00:00Z",
                "to_emails": "a@x.io;b@x.io",
                "deal_id": "42",
            },
            Origin(str(path), 1),
        )
    ]


def test_booleans_and_floats_are_spelled_out(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "people.ndjson",
        '{"person_id": "p1", "is_colleague": true}',
        '{"person_id": "p2", "is_colleague": false}',
    )
    deals = _write(
        tmp_path, "deals.jsonl", '{"deal_id": "d1", "amount": 1500.5, "probability": 0.25}'
    )

    assert [dict(item.fields) for item in _read(path) if isinstance(item, SourceRow)] == [
        {"person_id": "p1", "is_colleague": "true"},
        {"person_id": "p2", "is_colleague": "false"},
    ]
    assert [dict(item.fields) for item in _read(deals) if isinstance(item, SourceRow)] == [
        {"deal_id": "d1", "amount": "1500.5", "probability": "0.25"}
    ]


def test_invalid_json_rejects_its_line_and_the_others_come_through(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "people.jsonl",
        '{"person_id": "p1"}',
        '{"person_id": "p2" "email": "b@x.io"}',
        "",
        '["person_id", "p3"]',
        '"p4"',
        '{"person_id": "p5"}',
    )

    assert _read(path) == [
        SourceRow(Entity.PERSON, {"person_id": "p1"}, Origin(str(path), 1)),
        SourceProblem(Origin(str(path), 2), "not valid JSON: Expecting ',' delimiter at column 20"),
        SourceProblem(Origin(str(path), 4), "a JSON list, not an object"),
        SourceProblem(Origin(str(path), 5), "a JSON str, not an object"),
        SourceRow(Entity.PERSON, {"person_id": "p5"}, Origin(str(path), 6)),
    ]


def test_an_unknown_key_is_reported_once_per_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "people.jsonl",
        '{"person_id": "p1", "nickname": "Nan"}',
        '{"person_id": "p2", "nickname": "Bo"}',
    )

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1), "unknown key 'nickname' ignored", "nickname", row_kept=True
        ),
        SourceRow(Entity.PERSON, {"person_id": "p1"}, Origin(str(path), 1)),
        SourceRow(Entity.PERSON, {"person_id": "p2"}, Origin(str(path), 2)),
    ]


def test_a_nested_object_is_ignored_and_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "companies.jsonl", '{"company_id": "c1", "address": {"city": "Oslo"}}')

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1),
            "a JSON object is not a value: ignored",
            "address",
            '{"city": "Oslo"}',
            row_kept=True,
        ),
        SourceRow(Entity.COMPANY, {"company_id": "c1"}, Origin(str(path), 1)),
    ]


def test_undecodable_bytes_reject_their_line(tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_bytes(b'{"person_id": "p1"}\n{"person_id": "p\xff"}\n{"person_id": "p3"}\n')

    assert _read(path, ReadOptions(encoding="utf-8")) == [
        SourceRow(Entity.PERSON, {"person_id": "p1"}, Origin(str(path), 1)),
        SourceProblem(Origin(str(path), 2), "bytes that are not valid utf-8"),
        SourceRow(Entity.PERSON, {"person_id": "p3"}, Origin(str(path), 3)),
    ]


def test_a_too_long_value_rejects_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "people.jsonl",
        json.dumps({"person_id": "p1", "full_name": "x" * 50}),
        '{"person_id": "p2"}',
    )

    assert _read(path, ReadOptions(max_field_chars=30)) == [
        SourceProblem(
            Origin(str(path), 1),
            "a value of 50 characters, more than the limit of 30",
            "full_name",
        ),
        SourceRow(Entity.PERSON, {"person_id": "p2"}, Origin(str(path), 2)),
    ]


def test_a_too_long_line_is_skipped_unread_and_reading_goes_on(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "people.jsonl",
        json.dumps({"person_id": "p1", "full_name": "x" * 500}),
        '{"person_id": "p2"}',
    )

    assert _read(path, ReadOptions(max_field_chars=30)) == [
        SourceProblem(Origin(str(path), 1), "a line longer than 120 characters"),
        SourceRow(Entity.PERSON, {"person_id": "p2"}, Origin(str(path), 2)),
    ]


@pytest.mark.parametrize("content", [b"", b"\n  \n"])
def test_an_empty_jsonl_file_is_one_problem(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "deals.jsonl"
    path.write_bytes(content)

    assert _read(path) == [SourceProblem(Origin(str(path), 0), "the file is empty")]


def test_crlf_line_endings_and_a_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "deals.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"deal_id": "d1"}\r\n{"deal_id": "d2"}\r\n')

    assert _read(path) == [
        SourceRow(Entity.DEAL, {"deal_id": "d1"}, Origin(str(path), 1)),
        SourceRow(Entity.DEAL, {"deal_id": "d2"}, Origin(str(path), 2)),
    ]
