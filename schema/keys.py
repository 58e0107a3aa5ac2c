"""Normalised keys of names: one spelling per company name and per person name.

Two spellings of one name get the same key, so entity resolution can compare them. Every
function takes raw text (or None) and returns the key, or None when the text is empty.
Emails, domains and phones are keyed in :mod:`schema.identifier_keys`.

Examples
--------
>>> company_name_key("ACME, Inc.") == company_name_key("Acme Incorporated") == "acme"
True
>>> company_name_key("阿里巴巴（中国）有限公司") == company_name_key("阿里巴巴(中国)")
True
>>> company_name_key("Société Générale S.A.")
'societe generale'
>>> person_name_key("Smith, John") == person_name_key("Dr. John SMITH") == "john smith"
True
>>> person_name_key("王 伟")
'王伟'

Company keys drop legal forms at the end, repeatedly ("GmbH & Co. KG" goes entirely), but
never the last word of a name ("The Company" stays "company"). 集团 ("group") is dropped
too, after the legal form: Chinese companies write 华信集团有限公司, 华信集团 and 华信 for one
firm, and the demo's near-duplicates do the same. English "Group" and "Holdings" are kept:
there they usually name a different legal entity (the holding above the operating company).
分公司 (a branch) is kept, so a branch never takes its head office's key.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["company_name_key", "legal_form", "person_name_key"]

_SPACE = re.compile(r"\s+")
# Han ideographs (and their extensions), kana: scripts written without spaces between words.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")
_JOINERS = re.compile(r"[.'\u2019`]")  # dropped inside words: L.L.C. -> llc, O'Brien -> obrien
_NOT_WORD = re.compile(r"[\W_]+")

# Legal forms, as the word sequences they become once dots are dropped and other punctuation
# is a space ("S.A." -> "sa", "A/S" -> "a s"). Longest first, so "pty ltd" goes before "ltd".
_LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(form.split())
            for form in (
                "inc",
                "incorporated",
                "corp",
                "corporation",
                "co",
                "company",
                "cos",
                "llc",
                "pllc",
                "ltd",
                "limited",
                "ltda",
                "plc",
                "llp",
                "lllp",
                "lp",
                "pc",
                "gmbh",
                "ggmbh",
                "mbh",
                "ug",
                "ag",
                "aktiengesellschaft",
                "kg",
                "kgaa",
                "ohg",
                "ev",
                "eg",
                "se",
                "sa",
                "sas",
                "sasu",
                "sarl",
                "eurl",
                "snc",
                "spa",
                "srl",
                "sl",
                "slu",
                "sa de cv",
                "bv",
                "nv",
                "bvba",
                "oy",
                "oyj",
                "ab",
                "as",
                "asa",
                "a s",
                "aps",
                "pty",
                "pty ltd",
                "pte",
                "pte ltd",
                "pvt",
                "pvt ltd",
                "private limited",
                "sdn bhd",
                "bhd",
                "tbk",
                "kk",
                "kabushiki kaisha",
                "gk",
                "yk",
                "sp z oo",
                "zrt",
                "kft",
                "doo",
            )
        ),
        key=len,
        reverse=True,
    )
)
_SHORT_FORMS = {
    "incorporated": "inc",
    "corporation": "corp",
    "company": "co",
    "cos": "co",
    "limited": "ltd",
    "aktiengesellschaft": "ag",
    "kabushiki kaisha": "kk",
    "private limited": "pvt ltd",
    "a s": "as",
}
_CJK_LEGAL_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "公司",
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "集团",
)
_CJK_LEGAL_PREFIXES = ("株式会社", "有限会社", "合同会社", "주식회사")
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "phd", "esq"}
)


def _plain(text: str) -> str:
    """NFKC, case-folded, Latin/Greek/Cyrillic accents removed (kana voicing marks kept)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return unicodedata.normalize("NFC", stripped)


def _words(text: str) -> str:
    """Plain text with punctuation removed: dots and apostrophes join, the rest separates;
    CJK characters are not separated by spaces."""
    spaced = _NOT_WORD.sub(" ", _JOINERS.sub("", _plain(text)))
    return _CJK_GAP.sub("", _SPACE.sub(" ", spaced).strip())


def _company_words(name: str) -> tuple[list[str], list[str]]:
    """A company name's words without legal forms, and the Latin-script legal forms dropped
    (the last one of the name first)."""
    words = _words(name)
    for prefix in _CJK_LEGAL_PREFIXES:
        if words.startswith(prefix) and len(words) > len(prefix):
            words = words[len(prefix) :].strip()
    tokens = words.split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    dropped: list[str] = []
    changed = True
    while changed and tokens:
        changed = False
        last = tokens[-1]
        for suffix in () if last.endswith("分公司") else _CJK_LEGAL_SUFFIXES:
            if last == suffix and len(tokens) > 1:
                del tokens[-1]
            elif last.endswith(suffix) and len(last) > len(suffix):
                tokens[-1] = last[: -len(suffix)]
            else:
                continue
            changed = True
            break
        if changed:
            continue
        for form in _LEGAL_FORMS:
            if len(tokens) > len(form) and tuple(tokens[-len(form) :]) == form:
                del tokens[-len(form) :]
                dropped.append(" ".join(form))
                changed = True
                break
    return tokens, dropped


def company_name_key(name: str | None) -> str | None:
    """The key under which spellings of one company name meet, or None for an empty name.

    Case-folded (NFKC), accents and punctuation removed, legal forms dropped at the end
    (repeatedly; see the module docstring) and a leading "The"; CJK text loses its spaces.

    >>> company_name_key("The Boeing Company"), company_name_key("Huaxin Technology Co., Ltd.")
    ('boeing', 'huaxin technology')
    >>> company_name_key("Müller GmbH & Co. KG"), company_name_key("华信科技集团股份有限公司")
    ('muller', '华信科技')
    >>> company_name_key("ACME A/S"), company_name_key("Inc."), company_name_key(" - ")
    ('acme', 'inc', None)
    """
    if name is None:
        return None
    tokens, _ = _company_words(name)
    return " ".join(tokens) or None


def legal_form(name: str | None) -> str | None:
    """The Latin-script legal form a company name ends with, in its short spelling, or None.

    Spelled-out and dotted forms meet their abbreviation ("Incorporated" and "Inc." are
    ``inc``); of several forms, the last one of the name counts ("GmbH & Co. KG" is ``kg``).
    Chinese and Japanese forms (有限公司, 株式会社) are not reported.

    >>> legal_form("Acme Incorporated"), legal_form("ACME, Inc."), legal_form("Müller GmbH & Co KG")
    ('inc', 'inc', 'kg')
    >>> legal_form("Acme Stores Limited"), legal_form("Acme"), legal_form("华信科技有限公司")
    ('ltd', None, None)
    """
    if name is None:
        return None
    _, dropped = _company_words(name)
    return _SHORT_FORMS.get(dropped[0], dropped[0]) if dropped else None


def person_name_key(name: str | None) -> str | None:
    """The key under which spellings of one person's name meet, or None for an empty name.

    Case-folded (NFKC), accents and punctuation removed, honorifics and degrees dropped
    (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame, PhD, Esq; "Jr" stays: it tells a son from
    his father), the words sorted so that name order does not matter. Chinese (and Japanese)
    names keep their characters, without spaces.

    >>> person_name_key("Prof. José  O'Brien-Núñez"), person_name_key("Mrs. ")
    ('jose nunez obrien', 'mrs')
    >>> person_name_key("WANG Wei") == person_name_key("Wei Wang"), person_name_key("")
    (True, None)
    """
    if name is None:
        return None
    tokens = _words(name).split()
    kept = [t for t in tokens if t not in _HONORIFICS] or tokens
    return " ".join(sorted(kept)) or None
