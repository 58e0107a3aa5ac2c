"""Accounts with their deals and their activity with us, aggregated in the database.

The accounts are live companies (not deleted, not merged away) other than our own:
``$uids`` (a page of companies), or every one of them, or only the customers (a deal won by
``$as_of``, the won date checked again by the caller). With ``$roll_up`` an account is a
top company (no live parent) together with its live subsidiaries, at most 5 levels down
(``$uids`` accounts that are no top take every subsidiary below them). A subsidiary under
several tops counts under one only, for its deals and its activity alike: the top at the end
of its longest path up, then the smallest uid. At most ``$limit`` accounts, by uid.

Activity counts each interaction once per account when one of its participants worked there
as an employee at the time (the employment's start and end around the interaction's date)
and another is one of our colleagues; counts go up to ``$as_of`` (before ``$until``, the
next midnight UTC), in periods of ``$period_days`` days back from ``$as_of``.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["ACCOUNTS_WITH_ACTIVITY", "ACCOUNT_DEALS", "ACTIVITY_BY_ACCOUNT"]

# The one account ``top`` a company ``m`` counts under when rolled up (``m`` itself
# otherwise, or when no top is within 5 levels): of the live top companies above it, the one
# at the end of the longest path of live companies, then the smallest uid. A subsidiary of
# two parents thus counts once, its deals and its activity under the same top.
_TOP_OF_M: LiteralString = """
CALL (m) {
  OPTIONAL MATCH up = (m)-[:SUBSIDIARY_OF*1..5]->(t:Company)
  WHERE $roll_up
    AND all(n IN nodes(up) WHERE n.deleted_at IS NULL AND n.merged_into IS NULL
                                AND NOT coalesce(n.is_home, false))
    AND NOT EXISTS {
      (t)-[:SUBSIDIARY_OF]->(p:Company)
      WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND NOT coalesce(p.is_home, false)
    }
  WITH t ORDER BY length(up) DESC, t.uid LIMIT 1
  RETURN coalesce(t.uid, m.uid) AS top
}
"""

# Rolled up, a top company's members are the companies it is the top of; a company of
# $uids that is not a top takes every live subsidiary below it.
_ACCOUNTS: LiteralString = (
    """
MATCH (a:Company)
WHERE a.deleted_at IS NULL AND a.merged_into IS NULL AND NOT coalesce(a.is_home, false)
  AND ($uids IS NULL OR a.uid IN $uids)
WITH a, NOT EXISTS {
  (a)-[:SUBSIDIARY_OF]->(p:Company)
  WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND NOT coalesce(p.is_home, false)
} AS is_top
WHERE $uids IS NOT NULL OR NOT $roll_up OR is_top
CALL (a, is_top) {
  MATCH path = (a)<-[:SUBSIDIARY_OF*0..5]-(m:Company)
  WHERE (m = a OR $roll_up)
    AND all(n IN nodes(path) WHERE n.deleted_at IS NULL AND n.merged_into IS NULL
                                  AND NOT coalesce(n.is_home, false))
  WITH DISTINCT m
"""
    + _TOP_OF_M
    + """
  WITH m, top WHERE m = a OR top = a.uid OR NOT is_top
  RETURN collect(m) AS members
}
WITH a, members
WHERE NOT $customers_only OR any(m IN members WHERE EXISTS {
  (m)<-[:FOR]-(d:Deal)
  WHERE d.stage = $won AND d.deleted_at IS NULL
    AND (d.close_date IS NULL OR d.close_date <= $as_of)
})
WITH a, members ORDER BY a.uid LIMIT $limit
"""
)

_DEALS: LiteralString = """
CALL (members) {
  UNWIND members AS m
  MATCH (d:Deal)-[:FOR]->(m)
  WHERE d.deleted_at IS NULL
  CALL (d) {
    OPTIONAL MATCH (d)<-[:ABOUT]-(i:Interaction)
    WHERE i.deleted_at IS NULL
    RETURN min(i.occurred_at) AS first_activity_at
  }
  RETURN collect(d {
    .uid, .stage, .amount, .currency, .close_date, .created_at, .stage_history,
    .stage_changed_at, company_uid: m.uid, first_activity_at: first_activity_at
  }) AS deals
}
"""

_ACTIVITY: LiteralString = """
CALL (members) {
  UNWIND members AS m
  MATCH (m)<-[w:WORKS_AT]-(p:Person)-[:PARTICIPATED_IN]->(i:Interaction)
  WHERE coalesce(w.role, 'employee') = 'employee'
    AND p.deleted_at IS NULL AND NOT coalesce(p.is_colleague, false)
    AND i.deleted_at IS NULL AND i.occurred_at < $until
    AND (w.start IS NULL OR w.start <= date(i.occurred_at))
    AND (w.end IS NULL OR w.end >= date(i.occurred_at))
  WITH DISTINCT i
  WHERE EXISTS {
    (i)<-[:PARTICIPATED_IN]-(h:Person) WHERE h.is_colleague = true AND h.deleted_at IS NULL
  }
  WITH i.occurred_at AS at,
       duration.inDays(date(i.occurred_at), $as_of).days / $period_days AS period
  WITH period, count(*) AS n, min(at) AS first_at, max(at) AS last_at
  RETURN sum(n) AS interactions, min(first_at) AS first_at, max(last_at) AS last_at,
         [x IN collect([period, n]) WHERE x[0] < $periods] AS periods
}
"""

_RETURN: LiteralString = "RETURN a.uid AS account, [m IN members | m.uid] AS members, deals"

# The accounts $uids with their deals and activity, counted from each account's people.
ACCOUNTS_WITH_ACTIVITY: LiteralString = (
    _ACCOUNTS + _DEALS + _ACTIVITY + _RETURN + ", interactions, first_at, last_at, periods\n"
)

# Every account (or customer) with its deals; ACTIVITY_BY_ACCOUNT brings the activity.
ACCOUNT_DEALS: LiteralString = _ACCOUNTS + _DEALS + _RETURN + "\n"

# Activity of every account at once, counted from our colleagues' side: their interactions
# are far fewer than the accounts' people's (most of which are internal to the accounts).
# ``collect`` then ``UNWIND`` keeps the planner from starting at the interaction-time index;
# grouping the touches by person expands each person's employments once, not per touch.
ACTIVITY_BY_ACCOUNT: LiteralString = (
    """
MATCH (h:Person)
WHERE h.is_colleague = true AND h.deleted_at IS NULL
WITH collect(h) AS team
UNWIND team AS h
MATCH (h)-[:PARTICIPATED_IN]->(i:Interaction)
WHERE i.deleted_at IS NULL AND i.occurred_at < $until
WITH DISTINCT i
MATCH (i)<-[:PARTICIPATED_IN]-(p:Person)
WHERE NOT coalesce(p.is_colleague, false) AND p.deleted_at IS NULL
WITH p, collect({i: i, at: i.occurred_at, day: date(i.occurred_at)}) AS touches
MATCH (p)-[w:WORKS_AT]->(m:Company)
WHERE coalesce(w.role, 'employee') = 'employee'
  AND m.deleted_at IS NULL AND m.merged_into IS NULL AND NOT coalesce(m.is_home, false)
WITH m, w.start AS started, w.end AS ended, touches
UNWIND touches AS t
WITH m, t
WHERE (started IS NULL OR started <= t.day) AND (ended IS NULL OR ended >= t.day)
WITH m, collect(DISTINCT t) AS its
"""
    + _TOP_OF_M
    + """
UNWIND its AS t
WITH DISTINCT top AS account, t
WITH account, t.at AS at, duration.inDays(t.day, $as_of).days / $period_days AS period
WITH account, period, count(*) AS n, min(at) AS first_at, max(at) AS last_at
RETURN account, sum(n) AS interactions, min(first_at) AS first_at, max(last_at) AS last_at,
       [x IN collect([period, n]) WHERE x[0] < $periods] AS periods
"""
)
