"""From a source row to the writes it asks for, or to every reason it cannot be used.

Examples
--------
>>> from ingest.source_rows import Entity, Origin, SourceRow
>>> row = SourceRow(Entity.COMPANY, {"company_id": "c1", "name": "Acme Ltd"}, Origin("c.csv", 2))
>>> built = build_row(row, BuildContext(source="csv"))
>>> [(w.kind.value, w.row["uid"]) for w in built.writes]
[('company', 'company:csv:c1')]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from ingest.source_rows import Entity, Origin, SourceRow
from ingest.validation.companies import build_company
from ingest.validation.context import BuildContext, Built, RowRejected, Write
from ingest.validation.deals import build_deal, build_deal_contact
from ingest.validation.interactions import build_interaction
from ingest.validation.people import build_employment, build_person

__all__ = ["BuildContext", "Built", "RowRejected", "Write", "build_row"]

_BUILDERS: Mapping[Entity, Callable[[Mapping[str, str], Origin, BuildContext], Built]] = (
    MappingProxyType(
        {
            Entity.COMPANY: build_company,
            Entity.PERSON: build_person,
            Entity.EMPLOYMENT: build_employment,
            Entity.DEAL: build_deal,
            Entity.DEAL_CONTACT: build_deal_contact,
            Entity.INTERACTION: build_interaction,
        }
    )
)


def build_row(row: SourceRow, ctx: BuildContext) -> Built:
    """The writes ``row`` asks for; raises :class:`RowRejected` with every problem."""
    fields = {k: value for k, v in row.fields.items() if v is not None and (value := v.strip())}
    return _BUILDERS[row.entity](fields, row.origin, ctx)
