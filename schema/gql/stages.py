"""A deal's stage history as a GraphQL type: one entry per move, oldest first."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema import model
from schema.gql.enums import DealStage

__all__ = ["DealStageChange"]


@strawberry.type(description="A deal entering a pipeline stage, and when.")
class DealStageChange:
    stage: DealStage
    from_stage: DealStage | None = strawberry.field(
        description="The stage it left; null for the first known stage."
    )
    changed_at: datetime

    @classmethod
    def from_model(cls, change: model.StageChange) -> DealStageChange:
        return cls(stage=change.stage, from_stage=change.from_stage, changed_at=change.changed_at)
