"""Closed vocabularies of the graph model.

Node labels and relationship types come only from these enums, so no Cypher is ever
built from user input.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DealContactRole",
    "DealStage",
    "Department",
    "EmploymentRole",
    "InteractionKind",
    "Label",
    "LifecycleStage",
    "LineSource",
    "ParticipantRole",
    "RelType",
    "RfmSegment",
    "Seniority",
]


class Label(StrEnum):
    """Node labels."""

    COMPANY = "Company"
    PERSON = "Person"
    DEAL = "Deal"
    INTERACTION = "Interaction"
    DOMAIN = "Domain"
    ADDRESS = "Address"
    PHONE = "Phone"
    EXTERNAL_ID = "ExternalId"
    IMPORT_RUN = "ImportRun"


class RelType(StrEnum):
    """Relationship types, with their direction in comments."""

    WORKS_AT = "WORKS_AT"  # (Person)-[:WORKS_AT]->(Company)
    REPORTS_TO = "REPORTS_TO"  # (Person)-[:REPORTS_TO]->(Person manager)
    SUBSIDIARY_OF = "SUBSIDIARY_OF"  # (Company child)-[:SUBSIDIARY_OF]->(Company parent)
    PARTICIPATED_IN = "PARTICIPATED_IN"  # (Person)-[:PARTICIPATED_IN]->(Interaction)
    INVOLVED_IN = "INVOLVED_IN"  # (Person)-[:INVOLVED_IN]->(Deal)
    OWNS = "OWNS"  # (Person colleague)-[:OWNS]->(Company | Deal)
    FOR = "FOR"  # (Deal)-[:FOR]->(Company)
    ABOUT = "ABOUT"  # (Interaction)-[:ABOUT]->(Deal)
    KNOWS = "KNOWS"  # (Person)-[:KNOWS]->(Person), one per unordered pair, derived
    HAS_DOMAIN = "HAS_DOMAIN"  # (Company | Person)-[:HAS_DOMAIN]->(Domain)
    LOCATED_AT = "LOCATED_AT"  # (Company | Person)-[:LOCATED_AT]->(Address)
    HAS_PHONE = "HAS_PHONE"  # (Company | Person)-[:HAS_PHONE]->(Phone)
    IDENTIFIES = "IDENTIFIES"  # (ExternalId)-[:IDENTIFIES]->(Company | Person | Deal | Interaction)
    CONNECTED_TO = "CONNECTED_TO"  # (Person)-[:CONNECTED_TO]->(Person), a stated connection
    POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE"  # (x)-[:POSSIBLE_DUPLICATE]->(y), same label


class EmploymentRole(StrEnum):
    """What a person is to a company on a WORKS_AT edge."""

    EMPLOYEE = "employee"
    BOARD_MEMBER = "board_member"
    ADVISOR = "advisor"
    INVESTOR = "investor"


class Seniority(StrEnum):
    """Normalised seniority, from the top of an organisation down."""

    BOARD = "board"
    C_LEVEL = "c_level"
    VP = "vp"
    DIRECTOR = "director"
    MANAGER = "manager"
    INDIVIDUAL_CONTRIBUTOR = "individual_contributor"
    UNKNOWN = "unknown"


class Department(StrEnum):
    """Normalised department of a job, whatever language the title or department is in."""

    EXECUTIVE = "executive"
    SALES = "sales"
    MARKETING = "marketing"
    ENGINEERING = "engineering"
    PRODUCT = "product"
    FINANCE = "finance"
    OPERATIONS = "operations"
    HUMAN_RESOURCES = "human_resources"
    LEGAL = "legal"
    IT = "it"
    CUSTOMER_SUCCESS = "customer_success"
    PROCUREMENT = "procurement"
    RESEARCH = "research"
    OTHER = "other"


class InteractionKind(StrEnum):
    """Channels of an interaction."""

    EMAIL = "email"
    MEETING = "meeting"
    CALL = "call"
    MESSAGE = "message"
    NOTE = "note"
    SUPPORT = "support"


class ParticipantRole(StrEnum):
    """A person's part in an interaction (PARTICIPATED_IN.role)."""

    FROM = "from"
    TO = "to"
    CC = "cc"
    ATTENDEE = "attendee"
    ORGANIZER = "organizer"


class DealContactRole(StrEnum):
    """A contact's role in a deal's buying committee (INVOLVED_IN.role)."""

    DECISION_MAKER = "decision_maker"
    ECONOMIC_BUYER = "economic_buyer"
    CHAMPION = "champion"
    INFLUENCER = "influencer"
    TECHNICAL_BUYER = "technical_buyer"
    USER = "user"
    BLOCKER = "blocker"


class DealStage(StrEnum):
    """Pipeline stages, in order."""

    PROSPECTING = "prospecting"
    QUALIFICATION = "qualification"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSED_WON = "closed_won"
    CLOSED_LOST = "closed_lost"


class LineSource(StrEnum):
    """Where a reports-to line comes from."""

    EXPLICIT = "explicit"
    INFERRED = "inferred"


class LifecycleStage(StrEnum):
    """Where an account stands with us (``algorithms.lifecycle``)."""

    ACQUISITION = "acquisition"
    GROWTH = "growth"
    MATURITY = "maturity"
    DECLINE = "decline"
    LOST = "lost"


class RfmSegment(StrEnum):
    """A customer's segment from its RFM scores (``algorithms.key_customers``)."""

    CHAMPIONS = "champions"
    LOYAL = "loyal"
    POTENTIAL_LOYALIST = "potential_loyalist"
    NEW = "new"
    PROMISING = "promising"
    NEED_ATTENTION = "need_attention"
    ABOUT_TO_SLEEP = "about_to_sleep"
    AT_RISK = "at_risk"
    CANT_LOSE = "cant_lose"
    HIBERNATING = "hibernating"
    LOST = "lost"
