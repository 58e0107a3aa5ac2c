"""Abbreviations of job titles, written out before the title rules read them.

People write titles the short way: "Dir Trading", "Mng Dir", "Sr Mgr", "SVP Sales", "Asst
to the Pres". :func:`expand_abbreviations` replaces each abbreviation (a whole word of the
normalised title: case-folded, punctuation as single spaces) by the words the rules of
:mod:`schema.titles.rules` know, so "Dir Trading" reads as a director and "Mng Dir Trading" as
a managing director, not as individual contributors. The table is the whole module: add a
row to teach it a new one.

>>> expand_abbreviations("mng dir trading")
'managing director trading'
>>> expand_abbreviations("sr mgr ops")
'senior manager operations'
>>> expand_abbreviations("director")
'director'
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "expand_abbreviations"]

# (abbreviation as it appears once normalised, what it stands for); longer phrases first, as
# they are tried in this order and each word is replaced once.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    # Several words
    ("mng dir", "managing director"),
    ("mg dir", "managing director"),
    ("man dir", "managing director"),
    ("mang dir", "managing director"),
    ("mgn dir", "managing director"),
    ("exec dir", "executive director"),
    ("asst dir", "assistant director"),
    ("assoc dir", "associate director"),
    ("gen mgr", "general manager"),
    ("gen man", "general manager"),
    ("biz dev", "business development"),
    # One word
    ("md", "managing director"),
    ("gm", "general manager"),
    ("svp", "senior vice president"),
    ("evp", "executive vice president"),
    ("avp", "assistant vice president"),
    ("gvp", "group vice president"),
    ("rvp", "regional vice president"),
    ("dir", "director"),
    ("dirs", "directors"),
    ("mgr", "manager"),
    ("mngr", "manager"),
    ("mgrs", "managers"),
    ("sr", "senior"),
    ("snr", "senior"),
    ("jr", "junior"),
    ("jnr", "junior"),
    ("asst", "assistant"),
    ("assoc", "associate"),
    ("pres", "president"),
    ("chmn", "chairman"),
    ("chrmn", "chairman"),
    ("chm", "chairman"),
    ("exec", "executive"),
    ("supv", "supervisor"),
    ("supvr", "supervisor"),
    ("coord", "coordinator"),
    ("rep", "representative"),
    ("reps", "representatives"),
    ("spec", "specialist"),
    ("engr", "engineer"),
    ("eng", "engineering"),
    ("mktg", "marketing"),
    ("mkt", "marketing"),
    ("ops", "operations"),
    ("dept", "department"),
    ("intl", "international"),
    ("natl", "national"),
    ("acctg", "accounting"),
    ("hd", "head"),
)

_PATTERN = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(re.escape(short).replace(r"\ ", r"\s+") for short, _ in ABBREVIATIONS)
    + r")(?![a-z0-9])"
)
_MEANING = {" ".join(short.split()): long for short, long in ABBREVIATIONS}


def expand_abbreviations(text: str) -> str:
    """``text`` (a normalised title) with every abbreviation of :data:`ABBREVIATIONS`
    written out."""
    return _PATTERN.sub(lambda m: _MEANING[" ".join(m.group(0).split())], text)
