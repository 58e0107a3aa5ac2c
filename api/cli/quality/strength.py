"""Relationship strength: derived KNOWS strengths against the generator's latent ties."""

from __future__ import annotations

from algorithms.evaluation import spearman
from api.cli.quality.base import QualityFigure
from graph.driver import GraphClient
from graph.reading.activity import KnowsStrengthReader
from ingest.demo import GroundTruth

__all__ = ["score_strength"]

AREA = "relationship strength"


async def score_strength(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    """Spearman correlation of every derived KNOWS strength with the latent tie strength of
    the same pair (pairs present in both)."""
    derived = await KnowsStrengthReader(client).strengths()
    latent = {(t.person_a, t.person_b): t.strength for t in truth.tie_strengths}
    shared = derived.keys() & latent.keys()
    rho = spearman(derived, latent)
    return [
        QualityFigure(
            area=AREA,
            name="Spearman: KNOWS strength vs latent tie strength",
            value=rho,
            detail=f"{len(shared):,} pairs in both ({len(latent):,} latent ties)",
        )
    ]
