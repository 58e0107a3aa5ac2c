"""Seeded, realistic demo CRM data with known ground truth.

:func:`generate` builds a :class:`DemoDataset` of model records (companies, people,
employments, explicit reporting lines, subsidiaries, account ownerships, deals, buying
committees, interactions) and the :class:`GroundTruth` that later algorithms are scored
against; :func:`write_templates` writes it as the native CSV import templates plus
``ground_truth.json``. The generator does no I/O of its own and never reads the clock.

Examples
--------
>>> tiny = Scale(name="tiny", companies=10, people=120, interactions=250, deals=5,
...              colleagues=8)
>>> generate(seed=5, scale=tiny) == generate(seed=5, scale=tiny)
True
"""

from __future__ import annotations

from ingest.demo.dataset import DemoDataset
from ingest.demo.generator import generate
from ingest.demo.scale import BENCHMARK, SMALL, Scale
from ingest.demo.templates import GROUND_TRUTH_FILE, TEMPLATE_COLUMNS, write_templates
from ingest.demo.timeline import ANCHOR
from ingest.demo.truth.ground_truth import (
    DuplicatePair,
    GroundTruth,
    HiddenLink,
    HiddenLinkKind,
    PlantedIntroduction,
    TieStrength,
    ground_truth_from_json,
    ground_truth_to_json,
    read_ground_truth,
    write_ground_truth,
)

__all__ = [
    "ANCHOR",
    "BENCHMARK",
    "GROUND_TRUTH_FILE",
    "SMALL",
    "TEMPLATE_COLUMNS",
    "DemoDataset",
    "DuplicatePair",
    "GroundTruth",
    "HiddenLink",
    "HiddenLinkKind",
    "PlantedIntroduction",
    "Scale",
    "TieStrength",
    "generate",
    "ground_truth_from_json",
    "ground_truth_to_json",
    "read_ground_truth",
    "write_ground_truth",
    "write_templates",
]
