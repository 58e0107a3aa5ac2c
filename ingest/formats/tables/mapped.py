"""Any other CSV, read through a TOML mapping file from its columns to template fields.

A mapping file looks like this (only ``entity`` and ``[columns]`` are required)::

    entity = "person"            # or "people", "company", "deal", "interaction", ...
    delimiter = ";"              # default ","
    date_format = "%d/%m/%Y"     # for date and date-time fields; ISO values pass as well

    [columns]                    # source header -> template field
    "Nom complet" = "full_name"
    "Courriel" = "email"

    [values.kind]                # optional: source value -> template value, per field
    "Réunion" = "meeting"

Columns not in ``[columns]`` are ignored; several columns may feed one multi-valued field
(``*_ids``, ``*_emails``, ``alternate_*``) and are ``;``-joined. A mapping that cannot work
raises :class:`~ingest.formats.errors.MappingError`: it is a usage error, not a bad row.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     toml = Path(folder, "map.toml")
...     _ = toml.write_text('entity = "people"\\n[columns]\\nMail = "email"\\nJob = "titel"\\n')
...     try:
...         load_mapping(toml)
...     except MappingError as e:
...         print(str(e).removeprefix(f"{toml}: ").split(" (")[0])
column 'Job' maps to 'titel', which is not a person field
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ingest.formats.errors import MappingError
from ingest.formats.options import ReadOptions
from ingest.formats.tables.csv_rows import CsvRow, CsvTable, open_csv
from ingest.formats.tables.native import missing_keys
from ingest.source_rows import TEMPLATE_FIELDS, Entity, Origin, SourceItem, SourceProblem, SourceRow

__all__ = ["ColumnMapping", "load_mapping", "read_mapped"]

DATE_FIELDS = frozenset({"start_date", "end_date", "close_date", "connected_on"})
DATETIME_FIELDS = frozenset({"occurred_at", "ended_at"})

_ENTITIES = {entity.value: entity for entity in Entity} | {
    "companies": Entity.COMPANY,
    "people": Entity.PERSON,
    "employments": Entity.EMPLOYMENT,
    "deals": Entity.DEAL,
    "deal_contacts": Entity.DEAL_CONTACT,
    "interactions": Entity.INTERACTION,
}
_KEYS = frozenset({"entity", "columns", "values", "date_format", "delimiter"})


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """A checked mapping file: what the rows are and where each field comes from."""

    entity: Entity
    columns: Mapping[str, str]
    values: Mapping[str, Mapping[str, str]]
    """Per field: case-folded source value -> template value."""
    date_format: str | None = None
    delimiter: str = ","


def load_mapping(path: Path) -> ColumnMapping:
    """Read and check a TOML mapping file.

    Raises
    ------
    MappingError
        If the file cannot be read or parsed, names an unknown entity or a field the
        entity does not have, maps no key column, or has an unknown setting.
    """
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as e:
        raise MappingError(f"{path}: cannot read the mapping file ({e.strerror})") from e
    except tomllib.TOMLDecodeError as e:
        raise MappingError(f"{path}: not valid TOML ({e})") from e
    unknown = sorted(set(document) - _KEYS)
    if unknown:
        raise MappingError(f"{path}: unknown setting {unknown[0]!r} (one of {sorted(_KEYS)})")
    entity = _entity(path, document.get("entity"))
    columns = _columns(path, entity, document.get("columns"))
    return ColumnMapping(
        entity=entity,
        columns=columns,
        values=_values(path, set(columns.values()), document.get("values", {})),
        date_format=_date_format(path, document.get("date_format")),
        delimiter=_delimiter(path, document.get("delimiter", ",")),
    )


def _entity(path: Path, raw: object) -> Entity:
    if not isinstance(raw, str) or raw.strip().lower() not in _ENTITIES:
        names = ", ".join(entity.value for entity in Entity)
        raise MappingError(f"{path}: entity must be one of {names}, not {raw!r}")
    return _ENTITIES[raw.strip().lower()]


def _columns(path: Path, entity: Entity, raw: object) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        raise MappingError(f"{path}: a [columns] table (source column = field) is required")
    allowed = TEMPLATE_FIELDS[entity]
    for column, field in raw.items():
        if field not in allowed:
            raise MappingError(
                f"{path}: column {column!r} maps to {field!r}, which is not a "
                f"{entity.value} field (one of {', '.join(allowed)})"
            )
    missing = missing_keys(entity, set(raw.values()))
    if missing:
        raise MappingError(f"{path}: map a column to {'; '.join(missing)} (the {entity} key)")
    return {str(column): str(field) for column, field in raw.items()}


def _values(path: Path, fields: set[str], raw: object) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        raise MappingError(f"{path}: [values] must be tables like [values.stage]")
    checked: dict[str, dict[str, str]] = {}
    for field, table in raw.items():
        if field not in fields:
            raise MappingError(f"{path}: [values.{field}] is for a field no column maps to")
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise MappingError(f"{path}: [values.{field}] must map source values to strings")
        checked[field] = {str(source).casefold(): target for source, target in table.items()}
    return checked


def _date_format(path: Path, raw: object) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or "%" not in raw:
        raise MappingError(f"{path}: date_format must be a strptime format like '%d/%m/%Y'")
    return raw


def _delimiter(path: Path, raw: object) -> str:
    if not isinstance(raw, str) or len(raw) != 1 or raw in '"\r\n':
        raise MappingError(f"{path}: delimiter must be one character, not {raw!r}")
    return raw


def read_mapped(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read a CSV file through the mapping file ``options.mapping``.

    Parameters
    ----------
    path
        The CSV file.
    options
        ``mapping`` (required), ``encoding`` and ``max_field_chars`` are used.

    Returns
    -------
    Iterator[SourceRow | SourceProblem]
        A row per record (mapped fields, ``[values]`` and ``date_format`` applied); a
        problem per record that cannot be read, or one for an empty file.

    Raises
    ------
    MappingError
        At once for a bad mapping file; when iteration starts for a mapped column the
        CSV header lacks.
    """
    if options.mapping is None:
        raise MappingError(f"{path}: mapped CSV needs a mapping file")
    mapping = load_mapping(options.mapping)
    return _read(path, options, mapping)


def _read(path: Path, options: ReadOptions, mapping: ColumnMapping) -> Iterator[SourceItem]:
    with open_csv(path, options, delimiter=mapping.delimiter) as table:
        if isinstance(table, SourceProblem):
            yield table
            return
        plan = _plan(table, mapping, options)
        for item in table.rows():
            if isinstance(item, CsvRow):
                yield _row(mapping, plan, item, table.origin(item.line))
            else:
                yield item


def _plan(table: CsvTable, mapping: ColumnMapping, options: ReadOptions) -> list[tuple[str, str]]:
    """``(CSV header, field)`` per mapped column; a header is matched ignoring case."""
    by_name = {name.casefold(): name for name in reversed(table.header)}
    missing = [column for column in mapping.columns if column.strip().casefold() not in by_name]
    if missing:
        quoted = ", ".join(repr(column) for column in missing)
        raise MappingError(
            f"{table.file}: no column {quoted} in the header "
            f"(mapped in {options.mapping}); the header is {', '.join(table.header)}"
        )
    return [
        (by_name[column.strip().casefold()], field) for column, field in mapping.columns.items()
    ]


def _row(
    mapping: ColumnMapping, plan: list[tuple[str, str]], row: CsvRow, origin: Origin
) -> SourceRow:
    fields: dict[str, str] = {}
    for header, field in plan:
        value = row.values.get(header)
        if value is None:
            continue
        value = _translated(mapping.values.get(field), value)
        if mapping.date_format and field in DATE_FIELDS | DATETIME_FIELDS:
            value = _dated(value, mapping.date_format, with_time=field in DATETIME_FIELDS)
        if not value:
            continue
        if field not in fields:
            fields[field] = value
        elif _multi_valued(field):
            fields[field] += ";" + value
    return SourceRow(mapping.entity, fields, origin)


def _translated(table: Mapping[str, str] | None, value: str) -> str:
    return value if table is None else table.get(value.casefold(), value)


def _dated(value: str, date_format: str, *, with_time: bool) -> str:
    try:
        parsed = datetime.strptime(value, date_format)
    except ValueError:
        return value
    return parsed.isoformat() if with_time else parsed.date().isoformat()


def _multi_valued(field: str) -> bool:
    return field.endswith(("_ids", "_emails")) or field.startswith("alternate_")
