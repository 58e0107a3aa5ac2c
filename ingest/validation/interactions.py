"""Interactions with their participants.

A participant named by email who is not in the graph yet is created (as most CRMs do when
they log mail); one named by a source id must exist, or the row is rejected. In a meeting
the sender is the organizer and every recipient an attendee; otherwise they are ``from``,
``to`` and ``cc``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ingest.source_rows import Origin
from ingest.validation.context import BuildContext, Built, Problems, Write
from ingest.validation.refs import deal_ref, person_ref, provenance
from ingest.validation.values import Invalid, parse_datetime, parse_enum, split_list
from schema.enums import InteractionKind, ParticipantRole
from schema.identifier_keys import normalise_email, work_domain
from schema.import_rows import (
    ImportKind,
    InteractionRow,
    ParticipantRow,
    PersonRef,
    PersonRow,
    PropertyValue,
)

__all__ = ["build_interaction"]

_SLOTS = tuple(
    (ids, emails, role.value, meeting_role.value)
    for ids, emails, role, meeting_role in (
        ("from_person_id", "from_email", ParticipantRole.FROM, ParticipantRole.ORGANIZER),
        ("to_person_ids", "to_emails", ParticipantRole.TO, ParticipantRole.ATTENDEE),
        ("cc_person_ids", "cc_emails", ParticipantRole.CC, ParticipantRole.ATTENDEE),
    )
)


def build_interaction(fields: Mapping[str, str], origin: Origin, ctx: BuildContext) -> Built:
    """An interaction, and the people its emails name."""
    problems = Problems(origin)
    interaction_id = fields.get("interaction_id")
    if not interaction_id:
        problems.reject("interaction_id", None, "an interaction needs an interaction_id")
    kind = None
    if not (raw_kind := fields.get("kind")):
        problems.reject("kind", None, "an interaction needs a kind")
    else:
        try:
            kind = parse_enum(raw_kind, InteractionKind)
        except Invalid as e:
            problems.reject("kind", raw_kind, str(e))
    times = {}
    for column in ("occurred_at", "ended_at"):
        if raw := fields.get(column):
            try:
                times[column] = parse_datetime(raw)
            except Invalid as e:
                problems.reject(column, raw, str(e))
    if not fields.get("occurred_at"):
        problems.reject("occurred_at", None, "an interaction needs occurred_at")
    participants, people = _participants(fields, kind, ctx, origin, problems)
    if not participants and interaction_id and kind:
        problems.reject(None, None, "an interaction needs at least one participant")
    problems.raise_if_any()
    assert interaction_id is not None and kind is not None
    props: dict[str, PropertyValue | None] = {
        "kind": kind.value,
        "occurred_at": times["occurred_at"],
        "ended_at": times.get("ended_at"),
        "subject": fields.get("subject"),
        "body": fields.get("body") if ctx.include_bodies else None,
    }
    uid = f"interaction:{ctx.source}:{interaction_id}"
    deal_id = fields.get("deal_id")
    row: InteractionRow = {
        "uid": uid,
        "props": {k: v for k, v in props.items() if v is not None},
        "prov": provenance(ctx.source, interaction_id, origin.file, origin.line, origin.record_id),
        "deal": deal_ref(ctx.source, deal_id, label=f"deal_id '{deal_id}'") if deal_id else None,
        "participants": participants,
    }
    built = Built(writes=people, notes=problems.notes)
    built.writes.append(Write(ImportKind.INTERACTION, row, (uid,)))
    built.unique_key = ("interaction_id", interaction_id)
    return built


def _participants(
    fields: Mapping[str, str],
    kind: InteractionKind | None,
    ctx: BuildContext,
    origin: Origin,
    problems: Problems,
) -> tuple[list[ParticipantRow], list[Write]]:
    meeting = kind is InteractionKind.MEETING
    seen: set[str] = set()
    participants: list[ParticipantRow] = []
    people: list[Write] = []
    for id_column, email_column, role, meeting_role in _SLOTS:
        chosen = meeting_role if meeting else role
        for person_id in split_list(fields.get(id_column)):
            label = f"{id_column} '{person_id}'"
            ref = person_ref(ctx.source, person_id=person_id, label=label)
            ext = str(ref["ext"])  # a person_id always gives one
            if ext in seen:
                continue
            seen.add(ext)
            participants.append({"ref": ref, "role": chosen, "label": label})
        for raw in split_list(fields.get(email_column)):
            email = normalise_email(raw)
            if email is None:
                problems.reject(email_column, raw, "not a valid email address")
                continue
            if f"email:{email}" in seen:
                continue
            seen.add(f"email:{email}")
            label = f"{email_column} '{email}'"
            ref = person_ref(ctx.source, email=email, label=label)
            participants.append({"ref": ref, "role": chosen, "label": label})
            people.append(_email_person(email, ref, ctx, origin))
    return participants, people


def _email_person(email: str, ref: PersonRef, ctx: BuildContext, origin: Origin) -> Write:
    """Someone known only by an email: created if new, never renamed."""
    domain = work_domain(email)
    uid = f"person:{ctx.source}:{email}"
    row: PersonRow = {
        "uid": uid,
        "ref": {**ref, "ext": None},
        "email": email,
        "props": {},
        "defaults": {
            "full_name": email,
            "seniority": "unknown",
            "is_colleague": False,
        },
        "prov": provenance(ctx.source, email, origin.file, origin.line, origin.record_id),
        "phones": [],
        "domains": [domain] if domain else [],
    }
    return Write(ImportKind.PERSON, row, (uid, f"email:{email}"))
