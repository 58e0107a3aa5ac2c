"""Company mutations: create, update, upsert by domain, soft delete, restore."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry
from strawberry import UNSET, relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, given, rejected, uid
from graph.commands.patches import CompanyPatch
from schema.gql.crm import Company
from schema.gql.results import Conflict, NotFound, StaleVersion, UpsertOutcome, ValidationError

__all__ = [
    "CompanyChangesInput",
    "CreateCompanyInput",
    "UpsertCompanyInput",
    "create_company",
    "restore_company",
    "soft_delete_company",
    "update_company",
    "upsert_company",
]

_FIELDS = ("name", "domain", "industry", "address", "phone")


@strawberry.input(description="A new company; the domain must not belong to a live company.")
class CreateCompanyInput:
    name: str
    domain: str | None = None
    industry: str | None = None
    address: str | None = None
    phone: str | None = None

    def to_patch(self) -> CompanyPatch:
        return cast(CompanyPatch, given(self, *_FIELDS))


@strawberry.input(description="Fields to change: omitted ones stay, null clears one.")
class CompanyChangesInput:
    name: str | None = UNSET
    domain: str | None = UNSET
    industry: str | None = UNSET
    address: str | None = UNSET
    phone: str | None = UNSET

    def to_patch(self) -> CompanyPatch:
        return cast(CompanyPatch, given(self, *_FIELDS))


@strawberry.input(description="The company with this domain: created (name needed) or updated.")
class UpsertCompanyInput:
    domain: str
    name: str | None = UNSET
    industry: str | None = UNSET
    address: str | None = UNSET
    phone: str | None = UNSET

    def to_patch(self) -> CompanyPatch:
        return cast(CompanyPatch, given(self, "name", "industry", "address", "phone"))


@strawberry.type
class CreateCompanySuccess:
    company: Company


@strawberry.type
class UpdateCompanySuccess:
    company: Company


@strawberry.type
class UpsertCompanySuccess:
    company: Company
    outcome: UpsertOutcome


@strawberry.type
class SoftDeleteCompanySuccess:
    company: Company


@strawberry.type
class RestoreCompanySuccess:
    company: Company


CreateCompanyResult = Annotated[
    CreateCompanySuccess | ValidationError | Conflict, strawberry.union("CreateCompanyResult")
]
UpdateCompanyResult = Annotated[
    UpdateCompanySuccess | NotFound | ValidationError | Conflict | StaleVersion,
    strawberry.union("UpdateCompanyResult"),
]
UpsertCompanyResult = Annotated[
    UpsertCompanySuccess | ValidationError | Conflict, strawberry.union("UpsertCompanyResult")
]
SoftDeleteCompanyResult = Annotated[
    SoftDeleteCompanySuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("SoftDeleteCompanyResult"),
]
RestoreCompanyResult = Annotated[
    RestoreCompanySuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("RestoreCompanyResult"),
]


async def create_company(info: Info, input: CreateCompanyInput) -> CreateCompanyResult:
    try:
        company = await info.context.commands.companies.create(input.to_patch())
    except REFUSALS as e:
        return rejected(e, ValidationError, Conflict)
    return CreateCompanySuccess(company=Company.from_model(company))


async def update_company(
    info: Info,
    id: relay.GlobalID,
    input: CompanyChangesInput,
    expected_version: int | None = None,
) -> UpdateCompanyResult:
    try:
        company = await info.context.commands.companies.update(
            uid(id, "Company", "id"), input.to_patch(), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, Conflict, StaleVersion)
    return UpdateCompanySuccess(company=Company.from_model(company))


async def upsert_company(info: Info, input: UpsertCompanyInput) -> UpsertCompanyResult:
    try:
        done = await info.context.commands.companies.upsert_by_domain(
            input.domain, input.to_patch()
        )
    except REFUSALS as e:
        return rejected(e, ValidationError, Conflict)
    outcome = UpsertOutcome.CREATED if done.created else UpsertOutcome.UPDATED
    return UpsertCompanySuccess(company=Company.from_model(done.record), outcome=outcome)


async def soft_delete_company(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> SoftDeleteCompanyResult:
    try:
        company = await info.context.commands.companies.soft_delete(
            uid(id, "Company", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return SoftDeleteCompanySuccess(company=Company.from_model(company))


async def restore_company(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> RestoreCompanyResult:
    try:
        company = await info.context.commands.companies.restore(
            uid(id, "Company", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return RestoreCompanySuccess(company=Company.from_model(company))
