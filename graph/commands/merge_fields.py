"""The survivor's properties after a merge, and their undo.

The rule, field by field: the survivor's non-empty value wins; the merged record fills the
survivor's empty ones (empty: null, ``""``, an empty list, and a person's ``unknown``
seniority). ``Person.email`` is unique to its node and the merged node keeps its own, so the
merged person's email (and alternate emails) go to the survivor's ``alternate_emails``.

Undoing is three-way: a field the merge changed goes back to its value before the merge only
if it still has the value the merge gave it (a later update wins); the emails the merge added
to ``alternate_emails`` are taken out again, leaving any added since.

>>> s = {"full_name": "Ann Lee", "email": "ann@acme.com", "title": None, "seniority": "unknown"}
>>> m = {"full_name": "Ann  Lee", "email": "ann.lee@acme.com", "title": "CFO", "seniority": "vp"}
>>> [(f.field, f.result) for f in resolve(MergeKind.PERSON, s, m) if f.changed]
[('title', 'CFO'), ('seniority', 'vp'), ('alternate_emails', ('ann.lee@acme.com',))]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from schema.reading.merges import FieldChange, FieldValue, MergeKind

__all__ = ["FIELDS", "changes", "resolve", "restoring"]

FIELDS: Mapping[MergeKind, tuple[str, ...]] = {
    MergeKind.PERSON: (
        "full_name",
        "email",
        "phone",
        "title",
        "department",
        "seniority",
        "is_colleague",
        "alternate_emails",
    ),
    MergeKind.COMPANY: ("name", "domain", "industry", "address", "phone", "is_home"),
}
_ALTERNATES = "alternate_emails"
Props = Mapping[str, Any]


def _value(props: Props, field: str) -> FieldValue:
    value = props.get(field)
    return tuple(value) if isinstance(value, list) else value


def _empty(field: str, value: FieldValue) -> bool:
    return value in (None, "", ()) or (field == "seniority" and value == "unknown")


def _alternates(survivor: Props, merged: Props) -> FieldValue:
    own = survivor.get("email")
    found = [
        *(survivor.get(_ALTERNATES) or ()),
        merged.get("email"),
        *(merged.get(_ALTERNATES) or ()),
    ]
    unique = tuple(dict.fromkeys(e for e in found if e and e != own))
    return unique or _value(survivor, _ALTERNATES)


def _result(field: str, survivor: Props, merged: Props) -> FieldValue:
    if field == _ALTERNATES:
        return _alternates(survivor, merged)
    mine, theirs = _value(survivor, field), _value(merged, field)
    if field == "email" or not _empty(field, mine) or _empty(field, theirs):
        return mine
    return theirs


def resolve(kind: MergeKind, survivor: Props, merged: Props) -> tuple[FieldChange, ...]:
    """Each field of ``kind``: both records' values and the survivor's after the merge."""
    return tuple(
        FieldChange(
            field=field,
            survivor=_value(survivor, field),
            merged=_value(merged, field),
            result=_result(field, survivor, merged),
        )
        for field in FIELDS[kind]
    )


def _plain(value: FieldValue) -> Any:
    return list(value) if isinstance(value, tuple) else value


def changes(fields: Sequence[FieldChange]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The properties to set on the survivor, and the record of their values before and
    after (what :func:`restoring` needs)."""
    changed = [f for f in fields if f.changed]
    props = {f.field: _plain(f.result) for f in changed}
    record = {f.field: {"before": _plain(f.survivor), "after": _plain(f.result)} for f in changed}
    return props, record


def restoring(record: Mapping[str, Mapping[str, Any]], current: Props) -> dict[str, Any]:
    """The properties that undo a merge's changes on the survivor as it is now (null
    removes a property)."""
    restore: dict[str, Any] = {}
    for field, change in record.items():
        before, after = change["before"], change["after"]
        if field == _ALTERNATES:
            added = [e for e in after or () if e not in (before or ())]
            kept = [e for e in current.get(field) or () if e not in added]
            restore[field] = kept if kept else before
        elif _plain(_value(current, field)) == after:
            restore[field] = before
    return restore
