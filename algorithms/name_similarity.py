"""How similar two normalised names are, with the standard library only.

The measure starts from the Indel similarity of the names' sorted words,
``2 * LCS / (len(a) + len(b))`` where LCS is the length of the longest common subsequence of
characters: rapidfuzz's ``fuzz.token_sort_ratio / 100``, the measure the import's duplicate
scoring uses (``ingest/resolution/similarity.py``); algorithms/ may not import rapidfuzz,
hence this stdlib version, computed bit-parallel (Allison-Dix / Hyyrö: one big-integer step
per character of the second name).

Two adjustments, both for company names:

* Names of several words are capped by their weakest word: every word of each name must
  have a close counterpart in the other (the best Indel similarity of that word against the
  other name's words). "Juniper Works" and "Juniper Networks" are 90% alike letter by
  letter, but "works" matches nothing better than 77%.
* A name in Chinese characters that is the other with at most ``max_prefix`` leading
  characters added (a region: 北京华信科技 and 华信科技) counts as ``prefix_similarity``,
  when the shorter one has at least 4 characters.
"""

from __future__ import annotations

import re

__all__ = ["name_similarity"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MIN_HAN_KEY = 4


def _sorted_words(name: str) -> str:
    return " ".join(sorted(name.split()))


def _lcs_length(a: str, b: str) -> int:
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for ch in b:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - v.bit_count()


def _indel(a: str, b: str) -> float:
    return 2.0 * _lcs_length(a, b) / (len(a) + len(b))


def _weakest_word(a: str, b: str) -> float:
    left, right = a.split(), b.split()
    if len(left) < 2 and len(right) < 2:
        return 1.0
    return min(
        min(max(_indel(word, other) for other in theirs) for word in ours)
        for ours, theirs in ((left, right), (right, left))
    )


def _han_prefix(a: str, b: str, max_prefix: int) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short) >= _MIN_HAN_KEY
        and 0 < len(long) - len(short) <= max_prefix
        and long.endswith(short)
        and bool(_HAN.search(short))
        and " " not in long
    )


def name_similarity(
    a: str, b: str, *, max_prefix: int = 3, prefix_similarity: float = 0.95, cutoff: float = 0.0
) -> float:
    """Return the similarity (0..1) of two normalised names, word order ignored, capped by
    the weakest word match.

    Parameters
    ----------
    a, b : str
        Names, already normalised (lower case, no punctuation or legal forms), such as
        ``schema.keys.company_name_key`` gives them.
    max_prefix : int, optional
        How many leading characters a Chinese name may have in addition to the other one
        and still count as ``prefix_similarity``.
    prefix_similarity : float, optional
        The similarity of such a pair (when the Indel similarity is lower).
    cutoff : float, optional
        A caller that ignores scores at or below this saves the word-by-word cap when the
        names as a whole score no more (the score returned is then not capped).

    Returns
    -------
    float
        1.0 for names with the same words, 0.0 when either is empty.

    Raises
    ------
    ValueError
        If ``prefix_similarity`` is outside 0..1 or ``max_prefix`` is negative.

    Examples
    --------
    >>> name_similarity("acme systems", "systems acme")
    1.0
    >>> name_similarity("acme", "acem")  # LCS "ace": 2 * 3 / 8
    0.75
    >>> name_similarity("kitten", "sitting")  # LCS "ittn": 2 * 4 / 13
    0.6153846153846154
    >>> round(name_similarity("juniper works", "juniper networks"), 3)  # works / networks
    0.769
    >>> name_similarity("北京华信科技", "华信科技")
    0.95
    >>> name_similarity("", "acme")
    0.0
    """
    if not 0.0 <= prefix_similarity <= 1.0 or max_prefix < 0:
        raise ValueError("prefix_similarity must be within 0..1 and max_prefix not negative")
    if not a or not b:
        return 0.0
    x, y = _sorted_words(a), _sorted_words(b)
    if x == y:
        return 1.0
    indel = _indel(x, y)
    if indel > cutoff:
        indel = min(indel, _weakest_word(x, y))
    if _han_prefix(x, y, max_prefix):
        return max(indel, prefix_similarity)
    return indel
