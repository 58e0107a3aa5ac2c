"""How big a generated demo data set is: the :class:`Scale` and its two presets.

The counts of a scale are exact: a generated data set holds exactly ``companies`` company
records (duplicates included), ``people`` person records (colleagues and duplicates
included), ``deals`` deals and ``interactions`` interactions.

Examples
--------
>>> SMALL.companies, SMALL.people
(300, 3500)
>>> Scale(name="tiny", companies=10, people=120, interactions=300, deals=5, colleagues=8).name
'tiny'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BENCHMARK", "SMALL", "Scale"]

_MIN_COMPANY_STAFF = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale:
    """The size of a demo data set.

    Parameters
    ----------
    name : str
        A label written into the ground truth.
    companies : int
        Company records in total, the home company and planted duplicates included.
    people : int
        Person records in total, colleagues and planted duplicates included.
    interactions : int
        Interaction records in total.
    deals : int
        Deal records in total.
    colleagues : int
        People working at the home company (our own organisation).
    years : int
        Length of the interaction history, ending at the anchor date.
    """

    name: str
    companies: int
    people: int
    interactions: int
    deals: int
    colleagues: int = 60
    years: int = 3

    def __post_init__(self) -> None:
        if self.companies < 4:
            raise ValueError("a demo data set needs at least 4 companies")
        if self.colleagues < 4:
            raise ValueError("a demo data set needs at least 4 colleagues")
        if self.people < self.colleagues + _MIN_COMPANY_STAFF * self.companies:
            raise ValueError(
                f"people must be at least colleagues + {_MIN_COMPANY_STAFF} per company"
            )
        if self.interactions < 1 or self.deals < 0 or self.years < 1:
            raise ValueError("interactions and years must be positive, deals not negative")


SMALL = Scale(
    name="small", companies=300, people=3_500, interactions=35_000, deals=300, colleagues=60
)
"""The default: quick to generate, load and inspect."""

BENCHMARK = Scale(
    name="benchmark",
    companies=5_000,
    people=100_000,
    interactions=1_000_000,
    deals=6_000,
    colleagues=80,
)
"""The size used by the side-by-side benchmarks."""
