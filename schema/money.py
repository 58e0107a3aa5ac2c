"""Money in several currencies: a rate table that is configuration, never truth.

Amounts of different currencies are never added as they are: they are converted into one
reporting currency first, through :class:`FxRates`, and an amount in a currency the table
does not know is left out (and counted by whoever converts it).

The default table holds **approximate reference rates**: the euro foreign exchange
reference rates of the European Central Bank of 31 December 2024, turned into US dollars
per unit and rounded. They are good enough to rank customers, not for accounting. Override
or extend them with ``RELGRAPH_FX_RATES`` (US dollars per unit, read once at start-up), e.g.
``RELGRAPH_FX_RATES="EUR=1.08,GBP=1.27,CNY=0.14"``.

Examples
--------
>>> rates = FxRates.parse("EUR=1.25")
>>> rates.convert(100.0, "EUR", "USD")
125.0
>>> rates.convert(125.0, "usd", "EUR")
100.0
>>> rates.convert(100.0, "XYZ", "USD") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

__all__ = ["DEFAULT_FX_RATES", "REFERENCE_DATE", "FxRates"]

REFERENCE_DATE = date(2024, 12, 31)
"""The date of the default rates."""

_CODE = re.compile(r"^[A-Z]{3}$")
_DEFAULT_USD_PER_UNIT = MappingProxyType(
    {
        "USD": 1.0,
        "EUR": 1.039,
        "GBP": 1.253,
        "CNY": 0.137,
        "JPY": 0.00637,
        "CHF": 1.104,
        "CAD": 0.695,
        "AUD": 0.619,
        "INR": 0.0117,
    }
)


def _code(text: str) -> str:
    code = text.strip().upper()
    if not _CODE.match(code):
        raise ValueError(f"not a currency code: {text!r} (three letters, e.g. EUR)")
    return code


@dataclass(frozen=True, slots=True)
class FxRates:
    """Units of ``base`` per one unit of each currency (``base`` itself is 1)."""

    rates: Mapping[str, float]
    base: str = "USD"
    reference: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        base = _code(self.base)
        checked = {_code(code): float(rate) for code, rate in self.rates.items()}
        if any(not rate > 0 for rate in checked.values()):
            raise ValueError("exchange rates must be positive")
        if checked.get(base, 1.0) != 1.0:
            raise ValueError(f"the base currency {base} must have the rate 1")
        checked[base] = 1.0
        object.__setattr__(self, "base", base)
        object.__setattr__(self, "rates", MappingProxyType(dict(sorted(checked.items()))))

    @property
    def currencies(self) -> tuple[str, ...]:
        """The currencies the table can convert, in alphabetical order."""
        return tuple(self.rates)

    def knows(self, currency: str | None) -> bool:
        """Whether ``currency`` (any case) has a rate."""
        return currency is not None and currency.strip().upper() in self.rates

    def convert(self, amount: float, source: str | None, target: str) -> float | None:
        """``amount`` of ``source`` in ``target``, or None when either has no rate."""
        if not (self.knows(source) and self.knows(target)) or source is None:
            return None
        rate_in = self.rates[source.strip().upper()]
        rate_out = self.rates[target.strip().upper()]
        return amount * rate_in / rate_out

    @classmethod
    def parse(cls, text: str, *, defaults: FxRates | None = None) -> FxRates:
        """The ``defaults`` (the built-in table) with the ``CODE=rate`` pairs of ``text``
        (comma-separated, in units of the defaults' base) replacing or adding rates.

        >>> FxRates.parse(" eur = 1.2 , SEK=0.09").rates["EUR"]
        1.2
        >>> FxRates.parse("EUR=-1")
        Traceback (most recent call last):
        ...
        ValueError: exchange rates must be positive
        """
        defaults = defaults or DEFAULT_FX_RATES
        rates = dict(defaults.rates)
        overridden = False
        for pair in filter(None, (p.strip() for p in text.split(","))):
            code, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"expected CODE=rate, got {pair!r}")
            try:
                rates[_code(code)] = float(value)
            except ValueError as e:
                raise ValueError(f"{e} in {pair!r}") from e
            overridden = True
        reference = defaults.reference + (" (some overridden)" if overridden else "")
        return cls(rates, base=defaults.base, reference=reference)


DEFAULT_FX_RATES = FxRates(
    _DEFAULT_USD_PER_UNIT,
    base="USD",
    reference=f"approximate ECB reference rates of {REFERENCE_DATE.isoformat()}",
)
"""The built-in table (approximate reference rates, see the module docstring)."""
