"""Normalised keys of emails, domains, phones and names: each spelling meets its twins."""

from __future__ import annotations

import doctest

import pytest

import graph.writing.rows
from schema import keys
from schema.identifier_keys import (
    FREE_MAIL_DOMAINS,
    email_domain,
    is_free_mail,
    normalise_domain,
    normalise_email,
    normalise_phone,
    work_domain,
)
from schema.keys import company_name_key, person_name_key


def test_the_module_examples_hold() -> None:
    result = doctest.testmod(keys)

    assert result.failed == 0 and result.attempted > 10


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ann@Example.COM", "ann@example.com"),
        ("  ann@example.com  ", "ann@example.com"),
        ("mailto:ann@example.com", "ann@example.com"),
        ("MAILTO:ann@example.com", "ann@example.com"),
        ("<ann@example.com>", "ann@example.com"),
        ("<mailto:ann@example.com>", "ann@example.com"),
        ("ann.lee+crm@mail.acme.co.uk", "ann.lee+crm@mail.acme.co.uk"),
        ("li.na@华信.中国", "li.na@华信.中国"),
    ],
)
def test_an_email_is_lower_cased_and_unwrapped(raw: str, expected: str) -> None:
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "ann",
        "ann@",
        "@example.com",
        "ann@example",
        "ann@@example.com",
        "ann@b@example.com",
        "ann lee@example.com",
        "ann@exa mple.com",
        "ann@-example.com",
        "ann@example..com",
        "ann@10.0.0.1",
        "a" * 250 + "@x.com",
    ],
)
def test_an_implausible_email_is_none(raw: str | None) -> None:
    assert normalise_email(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("example.com", "example.com"),
        (" WWW.Example.COM. ", "example.com"),
        ("https://www.acme.com/about", "acme.com"),
        ("http://acme.com:8080", "acme.com"),
        ("acme.com/contact?x=1#top", "acme.com"),
        ("ftp://user@files.acme.com", "files.acme.com"),
        ("shop.acme.co.uk", "shop.acme.co.uk"),
        ("huaxin.com.cn.", "huaxin.com.cn"),
        ("華信.中国", "華信.中国"),
    ],
)
def test_a_domain_loses_scheme_path_port_and_www(raw: str, expected: str) -> None:
    assert normalise_domain(raw) == expected


@pytest.mark.parametrize(
    "raw", [None, "", "  ", "localhost", "not a domain", "10.0.0.1", "acme..com", "-acme.com"]
)
def test_an_invalid_domain_is_none(raw: str | None) -> None:
    assert normalise_domain(raw) is None


def test_graph_rows_re_exports_the_one_domain_normaliser() -> None:
    assert graph.writing.rows.normalise_domain is normalise_domain


def test_the_domain_of_an_email_is_normalised_and_none_for_no_email() -> None:
    assert email_domain("Ann@WWW.Acme.COM") == "acme.com"
    assert email_domain("not an email") is None
    assert email_domain(None) is None


@pytest.mark.parametrize(
    "domain",
    [
        "gmail.com",
        "GoogleMail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "yahoo.com.br",
        "yahoo.co.jp",
        "gmx.de",
        "yandex.ru",
        "qq.com",
        "163.com",
        "126.com",
        "proton.me",
    ],
)
def test_mailbox_providers_are_free_mail(domain: str) -> None:
    assert is_free_mail(domain) is True


@pytest.mark.parametrize(
    "domain", ["acme.com", "huaxin.com.cn", "yahoo-finance-partner.com", "gmail.acme.com", None]
)
def test_company_domains_are_not_free_mail(domain: str | None) -> None:
    assert is_free_mail(domain) is False


def test_the_free_mail_list_names_the_big_providers_of_both_markets() -> None:
    assert {"gmail.com", "outlook.com", "icloud.com", "qq.com", "163.com", "foxmail.com"} <= (
        FREE_MAIL_DOMAINS
    )


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("ann@acme.com", "acme.com"),
        ("Ann@Sales.Acme.com", "sales.acme.com"),
        ("ann@gmail.com", None),
        ("wang.wei@163.com", None),
        ("wang.wei@huaxin.com.cn", "huaxin.com.cn"),
        ("nonsense", None),
        (None, None),
    ],
)
def test_a_work_domain_is_an_email_domain_that_is_not_free_mail(
    email: str | None, expected: str | None
) -> None:
    assert work_domain(email) == expected


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+14155550100", None, "+14155550100"),
        ("+1 (415) 555-0100", None, "+14155550100"),
        ("(415) 555-0100", "US", "+14155550100"),
        ("415.555.0100", "us", "+14155550100"),
        ("001 415 555 0100", None, "+14155550100"),
        ("+1 415 555 0100 ext. 12", None, "+14155550100"),
        ("+44 20 7946 0958", None, "+442079460958"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("+86 138 1234 5678", None, "+8613812345678"),
        ("0086 138-1234-5678", None, "+8613812345678"),
        ("(+86) 10 6552 9988", None, "+861065529988"),
        ("13812345678", "CN", "+8613812345678"),
        ("010-65529988", "CN", "+861065529988"),
        ("+44 20 7946 0958", "CN", "+442079460958"),
    ],
)
def test_a_phone_number_becomes_e164(raw: str, region: str | None, expected: str) -> None:
    assert normalise_phone(raw, region) == expected


@pytest.mark.parametrize(
    ("raw", "region"),
    [
        (None, "US"),
        ("", "US"),
        ("   ", "US"),
        ("(415) 555-0100", None),
        ("call me", "US"),
        ("+1 12", None),
        ("+86 138", None),
        ("12", "CN"),
    ],
)
def test_an_unparseable_or_impossible_phone_number_is_none(
    raw: str | None, region: str | None
) -> None:
    assert normalise_phone(raw, region) is None


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["ACME, Inc.", "Acme Incorporated", "Acme Inc", "acme"], "acme"),
        (["Acme Corp", "ACME CORPORATION", "Acme Corp.", "The Acme Company"], "acme"),
        (["Acme Systems Ltd", "ACME SYSTEMS LIMITED", "Acme Systems Co., Ltd."], "acme systems"),
        (["Müller GmbH", "Müller G.m.b.H.", "Müller GmbH & Co. KG"], "muller"),
        (["Société Générale S.A.", "SOCIETE GENERALE SA", "Société Générale"], "societe generale"),
        (["Nordic Tools A/S", "Nordic Tools AS", "Nordic Tools ApS"], "nordic tools"),
        (["Banco Rojo S.p.A.", "Banco Rojo SpA", "Banco Rojo S.r.l."], "banco rojo"),
        (["Kangaroo Pty Ltd", "Kangaroo Pty. Ltd.", "Kangaroo Limited"], "kangaroo"),
        (["Tulip B.V.", "Tulip N.V.", "Tulip"], "tulip"),
        (["Dupont SAS", "Dupont S.A.S.", "Dupont SARL", "Dupont SE"], "dupont"),
        (["Sakura K.K.", "Sakura KK"], "sakura"),
        (["McDonald's Corporation", "McDonalds Corp"], "mcdonalds"),
        (
            ["华信科技有限公司", "华信科技", "华信科技股份有限公司", "华信科技有限责任公司"],
            "华信科技",
        ),
        (["华信集团有限公司", "华信集团", "华信", "华信集团股份有限公司"], "华信"),
        (
            ["阿里巴巴（中国）有限公司", "阿里巴巴(中国)", "阿里巴巴 (中国) 有限公司"],
            "阿里巴巴中国",
        ),
        (["トヨタ自動車株式会社", "株式会社トヨタ自動車"], "トヨタ自動車"),
    ],
)
def test_spellings_of_one_company_share_a_key(spellings: list[str], key: str) -> None:
    assert [company_name_key(s) for s in spellings] == [key] * len(spellings)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Company", "company"),
        ("Inc.", "inc"),
        ("The Boston Consulting Group", "boston consulting group"),
        ("Acme Holdings Ltd", "acme holdings"),
        ("华信北京分公司", "华信北京分公司"),
        ("Co-operative Bank", "co operative bank"),
    ],
)
def test_a_company_key_keeps_words_that_are_not_a_trailing_legal_form(name: str, key: str) -> None:
    assert company_name_key(name) == key


@pytest.mark.parametrize("name", [None, "", "   ", "---", "（）"])
def test_an_empty_company_name_has_no_key(name: str | None) -> None:
    assert company_name_key(name) is None


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (
            ["John Smith", "Smith, John", "JOHN SMITH", "john  smith", "Mr. John Smith"],
            "john smith",
        ),
        (["Dr. Ann Lee", "Lee, Ann", "Prof Ann Lee", "Ms Ann LEE"], "ann lee"),
        (["José Núñez", "Jose Nunez", "NÚÑEZ, José"], "jose nunez"),
        (["Jean-Luc Picard", "Jean Luc Picard", "Picard, Jean-Luc"], "jean luc picard"),
        (["Seán O'Brien", "Sean OBrien", "O'Brien, Sean"], "obrien sean"),
        (["王伟", "王 伟", " 王伟 "], "王伟"),
        (["Wang Wei", "WANG Wei", "Wei Wang"], "wang wei"),
    ],
)
def test_spellings_of_one_person_share_a_key(spellings: list[str], key: str) -> None:
    assert [person_name_key(s) for s in spellings] == [key] * len(spellings)


def test_a_junior_keeps_the_suffix_that_tells_him_from_his_father() -> None:
    assert person_name_key("John Smith Jr.") == "john jr smith"
    assert person_name_key("John Smith Jr.") != person_name_key("John Smith")


def test_a_name_made_only_of_an_honorific_keeps_it() -> None:
    assert person_name_key("Dr.") == "dr"


@pytest.mark.parametrize("name", [None, "", "  ", "..."])
def test_an_empty_person_name_has_no_key(name: str | None) -> None:
    assert person_name_key(name) is None
