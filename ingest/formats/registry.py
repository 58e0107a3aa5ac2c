"""Every source format ``relgraph ingest`` reads: its reader, its files and its default
source name.

Examples
--------
>>> Format("vcard").default_source
'vcard'
>>> Format.NATIVE.extensions
('.csv', '.jsonl', '.ndjson')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path

from ingest.formats.ical.reader import read_icalendar
from ingest.formats.mail.reader import read_mail
from ingest.formats.options import ReadOptions
from ingest.formats.tables.crm_exports import read_hubspot, read_salesforce
from ingest.formats.tables.linkedin import read_linkedin
from ingest.formats.tables.mapped import read_mapped
from ingest.formats.tables.native import native_files, read_native
from ingest.formats.vcard import read_vcard
from ingest.source_rows import SourceItem

__all__ = ["Format", "expand_paths", "read"]

Reader = Callable[[Path, ReadOptions], Iterator[SourceItem]]


class Format(StrEnum):
    """The formats of ``relgraph ingest FORMAT``."""

    NATIVE = "native"
    HUBSPOT = "hubspot"
    SALESFORCE = "salesforce"
    MAPPED = "mapped"
    VCARD = "vcard"
    ICS = "ics"
    EMAIL = "email"
    LINKEDIN = "linkedin"

    @property
    def default_source(self) -> str:
        """The source name ids are scoped by unless ``--source`` says otherwise."""
        return self.value

    @property
    def extensions(self) -> tuple[str, ...]:
        """File name endings this format reads from a folder."""
        return _EXTENSIONS[self]

    @property
    def names_are_hints(self) -> bool:
        """Display names in mail and calendars never rename anyone already known."""
        return self in (Format.EMAIL, Format.ICS)


_EXTENSIONS = {
    Format.NATIVE: (".csv", ".jsonl", ".ndjson"),
    Format.HUBSPOT: (".csv",),
    Format.SALESFORCE: (".csv",),
    Format.MAPPED: (".csv",),
    Format.VCARD: (".vcf", ".vcard"),
    Format.ICS: (".ics",),
    Format.EMAIL: (".mbox", ".eml"),
    Format.LINKEDIN: (".csv",),
}

_READERS: dict[Format, Reader] = {
    Format.NATIVE: read_native,
    Format.HUBSPOT: read_hubspot,
    Format.SALESFORCE: read_salesforce,
    Format.MAPPED: read_mapped,
    Format.VCARD: read_vcard,
    Format.ICS: read_icalendar,
    Format.EMAIL: read_mail,
    Format.LINKEDIN: read_linkedin,
}


def expand_paths(fmt: Format, paths: Sequence[Path]) -> list[Path]:
    """The files to read, in order: folders give their files of this format (native
    templates in dependency order; a mail folder is read as one source of ``.eml``)."""
    if fmt is Format.NATIVE:
        return native_files(paths)
    files: list[Path] = []
    for path in paths:
        if path.is_dir() and fmt is not Format.EMAIL:
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in fmt.extensions))
        else:
            files.append(path)
    return files


def read(fmt: Format, path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """The rows and problems of one file (or mail folder)."""
    return _READERS[fmt](path, options)
