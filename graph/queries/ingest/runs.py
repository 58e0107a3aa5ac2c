"""The record of each import run: what it read and what it did, and whether it finished."""

from __future__ import annotations

from typing import LiteralString

__all__ = ["FINISH_RUN", "START_RUN"]

START_RUN: LiteralString = """
CREATE (r:ImportRun {id: $id})
SET r.started_at = datetime(), r.status = 'running', r.source = $source,
    r.format = $format, r.files = $files
"""

FINISH_RUN: LiteralString = """
MATCH (r:ImportRun {id: $id})
SET r.finished_at = datetime(), r.status = $status, r.summary = $summary
"""
