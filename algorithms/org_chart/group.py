"""One chart for a group: each subsidiary's top under its parent company's top (see
:mod:`algorithms.org_chart`)."""

from __future__ import annotations

from collections.abc import Mapping

from algorithms.org_chart.inference import chain_above
from algorithms.org_chart.types import ManagerLine, OrgChartParameters
from schema.enums import LineSource

__all__ = ["ancestors", "group_lines"]


def ancestors(company: str, parents: Mapping[str, str]) -> list[str]:
    """The companies above ``company`` in ``parents``, nearest first (a loop in the
    mapping ends the walk)."""
    found: list[str] = []
    seen = {company}
    current = parents.get(company)
    while current is not None and current not in seen:
        found.append(current)
        seen.add(current)
        current = parents.get(current)
    return found


def group_lines(
    tops: Mapping[str, str],
    lines: dict[str, ManagerLine],
    parents: Mapping[str, str],
    names: Mapping[str, str],
    parameters: OrgChartParameters,
) -> None:
    """Add to ``lines`` an inferred line from each company's top (``tops``: company uid ->
    the top's uid) that has no line yet to the top of the nearest company above it in
    ``parents`` that has people. A top with a line keeps it (an explicit line into the
    parent company wins), and no line is added that would close a cycle."""
    for company in sorted(tops):
        top = tops[company]
        if top in lines:
            continue
        chain = ancestors(company, parents)
        above = next((i for i, c in enumerate(chain) if c in tops), None)
        if above is None:
            continue
        manager = tops[chain[above]]
        if top in chain_above(lines, manager):
            continue
        lines[top] = ManagerLine(
            manager=manager,
            kind=LineSource.INFERRED,
            confidence=parameters.subsidiary_head_confidence,
            reason=_reason(company, chain[: above + 1], names),
        )


def _reason(company: str, chain: list[str], names: Mapping[str, str]) -> str:
    """Why a subsidiary's top reports to the top of ``chain[-1]`` (``chain[0]`` is the
    parent; the companies between have no people)."""

    def name(uid: str) -> str:
        return names.get(uid) or uid

    head = f"heads {name(company)}, a subsidiary of {name(chain[0])}"
    if len(chain) == 1:
        return f"{head}; reports to its top by the group structure"
    return (
        f"{head}, which has no people on record; reports to the top of "
        f"{name(chain[-1])}, next up the group structure"
    )
