"""Reading vCard 3.0 and 4.0 files into person rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.formats.content_lines import MAX_BLOCK_CHARS
from ingest.formats.errors import FormatError
from ingest.formats.options import ReadOptions
from ingest.formats.vcard import read_vcard
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

APPLE_CARD_30 = [
    "BEGIN:VCARD",  # line 1
    "VERSION:3.0",
    "PRODID:-//Apple Inc.//iPhone OS 17.4//EN",
    "N:Lopez;Ana;Maria;;",
    "FN:Ana Maria Lo",  # folded onto the next line
    " pez",
    "ORG:Acme Corporation;Strategic Sales;",
    "TITLE:VP Sales",
    "EMAIL;type=INTERNET;type=WORK:ana.lopez@acme.example",
    "EMAIL;type=INTERNET;type=HOME;type=pref:Ana@Home.exa",
    " mple",
    "TEL;type=CELL;type=VOICE;type=pref:+1 (555) 010-2000",
    "TEL;type=WORK;type=VOICE:+1 555 010 3000",
    "item1.ADR;type=WORK:;;1 Main St;Springfield;IL;62701;USA",
    "NOTE:Met at the Chicago conference. This note is long enough that the expo",
    " rter folds it onto a second line.",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEA",
    " wMEBQgFBQQEBQoHBwYHDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/",
    "UID:a1b2c3d4-0001",
    "END:VCARD",  # line 20
]
NEXTCLOUD_CARD_40 = [
    "BEGIN:VCARD",  # line 21
    "VERSION:4.0",
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
    "FN:Björn Ängström",
    "N:Ängström;Björn;;;",
    "EMAIL;TYPE=work;PREF=2:bjorn@nordic.example",
    "EMAIL;TYPE=home;PREF=1:bjorn.a@mail.example",
    "EMAIL;TYPE=work:BJORN.ANGSTROM@Nordic.Example",
    'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+46-70-123-4567',
    "TEL;VALUE=uri;TYPE=work:tel:+46-8-555-0100;ext=12",
    "ORG:Nordic Trading AB",
    "TITLE:Head of Procurement",
    "END:VCARD",  # line 33
]
NAME_ONLY_CARD = [
    "BEGIN:VCARD",  # line 34
    "VERSION:3.0",
    "N:Smith;John;;Mr.;",
    "TEL:+44 20 7946 0000",
    "END:VCARD",
]
EMPTY_CARD = [
    "BEGIN:VCARD",  # line 39
    "VERSION:3.0",
    "ORG:Nobody Ltd",
    "END:VCARD",
]
BROKEN_CARD = [
    "BEGIN:VCARD",  # line 43
    "VERSION:3.0",
    "FN:Broken Card",
    "this line is not a property",
    "END:VCARD",
]
LAST_CARD = [
    "BEGIN:VCARD",  # line 48
    "VERSION:3.0",
    "FN:Chen Wei",
    "EMAIL:chen.wei@example.cn",
    "END:VCARD",
]


def _write(path: Path, lines: list[str], *, encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _read(path: Path, options: ReadOptions | None = None) -> list[SourceItem]:
    return list(read_vcard(path, options or ReadOptions()))


@pytest.fixture
def address_book(tmp_path: Path) -> Path:
    cards = [APPLE_CARD_30, NEXTCLOUD_CARD_40, NAME_ONLY_CARD, EMPTY_CARD, BROKEN_CARD]
    return _write(tmp_path / "contacts.vcf", [line for card in cards for line in card] + LAST_CARD)


def test_a_version_3_card_reads_folded_lines_and_puts_the_preferred_email_first(
    address_book: Path,
) -> None:
    first = _read(address_book)[0]

    assert first == SourceRow(
        Entity.PERSON,
        {
            "person_id": "a1b2c3d4-0001",
            "full_name": "Ana Maria Lopez",
            "email": "ana@home.example",
            "alternate_emails": "ana.lopez@acme.example",
            "phone": "+1 (555) 010-2000",
            "alternate_phones": "+1 555 010 3000",
            "company_name": "Acme Corporation",
            "department": "Strategic Sales",
            "title": "VP Sales",
        },
        Origin(str(address_book), 1, "a1b2c3d4-0001"),
    )


def test_a_version_4_card_orders_emails_and_phones_by_pref_and_drops_the_tel_scheme(
    address_book: Path,
) -> None:
    second = _read(address_book)[1]

    uid = "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert second == SourceRow(
        Entity.PERSON,
        {
            "person_id": uid,
            "full_name": "Björn Ängström",
            "email": "bjorn.a@mail.example",
            "alternate_emails": "bjorn@nordic.example;bjorn.angstrom@nordic.example",
            "phone": "+46-70-123-4567",
            "alternate_phones": "+46-8-555-0100;ext=12",
            "company_name": "Nordic Trading AB",
            "title": "Head of Procurement",
        },
        Origin(str(address_book), 21, uid),
    )


def test_a_card_without_fn_takes_its_name_from_n(address_book: Path) -> None:
    third = _read(address_book)[2]

    assert third == SourceRow(
        Entity.PERSON,
        {"full_name": "John Smith", "phone": "+44 20 7946 0000"},
        Origin(str(address_book), 34),
    )


def test_a_card_with_no_name_and_no_email_is_a_problem(address_book: Path) -> None:
    fourth = _read(address_book)[3]

    assert fourth == SourceProblem(Origin(str(address_book), 39), "card has no name and no email")


def test_a_broken_card_is_reported_and_the_next_card_still_comes_through(
    address_book: Path,
) -> None:
    items = _read(address_book)

    broken, last = items[4], items[5]
    assert isinstance(broken, SourceProblem)
    assert broken.origin == Origin(str(address_book), 43)
    assert broken.reason.startswith("card cannot be parsed: ")
    assert "this line is not a property" in broken.reason
    assert last == SourceRow(
        Entity.PERSON,
        {"full_name": "Chen Wei", "email": "chen.wei@example.cn"},
        Origin(str(address_book), 48),
    )
    assert len(items) == 6


def test_a_latin_1_file_is_detected_and_decoded(tmp_path: Path) -> None:
    card = ["BEGIN:VCARD", "VERSION:3.0", "FN:Jürgen Müller", "ORG:Bäckerei Groß GmbH"]
    path = _write(
        tmp_path / "latin1.vcf",
        [*card, "EMAIL:jm@baeckerei.example", "END:VCARD"],
        encoding="latin-1",
    )

    assert [item.fields for item in _read(path) if isinstance(item, SourceRow)] == [
        {
            "full_name": "Jürgen Müller",
            "company_name": "Bäckerei Groß GmbH",
            "email": "jm@baeckerei.example",
        }
    ]


def test_an_explicit_encoding_wins_over_detection(tmp_path: Path) -> None:
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Zoë Faure", "END:VCARD"]
    path = _write(tmp_path / "cp1252.vcf", lines, encoding="cp1252")

    assert _read(path, ReadOptions(encoding="cp1252")) == [
        SourceRow(Entity.PERSON, {"full_name": "Zoë Faure"}, Origin(str(path), 1))
    ]


def test_a_utf8_file_with_a_byte_order_mark_starts_its_first_card_on_line_1(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bom.vcf"
    text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë Martin\r\nEMAIL:zoe@example.fr\r\nEND:VCARD\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert _read(path) == [
        SourceRow(
            Entity.PERSON,
            {"full_name": "Zoë Martin", "email": "zoe@example.fr"},
            Origin(str(path), 1),
        )
    ]


def test_a_card_with_bytes_the_encoding_cannot_decode_is_a_problem(tmp_path: Path) -> None:
    good = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ana", "END:VCARD"]
    path = tmp_path / "mixed.vcf"
    bad = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J\xfcrgen\r\nEND:VCARD\r\n"
    path.write_bytes("\r\n".join(good).encode() + b"\r\n" + bad)

    assert _read(path, ReadOptions(encoding="utf-8")) == [
        SourceRow(Entity.PERSON, {"full_name": "Ana"}, Origin(str(path), 1)),
        SourceProblem(Origin(str(path), 5), "bytes that are not valid utf-8"),
    ]


def test_a_card_cut_off_by_the_end_of_the_file_is_a_problem(tmp_path: Path) -> None:
    path = _write(tmp_path / "cut.vcf", ["BEGIN:VCARD", "VERSION:3.0", "FN:Ana"])

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1), "card is broken: no END:VCARD before the end of the file"
        )
    ]


def test_a_card_missing_its_end_does_not_swallow_the_next_card(tmp_path: Path) -> None:
    lines = ["BEGIN:VCARD", "FN:Ana", "BEGIN:VCARD", "VERSION:3.0", "FN:Bo", "END:VCARD"]
    path = _write(tmp_path / "unended.vcf", lines)

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1), "card is broken: no END:VCARD before the next BEGIN:VCARD"
        ),
        SourceRow(Entity.PERSON, {"full_name": "Bo"}, Origin(str(path), 3)),
    ]


def test_a_file_without_cards_is_a_problem(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.vcf", ["just some notes"])

    assert _read(path) == [
        SourceProblem(Origin(str(path), 1), "no vCard in the file (no BEGIN:VCARD line)")
    ]


def test_an_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "any.vcf", ["BEGIN:VCARD", "FN:Ana", "END:VCARD"])

    with pytest.raises(FormatError, match="unknown encoding"):
        _read(path, ReadOptions(encoding="no-such-codec"))


def test_a_photo_is_not_kept_in_memory_so_a_big_one_does_not_break_its_card(
    tmp_path: Path,
) -> None:
    photo = ["PHOTO;ENCODING=b;TYPE=JPEG:" + "A" * 60] + [" " + "B" * 74] * 20_000
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ana Lopez", *photo, "END:VCARD"]
    path = _write(tmp_path / "photo.vcf", lines)

    assert _read(path) == [
        SourceRow(Entity.PERSON, {"full_name": "Ana Lopez"}, Origin(str(path), 1))
    ]


def test_a_card_longer_than_the_limit_is_a_problem_and_the_next_card_still_comes_through(
    tmp_path: Path,
) -> None:
    note = ["NOTE:" + "n" * 70] + [" " + "n" * 74] * (MAX_BLOCK_CHARS // 70)
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ana Lopez", *note, "END:VCARD"]
    path = _write(tmp_path / "long.vcf", [*lines, *LAST_CARD])

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 1), f"card is broken: longer than {MAX_BLOCK_CHARS} characters"
        ),
        SourceRow(
            Entity.PERSON,
            {"full_name": "Chen Wei", "email": "chen.wei@example.cn"},
            Origin(str(path), len(lines) + 1),
        ),
    ]
