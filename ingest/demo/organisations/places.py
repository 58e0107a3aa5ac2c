"""Countries of the demo world: cities, street addresses, phone numbers, TLDs, currencies.

Phone numbers are E.164 (``+14155550123``); Chinese addresses are written in Chinese.

Examples
--------
>>> import random
>>> us = COUNTRIES[0]
>>> us.code, us.currency, us.tld
('US', 'USD', 'com')
>>> draw_phone(random.Random(1), us).startswith("+1")
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = [
    "CHINA",
    "COUNTRIES",
    "City",
    "Country",
    "draw_address",
    "draw_mobile",
    "draw_phone",
]


@dataclass(frozen=True, slots=True)
class City:
    """A city, a short Latin slug for it, its streets, post codes and phone area code."""

    name: str
    slug: str
    region: str
    area_code: str
    postcodes: tuple[str, ...]
    streets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Country:
    """A country of the demo world and its local conventions."""

    code: str
    name: str
    calling_code: str
    currency: str
    tld: str
    legal_suffixes: tuple[str, ...]
    cities: tuple[City, ...]
    weight: float
    chinese: bool = False


_US = Country(
    "US",
    "USA",
    "1",
    "USD",
    "com",
    ("Inc", "LLC", "Corp"),
    (
        City(
            "San Francisco",
            "sf",
            "CA",
            "415",
            ("94103", "94105", "94107"),
            ("Market Street", "Mission Street", "Howard Street", "Folsom Street"),
        ),
        City(
            "New York",
            "nyc",
            "NY",
            "212",
            ("10001", "10016", "10022"),
            ("Broadway", "Madison Avenue", "Park Avenue", "West 34th Street"),
        ),
        City(
            "Boston", "bos", "MA", "617", ("02110", "02116"), ("Boylston Street", "Atlantic Avenue")
        ),
        City(
            "Austin", "atx", "TX", "512", ("78701", "78704"), ("Congress Avenue", "Lamar Boulevard")
        ),
        City("Seattle", "sea", "WA", "206", ("98101", "98104"), ("Pike Street", "Second Avenue")),
        City("Chicago", "chi", "IL", "312", ("60601", "60606"), ("Wacker Drive", "LaSalle Street")),
    ),
    40.0,
)

_UK = Country(
    "GB",
    "UK",
    "44",
    "GBP",
    "co.uk",
    ("Ltd", "PLC"),
    (
        City(
            "London",
            "ldn",
            "",
            "20",
            ("EC2V 8AU", "EC1A 1BB", "W1D 3QF"),
            ("King Street", "Old Street", "Bishopsgate", "Oxford Street"),
        ),
        City(
            "Manchester", "man", "", "161", ("M1 1AE", "M2 3AW"), ("Deansgate", "Portland Street")
        ),
    ),
    12.0,
)

_DE = Country(
    "DE",
    "Germany",
    "49",
    "EUR",
    "de",
    ("GmbH", "AG"),
    (
        City("Berlin", "ber", "", "30", ("10117", "10178"), ("Friedrichstraße", "Torstraße")),
        City("Munich", "muc", "", "89", ("80331", "80335"), ("Leopoldstraße", "Maximilianstraße")),
    ),
    10.0,
)

_FR = Country(
    "FR",
    "France",
    "33",
    "EUR",
    "fr",
    ("S.A.", "SAS"),
    (
        City("Paris", "par", "", "1", ("75001", "75008"), ("Rue de Rivoli", "Avenue de l'Opéra")),
        City("Lyon", "lyo", "", "4", ("69002",), ("Rue de la République",)),
    ),
    6.0,
)

_ES = Country(
    "ES",
    "Spain",
    "34",
    "EUR",
    "es",
    ("S.A.", "S.L."),
    (
        City(
            "Madrid",
            "mad",
            "",
            "91",
            ("28014", "28046"),
            ("Calle de Alcalá", "Paseo de la Castellana"),
        ),
        City("Barcelona", "bcn", "", "93", ("08007",), ("Passeig de Gràcia", "Avinguda Diagonal")),
    ),
    4.0,
)

CHINA = Country(
    "CN",
    "China",
    "86",
    "CNY",
    "com.cn",
    ("有限公司", "股份有限公司"),
    (
        City(
            "北京",
            "bj",
            "北京市",
            "10",
            ("100080",),
            ("海淀区中关村大街", "朝阳区建国路", "东城区王府井大街"),
        ),
        City(
            "上海",
            "sh",
            "上海市",
            "21",
            ("200120",),
            ("浦东新区世纪大道", "徐汇区漕溪北路", "静安区南京西路"),
        ),
        City(
            "深圳", "sz", "广东省深圳市", "755", ("518057",), ("南山区科技园路", "福田区深南大道")
        ),
        City("杭州", "hz", "浙江省杭州市", "571", ("310012",), ("西湖区文三路", "滨江区江南大道")),
    ),
    22.0,
    chinese=True,
)

COUNTRIES: tuple[Country, ...] = (_US, _UK, _DE, _FR, _ES, CHINA)
"""All countries, the first (the USA) being the home country."""


def draw_address(rng: random.Random, country: Country, city: City) -> str:
    """Return a street address in ``city``, written the local way."""
    number = rng.randint(1, 1999)
    street = rng.choice(city.streets)
    postcode = rng.choice(city.postcodes)
    if country.chinese:
        return f"{city.region}{street}{number}号"
    if country.code == "US":
        return f"{number} {street}, {city.name}, {city.region} {postcode}, {country.name}"
    if country.code == "GB":
        return f"{number} {street}, {city.name} {postcode}, {country.name}"
    if country.code == "FR":
        return f"{number} {street}, {postcode} {city.name}, {country.name}"
    return f"{street} {number}, {postcode} {city.name}, {country.name}"


def draw_phone(rng: random.Random, country: Country, city: City | None = None) -> str:
    """Return an E.164 landline number in ``city`` (or a random city of ``country``)."""
    area = (city or rng.choice(country.cities)).area_code
    if country.code == "US":
        return f"+1{area}555{rng.randint(0, 9999):04d}"
    if country.chinese:
        return f"+86{area}{rng.randint(10_000_000, 89_999_999)}"
    digits = 10 - len(area)
    return f"+{country.calling_code}{area}{rng.randint(10 ** (digits - 1), 10**digits - 1)}"


def draw_mobile(rng: random.Random, country: Country) -> str:
    """Return an E.164 mobile number in ``country``."""
    if country.code == "US":
        return draw_phone(rng, country)
    if country.chinese:
        return f"+861{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}"
    prefix = {"GB": "447", "DE": "4915", "FR": "336", "ES": "346"}[country.code]
    return f"+{prefix}{rng.randint(10_000_000, 99_999_999)}"
