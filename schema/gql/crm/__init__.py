"""The CRM node types and their relationships as first-class fields.

Every type implements Relay's ``Node`` (opaque global ``id``) and exposes its ``source`` and
``sourceId``. Nested fields go through the request's DataLoaders, so a page of N items costs
a constant number of queries.

One module per aggregate: ``people`` (with jobs and reporting lines), ``deals`` (with their
contacts), ``interactions`` (with their participants) and ``companies``, each importing the
ones before it; a type that points back to a later one does so through ``strawberry.lazy``.
"""

from schema.gql.crm.companies import Company
from schema.gql.crm.deals import Deal, DealContact
from schema.gql.crm.interactions import Interaction, Participant
from schema.gql.crm.people import Employment, EmploymentStatus, Person, ReportingLine

__all__ = [
    "Company",
    "Deal",
    "DealContact",
    "Employment",
    "EmploymentStatus",
    "Interaction",
    "Participant",
    "Person",
    "ReportingLine",
]
