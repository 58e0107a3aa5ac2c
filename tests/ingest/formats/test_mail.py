"""Reading mbox files and .eml messages into emails and the people in them."""

from __future__ import annotations

import base64
import hashlib
import mailbox
from pathlib import Path

import pytest

from ingest.formats.mail.reader import read_mail
from ingest.formats.options import ReadOptions
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow


def _gb2312_word(text: str) -> str:
    return f"=?gb2312?B?{base64.b64encode(text.encode('gbk')).decode()}?="


def _message(*headers: str, body: str = "Hello.", raw: bytes = b"") -> bytes:
    head = "\r\n".join(headers).encode("ascii") + raw
    return head + b"\r\n\r\n" + body.encode("ascii") + b"\r\n"


QUARTERLY = _message(
    "From: Ana Lopez <Ana.Lopez@Acme.example>",
    "To: Bo Chen <bo.chen@client.example>,",
    " dave@partner.example",
    'Cc: "Diaz, Carla" <Carla@Client.example>',
    "Bcc: secret@acme.example",
    "Date: Wed, 10 Sep 2025 09:30:00 +0200",
    "Message-ID: <CAF123@mail.acme.example>",
    "Subject: Quarterly review",
    "Content-Type: text/plain; charset=utf-8",
    body="See you there.\r\n\r\nAna",
)
CHINESE = _message(
    # "Zhu Rongji": the middle character is GBK, not GB2312, yet labelled gb2312.
    f"From: {_gb2312_word('朱镕基')} <zhu@example.cn>",
    "To: ana.lopez@acme.example",
    "Date: Thu, 11 Sep 2025 16:00:00 +0800",
    "Message-ID: <gb-1@example.cn>",
    f"Subject: {_gb2312_word('季度')}",
    f" {_gb2312_word('报告')}",
)
BAD_DATE = _message(
    "From: bo.chen@client.example",
    "To: ana.lopez@acme.example",
    "Date: yesterday at noon",
    "Message-ID: <bad-date@client.example>",
    "Subject: Re: Quarterly review",
)
NO_MESSAGE_ID = _message(
    "From: dave@partner.example",
    "To: Ana Lopez <ana.lopez@acme.example>",
    "Date: Fri, 12 Sep 2025 08:00:00 -0400",
    "Subject: Intro",
)
NO_FROM = _message(
    "To: ana.lopez@acme.example",
    "Date: Fri, 12 Sep 2025 09:00:00 +0000",
    "Message-ID: <no-from@example.com>",
)
RAW_UTF8 = _message(
    "To: ana.lopez@acme.example",
    "Date: Sat, 13 Sep 2025 10:00:00 +0200",
    "Message-ID: <raw@example.fr>",
    raw="\r\nFrom: Zoë Martin <zoe@example.fr>\r\nSubject: Café à Paris".encode(),
)


def _read(path: Path, options: ReadOptions | None = None) -> list[SourceItem]:
    return list(read_mail(path, options or ReadOptions()))


def _person(email: str, origin: Origin, name: str = "") -> SourceRow:
    fields = {"email": email, "full_name": name} if name else {"email": email}
    return SourceRow(Entity.PERSON, fields, origin)


@pytest.fixture
def mbox(tmp_path: Path) -> Path:
    path = tmp_path / "Inbox"
    box = mailbox.mbox(path)
    for message in (QUARTERLY, CHINESE, BAD_DATE, NO_MESSAGE_ID, NO_FROM, RAW_UTF8):
        box.add(message)
    box.close()
    return path


def _of_message(items: list[SourceItem], ordinal: int) -> list[SourceItem]:
    return [item for item in items if item.origin.line == ordinal]


def test_a_message_gives_its_people_then_the_email_and_never_reads_bcc(mbox: Path) -> None:
    origin = Origin(str(mbox), 1, "CAF123@mail.acme.example")

    assert _of_message(_read(mbox), 1) == [
        _person("ana.lopez@acme.example", origin, "Ana Lopez"),
        _person("bo.chen@client.example", origin, "Bo Chen"),
        _person("dave@partner.example", origin),
        _person("carla@client.example", origin, "Diaz, Carla"),
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "CAF123@mail.acme.example",
                "kind": "email",
                "occurred_at": "2025-09-10T07:30:00+00:00",
                "from_email": "ana.lopez@acme.example",
                "to_emails": "bo.chen@client.example;dave@partner.example",
                "cc_emails": "carla@client.example",
                "subject": "Quarterly review",
            },
            origin,
        ),
    ]


def test_gb2312_encoded_words_are_decoded_even_when_they_hold_gbk_characters(
    mbox: Path,
) -> None:
    origin = Origin(str(mbox), 2, "gb-1@example.cn")

    assert _of_message(_read(mbox), 2) == [
        _person("zhu@example.cn", origin, "朱镕基"),
        _person("ana.lopez@acme.example", origin),
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "gb-1@example.cn",
                "kind": "email",
                "occurred_at": "2025-09-11T08:00:00+00:00",
                "from_email": "zhu@example.cn",
                "to_emails": "ana.lopez@acme.example",
                "subject": "季度报告",
            },
            origin,
        ),
    ]


def test_a_message_with_an_unparseable_date_is_a_problem(mbox: Path) -> None:
    assert _of_message(_read(mbox), 3) == [
        SourceProblem(
            Origin(str(mbox), 3, "bad-date@client.example"),
            "Date is not an RFC 5322 date",
            "Date",
            "yesterday at noon",
        )
    ]


def test_a_message_without_message_id_gets_a_stable_id_from_its_headers(mbox: Path) -> None:
    items = _of_message(_read(mbox), 4)

    key = "dave@partner.example|2025-09-12T12:00:00+00:00|Intro|ana.lopez@acme.example"
    expected_id = "sha1:" + hashlib.sha1(key.encode()).hexdigest()
    origin = Origin(str(mbox), 4)
    assert items == [
        _person("dave@partner.example", origin),
        _person("ana.lopez@acme.example", origin, "Ana Lopez"),
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": expected_id,
                "kind": "email",
                "occurred_at": "2025-09-12T12:00:00+00:00",
                "from_email": "dave@partner.example",
                "to_emails": "ana.lopez@acme.example",
                "subject": "Intro",
            },
            origin,
        ),
    ]
    assert _of_message(_read(mbox), 4) == items


def test_a_message_without_from_is_a_problem(mbox: Path) -> None:
    assert _of_message(_read(mbox), 5) == [
        SourceProblem(
            Origin(str(mbox), 5, "no-from@example.com"), "message has no sender address", "From"
        )
    ]


def test_raw_8_bit_utf8_headers_are_decoded(mbox: Path) -> None:
    items = _of_message(_read(mbox), 6)

    origin = Origin(str(mbox), 6, "raw@example.fr")
    assert items[0] == _person("zoe@example.fr", origin, "Zoë Martin")
    last = items[-1]
    assert isinstance(last, SourceRow)
    assert last.fields["subject"] == "Café à Paris"


def test_bodies_are_absent_by_default_and_present_with_include_bodies(mbox: Path) -> None:
    plain = _of_message(_read(mbox), 1)[-1]
    with_bodies = _of_message(_read(mbox, ReadOptions(include_bodies=True)), 1)[-1]

    assert isinstance(plain, SourceRow) and isinstance(with_bodies, SourceRow)
    assert "body" not in plain.fields
    assert with_bodies.fields["body"] == "See you there.\n\nAna"
    assert {k: v for k, v in with_bodies.fields.items() if k != "body"} == plain.fields


def test_the_text_part_of_a_multipart_message_is_its_body(tmp_path: Path) -> None:
    path = tmp_path / "offer.eml"
    path.write_bytes(
        b"From: ana.lopez@acme.example\r\nDate: Mon, 15 Sep 2025 10:00:00 +0000\r\n"
        b"Message-ID: <offer@acme.example>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\nPrix: 12 000 =E2=82=AC\r\n"
        b"--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Prix</p>\r\n--b1--\r\n"
    )

    items = _read(path, ReadOptions(include_bodies=True))

    assert items[-1] == SourceRow(
        Entity.INTERACTION,
        {
            "interaction_id": "offer@acme.example",
            "kind": "email",
            "occurred_at": "2025-09-15T10:00:00+00:00",
            "from_email": "ana.lopez@acme.example",
            "body": "Prix: 12 000 €",
        },
        Origin(str(path), 1, "offer@acme.example"),
    )


def test_a_folder_of_eml_files_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "2025").mkdir(parents=True)
    (folder / "sub").mkdir()
    (folder / "2025" / "b.eml").write_bytes(QUARTERLY)
    (folder / "a.eml").write_bytes(NO_MESSAGE_ID)
    (folder / "sub" / "C.EML").write_bytes(CHINESE)
    (folder / "notes.txt").write_text("not a message")

    items = _read(folder)

    interactions = [item for item in items if isinstance(item, SourceRow)]
    assert [
        (row.origin.file, row.origin.line) for row in interactions if row.entity == "interaction"
    ] == [
        (str(folder / "2025" / "b.eml"), 1),
        (str(folder / "a.eml"), 1),
        (str(folder / "sub" / "C.EML"), 1),
    ]
    assert len(items) == 5 + 3 + 3


def test_a_folder_without_eml_files_is_a_problem(tmp_path: Path) -> None:
    assert _read(tmp_path) == [
        SourceProblem(Origin(str(tmp_path), 1), "no .eml file in the folder")
    ]


def test_an_empty_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.eml"
    path.write_bytes(b"")

    assert _read(path) == [SourceProblem(Origin(str(path), 1), "the file is empty")]
