"""Property maps as plain, typed entries and back, exactly, in Cypher.

A merge record keeps relationship and node properties as JSON, which cannot hold Neo4j's
temporal values; the driver's Python types cannot tell an offset (``Z``) from a zone
(``[UTC]``) either, so the round trip is done by the server itself. :func:`encoded` turns a
node's or relationship's properties into ``[{key, type, value}]``: ``type`` is
``valueType()`` (``'DATE NOT NULL'``, ``'LIST<STRING NOT NULL> NOT NULL'``...) and a temporal
``value`` is its ``toString()`` (nanoseconds, offset and zone id included).
:data:`DECODED` is the value of such an entry ``e`` again: ``datetime(toString(x)) = x`` for
every temporal type, and strings, numbers and booleans travel as they are.

Points and byte arrays are not encoded (no record of the model has any).
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["DECODED", "encoded"]

_TEMPORAL: LiteralString = (
    "['DATE NOT NULL', 'ZONED DATETIME NOT NULL', 'LOCAL DATETIME NOT NULL', "
    "'ZONED TIME NOT NULL', 'LOCAL TIME NOT NULL', 'DURATION NOT NULL']"
)
_TEMPORAL_LISTS: LiteralString = (
    "['LIST<DATE NOT NULL> NOT NULL', 'LIST<ZONED DATETIME NOT NULL> NOT NULL', "
    "'LIST<LOCAL DATETIME NOT NULL> NOT NULL', 'LIST<ZONED TIME NOT NULL> NOT NULL', "
    "'LIST<LOCAL TIME NOT NULL> NOT NULL', 'LIST<DURATION NOT NULL> NOT NULL']"
)


def encoded(var: LiteralString) -> LiteralString:
    """The expression of the entries of the properties of ``var`` (a node or relationship)."""
    value = var + "[k]"
    return (
        "[k IN keys(" + var + ") | {key: k, type: valueType(" + value + "), value: CASE "
        "WHEN valueType(" + value + ") IN " + _TEMPORAL + " THEN toString(" + value + ") "
        "WHEN valueType(" + value + ") IN " + _TEMPORAL_LISTS + " "
        "THEN [x IN " + value + " | toString(x)] "
        "ELSE " + value + " END}]"
    )


DECODED: LiteralString = """CASE e.type
  WHEN 'DATE NOT NULL' THEN date(e.value)
  WHEN 'ZONED DATETIME NOT NULL' THEN datetime(e.value)
  WHEN 'LOCAL DATETIME NOT NULL' THEN localdatetime(e.value)
  WHEN 'ZONED TIME NOT NULL' THEN time(e.value)
  WHEN 'LOCAL TIME NOT NULL' THEN localtime(e.value)
  WHEN 'DURATION NOT NULL' THEN duration(e.value)
  WHEN 'LIST<DATE NOT NULL> NOT NULL' THEN [x IN e.value | date(x)]
  WHEN 'LIST<ZONED DATETIME NOT NULL> NOT NULL' THEN [x IN e.value | datetime(x)]
  WHEN 'LIST<LOCAL DATETIME NOT NULL> NOT NULL' THEN [x IN e.value | localdatetime(x)]
  WHEN 'LIST<ZONED TIME NOT NULL> NOT NULL' THEN [x IN e.value | time(x)]
  WHEN 'LIST<LOCAL TIME NOT NULL> NOT NULL' THEN [x IN e.value | localtime(x)]
  WHEN 'LIST<DURATION NOT NULL> NOT NULL' THEN [x IN e.value | duration(x)]
  ELSE e.value
END"""
