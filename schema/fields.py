"""The filterable and sortable fields of each entity, and the relations filters may follow."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "CompanyField",
    "CompanyRelation",
    "ContactField",
    "DealField",
    "DealRelation",
    "EmploymentField",
    "InteractionField",
    "InteractionRelation",
    "PersonField",
    "PersonRelation",
]


class CompanyField(StrEnum):
    UID = "uid"
    NAME = "name"
    DOMAIN = "domain"
    INDUSTRY = "industry"
    ADDRESS = "address"
    PHONE = "phone"
    IS_HOME = "is_home"
    SOURCE = "source"
    SOURCE_ID = "source_id"


class CompanyRelation(StrEnum):
    PARENT = "parent"  # the company this one is a subsidiary of
    CURRENT_PEOPLE = "current_people"  # someone who works there now
    DEALS = "deals"


class PersonField(StrEnum):
    UID = "uid"
    FULL_NAME = "full_name"
    EMAIL = "email"
    PHONE = "phone"
    TITLE = "title"
    DEPARTMENT = "department"
    SENIORITY = "seniority"
    IS_COLLEAGUE = "is_colleague"
    SOURCE = "source"
    SOURCE_ID = "source_id"


class PersonRelation(StrEnum):
    CURRENT_COMPANY = "current_company"  # employed there now
    PAST_COMPANY = "past_company"  # employed there before (the employment has ended)
    ANY_COMPANY = "any_company"  # any WORKS_AT, current or past, any role
    DEALS = "deals"  # a deal the person is a contact of


class DealField(StrEnum):
    UID = "uid"
    NAME = "name"
    AMOUNT = "amount"
    CURRENCY = "currency"
    STAGE = "stage"
    PROBABILITY = "probability"
    CLOSE_DATE = "close_date"
    SOURCE = "source"
    SOURCE_ID = "source_id"


class DealRelation(StrEnum):
    COMPANY = "company"
    OWNER = "owner"
    CONTACTS = "contacts"  # a contact (filter on the person and on ContactField.ROLE)


class EmploymentField(StrEnum):
    """Fields of the WORKS_AT edge, usable inside the company relations of a person."""

    TITLE = "title"
    DEPARTMENT = "department"
    ROLE = "role"
    START = "start"
    END = "end"


class ContactField(StrEnum):
    """Fields of the INVOLVED_IN edge, usable inside a deal's contacts relation."""

    ROLE = "role"


class InteractionField(StrEnum):
    UID = "uid"
    KIND = "kind"
    OCCURRED_AT = "occurred_at"
    SUBJECT = "subject"


class InteractionRelation(StrEnum):
    PARTICIPANT = "participant"  # a person who took part
    COMPANY = "company"  # a participant who works or worked at the company
    DEAL = "deal"  # the deal the interaction is about
