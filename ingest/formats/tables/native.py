"""The six native import templates, as CSV or JSON Lines.

A file's entity comes from :attr:`ReadOptions.entity` or its name (``companies.csv``,
``person.jsonl``, ``acme_deal_contacts.csv``, case-insensitive). A CSV header is checked
up front: unknown columns are reported and ignored, and a header without the columns that
identify its records (:data:`KEY_COLUMNS`) rejects the whole file. Values are passed on as
they are: the templates already speak the template vocabulary.

Examples
--------
>>> entity_from_name("acme_People")
<Entity.PERSON: 'person'>
>>> missing_keys(Entity.EMPLOYMENT, ["person_email", "title"])
['company_id or company_name or company_domain']
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from ingest.formats.options import ReadOptions
from ingest.formats.tables.csv_rows import CsvRow, CsvTable, open_csv
from ingest.formats.tables.native_jsonl import read_native_jsonl
from ingest.source_rows import TEMPLATE_FIELDS, Entity, Origin, SourceItem, SourceProblem, SourceRow

__all__ = [
    "ENTITY_ORDER",
    "KEY_COLUMNS",
    "entity_from_name",
    "field_name",
    "missing_keys",
    "native_files",
    "read_native",
]

ENTITY_ORDER = (
    Entity.COMPANY,
    Entity.PERSON,
    Entity.EMPLOYMENT,
    Entity.DEAL,
    Entity.DEAL_CONTACT,
    Entity.INTERACTION,
)
"""Dependency order: a row only refers to entities of earlier files."""

KEY_COLUMNS: Mapping[Entity, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {
        Entity.COMPANY: (("company_id", "name"),),
        Entity.PERSON: (("person_id", "email"),),
        Entity.EMPLOYMENT: (
            ("person_id", "person_email"),
            ("company_id", "company_name", "company_domain"),
        ),
        Entity.DEAL: (("deal_id",),),
        Entity.DEAL_CONTACT: (("deal_id",), ("person_id", "person_email"), ("role",)),
        Entity.INTERACTION: (("interaction_id",), ("occurred_at",)),
    }
)
"""The columns a file of each entity must have: one of each group."""

_FILE_NAMES = {
    "companies": Entity.COMPANY,
    "company": Entity.COMPANY,
    "people": Entity.PERSON,
    "persons": Entity.PERSON,
    "person": Entity.PERSON,
    "employments": Entity.EMPLOYMENT,
    "employment": Entity.EMPLOYMENT,
    "deals": Entity.DEAL,
    "deal": Entity.DEAL,
    "deal_contacts": Entity.DEAL_CONTACT,
    "deal_contact": Entity.DEAL_CONTACT,
    "interactions": Entity.INTERACTION,
    "interaction": Entity.INTERACTION,
}
_PLURALS = {
    Entity.COMPANY: "companies",
    Entity.PERSON: "people",
    Entity.EMPLOYMENT: "employments",
    Entity.DEAL: "deals",
    Entity.DEAL_CONTACT: "deal_contacts",
    Entity.INTERACTION: "interactions",
}
_BY_LENGTH = sorted(_FILE_NAMES, key=len, reverse=True)
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_SUFFIXES = (".csv", *_JSONL_SUFFIXES)


def field_name(header: str) -> str:
    """A column header as a template field name: trimmed, lower case, ``_`` for blanks.

    Examples
    --------
    >>> field_name(" Full Name"), field_name("person-id")
    ('full_name', 'person_id')
    """
    return "_".join(header.replace("\ufeff", "").replace("-", " ").lower().split())


def entity_from_name(stem: str) -> Entity | None:
    """The template a file name stands for (``people``, ``acme_person``), or None."""
    name = field_name(stem)
    for candidate in _BY_LENGTH:
        if name == candidate or name.endswith("_" + candidate):
            return _FILE_NAMES[candidate]
    return None


def missing_keys(entity: Entity, columns: Collection[str]) -> list[str]:
    """The groups of :data:`KEY_COLUMNS` that none of ``columns`` satisfies, spelled out."""
    return [
        " or ".join(group)
        for group in KEY_COLUMNS[entity]
        if not any(column in columns for column in group)
    ]


def native_files(paths: Sequence[Path]) -> list[Path]:
    """The template files to read, in dependency order (:data:`ENTITY_ORDER`).

    A directory stands for its ``.csv``/``.jsonl``/``.ndjson`` files whose names are
    templates (others are left out); a file given by name is always kept, after the
    recognised ones when its name is not a template. Within one entity, files keep the
    order they were given in (a directory's files by name).

    Examples
    --------
    >>> native_files([Path("deals.csv"), Path("x/people.jsonl"), Path("companies.csv")])
    [PosixPath('companies.csv'), PosixPath('x/people.jsonl'), PosixPath('deals.csv')]
    """
    unknown = len(ENTITY_ORDER)
    found: list[tuple[int, int, int, Path]] = []
    for position, path in enumerate(paths):
        if not path.is_dir():
            entity = entity_from_name(path.stem)
            rank = unknown if entity is None else ENTITY_ORDER.index(entity)
            found.append((rank, position, 0, path))
            continue
        children = sorted(child for child in path.iterdir() if _is_template_file(child))
        for index, child in enumerate(children):
            entity = entity_from_name(child.stem)
            if entity is not None:
                found.append((ENTITY_ORDER.index(entity), position, index, child))
    found.sort(key=lambda entry: entry[:3])
    return [path for *_, path in found]


def _is_template_file(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in _SUFFIXES and path.is_file()


def read_native(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read a native template file (CSV, or JSON Lines for ``.jsonl``/``.ndjson``).

    Parameters
    ----------
    path
        The file; its name gives the entity unless ``options.entity`` does.
    options
        ``entity``, ``encoding`` and ``max_field_chars`` are used.

    Yields
    ------
    SourceRow | SourceProblem
        A row per record, in template vocabulary; a problem per record that cannot be
        read, per unknown column (``row_kept``), or one for a file that cannot be read at
        all (an unknown entity, an empty file, missing key columns).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "people.csv")
    ...     _ = path.write_text("person_id,Email,foo\\np1,ana@example.com,x\\n")
    ...     problem, row = read_native(path, ReadOptions())
    >>> problem.origin.line, problem.reason, problem.row_kept
    (1, "unknown column 'foo' ignored", True)
    >>> row.origin.line, dict(row.fields)
    (2, {'person_id': 'p1', 'email': 'ana@example.com'})
    """
    entity = options.entity or entity_from_name(path.stem)
    if entity is None:
        names = ", ".join(f"{_PLURALS[each]}.csv" for each in ENTITY_ORDER)
        reason = f"cannot tell which template {path.name!r} is: name it {names}"
        yield SourceProblem(Origin(str(path), 0), reason)
    elif path.suffix.lower() in _JSONL_SUFFIXES:
        yield from read_native_jsonl(path, entity, options)
    else:
        yield from _read_csv(path, entity, options)


def _read_csv(path: Path, entity: Entity, options: ReadOptions) -> Iterator[SourceItem]:
    with open_csv(path, options) as table:
        if isinstance(table, SourceProblem):
            yield table
            return
        columns = _columns(table, entity)
        missing = missing_keys(entity, set(columns.values()))
        if missing:
            plural = "s" if len(missing) > 1 else ""
            reason = f"no {entity.value} key column{plural}: needs {'; '.join(missing)}"
            yield SourceProblem(table.origin(table.header_line), reason)
            return
        yield from _header_problems(table, columns)
        for item in table.rows():
            if isinstance(item, CsvRow):
                fields = {
                    columns[name]: value for name, value in item.values.items() if name in columns
                }
                yield SourceRow(entity, fields, table.origin(item.line))
            else:
                yield item


def _columns(table: CsvTable, entity: Entity) -> dict[str, str]:
    """Header name -> template field, for the known columns (the first of duplicates)."""
    allowed = TEMPLATE_FIELDS[entity]
    columns: dict[str, str] = {}
    for header in table.header:
        field = field_name(header)
        if field in allowed and field not in columns.values():
            columns[header] = field
    return columns


def _header_problems(table: CsvTable, columns: Mapping[str, str]) -> Iterator[SourceProblem]:
    origin = table.origin(table.header_line)
    seen: set[str] = set()
    for header in table.header:
        field = field_name(header)
        if not header:
            reason = "a column without a name ignored"
        elif field in seen:
            reason = f"duplicate column {header!r} ignored"
        elif header in columns:
            seen.add(field)
            continue
        else:
            reason = f"unknown column {header!r} ignored"
        yield SourceProblem(origin, reason, column=header, row_kept=True)
