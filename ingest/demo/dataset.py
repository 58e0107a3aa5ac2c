"""The generated demo data set: model records plus the ground truth behind them."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.demo.truth.ground_truth import GroundTruth
from schema.model import (
    AccountOwnership,
    Company,
    Deal,
    DealContact,
    Employment,
    Interaction,
    Person,
    ReportingLine,
    Subsidiary,
)

__all__ = ["DemoDataset"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoDataset:
    """Everything :func:`ingest.demo.generate` produces.

    ``reporting_lines`` holds only the explicitly known lines a CRM would have; the full
    true hierarchy is in ``ground_truth.true_reports_to``.
    """

    companies: tuple[Company, ...]
    people: tuple[Person, ...]
    employments: tuple[Employment, ...]
    reporting_lines: tuple[ReportingLine, ...]
    subsidiaries: tuple[Subsidiary, ...]
    account_ownerships: tuple[AccountOwnership, ...]
    deals: tuple[Deal, ...]
    deal_contacts: tuple[DealContact, ...]
    interactions: tuple[Interaction, ...]
    ground_truth: GroundTruth

    def counts(self) -> dict[str, int]:
        """Return the number of records of each kind, in a fixed order."""
        return {
            "companies": len(self.companies),
            "people": len(self.people),
            "employments": len(self.employments),
            "reporting_lines": len(self.reporting_lines),
            "subsidiaries": len(self.subsidiaries),
            "account_ownerships": len(self.account_ownerships),
            "deals": len(self.deals),
            "deal_contacts": len(self.deal_contacts),
            "interactions": len(self.interactions),
        }
