"""The GraphQL documents the benchmarks send, and what an answer tells them.

Each document asks for one ``id`` per record a benchmark counts (the companies, people and
deals of a page; the hits of a search; the people of an org chart ...), so the number of
objects with an ``id`` in an answer is the number of records it brought back, comparable
with what the plain Cypher side fetched.

Examples
--------
>>> answer = read_answer(200, {"data": {"person": {"id": "p", "employments": [
...     {"company": {"id": "c"}}, {"company": None}]}}}, "person")
>>> answer.error, answer.present, answer.items
(None, True, 2)
>>> read_answer(200, {"data": None, "errors": [{"message": "too costly",
...     "extensions": {"code": "QUERY_TOO_COSTLY"}}]}, "person").error
'QUERY_TOO_COSTLY'
>>> read_answer(401, {"errors": [{"message": "no key", "extensions": {"code": "UNAUTHENTICATED"}}]},
...     "person").error
'HTTP 401 UNAUTHENTICATED'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BUYING_COMMITTEE",
    "COMPANY_PAGE",
    "DECISION_MAKERS",
    "HIDDEN_LINKS",
    "ORG_CHART",
    "PERSON",
    "REFERRAL_PATHS",
    "SEARCH",
    "Answer",
    "read_answer",
]

COMPANY_PAGE = """query($first: Int!, $after: String) {
  companies(first: $first, after: $after) {
    nodes {
      id name domain industry
      employments(status: CURRENT) { title seniority person { id fullName email } }
      deals(openOnly: true) { id name stage amount currency closeDate }
    }
  }
}"""

PERSON = """query($id: ID!) {
  person(id: $id) {
    id fullName email title seniority
    employments(status: ALL) { title start end isCurrent company { id name } }
    dealRoles { role deal { id name stage amount company { name } } }
  }
}"""

SEARCH = """query($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    score
    node {
      __typename
      ... on Company { id name }
      ... on Person { id fullName }
      ... on Deal { id name }
    }
  }
}"""

ORG_CHART = """query($id: ID!) {
  orgChart(companyId: $id) {
    __typename
    ... on OrgChart {
      levels inferredLines truncated
      people {
        level title directReports
        person { id fullName } manager { fullName } line { kind confidence reason }
      }
      emptySeats { seat reason }
    }
  }
}"""

HIDDEN_LINKS = """query($id: ID!) {
  hiddenLinks(companyId: $id, first: 20) {
    __typename
    ... on HiddenLinks {
      totalCount
      links { kind confidence reason evidenceCount otherCompany { id name } }
    }
  }
}"""

BUYING_COMMITTEE = """query($id: ID!) {
  buyingCommittee(dealId: $id) {
    __typename
    ... on BuyingCommittee {
      members {
        roles person { id fullName }
        tie { strength hops colleague { fullName } via { fullName } }
      }
      roles { role expected covered reason }
      missing { role fit nextPerson { fullName } introduction { strength colleague { fullName } } }
    }
  }
}"""

DECISION_MAKERS = """query($id: ID!, $limit: Int!) {
  decisionMakers(companyId: $id, limit: $limit) {
    __typename
    ... on DecisionMakers { people { rank score breakdown { name value } person { id fullName } } }
  }
}"""

REFERRAL_PATHS = """query($from: ID, $to: ID!, $k: Int!, $hops: Int!) {
  referralPaths(from: $from, to: $to, k: $k, maxHops: $hops) {
    __typename
    ... on ReferralPaths { truncated paths { score hops { strength evidence { kind } } } }
  }
}"""


@dataclass(frozen=True, slots=True)
class Answer:
    """What one call gave back: an error code (None when it succeeded), whether the field
    held a value, its ``__typename`` when it asked for one, and the records with an id."""

    error: str | None
    present: bool = False
    typename: str | None = None
    items: int = 0


def _ids(value: object) -> int:
    if isinstance(value, dict):
        return ("id" in value) + sum(_ids(v) for v in value.values())
    if isinstance(value, list):
        return sum(_ids(v) for v in value)
    return 0


def _error_code(errors: object) -> str:
    first = errors[0] if isinstance(errors, list) and errors else {}
    extensions = first.get("extensions") if isinstance(first, dict) else None
    code = extensions.get("code") if isinstance(extensions, dict) else None
    return str(code) if code else "GRAPHQL_ERROR"


def read_answer(status: int, body: object, field: str) -> Answer:
    """Read the answer to a document whose root field is ``field``: an error for a status
    other than 200 (``HTTP 503``, with the GraphQL code when the body has one) or for a
    GraphQL error (its ``extensions.code``, else ``GRAPHQL_ERROR``)."""
    errors = body.get("errors") if isinstance(body, dict) else None
    if status != 200:
        return Answer(f"HTTP {status} {_error_code(errors)}" if errors else f"HTTP {status}")
    if errors:
        return Answer(_error_code(errors))
    data = body.get("data") if isinstance(body, dict) else None
    value = data.get(field) if isinstance(data, dict) else None
    typename = value.get("__typename") if isinstance(value, dict) else None
    return Answer(None, value is not None, str(typename) if typename else None, _ids(value))
