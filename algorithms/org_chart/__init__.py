"""An organisation's reports-to chart: explicit lines kept, missing lines inferred.

:func:`infer_org_chart` (:mod:`algorithms.org_chart.chart`, where the method is described)
reads the records of :mod:`algorithms.org_chart.types`; it infers each company's missing
lines (:mod:`~algorithms.org_chart.inference`), hangs subsidiaries under their parent
(:mod:`~algorithms.org_chart.group`) and finds the empty seats
(:mod:`~algorithms.org_chart.seats`).
"""

from __future__ import annotations

from algorithms.org_chart.chart import DEFAULT_PARAMETERS, infer_org_chart
from algorithms.org_chart.seats import CHIEF_SEATS
from algorithms.org_chart.types import (
    SENIORITY_LEVELS,
    ChartPosition,
    EmptySeat,
    ManagerLine,
    OrgChart,
    OrgChartParameters,
    department_label,
)

__all__ = [
    "CHIEF_SEATS",
    "DEFAULT_PARAMETERS",
    "SENIORITY_LEVELS",
    "ChartPosition",
    "EmptySeat",
    "ManagerLine",
    "OrgChart",
    "OrgChartParameters",
    "department_label",
    "infer_org_chart",
]
