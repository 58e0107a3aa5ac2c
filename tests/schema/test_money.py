"""Money conversion through the rate table: never across currencies without a rate."""

from __future__ import annotations

import pytest

from schema.money import DEFAULT_FX_RATES, FxRates


def test_amounts_convert_through_the_base_currency() -> None:
    rates = FxRates({"EUR": 1.1, "GBP": 1.3})

    assert rates.convert(100.0, "EUR", "USD") == pytest.approx(110.0)
    assert rates.convert(130.0, "USD", "GBP") == pytest.approx(100.0)
    assert rates.convert(100.0, "GBP", "EUR") == pytest.approx(100.0 * 1.3 / 1.1)
    assert rates.convert(42.0, "EUR", "EUR") == pytest.approx(42.0)


def test_a_currency_without_a_rate_converts_to_nothing() -> None:
    rates = FxRates({"EUR": 1.1})

    assert rates.convert(100.0, "CNY", "USD") is None
    assert rates.convert(100.0, "USD", "CNY") is None
    assert rates.convert(100.0, None, "USD") is None
    assert not rates.knows("CNY") and rates.knows(" eur ")


def test_the_environment_overrides_and_extends_the_defaults() -> None:
    rates = FxRates.parse("EUR=1.08, gbp=1.27,SEK=0.09")

    assert rates.rates["EUR"] == 1.08 and rates.rates["GBP"] == 1.27
    assert rates.rates["SEK"] == 0.09
    assert rates.rates["CNY"] == DEFAULT_FX_RATES.rates["CNY"]
    assert "overridden" in rates.reference


def test_no_override_keeps_the_documented_defaults() -> None:
    rates = FxRates.parse("")

    assert rates == DEFAULT_FX_RATES
    assert {"USD", "EUR", "GBP", "CNY"} <= set(rates.currencies)
    assert rates.reference == "approximate ECB reference rates of 2024-12-31"


@pytest.mark.parametrize("text", ["EUR", "EURO=1.1", "EUR=abc", "EUR=0", "EUR=-2", "USD=2"])
def test_a_malformed_rate_table_fails_at_start_up(text: str) -> None:
    with pytest.raises(ValueError):
        FxRates.parse(text)
