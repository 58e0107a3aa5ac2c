"""The probe whose transaction's bookmark is the graph change marker."""

from __future__ import annotations

from typing import LiteralString

__all__ = ["MARKER_PROBE"]

# A read that touches no data: only its transaction's bookmark is wanted.
MARKER_PROBE: LiteralString = "RETURN 1 AS probe"
