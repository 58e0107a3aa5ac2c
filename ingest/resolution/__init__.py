"""Entity resolution: which records are one person or one company.

:mod:`ingest.resolution.similarity` scores pairs (pure); :mod:`ingest.resolution.candidates`
finds the pairs worth scoring in the graph, scores them and stores the likely duplicates.
Only the pure part is re-exported here, so importing it needs no database driver.
"""

from __future__ import annotations

from ingest.resolution.similarity import (
    MIN_SCORE,
    Candidate,
    CompanyFacts,
    Employer,
    PersonFacts,
    company_similarity,
    person_similarity,
    score_companies,
    score_people,
)

__all__ = [
    "MIN_SCORE",
    "Candidate",
    "CompanyFacts",
    "Employer",
    "PersonFacts",
    "company_similarity",
    "person_similarity",
    "score_companies",
    "score_people",
]
