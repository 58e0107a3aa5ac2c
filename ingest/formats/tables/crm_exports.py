"""HubSpot and Salesforce CSV exports of contacts, companies/accounts and deals/opportunities.

Each file's object is recognised from its header (:mod:`ingest.formats.tables.crm_columns`), and
its rows are turned into template rows: websites into domains, billing parts into one
address, stages of the default pipelines into ours, dates into ISO, Salesforce's 0-100
probability into 0..1. A deal owner is kept only as an email (``owner_email``); a name or
a user id is reported and dropped. Columns the template has no field for are ignored.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder, "opps.csv")
...     _ = path.write_text(
...         "Id,Name,AccountId,StageName,Probability,CloseDate\\n"
...         "006A,Renewal,001A,Negotiation/Review,90,3/31/2024\\n"
...     )
...     [row] = read_salesforce(path, ReadOptions())
>>> row.entity, dict(row.fields)  # doctest: +NORMALIZE_WHITESPACE
(<Entity.DEAL: 'deal'>, {'deal_id': '006A', 'name': 'Renewal', 'company_id': '001A',
    'stage': 'negotiation', 'probability': '0.9', 'close_date': '2024-03-31'})
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.formats.options import ReadOptions
from ingest.formats.tables.crm_columns import (
    ADDRESS_PARTS,
    HUBSPOT,
    MOBILE,
    OWNER,
    SALESFORCE,
    WEBSITE,
    ExportObject,
)
from ingest.formats.tables.csv_rows import CsvRow, CsvTable, header_key, open_csv
from ingest.formats.tables.export_values import (
    domain_of,
    email_in,
    export_date,
    joined_address,
    plain_amount,
    probability_fraction,
    template_stage,
)
from ingest.source_rows import TEMPLATE_FIELDS, Origin, SourceItem, SourceProblem, SourceRow

__all__ = ["read_hubspot", "read_salesforce"]

_Plan = list[tuple[str, str]]
_LIST_SEPARATOR = re.compile(r"\s*[;,]\s*")


def read_hubspot(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read a HubSpot CSV export of contacts, companies or deals.

    Parameters
    ----------
    path
        The export; its object is recognised from the header.
    options
        ``encoding`` and ``max_field_chars`` are used.

    Yields
    ------
    SourceRow | SourceProblem
        A row per record; a problem per record that cannot be read, one (``row_kept``)
        for the first deal owner that is not an email, or one for a header that is no
        HubSpot export.
    """
    return _read_export(path, options, HUBSPOT)


def read_salesforce(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read a Salesforce report or Data Loader CSV export of contacts, accounts or opportunities.

    Parameters
    ----------
    path
        The export; its object is recognised from the header (labels or API names).
    options
        ``encoding`` and ``max_field_chars`` are used.

    Yields
    ------
    SourceRow | SourceProblem
        As for :func:`read_hubspot`.
    """
    return _read_export(path, options, SALESFORCE)


def _read_export(
    path: Path, options: ReadOptions, objects: Sequence[ExportObject]
) -> Iterator[SourceItem]:
    with open_csv(path, options) as table:
        if isinstance(table, SourceProblem):
            yield table
            return
        keys = {header_key(name) for name in table.header}
        found = next((obj for obj in objects if obj.recognises(keys)), None)
        if found is None:
            yield _unrecognised(table, objects)
            return
        plan = _plan(found, table.header)
        owner_reported = False
        for item in table.rows():
            if not isinstance(item, CsvRow):
                yield item
                continue
            for converted in _convert(found, plan, item.values, table.origin(item.line)):
                if isinstance(converted, SourceProblem) and converted.row_kept:
                    if owner_reported:
                        continue  # said once per file: the column holds names throughout
                    owner_reported = True
                yield converted


def _unrecognised(table: CsvTable, objects: Sequence[ExportObject]) -> SourceProblem:
    vendor = objects[0].vendor
    names = ", ".join(obj.name for obj in objects)
    expected = "; ".join(obj.expected for obj in objects)
    reason = f"not a {vendor} export of {names}: expected a header with {expected}"
    return SourceProblem(table.origin(table.header_line), reason)


def _plan(obj: ExportObject, header: Sequence[str]) -> _Plan:
    """``(header name, target)`` for the file's columns, in order of preference."""
    by_key: dict[str, str] = {}
    for name in header:
        by_key.setdefault(header_key(name), name)
    return [(by_key[key], target) for key, target in obj.columns if key in by_key]


def _convert(
    obj: ExportObject, plan: _Plan, values: dict[str, str], origin: Origin
) -> Iterator[SourceItem]:
    found: dict[str, str] = {}
    owners: list[tuple[str, str]] = []
    for name, target in plan:
        value = values.get(name)
        if value is None:
            continue
        if target == OWNER:
            owners.append((name, value))
        else:
            found.setdefault(target, value)
    allowed = TEMPLATE_FIELDS[obj.entity]
    fields = {target: _value(obj, target, value) for target, value in found.items()}
    fields = {target: value for target, value in fields.items() if target in allowed}
    _merge_special(obj, found, fields)
    if owners:
        owner = next((email for _, v in owners if (email := email_in(v))), None)
        if owner is not None:
            fields["owner_email"] = owner
        else:
            name, value = owners[0]
            reason = (
                "the deal owner is not an email address: owners in this column are not "
                "linked (reported once per file)"
            )
            yield SourceProblem(origin, reason, name, value, row_kept=True)
    yield SourceRow(obj.entity, fields, origin)


def _value(obj: ExportObject, target: str, value: str) -> str:
    if target == "stage":
        return template_stage(value)
    if target == "close_date":
        return export_date(value, us_dates=obj.us_dates)
    if target == "probability":
        return probability_fraction(value, percent=obj.percent)
    if target in ("domain", "company_domain"):
        return domain_of(value)
    if target in ("company_id", "parent_company_id"):
        return _LIST_SEPARATOR.split(value, maxsplit=1)[0]
    if target == "amount":
        return plain_amount(value)[0]
    return value


def _merge_special(obj: ExportObject, found: dict[str, str], fields: dict[str, str]) -> None:
    """Fold the ``@`` targets (website, mobile, address parts, amount's currency) in."""
    if WEBSITE in found and "domain" not in fields:
        fields["domain"] = domain_of(found[WEBSITE])
    if MOBILE in found:
        fields.setdefault("phone", found[MOBILE])
        if fields["phone"] != found[MOBILE]:
            fields["alternate_phones"] = found[MOBILE]
    address = joined_address(found.get(part) for part in ADDRESS_PARTS)
    if address is not None:
        fields["address"] = address
    if "amount" in found and "currency" not in fields:
        currency = plain_amount(found["amount"])[1]
        if currency is not None:
            fields["currency"] = currency
