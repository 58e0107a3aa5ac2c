"""Normalised keys of identifiers: one spelling per email address, web domain and phone number.

Two records that mean the same thing get the same key, so the graph can share identifier
nodes between them and entity resolution can compare them. Every function takes raw text
(or None) and returns the key, or None when the text is empty or not plausible. Names are
keyed in :mod:`schema.keys`.

Examples
--------
>>> normalise_email("  <MAILTO:Ann.Lee@Acme.COM> ")
'ann.lee@acme.com'
>>> normalise_domain("https://WWW.Acme.com:443/about?x=1")
'acme.com'
>>> work_domain("ann@gmail.com") is None, work_domain("ann@acme.com")
(True, 'acme.com')
>>> normalise_phone("(415) 555-0100", "US"), normalise_phone("0086 138 1234 5678")
('+14155550100', '+8613812345678')
"""

from __future__ import annotations

import re

import phonenumbers

__all__ = [
    "FREE_MAIL_DOMAINS",
    "email_domain",
    "is_free_mail",
    "normalise_domain",
    "normalise_email",
    "normalise_phone",
    "work_domain",
]

_MAX_EMAIL = 254
_MAX_DOMAIN = 253
_EMAIL_LOCAL = re.compile(r"[^\s@<>()\[\],;:\"]+")
_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_PORT = re.compile(r":\d*$")

FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "outlook.fr",
        "outlook.de",
        "hotmail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "hotmail.de",
        "hotmail.it",
        "hotmail.es",
        "live.com",
        "live.co.uk",
        "live.fr",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
        "yahoo.co.jp",
        "yahoo.com.cn",
        "ymail.com",
        "rocketmail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "gmx.at",
        "gmx.ch",
        "web.de",
        "t-online.de",
        "freenet.de",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "libero.it",
        "mail.com",
        "mail.ru",
        "inbox.ru",
        "list.ru",
        "bk.ru",
        "yandex.ru",
        "yandex.com",
        "zoho.com",
        "tutanota.com",
        "fastmail.com",
        "hey.com",
        "qq.com",
        "vip.qq.com",
        "163.com",
        "126.com",
        "vip.163.com",
        "yeah.net",
        "sina.com",
        "sina.cn",
        "sohu.com",
        "foxmail.com",
        "aliyun.com",
        "139.com",
        "189.cn",
        "naver.com",
        "daum.net",
        "hanmail.net",
        "rediffmail.com",
    }
)
"""Mailbox providers where anyone can have an address: their domain says nothing about an
employer. :func:`is_free_mail` also knows the brands that exist under many country domains
(``hotmail.*``, ``yahoo.*``, ``gmx.*``, ``yandex.*``, ``outlook.*``, ``live.*``)."""

_FREE_MAIL_BRANDS = frozenset({"hotmail", "yahoo", "gmx", "yandex", "outlook", "live"})
_COUNTRY_TAIL = re.compile(r"(?:(?:com?|net|org)\.)?[a-z]{2,3}")


def normalise_email(raw: str | None) -> str | None:
    """The lower-case address, or None when ``raw`` is empty or not a plausible address.

    Plausible: one ``@``, a local part, a domain with a dot (see :func:`normalise_domain`), no
    spaces, at most 254 characters. ``mailto:`` and surrounding ``<>`` are removed.

    >>> normalise_email("Ann@Example.com"), normalise_email("ann at example.com")
    ('ann@example.com', None)
    >>> normalise_email("ann@localhost") is None, normalise_email("a@b@c.com") is None
    (True, True)
    """
    if raw is None:
        return None
    text = raw.strip().lower()
    text = text.removeprefix("<").removesuffix(">").strip()
    text = text.removeprefix("mailto:").strip()
    text = text.removeprefix("<").removesuffix(">")
    if not text or len(text) > _MAX_EMAIL or text.count("@") != 1:
        return None
    local, domain = text.split("@")
    if not _EMAIL_LOCAL.fullmatch(local) or _domain_shape(domain) != domain:
        return None
    return text


def _domain_shape(domain: str) -> str | None:
    labels = domain.split(".")
    if len(domain) > _MAX_DOMAIN or len(labels) < 2 or labels[-1].isdigit():
        return None
    return domain if all(_LABEL.fullmatch(label) for label in labels) else None


def normalise_domain(raw: str | None) -> str | None:
    """The bare host name of a domain or URL, or None when empty or not a domain name.

    Lower case, without scheme, user, port, path, query, ``www.`` and trailing dots. IDNs
    stay in Unicode (no punycode). IP addresses and single labels (``localhost``) are None.

    >>> normalise_domain(" WWW.Example.COM. ")
    'example.com'
    >>> normalise_domain("http://user@shop.example.co.uk:8080/x"), normalise_domain("not a domain")
    ('shop.example.co.uk', None)
    >>> normalise_domain("10.0.0.1") is None, normalise_domain("") is None
    (True, True)
    """
    if raw is None:
        return None
    text = _SCHEME.sub("", raw.strip().lower())
    text = re.split(r"[/?#]", text, maxsplit=1)[0]
    text = _PORT.sub("", text.rsplit("@", 1)[-1]).rstrip(".")
    text = text.removeprefix("www.")
    return _domain_shape(text) if text else None


def email_domain(email: str | None) -> str | None:
    """The domain of a plausible email address (normalised), else None.

    >>> email_domain("Ann@WWW.Acme.com"), email_domain("nobody")
    ('acme.com', None)
    """
    address = normalise_email(email)
    return None if address is None else normalise_domain(address.split("@")[1])


def is_free_mail(domain: str | None) -> bool:
    """Whether ``domain`` is a mailbox provider's (see :data:`FREE_MAIL_DOMAINS`).

    >>> is_free_mail("GMAIL.com"), is_free_mail("yahoo.com.br"), is_free_mail("acme.com")
    (True, True, False)
    """
    key = normalise_domain(domain)
    if key is None:
        return False
    if key in FREE_MAIL_DOMAINS:
        return True
    brand, _, tail = key.partition(".")
    return brand in _FREE_MAIL_BRANDS and _COUNTRY_TAIL.fullmatch(tail) is not None


def work_domain(email: str | None) -> str | None:
    """The email's domain unless it is a free-mail provider's: it hints at an employer.

    >>> work_domain("li.na@qq.com") is None, work_domain("li.na@huaxin.com.cn")
    (True, 'huaxin.com.cn')
    """
    domain = email_domain(email)
    return None if domain is None or is_free_mail(domain) else domain


def normalise_phone(raw: str | None, default_region: str | None = None) -> str | None:
    """The E.164 form of a phone number (``+14155550100``), or None.

    A number starting with ``+`` or ``00`` carries its country code; any other needs
    ``default_region`` (ISO 3166 alpha-2, such as ``"US"`` or ``"CN"``). None when the text
    cannot be parsed or has fewer than 7 digits. A number of a wrong length for its country
    (exports hold such) still gets its ``+``-and-digits key, so its spellings meet.
    Extensions are dropped.

    >>> normalise_phone("+86 10 6552 9988"), normalise_phone("010-65529988", "CN")
    ('+861065529988', '+861065529988')
    >>> normalise_phone("555-0100") is None, normalise_phone("+1 12") is None
    (True, True)
    >>> normalise_phone("+33 1 19 04 18 12 8")
    '+331190418128'
    """
    if raw is None:
        return None
    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text:
        return None
    region = None if text.startswith("+") else default_region
    try:
        number = phonenumbers.parse(text, region.upper() if region else None)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    national = str(number.national_number)
    return f"+{number.country_code}{national}" if len(national) >= 7 else None
