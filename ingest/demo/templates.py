"""Writing a demo data set as Relgraph's native import templates (CSV) plus its ground truth.

Columns follow the public contract in the product brief. Files are UTF-8 with a header
row; multi-valued cells are ``;``-separated; dates and datetimes are ISO 8601; a missing
value is an empty cell. Rows are streamed, so even the benchmark scale writes in bounded
memory. Only explicitly known reporting lines appear (as ``manager_person_id``); cc and
attendees are listed with the recipients in ``to_person_ids``.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from ingest.demo.generator import generate
>>> from ingest.demo.scale import Scale
>>> tiny = Scale(name="tiny", companies=10, people=120, interactions=200, deals=5,
...              colleagues=8)
>>> with tempfile.TemporaryDirectory() as folder:
...     written = write_templates(generate(seed=2, scale=tiny), Path(folder))
...     header = written["deals.csv"].read_text(encoding="utf-8").splitlines()[0]
>>> sorted(written)[:3], header.split(",")[:4]
(['companies.csv', 'deal_contacts.csv', 'deals.csv'], ['deal_id', 'name', 'company_id', 'amount'])
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from ingest.demo.dataset import DemoDataset
from ingest.demo.truth.ground_truth import write_ground_truth
from schema.enums import EmploymentRole, ParticipantRole
from schema.model import Interaction

__all__ = ["GROUND_TRUTH_FILE", "TEMPLATE_COLUMNS", "write_templates"]

TEMPLATE_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "companies.csv": (
            "company_id",
            "name",
            "domain",
            "industry",
            "parent_company_id",
            "address",
            "phone",
        ),
        "people.csv": (
            "person_id",
            "full_name",
            "email",
            "phone",
            "company_id",
            "title",
            "department",
            "manager_person_id",
            "is_colleague",
        ),
        "employments.csv": (
            "person_id",
            "company_id",
            "title",
            "department",
            "start_date",
            "end_date",
            "role",
        ),
        "interactions.csv": (
            "interaction_id",
            "kind",
            "occurred_at",
            "from_person_id",
            "to_person_ids",
            "subject",
            "deal_id",
        ),
        "deals.csv": (
            "deal_id",
            "name",
            "company_id",
            "amount",
            "currency",
            "stage",
            "probability",
            "close_date",
            "owner_person_id",
        ),
        "deal_contacts.csv": ("deal_id", "person_id", "role"),
    }
)
"""Each native template's file name and its columns, in order."""

GROUND_TRUTH_FILE = "ground_truth.json"

_SENDERS = (ParticipantRole.FROM, ParticipantRole.ORGANIZER)
_Cell = str | float | date | datetime | bool | None
_Row = tuple[_Cell, ...]


def _cell(value: _Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _source_id(uid: str | None) -> str | None:
    """Return the demo source id inside a uid (``person:demo:p-000001`` -> ``p-000001``)."""
    return None if uid is None else uid.split(":", 2)[2]


def _company_rows(data: DemoDataset) -> Iterator[_Row]:
    parent = {edge.child_uid: edge.parent_uid for edge in data.subsidiaries}
    for c in data.companies:
        yield (
            c.provenance.source_id,
            c.name,
            c.domain,
            c.industry,
            _source_id(parent.get(c.uid)),
            c.address,
            c.phone,
        )


def _people_rows(data: DemoDataset) -> Iterator[_Row]:
    employer: dict[str, str] = {}
    for job in data.employments:
        if job.end is None and job.role is EmploymentRole.EMPLOYEE:
            employer.setdefault(job.person_uid, job.company_uid)
    manager = {
        line.person_uid: line.manager_uid for line in data.reporting_lines if line.valid_to is None
    }
    for p in data.people:
        yield (
            p.provenance.source_id,
            p.full_name,
            p.email,
            p.phone,
            _source_id(employer.get(p.uid)),
            p.title,
            p.department,
            _source_id(manager.get(p.uid)),
            p.is_colleague,
        )


def _employment_rows(data: DemoDataset) -> Iterator[_Row]:
    for job in data.employments:
        yield (
            _source_id(job.person_uid),
            _source_id(job.company_uid),
            job.title,
            job.department,
            job.start,
            job.end,
            job.role.value,
        )


def _interaction_row(item: Interaction) -> _Row:
    sender = next((p.person_uid for p in item.participants if p.role in _SENDERS), None)
    others = ";".join(
        str(_source_id(p.person_uid))
        for p in item.participants
        if p.person_uid != sender or p.role not in _SENDERS
    )
    return (
        item.provenance.source_id,
        item.kind.value,
        item.occurred_at,
        _source_id(sender),
        others,
        item.subject,
        _source_id(item.deal_uid),
    )


def _deal_rows(data: DemoDataset) -> Iterator[_Row]:
    for d in data.deals:
        yield (
            d.provenance.source_id,
            d.name,
            _source_id(d.company_uid),
            d.amount,
            d.currency,
            d.stage.value,
            d.probability,
            d.close_date,
            _source_id(d.owner_uid),
        )


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[_Row]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows([_cell(value) for value in row] for row in rows)
    return path


def write_templates(dataset: DemoDataset, directory: Path) -> dict[str, Path]:
    """Write the six native import templates and ``ground_truth.json`` into ``directory``.

    Parameters
    ----------
    dataset : DemoDataset
        A generated data set.
    directory : pathlib.Path
        Where to write; created if missing. Existing files of the same names are replaced.

    Returns
    -------
    dict of str to pathlib.Path
        Each written file's name and path, in the order written.
    """
    directory.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Iterable[_Row]] = {
        "companies.csv": _company_rows(dataset),
        "people.csv": _people_rows(dataset),
        "employments.csv": _employment_rows(dataset),
        "interactions.csv": map(_interaction_row, dataset.interactions),
        "deals.csv": _deal_rows(dataset),
        "deal_contacts.csv": (
            (_source_id(c.deal_uid), _source_id(c.person_uid), c.role.value)
            for c in dataset.deal_contacts
        ),
    }
    written = {
        name: _write(directory / name, TEMPLATE_COLUMNS[name], rows[name])
        for name in TEMPLATE_COLUMNS
    }
    written[GROUND_TRUTH_FILE] = write_ground_truth(
        dataset.ground_truth, directory / GROUND_TRUTH_FILE
    )
    return written
