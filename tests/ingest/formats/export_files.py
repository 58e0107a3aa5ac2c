"""Export files as CRMs write them: CSV lines ending in CRLF, UTF-8."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_export"]


def write_export(folder: Path, name: str, *lines: str) -> Path:
    """Write ``lines`` to ``folder/name``, each ending in CRLF; return the path."""
    path = folder / name
    path.write_bytes("".join(line + "\r\n" for line in lines).encode())
    return path
