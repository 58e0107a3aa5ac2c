"""Which native files a set of paths stands for, and in which order they are read."""

from __future__ import annotations

from pathlib import Path

from ingest.formats.tables.native import native_files


def _touch(folder: Path, *names: str) -> list[Path]:
    paths = [folder / name for name in names]
    for path in paths:
        path.write_text("x\n")
    return paths


def test_a_directory_stands_for_its_template_files_in_dependency_order(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "interactions.jsonl",
        "deal_contacts.csv",
        "deals.csv",
        "notes.txt",
        "README.md",
        "employments.csv",
        "people.csv",
        "companies.csv",
        "contacts.csv",
        ".~lock.people.csv#",
        "._people.csv",
    )
    (tmp_path / "archive").mkdir()

    assert native_files([tmp_path]) == [
        tmp_path / "companies.csv",
        tmp_path / "people.csv",
        tmp_path / "employments.csv",
        tmp_path / "deals.csv",
        tmp_path / "deal_contacts.csv",
        tmp_path / "interactions.jsonl",
    ]


def test_files_of_one_entity_keep_the_order_they_were_given_in(tmp_path: Path) -> None:
    later, earlier, company = _touch(tmp_path, "b_people.csv", "a_people.csv", "company.csv")

    assert native_files([later, earlier, company]) == [company, later, earlier]


def test_a_file_given_by_name_is_kept_even_when_its_name_is_no_template(tmp_path: Path) -> None:
    odd, deals = _touch(tmp_path, "export.csv", "deals.csv")

    assert native_files([odd, deals]) == [deals, odd]


def test_explicit_files_and_directories_mix(tmp_path: Path) -> None:
    folder = tmp_path / "crm"
    folder.mkdir()
    people, deals = _touch(folder, "people.csv", "deals.jsonl")
    [companies] = _touch(tmp_path, "companies.csv")

    assert native_files([folder, companies]) == [companies, people, deals]
