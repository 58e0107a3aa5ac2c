"""What a merge preview warns about: facts of the two records that a merge would combine.

- both people work now (employee role, no end date) at different companies;
- both people report now to different managers;
- both people are on the same deal with different roles;
- both companies have a different parent;
- a reporting line or subsidiary link joins the two records (the merge drops it);
- a flag (``is_colleague``, ``is_home``) is true on the merged record only (the survivor's
  value is kept).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graph.commands.merge_links import Link
from schema.enums import RelType
from schema.reading.merges import LinkDirection, MergeKind, MergeWarning, MergeWarningCode

__all__ = ["warnings"]

_OUT = LinkDirection.OUTGOING
_FLAGS = {MergeKind.PERSON: "is_colleague", MergeKind.COMPANY: "is_home"}


def _names(links: list[Link], owner: str, type: RelType, current: str | None) -> set[str]:
    return {
        link.other_name or link.other_key or ""
        for link in links
        if link.owner == owner
        and not link.between
        and link.type == type
        and link.direction is _OUT
        and (current is None or link.values.get(current) is None)
        and (type != RelType.WORKS_AT or link.values.get("role", "employee") == "employee")
    }


def _differ(
    links: list[Link], type: RelType, current: str | None, code: MergeWarningCode, what: str
) -> Iterator[MergeWarning]:
    mine, theirs = (_names(links, owner, type, current) for owner in ("survivor", "merged"))
    if mine and theirs and mine != theirs:
        message = (
            f"Both records have {what}: {', '.join(sorted(mine))} and "
            f"{', '.join(sorted(theirs))}; the survivor will have all of them."
        )
        yield MergeWarning(code=code, message=message)


def _deal_roles(links: list[Link]) -> Iterator[MergeWarning]:
    roles: dict[str, dict[str, set[str]]] = {}
    for link in links:
        if link.type == RelType.INVOLVED_IN:
            on_deal = roles.setdefault(link.other_name or link.other_key or "", {})
            on_deal.setdefault(link.owner, set()).add(str(link.values.get("role")))
    for deal, by_owner in sorted(roles.items()):
        if len(by_owner) == 2 and by_owner["survivor"] != by_owner["merged"]:
            message = (
                f"Both people are on the deal {deal} with different roles "
                f"({', '.join(sorted(by_owner['survivor']))} and "
                f"{', '.join(sorted(by_owner['merged']))}); the survivor will have all of them."
            )
            yield MergeWarning(code=MergeWarningCode.DIFFERENT_DEAL_ROLES, message=message)


def _between(links: list[Link], actions: Mapping[str, str]) -> Iterator[MergeWarning]:
    for link in links:
        if link.owner == "merged" and actions.get(link.id) == "loop":
            message = (
                f"A {link.type} relationship joins the two records; the merge drops it "
                "(unmerge brings it back)."
            )
            yield MergeWarning(code=MergeWarningCode.LINK_BETWEEN_RECORDS, message=message)


def warnings(
    kind: MergeKind,
    records: tuple[Mapping[str, Any], Mapping[str, Any]],
    links: list[Link],
    actions: Mapping[str, str],
) -> tuple[MergeWarning, ...]:
    """The warnings of merging ``records`` (survivor's and merged record's properties)."""
    found = list(_between(links, actions))
    if kind is MergeKind.PERSON:
        code = MergeWarningCode.DIFFERENT_CURRENT_EMPLOYERS
        found += _differ(links, RelType.WORKS_AT, "end", code, "current employers")
        code = MergeWarningCode.DIFFERENT_MANAGERS
        found += _differ(links, RelType.REPORTS_TO, "valid_to", code, "current managers")
        found += _deal_roles(links)
    else:
        code = MergeWarningCode.DIFFERENT_PARENTS
        found += _differ(links, RelType.SUBSIDIARY_OF, None, code, "parent companies")
    flag = _FLAGS[kind]
    if records[1].get(flag) and not records[0].get(flag):
        message = f"The merged record has {flag} set and the survivor not; the survivor's is kept."
        found.append(MergeWarning(code=MergeWarningCode.FLAG_DIFFERS, message=message))
    return tuple(found)
