"""Usage errors of the source readers: the input cannot be read at all, so no row is.

A bad row is never an exception: readers yield a
:class:`~ingest.source_rows.SourceProblem` for it and go on. These exceptions are for
mistakes the user must fix before anything can be read::

    schema.errors.CrmGraphError
    └── FormatError           a source cannot be read as asked (an unknown encoding, ...)
        └── MappingError      a mapping file is unusable (unknown entity or field, missing column)

Examples
--------
>>> issubclass(MappingError, FormatError)
True
"""

from __future__ import annotations

from schema.errors import CrmGraphError

__all__ = ["FormatError", "MappingError"]


class FormatError(CrmGraphError):
    """A source cannot be read as asked; the message says what to change."""


class MappingError(FormatError):
    """A mapping file for ``mapped`` CSV is unusable; the message names the culprit."""
