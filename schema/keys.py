"""Normalised keys of identifiers and names: one spelling per email, domain, phone and name.

Two records that mean the same thing get the same key, so the graph can share identifier
nodes between them and entity resolution can compare them. Every function takes raw text
(or None) and returns the key, or None when the text is empty or not plausible.

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
>>> company_name_key("ACME, Inc.") == company_name_key("Acme Incorporated") == "acme"
True
>>> company_name_key("阿里巴巴（中国）有限公司") == company_name_key("阿里巴巴(中国)")
True
>>> company_name_key("Société Générale S.A.")
'societe generale'
>>> person_name_key("Smith, John") == person_name_key("Dr. John SMITH") == "john smith"
True
>>> person_name_key("王 伟")
'王伟'

Company keys drop legal forms at the end, repeatedly ("GmbH & Co. KG" goes entirely), but
never the last word of a name ("The Company" stays "company"). 集团 ("group") is dropped
too, after the legal form: Chinese companies write 华信集团有限公司, 华信集团 and 华信 for one
firm, and the demo's near-duplicates do the same. English "Group" and "Holdings" are kept:
there they usually name a different legal entity (the holding above the operating company).
分公司 (a branch) is kept, so a branch never takes its head office's key.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

__all__ = [
    "FREE_MAIL_DOMAINS",
    "company_name_key",
    "email_domain",
    "is_free_mail",
    "legal_form",
    "normalise_domain",
    "normalise_email",
    "normalise_phone",
    "person_name_key",
    "work_domain",
]

_MAX_EMAIL = 254
_MAX_DOMAIN = 253
_EMAIL_LOCAL = re.compile(r"[^\s@<>()\[\],;:\"]+")
_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_PORT = re.compile(r":\d*$")
_SPACE = re.compile(r"\s+")
# Han ideographs (and their extensions), kana: scripts written without spaces between words.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")
_JOINERS = re.compile(r"[.'\u2019`]")  # dropped inside words: L.L.C. -> llc, O'Brien -> obrien
_NOT_WORD = re.compile(r"[\W_]+")

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

# Legal forms, as the word sequences they become once dots are dropped and other punctuation
# is a space ("S.A." -> "sa", "A/S" -> "a s"). Longest first, so "pty ltd" goes before "ltd".
_LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(form.split())
            for form in (
                "inc",
                "incorporated",
                "corp",
                "corporation",
                "co",
                "company",
                "cos",
                "llc",
                "pllc",
                "ltd",
                "limited",
                "ltda",
                "plc",
                "llp",
                "lllp",
                "lp",
                "pc",
                "gmbh",
                "ggmbh",
                "mbh",
                "ug",
                "ag",
                "aktiengesellschaft",
                "kg",
                "kgaa",
                "ohg",
                "ev",
                "eg",
                "se",
                "sa",
                "sas",
                "sasu",
                "sarl",
                "eurl",
                "snc",
                "spa",
                "srl",
                "sl",
                "slu",
                "sa de cv",
                "bv",
                "nv",
                "bvba",
                "oy",
                "oyj",
                "ab",
                "as",
                "asa",
                "a s",
                "aps",
                "pty",
                "pty ltd",
                "pte",
                "pte ltd",
                "pvt",
                "pvt ltd",
                "private limited",
                "sdn bhd",
                "bhd",
                "tbk",
                "kk",
                "kabushiki kaisha",
                "gk",
                "yk",
                "sp z oo",
                "zrt",
                "kft",
                "doo",
            )
        ),
        key=len,
        reverse=True,
    )
)
_SHORT_FORMS = {
    "incorporated": "inc",
    "corporation": "corp",
    "company": "co",
    "cos": "co",
    "limited": "ltd",
    "aktiengesellschaft": "ag",
    "kabushiki kaisha": "kk",
    "private limited": "pvt ltd",
    "a s": "as",
}
_CJK_LEGAL_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "公司",
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "集团",
)
_CJK_LEGAL_PREFIXES = ("株式会社", "有限会社", "合同会社", "주식회사")
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "phd", "esq"}
)


def _plain(text: str) -> str:
    """NFKC, case-folded, Latin/Greek/Cyrillic accents removed (kana voicing marks kept)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return unicodedata.normalize("NFC", stripped)


def _words(text: str) -> str:
    """Plain text with punctuation removed: dots and apostrophes join, the rest separates;
    CJK characters are not separated by spaces."""
    spaced = _NOT_WORD.sub(" ", _JOINERS.sub("", _plain(text)))
    return _CJK_GAP.sub("", _SPACE.sub(" ", spaced).strip())


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


def _company_words(name: str) -> tuple[list[str], list[str]]:
    """A company name's words without legal forms, and the Latin-script legal forms dropped
    (the last one of the name first)."""
    words = _words(name)
    for prefix in _CJK_LEGAL_PREFIXES:
        if words.startswith(prefix) and len(words) > len(prefix):
            words = words[len(prefix) :].strip()
    tokens = words.split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    dropped: list[str] = []
    changed = True
    while changed and tokens:
        changed = False
        last = tokens[-1]
        for suffix in () if last.endswith("分公司") else _CJK_LEGAL_SUFFIXES:
            if last == suffix and len(tokens) > 1:
                del tokens[-1]
            elif last.endswith(suffix) and len(last) > len(suffix):
                tokens[-1] = last[: -len(suffix)]
            else:
                continue
            changed = True
            break
        if changed:
            continue
        for form in _LEGAL_FORMS:
            if len(tokens) > len(form) and tuple(tokens[-len(form) :]) == form:
                del tokens[-len(form) :]
                dropped.append(" ".join(form))
                changed = True
                break
    return tokens, dropped


def company_name_key(name: str | None) -> str | None:
    """The key under which spellings of one company name meet, or None for an empty name.

    Case-folded (NFKC), accents and punctuation removed, legal forms dropped at the end
    (repeatedly; see the module docstring) and a leading "The"; CJK text loses its spaces.

    >>> company_name_key("The Boeing Company"), company_name_key("Huaxin Technology Co., Ltd.")
    ('boeing', 'huaxin technology')
    >>> company_name_key("Müller GmbH & Co. KG"), company_name_key("华信科技集团股份有限公司")
    ('muller', '华信科技')
    >>> company_name_key("ACME A/S"), company_name_key("Inc."), company_name_key(" - ")
    ('acme', 'inc', None)
    """
    if name is None:
        return None
    tokens, _ = _company_words(name)
    return " ".join(tokens) or None


def legal_form(name: str | None) -> str | None:
    """The Latin-script legal form a company name ends with, in its short spelling, or None.

    Spelled-out and dotted forms meet their abbreviation ("Incorporated" and "Inc." are
    ``inc``); of several forms, the last one of the name counts ("GmbH & Co. KG" is ``kg``).
    Chinese and Japanese forms (有限公司, 株式会社) are not reported.

    >>> legal_form("Acme Incorporated"), legal_form("ACME, Inc."), legal_form("Müller GmbH & Co KG")
    ('inc', 'inc', 'kg')
    >>> legal_form("Acme Stores Limited"), legal_form("Acme"), legal_form("华信科技有限公司")
    ('ltd', None, None)
    """
    if name is None:
        return None
    _, dropped = _company_words(name)
    return _SHORT_FORMS.get(dropped[0], dropped[0]) if dropped else None


def person_name_key(name: str | None) -> str | None:
    """The key under which spellings of one person's name meet, or None for an empty name.

    Case-folded (NFKC), accents and punctuation removed, honorifics and degrees dropped
    (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame, PhD, Esq; "Jr" stays: it tells a son from
    his father), the words sorted so that name order does not matter. Chinese (and Japanese)
    names keep their characters, without spaces.

    >>> person_name_key("Prof. José  O'Brien-Núñez"), person_name_key("Mrs. ")
    ('jose nunez obrien', 'mrs')
    >>> person_name_key("WANG Wei") == person_name_key("Wei Wang"), person_name_key("")
    (True, None)
    """
    if name is None:
        return None
    tokens = _words(name).split()
    kept = [t for t in tokens if t not in _HONORIFICS] or tokens
    return " ".join(sorted(kept)) or None
