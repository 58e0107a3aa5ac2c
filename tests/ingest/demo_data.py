"""The demo data set the generator's tests read: a small scale and one seeded data set."""

from __future__ import annotations

from ingest.demo import DemoDataset, Scale, generate

__all__ = ["TEST_SCALE", "seeded_dataset"]

TEST_SCALE = Scale(
    name="test", companies=80, people=1_200, interactions=10_000, deals=80, colleagues=24
)


def seeded_dataset() -> DemoDataset:
    """The data set most of the generator's tests read: seed 11 at :data:`TEST_SCALE`."""
    return generate(seed=11, scale=TEST_SCALE)
