"""Job and reporting-line commands: change a person's job, set or clear their manager.

Dates are inclusive: a WORKS_AT or REPORTS_TO that ends on ``end`` / ``valid_to`` still
holds that day, so the line or job that a new one replaces ends the day before it starts.
Each query returns the person as ``props`` and what it ended as ``ended``.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["CHANGE_JOB", "CLEAR_REPORTS_TO", "SET_REPORTS_TO"]

# $person_uid, $company_uid, $uid and $props of the new WORKS_AT, $ends_current (an employee
# role ends the current employee-role jobs on $end), $person_props (the denormalised job).
CHANGE_JOB: LiteralString = """
OPTIONAL MATCH (p:Person {uid: $person_uid}) WHERE p.deleted_at IS NULL
OPTIONAL MATCH (c:Company {uid: $company_uid}) WHERE c.deleted_at IS NULL
OPTIONAL MATCH (p)-[cur:WORKS_AT]->(:Company)
  WHERE $ends_current AND cur.end IS NULL AND coalesce(cur.role, 'employee') = 'employee'
WITH p, c, collect(cur) AS current
WITH p, c, current, coalesce(p.version, 1) AS actual, CASE
  WHEN p IS NULL THEN ['missing', 'person_id', 'no_record']
  WHEN c IS NULL THEN ['missing', 'company_id', 'no_record']
  WHEN any(w IN current WHERE w.start > $end) THEN ['invalid', 'start_date', 'before_current']
  ELSE ['ok', null, null]
END AS verdict
CALL (p, c, current, verdict) {
  WITH p, c, current, verdict WHERE verdict[0] = 'ok'
  FOREACH (w IN current | SET w.end = $end)
  CREATE (p)-[w:WORKS_AT {uid: $uid}]->(c)
  SET w += $props
  FOREACH (_ IN CASE WHEN $ends_current THEN [1] ELSE [] END |
    SET p += $person_props, p.version = coalesce(p.version, 1) + 1, p.updated_at = datetime()
  )
}
OPTIONAL MATCH (p)-[job:WORKS_AT {uid: $uid}]->(:Company)
RETURN verdict[0] AS status, verdict[1] AS field, verdict[2] AS reason, actual,
       properties(p) AS props, properties(job) AS job,
       [w IN current | {props: properties(w), company_uid: endNode(w).uid}] AS ended
"""

# $person_uid, $manager_uid, $valid_from, $close_on (= $valid_from - 1 day), $uid and $props
# of the new explicit REPORTS_TO. The manager may not report to the person, directly or not.
SET_REPORTS_TO: LiteralString = """
OPTIONAL MATCH (p:Person {uid: $person_uid}) WHERE p.deleted_at IS NULL
OPTIONAL MATCH (m:Person {uid: $manager_uid}) WHERE m.deleted_at IS NULL
OPTIONAL MATCH (p)-[cur:REPORTS_TO]->(cm:Person) WHERE cur.valid_to IS NULL
WITH p, m, collect(cur) AS current, collect(cm.uid) AS managers
WITH p, m, current, coalesce(p.version, 1) AS actual, CASE
  WHEN p IS NULL THEN ['missing', 'person_id', 'no_record']
  WHEN m IS NULL THEN ['missing', 'manager_id', 'no_record']
  WHEN p = m THEN ['invalid', 'manager_id', 'self']
  WHEN EXISTS { MATCH (m) (()-[r:REPORTS_TO WHERE r.valid_to IS NULL]->())+ (p) }
    THEN ['invalid', 'manager_id', 'cycle']
  WHEN managers = [$manager_uid] THEN ['unchanged', null, null]
  WHEN any(r IN current WHERE r.valid_from > $close_on)
    THEN ['invalid', 'valid_from', 'before_current']
  ELSE ['ok', null, null]
END AS verdict
CALL (p, m, current, verdict) {
  WITH p, m, current, verdict WHERE verdict[0] = 'ok'
  FOREACH (r IN current | SET r.valid_to = $close_on)
  CREATE (p)-[r:REPORTS_TO {uid: $uid}]->(m)
  SET r += $props
}
OPTIONAL MATCH (p)-[line:REPORTS_TO]->(m) WHERE line.valid_to IS NULL
RETURN verdict[0] AS status, verdict[1] AS field, verdict[2] AS reason, actual,
       properties(p) AS props, properties(line) AS line,
       [r IN current WHERE r.valid_to IS NOT NULL | {props: properties(r),
        manager_uid: endNode(r).uid}] AS ended
"""

# $person_uid, $valid_to: the last day of every current line of the person.
CLEAR_REPORTS_TO: LiteralString = """
OPTIONAL MATCH (p:Person {uid: $person_uid}) WHERE p.deleted_at IS NULL
OPTIONAL MATCH (p)-[cur:REPORTS_TO]->(:Person) WHERE cur.valid_to IS NULL
WITH p, collect(cur) AS current
WITH p, current, coalesce(p.version, 1) AS actual, CASE
  WHEN p IS NULL THEN ['missing', 'person_id', 'no_record']
  WHEN any(r IN current WHERE r.valid_from > $valid_to)
    THEN ['invalid', 'valid_to', 'before_current']
  ELSE ['ok', null, null]
END AS verdict
CALL (current, verdict) {
  WITH current, verdict WHERE verdict[0] = 'ok'
  FOREACH (r IN current | SET r.valid_to = $valid_to)
}
RETURN verdict[0] AS status, verdict[1] AS field, verdict[2] AS reason, actual,
       properties(p) AS props,
       [r IN current | {props: properties(r), manager_uid: endNode(r).uid}] AS ended
"""
