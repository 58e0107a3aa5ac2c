"""What each entity exposes to filters and ordering: labels, properties and relations.

These tables are the only source of identifiers in generated Cypher; values are always
parameters. ``$n``, ``$m`` and ``$r`` in relation patterns stand for the outer node, the
related node and the relationship; the compiler substitutes fixed variable names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from schema.fields import (
    CompanyField,
    CompanyRelation,
    ContactField,
    DealField,
    DealRelation,
    EmploymentField,
    InteractionField,
    InteractionRelation,
    PersonField,
    PersonRelation,
)

__all__ = ["COMPANY", "DEAL", "INTERACTION", "PERSON", "EntitySpec", "RelationSpec"]


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """A related entity reachable from the outer node, and the edge's filterable fields."""

    pattern: str
    target: str  # name of the target EntitySpec, resolved lazily (specs refer to each other)
    edge_fields: Mapping[StrEnum, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """An entity's label, its property per field, and the relations filters may follow."""

    label: str
    fields: Mapping[StrEnum, str]
    relations: Mapping[StrEnum, RelationSpec]


def _same_names(fields: type[StrEnum]) -> Mapping[StrEnum, str]:
    return MappingProxyType({f: f.value for f in fields})


_EMPLOYMENT = _same_names(EmploymentField)

COMPANY = EntitySpec(
    label="Company",
    fields=_same_names(CompanyField),
    relations=MappingProxyType(
        {
            CompanyRelation.PARENT: RelationSpec("($n)-[:SUBSIDIARY_OF]->($m:Company)", "COMPANY"),
            CompanyRelation.CURRENT_PEOPLE: RelationSpec(
                "($m:Person)-[$r:WORKS_AT]->($n) WHERE $r.end IS NULL", "PERSON", _EMPLOYMENT
            ),
            CompanyRelation.DEALS: RelationSpec("($m:Deal)-[:FOR]->($n)", "DEAL"),
        }
    ),
)

PERSON = EntitySpec(
    label="Person",
    fields=_same_names(PersonField),
    relations=MappingProxyType(
        {
            PersonRelation.CURRENT_COMPANY: RelationSpec(
                "($n)-[$r:WORKS_AT]->($m:Company) WHERE $r.end IS NULL", "COMPANY", _EMPLOYMENT
            ),
            PersonRelation.PAST_COMPANY: RelationSpec(
                "($n)-[$r:WORKS_AT]->($m:Company) WHERE $r.end IS NOT NULL", "COMPANY", _EMPLOYMENT
            ),
            PersonRelation.ANY_COMPANY: RelationSpec(
                "($n)-[$r:WORKS_AT]->($m:Company)", "COMPANY", _EMPLOYMENT
            ),
            PersonRelation.DEALS: RelationSpec(
                "($n)-[$r:INVOLVED_IN]->($m:Deal)", "DEAL", _same_names(ContactField)
            ),
        }
    ),
)

DEAL = EntitySpec(
    label="Deal",
    fields=_same_names(DealField),
    relations=MappingProxyType(
        {
            DealRelation.COMPANY: RelationSpec("($n)-[:FOR]->($m:Company)", "COMPANY"),
            DealRelation.OWNER: RelationSpec("($m:Person)-[:OWNS]->($n)", "PERSON"),
            DealRelation.CONTACTS: RelationSpec(
                "($m:Person)-[$r:INVOLVED_IN]->($n)", "PERSON", _same_names(ContactField)
            ),
        }
    ),
)

INTERACTION = EntitySpec(
    label="Interaction",
    fields=_same_names(InteractionField),
    relations=MappingProxyType(
        {
            InteractionRelation.PARTICIPANT: RelationSpec(
                "($m:Person)-[$r:PARTICIPATED_IN]->($n)", "PERSON"
            ),
            InteractionRelation.COMPANY: RelationSpec(
                "($m:Company)<-[:WORKS_AT]-(:Person)-[:PARTICIPATED_IN]->($n)", "COMPANY"
            ),
            InteractionRelation.DEAL: RelationSpec("($n)-[:ABOUT]->($m:Deal)", "DEAL"),
        }
    ),
)

SPECS: Mapping[str, EntitySpec] = MappingProxyType(
    {"COMPANY": COMPANY, "PERSON": PERSON, "DEAL": DEAL, "INTERACTION": INTERACTION}
)
