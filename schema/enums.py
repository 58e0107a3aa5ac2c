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
    "ExplicitSignal",
    "HiddenLinkKind",
    "InteractionKind",
    "IntroducerKind",
    "Label",
    "LifecycleStage",
    "LineSource",
    "ParticipantRole",
    "RelType",
    "RfmSegment",
    "Seniority",
    "TieEvidenceKind",
    "TieTrend",
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


class TieTrend(StrEnum):
    """Where a tie is heading: its volume in the recent window against the window before."""

    RISING = "rising"
    STABLE = "stable"
    FALLING = "falling"
    NEW = "new"  # the first touch falls in the recent window
    DORMANT = "dormant"  # touches before, none in either window


class ExplicitSignal(StrEnum):
    """A relationship somebody stated rather than one read from interactions."""

    CONNECTION = "connection"  # a stated connection (CONNECTED_TO without a kind: LinkedIn)
    RELATIONSHIP = "relationship"  # a stated relationship (CONNECTED_TO with a kind)


class TieEvidenceKind(StrEnum):
    """Why two people are one hop apart on a referral path."""

    KNOWS = "knows"  # derived from their interactions
    CONNECTED = "connected"  # a stated connection or relationship (CONNECTED_TO)
    COWORKERS = "coworkers"  # employed at the same company now, with overlapping tenure
    FORMER_COWORKERS = "former_coworkers"  # their tenures overlapped at a company, in the past
    BOARD = "board"  # they sat on the same board (board_member) at the same time


class IntroducerKind(StrEnum):
    """Who may stand between the start and the target of a referral path."""

    ANY = "any"
    COLLEAGUE = "colleague"  # one of our own people
    CUSTOMER = "customer"  # employed now at a company with a won deal
    COLLEAGUE_OR_CUSTOMER = "colleague_or_customer"


class HiddenLinkKind(StrEnum):
    """Why two companies are linked (see ``algorithms.hidden_links``)."""

    SHARED_CURRENT_PEOPLE = "shared_current_people"
    FORMER_EMPLOYEE = "former_employee"
    SHARED_BOARD_MEMBER = "shared_board_member"
    SHARED_ADVISOR = "shared_advisor"
    SHARED_INVESTOR = "shared_investor"
    SHARED_DOMAIN = "shared_domain"
    SHARED_ADDRESS = "shared_address"
    SHARED_PHONE = "shared_phone"
    CORPORATE_FAMILY = "corporate_family"
    LIKELY_DUPLICATE = "likely_duplicate"
    SIMILAR_NEIGHBOURHOOD = "similar_neighbourhood"


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
