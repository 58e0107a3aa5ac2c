"""Seniority and department from a job title (and a department name), in English and Chinese.

:func:`classify_title` reads a title the way a person skimming an org chart would: rules
tried in order, the first that matches decides. The rules, why their order is the whole
trick, and the decisions worth knowing are in :mod:`schema.titles.rules`.

Abbreviations ("Dir", "Mng Dir", "Sr Mgr", "SVP") are written out first
(:mod:`schema.titles.abbreviations`). The ``department`` argument wins when it names a known
department; else the title's words decide; else OTHER for an unknown department name, None
when nothing is known. Board seats get no department from their title.

Examples
--------
>>> classify_title("Director of Sales")
TitleClass(seniority=<Seniority.DIRECTOR: 'director'>, department=<Department.SALES: 'sales'>)
>>> classify_title("研发部经理").seniority, classify_title("研发部经理").department
(<Seniority.MANAGER: 'manager'>, <Department.ENGINEERING: 'engineering'>)
>>> classify_title("副总裁").seniority, classify_title("总裁").seniority
(<Seniority.VP: 'vp'>, <Seniority.C_LEVEL: 'c_level'>)
>>> classify_title("Assistant to the CEO").seniority
<Seniority.INDIVIDUAL_CONTRIBUTOR: 'individual_contributor'>
>>> classify_title("Account Manager", "客户服务部").department
<Department.CUSTOMER_SUCCESS: 'customer_success'>
>>> classify_title(None)
TitleClass(seniority=<Seniority.UNKNOWN: 'unknown'>, department=None)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from schema.enums import Department, Seniority
from schema.titles.abbreviations import expand_abbreviations
from schema.titles.rules import DEPARTMENT_RULES, SENIORITY_RULES

__all__ = ["TitleClass", "classify_title", "normalise_department"]


@dataclass(frozen=True, slots=True)
class TitleClass:
    """What a title says about a job: its seniority and, when known, its department."""

    seniority: Seniority
    department: Department | None


def _normalised(text: str) -> str:
    """NFKC, case-folded, accents removed, punctuation as single spaces."""
    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    plain = "".join(ch for ch in folded if not "\u0300" <= ch <= "\u036f")
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", plain)).split())


def _department_in(text: str) -> Department | None:
    for pattern, department in DEPARTMENT_RULES:
        if pattern.search(text):
            return department
    return None


def normalise_department(raw: str | None) -> Department | None:
    """The department a department name (English or Chinese) stands for.

    None when ``raw`` is empty; :attr:`Department.OTHER` when it names none of the known ones.

    >>> [normalise_department(d) for d in ("Sales", "销售部", "R&D", "人事", "Facilities & Admin")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [<Department.SALES: 'sales'>, <Department.SALES: 'sales'>,
     <Department.ENGINEERING: 'engineering'>, <Department.HUMAN_RESOURCES: 'human_resources'>,
     <Department.OPERATIONS: 'operations'>]
    >>> normalise_department("Widgets"), normalise_department(" ")
    (<Department.OTHER: 'other'>, None)
    """
    if raw is None:
        return None
    text = _normalised(raw)
    if not text:
        return None
    return _department_in(text) or Department.OTHER


def _seniority(text: str) -> Seniority:
    for pattern, seniority in SENIORITY_RULES:
        if pattern.search(text):
            return seniority
    return Seniority.INDIVIDUAL_CONTRIBUTOR


def classify_title(title: str | None, department: str | None = None) -> TitleClass:
    """The seniority and department a job title (and department name) stand for.

    Parameters
    ----------
    title : str or None
        The job title, in English or Chinese. Empty or None gives ``Seniority.UNKNOWN``.
    department : str or None
        The department the source gives, if any; it wins over the title's words when it
        names a known department.

    Returns
    -------
    TitleClass
        The seniority (the first of the module's rules that matches, else an individual
        contributor) and the department (None when neither text tells it).

    Examples
    --------
    >>> classify_title("销售总监")
    TitleClass(seniority=<Seniority.DIRECTOR: 'director'>, department=<Department.SALES: 'sales'>)
    >>> classify_title("Chairman of the Board").seniority, classify_title("董事").seniority
    (<Seniority.BOARD: 'board'>, <Seniority.BOARD: 'board'>)
    >>> classify_title("Product Manager")
    TitleClass(seniority=<Seniority.INDIVIDUAL_CONTRIBUTOR: 'individual_contributor'>, \
department=<Department.PRODUCT: 'product'>)
    """
    named = normalise_department(department)
    text = expand_abbreviations(_normalised(title or ""))
    if not text:
        return TitleClass(Seniority.UNKNOWN, named)
    seniority = _seniority(text)
    if named is not None and named is not Department.OTHER:
        return TitleClass(seniority, named)
    from_title = None if seniority is Seniority.BOARD else _department_in(text)
    return TitleClass(seniority, from_title or named)
