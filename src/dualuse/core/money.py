"""Money is Decimal in EUR; formatting follows the reader's locale (babel)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency

CURRENCY = "EUR"


def parse_eur(value: object) -> Decimal:
    try:
        amount = Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not an amount in EUR") from exc
    if amount < 0:
        raise ValueError("an amount cannot be negative")
    return amount.quantize(Decimal("0.01"))


def format_eur(amount: Decimal | int | float, language: str = "en") -> str:
    return format_currency(amount, CURRENCY, locale=language)
