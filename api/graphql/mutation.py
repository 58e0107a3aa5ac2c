"""The root Mutation type: one line per field, each a resolver of :mod:`api.mutations`.

Every mutation needs an editor (or admin) key; a viewer gets a GraphQL error with
``extensions.code = "FORBIDDEN"``. Expected failures are members of each result union.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from api.graphql.permissions import IsEditor
from api.mutations import (
    companies,
    deal_contacts,
    deals,
    interactions,
    merges,
    org,
    people,
    relationships,
    sources,
)

__all__ = ["Mutation"]


def _editor(resolver: Callable[..., Any], description: str) -> Any:
    return strawberry.mutation(
        resolver=resolver, permission_classes=[IsEditor], description=description
    )


@strawberry.type(description="Writes: each needs an editor key and returns a result union.")
class Mutation:
    create_company: companies.CreateCompanyResult = _editor(
        companies.create_company, "Create a company (source api, version 1)."
    )
    update_company: companies.UpdateCompanyResult = _editor(
        companies.update_company, "Change the given fields of a company."
    )
    upsert_company: companies.UpsertCompanyResult = _editor(
        companies.upsert_company, "Create or update the company with a domain."
    )
    soft_delete_company: companies.SoftDeleteCompanyResult = _editor(
        companies.soft_delete_company, "Hide a company from every read (restorable)."
    )
    restore_company: companies.RestoreCompanyResult = _editor(
        companies.restore_company, "Bring a soft-deleted company back."
    )
    create_person: people.CreatePersonResult = _editor(
        people.create_person, "Create a person (source api, version 1)."
    )
    update_person: people.UpdatePersonResult = _editor(
        people.update_person, "Change the given fields of a person."
    )
    upsert_person: people.UpsertPersonResult = _editor(
        people.upsert_person, "Create or update the person with an email."
    )
    soft_delete_person: people.SoftDeletePersonResult = _editor(
        people.soft_delete_person, "Hide a person from every read (restorable)."
    )
    restore_person: people.RestorePersonResult = _editor(
        people.restore_person, "Bring a soft-deleted person back."
    )
    create_deal: deals.CreateDealResult = _editor(
        deals.create_deal, "Create a deal; its stage starts the stage history."
    )
    update_deal: deals.UpdateDealResult = _editor(
        deals.update_deal, "Change the given fields of a deal."
    )
    move_deal_stage: deals.MoveDealStageResult = _editor(
        deals.move_deal_stage, "Move a deal to a stage; closing fixes the probability."
    )
    soft_delete_deal: deals.SoftDeleteDealResult = _editor(
        deals.soft_delete_deal, "Hide a deal from every read (restorable)."
    )
    restore_deal: deals.RestoreDealResult = _editor(
        deals.restore_deal, "Bring a soft-deleted deal back."
    )
    add_deal_contact: deal_contacts.AddDealContactResult = _editor(
        deal_contacts.add_deal_contact, "Give a person a buying-committee role on a deal."
    )
    change_deal_contact_role: deal_contacts.ChangeDealContactRoleResult = _editor(
        deal_contacts.change_deal_contact_role, "Replace a contact's role on a deal."
    )
    remove_deal_contact: deal_contacts.RemoveDealContactResult = _editor(
        deal_contacts.remove_deal_contact, "Take a role on a deal away from a person."
    )
    log_interaction: interactions.CreateInteractionResult = _editor(
        interactions.log_interaction, "Record an interaction with its participants."
    )
    create_interaction: interactions.CreateInteractionResult = _editor(
        interactions.create_interaction, "logInteraction, with one input."
    )
    update_interaction: interactions.UpdateInteractionResult = _editor(
        interactions.update_interaction, "Change the given fields of an interaction."
    )
    soft_delete_interaction: interactions.SoftDeleteInteractionResult = _editor(
        interactions.soft_delete_interaction, "Hide an interaction from every read."
    )
    restore_interaction: interactions.RestoreInteractionResult = _editor(
        interactions.restore_interaction, "Bring a soft-deleted interaction back."
    )
    upsert_by_source: sources.UpsertBySourceResult = _editor(
        sources.upsert_by_source, "Create or update a record by its source system's key."
    )
    change_job: org.ChangeJobResult = _editor(
        org.change_job, "Start a job; an employee role ends the current one the day before."
    )
    set_reports_to: org.SetReportsToResult = _editor(
        org.set_reports_to, "Make someone a person's manager from a date; no cycles."
    )
    clear_reports_to: org.ClearReportsToResult = _editor(
        org.clear_reports_to, "End a person's current reporting lines on a date."
    )
    merge_people: merges.MergePeopleResult = _editor(
        merges.merge_people,
        "Merge a duplicate person into a survivor; dryRun (the default) only previews.",
    )
    merge_companies: merges.MergeCompaniesResult = _editor(
        merges.merge_companies,
        "Merge a duplicate company into a survivor; dryRun (the default) only previews.",
    )
    unmerge: merges.UnmergeResult = _editor(
        merges.unmerge, "Undo a merge: both records and their relationships as before it."
    )
    state_relationship: relationships.StateRelationshipResult = _editor(
        relationships.state_relationship,
        "Say how two people know each other (a CONNECTED_TO with a kind): an explicit "
        "signal of their relationship strength.",
    )
