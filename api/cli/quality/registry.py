"""Every area's scorer, in the order the quality table prints them."""

from __future__ import annotations

from api.cli.quality.base import Scorer
from api.cli.quality.links import score_links
from api.cli.quality.orgchart import score_org_chart
from api.cli.quality.paths import score_paths
from api.cli.quality.strength import score_strength

__all__ = ["SCORERS"]

SCORERS: tuple[Scorer, ...] = (score_strength, score_paths, score_org_chart, score_links)
