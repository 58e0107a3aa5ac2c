"""Which columns of HubSpot and Salesforce CSV exports hold which template field.

Headers are matched by :func:`~ingest.formats.tables.csv_rows.header_key` (case-folded, letters
and digits only), so a label (``First Name``, ``Billing Zip/Postal Code``), an API name
(``FirstName``, ``BillingPostalCode``), a Data Loader header (``FIRSTNAME``) and a HubSpot
internal name (``firstname``) all match. When several columns feed one field, the first
listed with a value wins. Targets starting with ``@`` are converted before they become
fields (see :mod:`ingest.formats.tables.crm_exports`).

Examples
--------
>>> [obj.name for obj in HUBSPOT], [obj.name for obj in SALESFORCE]
(['deals', 'contacts', 'companies'], ['opportunities', 'contacts', 'accounts'])
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.source_rows import Entity

__all__ = [
    "ADDRESS_PARTS",
    "HUBSPOT",
    "MOBILE",
    "OWNER",
    "SALESFORCE",
    "WEBSITE",
    "ExportObject",
]

OWNER = "@owner"
"""A deal owner: a name, a user id or an email; only an email is kept."""
WEBSITE = "@website"
"""A website URL: the company's domain when no domain column has one."""
MOBILE = "@mobile"
"""A mobile number: the phone when there is none, else an alternate phone."""
ADDRESS_PARTS = ("@street", "@street2", "@city", "@region", "@postcode", "@country")
"""Address parts, joined into one ``address``."""


@dataclass(frozen=True, slots=True)
class ExportObject:
    """One kind of record a CRM exports, recognised by its header.

    Attributes
    ----------
    vendor, name
        For messages: ``HubSpot``, ``contacts``.
    entity
        What each row becomes.
    columns
        ``(header key, target)`` pairs, in order of preference per target.
    signature
        Groups of header keys; the header has one key of every group.
    expected
        The headers that identify it, for the message when nothing matches.
    us_dates, percent
        Dates may be ``MM/DD/YYYY``; the probability is 0..100.
    """

    vendor: str
    name: str
    entity: Entity
    columns: tuple[tuple[str, str], ...]
    signature: tuple[frozenset[str], ...]
    expected: str
    us_dates: bool = False
    percent: bool = False

    def recognises(self, keys: set[str]) -> bool:
        """Whether a header with these keys is an export of this object."""
        return all(group & keys for group in self.signature)


def _pairs(*groups: tuple[str, tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    return tuple((key, target) for target, keys in groups for key in keys)


_HUBSPOT_ADDRESS = (
    ("@street", ("streetaddress", "address")),
    ("@street2", ("streetaddress2", "address2")),
    ("@city", ("city",)),
    ("@region", ("stateregion", "state")),
    ("@postcode", ("postalcode", "zip")),
    ("@country", ("countryregion", "country")),
)
_HUBSPOT_COMPANY_IDS = (
    "primaryassociatedcompanyid",
    "associatedcompanyidsprimary",
    "associatedcompanyid",
    "associatedcompanyids",
)
_HUBSPOT_COMPANY_NAMES = ("associatedcompanyprimary", "associatedcompany")

HUBSPOT = (
    ExportObject(
        "HubSpot",
        "deals",
        Entity.DEAL,
        _pairs(
            ("deal_id", ("recordid", "hsobjectid", "dealid")),
            ("name", ("dealname",)),
            ("stage", ("dealstage",)),
            ("amount", ("amount",)),
            ("currency", ("currency", "dealcurrencycode")),
            ("close_date", ("closedate",)),
            ("probability", ("dealprobability", "hsdealstageprobability", "probability")),
            (OWNER, ("dealowneremail", "hubspotowneremail", "dealowner", "hubspotownerid")),
            ("company_id", _HUBSPOT_COMPANY_IDS),
            ("company_name", (*_HUBSPOT_COMPANY_NAMES, "companyname")),
        ),
        (frozenset({"dealname", "dealstage"}),),
        "'Deal Name' or 'Deal Stage' for deals",
    ),
    ExportObject(
        "HubSpot",
        "contacts",
        Entity.PERSON,
        _pairs(
            ("person_id", ("recordid", "hsobjectid", "contactid")),
            ("first_name", ("firstname",)),
            ("last_name", ("lastname",)),
            ("email", ("email", "emailaddress")),
            ("alternate_emails", ("additionalemailaddresses", "hsadditionalemails")),
            ("phone", ("phonenumber", "phone")),
            (MOBILE, ("mobilephonenumber", "mobilephone")),
            ("title", ("jobtitle",)),
            ("company_id", _HUBSPOT_COMPANY_IDS),
            ("company_name", ("companyname", "company", *_HUBSPOT_COMPANY_NAMES)),
            ("company_domain", ("companydomainname",)),
        ),
        (frozenset({"firstname", "lastname", "email", "emailaddress"}),),
        "'First Name', 'Last Name' or 'Email' for contacts",
    ),
    ExportObject(
        "HubSpot",
        "companies",
        Entity.COMPANY,
        _pairs(
            ("company_id", ("recordid", "hsobjectid", "companyid")),
            ("name", ("companyname", "name")),
            ("domain", ("companydomainname", "domain")),
            (WEBSITE, ("websiteurl", "website")),
            ("industry", ("industry",)),
            ("phone", ("phonenumber", "phone")),
            ("parent_company_id", ("parentcompany", "parentcompanyid", "hsparentcompanyid")),
            *_HUBSPOT_ADDRESS,
        ),
        (frozenset({"companyname", "companydomainname", "name", "domain"}),),
        "'Company name' or 'Company Domain Name' for companies",
    ),
)
"""HubSpot's exports, in the order they are tried (contacts carry company columns too)."""

_BILLING = (
    ("@street", ("billingstreet",)),
    ("@city", ("billingcity",)),
    ("@region", ("billingstate", "billingstateprovince")),
    ("@postcode", ("billingpostalcode", "billingzippostalcode", "billingzip")),
    ("@country", ("billingcountry",)),
)

SALESFORCE = (
    ExportObject(
        "Salesforce",
        "opportunities",
        Entity.DEAL,
        _pairs(
            ("deal_id", ("opportunityid", "id")),
            ("name", ("opportunityname", "name")),
            ("company_id", ("accountid",)),
            ("company_name", ("accountname",)),
            ("amount", ("amount",)),
            ("currency", ("currencyisocode", "opportunitycurrency", "currency")),
            ("stage", ("stagename", "stage")),
            ("probability", ("probability",)),
            ("close_date", ("closedate",)),
            (OWNER, ("owneremail", "opportunityowneremail", "ownerid", "opportunityowner")),
        ),
        (frozenset({"stagename", "stage", "opportunityid", "opportunityname"}),),
        "'StageName' or 'Opportunity ID' for opportunities",
        us_dates=True,
        percent=True,
    ),
    ExportObject(
        "Salesforce",
        "contacts",
        Entity.PERSON,
        _pairs(
            ("person_id", ("contactid", "id")),
            ("company_id", ("accountid",)),
            ("company_name", ("accountname",)),
            ("first_name", ("firstname",)),
            ("last_name", ("lastname",)),
            ("full_name", ("fullname", "name", "contactname")),
            ("email", ("email",)),
            ("phone", ("phone", "businessphone")),
            (MOBILE, ("mobilephone", "mobile")),
            ("title", ("title",)),
            ("department", ("department",)),
            ("manager_person_id", ("reportstoid",)),
        ),
        (frozenset({"firstname", "lastname", "contactid"}),),
        "'LastName' or 'Contact ID' for contacts",
        us_dates=True,
    ),
    ExportObject(
        "Salesforce",
        "accounts",
        Entity.COMPANY,
        _pairs(
            ("company_id", ("accountid", "id")),
            ("name", ("accountname", "name")),
            (WEBSITE, ("website",)),
            ("industry", ("industry",)),
            ("parent_company_id", ("parentid", "parentaccountid")),
            ("phone", ("phone", "accountphone")),
            *_BILLING,
        ),
        (frozenset({"id", "accountid"}), frozenset({"name", "accountname"})),
        "'Id'/'Account ID' and 'Name'/'Account Name' for accounts",
        us_dates=True,
    ),
)
"""Salesforce's report and Data Loader exports, in the order they are tried."""
