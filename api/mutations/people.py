"""Person mutations: create, update, upsert by email, soft delete, restore."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry
from strawberry import UNSET, relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, given, rejected, uid
from graph.commands.patches import PersonPatch
from schema.gql.crm import Person
from schema.gql.enums import Seniority
from schema.gql.results import Conflict, NotFound, StaleVersion, UpsertOutcome, ValidationError

__all__ = [
    "CreatePersonInput",
    "PersonChangesInput",
    "UpsertPersonInput",
    "create_person",
    "restore_person",
    "soft_delete_person",
    "update_person",
    "upsert_person",
]

_FIELDS = ("full_name", "email", "phone", "title", "department", "seniority", "is_colleague")


@strawberry.input(description="A new person; the email must not belong to anyone else.")
class CreatePersonInput:
    full_name: str
    email: str | None = None
    phone: str | None = None
    title: str | None = None
    department: str | None = None
    seniority: Seniority = Seniority.UNKNOWN
    is_colleague: bool = False

    def to_patch(self) -> PersonPatch:
        return cast(PersonPatch, given(self, *_FIELDS))


@strawberry.input(description="Fields to change: omitted ones stay, null clears one.")
class PersonChangesInput:
    full_name: str | None = UNSET
    email: str | None = UNSET
    phone: str | None = UNSET
    title: str | None = UNSET
    department: str | None = UNSET
    seniority: Seniority | None = UNSET
    is_colleague: bool | None = UNSET

    def to_patch(self) -> PersonPatch:
        return cast(PersonPatch, given(self, *_FIELDS))


@strawberry.input(description="The person with this email: created (fullName needed) or updated.")
class UpsertPersonInput:
    email: str
    full_name: str | None = UNSET
    phone: str | None = UNSET
    title: str | None = UNSET
    department: str | None = UNSET
    seniority: Seniority | None = UNSET
    is_colleague: bool | None = UNSET

    def to_patch(self) -> PersonPatch:
        return cast(PersonPatch, given(self, *(f for f in _FIELDS if f != "email")))


@strawberry.type
class CreatePersonSuccess:
    person: Person


@strawberry.type
class UpdatePersonSuccess:
    person: Person


@strawberry.type
class UpsertPersonSuccess:
    person: Person
    outcome: UpsertOutcome


@strawberry.type
class SoftDeletePersonSuccess:
    person: Person


@strawberry.type
class RestorePersonSuccess:
    person: Person


CreatePersonResult = Annotated[
    CreatePersonSuccess | ValidationError | Conflict, strawberry.union("CreatePersonResult")
]
UpdatePersonResult = Annotated[
    UpdatePersonSuccess | NotFound | ValidationError | Conflict | StaleVersion,
    strawberry.union("UpdatePersonResult"),
]
UpsertPersonResult = Annotated[
    UpsertPersonSuccess | ValidationError | Conflict, strawberry.union("UpsertPersonResult")
]
SoftDeletePersonResult = Annotated[
    SoftDeletePersonSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("SoftDeletePersonResult"),
]
RestorePersonResult = Annotated[
    RestorePersonSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("RestorePersonResult"),
]


async def create_person(info: Info, input: CreatePersonInput) -> CreatePersonResult:
    try:
        person = await info.context.commands.people.create(input.to_patch())
    except REFUSALS as e:
        return rejected(e, ValidationError, Conflict)
    return CreatePersonSuccess(person=Person.from_model(person))


async def update_person(
    info: Info,
    id: relay.GlobalID,
    input: PersonChangesInput,
    expected_version: int | None = None,
) -> UpdatePersonResult:
    try:
        person = await info.context.commands.people.update(
            uid(id, "Person", "id"), input.to_patch(), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, Conflict, StaleVersion)
    return UpdatePersonSuccess(person=Person.from_model(person))


async def upsert_person(info: Info, input: UpsertPersonInput) -> UpsertPersonResult:
    try:
        done = await info.context.commands.people.upsert_by_email(input.email, input.to_patch())
    except REFUSALS as e:
        return rejected(e, ValidationError, Conflict)
    outcome = UpsertOutcome.CREATED if done.created else UpsertOutcome.UPDATED
    return UpsertPersonSuccess(person=Person.from_model(done.record), outcome=outcome)


async def soft_delete_person(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> SoftDeletePersonResult:
    try:
        person = await info.context.commands.people.soft_delete(
            uid(id, "Person", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return SoftDeletePersonSuccess(person=Person.from_model(person))


async def restore_person(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> RestorePersonResult:
    try:
        person = await info.context.commands.people.restore(
            uid(id, "Person", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return RestorePersonSuccess(person=Person.from_model(person))
