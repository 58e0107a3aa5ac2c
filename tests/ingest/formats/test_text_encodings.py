"""Encodings: BOMs, UTF-8, GB18030/GBK and Latin-1 are detected; bad bytes reject one row."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ingest.formats.errors import FormatError
from ingest.formats.options import ReadOptions
from ingest.formats.tables.native import read_native
from ingest.formats.text import SAMPLE_BYTES, detect_encoding, open_text
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow


def _read(path: Path, options: ReadOptions | None = None) -> list[SourceItem]:
    return list(read_native(path, options or ReadOptions()))


def _fields(items: list[SourceItem]) -> list[dict[str, str]]:
    assert all(isinstance(item, SourceRow) for item in items), items
    return [dict(item.fields) for item in items if isinstance(item, SourceRow)]


def test_a_utf8_bom_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(codecs.BOM_UTF8 + "person_id,full_name\np1,Zoë Ødegård\n".encode())

    assert _fields(_read(path)) == [{"person_id": "p1", "full_name": "Zoë Ødegård"}]


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "companies.csv"
    path.write_bytes("company_id,name\r\nc1,Société Générale\r\n".encode("utf-16"))

    assert _fields(_read(path)) == [{"company_id": "c1", "name": "Société Générale"}]


def test_utf16_without_a_bom_is_recognised_by_its_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "companies.csv"
    path.write_bytes("company_id,name\nc1,Zürich Versicherung\n".encode("utf-16-le"))

    assert _fields(_read(path)) == [{"company_id": "c1", "name": "Zürich Versicherung"}]


def test_gb18030_chinese_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    text = "person_id,full_name,email\np1,张伟,zhang@example.cn\np2,李娜,li@example.cn\n"
    path.write_bytes(text.encode("gb18030"))

    assert _fields(_read(path)) == [
        {"person_id": "p1", "full_name": "张伟", "email": "zhang@example.cn"},
        {"person_id": "p2", "full_name": "李娜", "email": "li@example.cn"},
    ]


def test_gbk_chinese_is_read_as_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "companies.csv"
    path.write_bytes("company_id,name\nc1,华为技术有限公司\nc2,阿里巴巴集团\n".encode("gbk"))

    assert _fields(_read(path)) == [
        {"company_id": "c1", "name": "华为技术有限公司"},
        {"company_id": "c2", "name": "阿里巴巴集团"},
    ]


def test_latin1_western_names_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "companies.csv"
    text = "company_id,name,address\nc1,Société Générale,Paris\nc2,Müller AG,Zürich\n"
    path.write_bytes(text.encode("latin-1"))

    assert _fields(_read(path)) == [
        {"company_id": "c1", "name": "Société Générale", "address": "Paris"},
        {"company_id": "c2", "name": "Müller AG", "address": "Zürich"},
    ]


def test_an_explicit_encoding_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes("person_id,full_name\np1,José\n".encode())

    items = _read(path, ReadOptions(encoding="latin-1"))

    assert _fields(items) == [{"person_id": "p1", "full_name": "JosÃ©"}]


def test_an_unknown_explicit_encoding_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"person_id\np1\n")

    with pytest.raises(FormatError, match="unknown encoding 'klingon'"):
        _read(path, ReadOptions(encoding="klingon"))


def test_undecodable_bytes_reject_only_their_row(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"person_id,full_name\np1,Ana\np2,Bad \xff\xfe name\np3,Bo\n")

    items = _read(path, ReadOptions(encoding="gb18030"))

    assert items == [
        SourceRow(Entity.PERSON, {"person_id": "p1", "full_name": "Ana"}, Origin(str(path), 2)),
        SourceProblem(
            Origin(str(path), 3),
            "bytes that are not valid gb18030",
            "full_name",
            "Bad \ufffd\ufffd name",
        ),
        SourceRow(Entity.PERSON, {"person_id": "p3", "full_name": "Bo"}, Origin(str(path), 4)),
    ]


def test_bad_bytes_after_the_detection_sample_reject_only_their_row(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    rows = [f"p{n},person{n}@example.com\n".encode() for n in range(40_000)]
    assert sum(map(len, rows)) > SAMPLE_BYTES
    path.write_bytes(b"person_id,email\n" + b"".join(rows) + b"px,caf\xe9@example.com\npy,y@z.io\n")

    items = _read(path)

    problems = [item for item in items if isinstance(item, SourceProblem)]
    assert problems == [
        SourceProblem(
            Origin(str(path), 40_002),
            "bytes that are not valid utf-8",
            "email",
            "caf\ufffd@example.com",
        )
    ]
    assert len(items) == 40_002
    assert items[-1] == SourceRow(
        Entity.PERSON, {"person_id": "py", "email": "y@z.io"}, Origin(str(path), 40_003)
    )


def test_a_multibyte_character_cut_by_the_sample_end_still_counts_as_utf8(
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.csv"
    head = b"person_id,full_name\np1,"
    padding = b"x" * (SAMPLE_BYTES - len(head) - 1)
    path.write_bytes(head + padding + "ü\np2,Jürgen\n".encode())

    with open_text(path) as (_, encoding):
        assert encoding == "utf-8"


@pytest.mark.parametrize(
    ("sample", "complete", "expected"),
    [
        (codecs.BOM_UTF8 + b"a", True, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "a".encode("utf-16-le"), True, "utf-16"),
        (codecs.BOM_UTF16_BE + "a".encode("utf-16-be"), True, "utf-16"),
        ("Zürich".encode()[:2], False, "utf-8"),
        ("Zürich".encode()[:2], True, "cp1252"),
        ("name\n张三,北京\n".encode("gb18030"), True, "gb18030"),
        ("name\nMüller,Zürich\n".encode("latin-1"), True, "cp1252"),
        (b"", True, "utf-8"),
    ],
)
def test_the_encoding_is_detected_from_a_sample(
    sample: bytes, complete: bool, expected: str
) -> None:
    assert detect_encoding(sample, complete=complete) == expected


def test_a_chinese_character_cut_by_the_sample_end_does_not_hide_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    rows = "".join(f"p{n},张伟李娜王芳刘洋\n" for n in range(60_000))
    for width in range(20):
        data = f"person_id,full_name{' ' * width}\n{rows}".encode("gb18030")
        try:
            data[:SAMPLE_BYTES].decode("gb18030")
        except UnicodeDecodeError:
            break
    else:
        pytest.fail("no padding cuts a character at the end of the sample")
    path.write_bytes(data)

    with open_text(path) as (_, encoding):
        assert encoding == "gb18030"
