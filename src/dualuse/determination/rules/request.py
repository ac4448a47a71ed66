"""parse_request: the JSON request of the "do I need a licence?" API into `Facts`, or a RequestError naming the field."""

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache

import pycountry

from dualuse.determination.rules.codes import is_well_formed, normalise
from dualuse.determination.rules.datasets import load_member_states
from dualuse.determination.rules.facts import Activity, EndUse, EndUserType, Facts, Line

END_USE_FIELDS = frozenset(EndUse.__dataclass_fields__)
TOP_FIELDS = frozenset(
    {
        "exporter_member_state",
        "activity",
        "destination",
        "lines",
        "end_use",
        "temporary",
        "after_repair",
        "exhibition",
        "intra_group",
        "end_user_type",
        "free_zone",
        "re_export_destinations",
    }
)
LINE_FIELDS = frozenset({"control_code", "description", "quantity", "value_eur"})
# Kosovo uses the user-assigned code XK; the rest comes from ISO 3166-1 (pycountry).
EXTRA_COUNTRIES = frozenset({"XK"})


class RequestError(ValueError):
    """A bad request: `field` is the path of the offending value, e.g. "lines[0].control_code"."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@cache
def country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | EXTRA_COUNTRIES


def _country(raw: object, path: str) -> str:
    if not isinstance(raw, str):
        raise RequestError(path, "expected a two-letter country code")
    code = load_member_states().canonical(raw.strip().upper())
    if code not in country_codes():
        raise RequestError(path, f"unknown country code {raw!r}")
    return code


def _enum_text(raw: object) -> object:
    """'Re-export' -> 're_export': enumerated values are matched without regard to case, hyphens or spaces."""
    if not isinstance(raw, str):
        return raw
    return raw.strip().lower().replace("-", "_").replace(" ", "_")


def _flag(obj: Mapping[str, object], name: str, path: str) -> bool:
    raw = obj.get(name)
    if raw is None:
        return False  # missing means false / unknown
    if not isinstance(raw, bool):
        raise RequestError(path, "expected true or false")
    return raw


def _number(raw: object, path: str) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise RequestError(path, "expected a number")
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise RequestError(path, "expected a number") from None
    if not value.is_finite():
        raise RequestError(path, "expected a finite number")
    if value < 0:
        raise RequestError(path, "must not be negative")
    return value


def _unknown(obj: Mapping[str, object], allowed: frozenset[str], prefix: str) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        raise RequestError(f"{prefix}{extra[0]}", "unknown field")


def _line(
    raw: object,
    index: int,
    known_codes: Callable[[str], bool] | None,
    cyber_surveillance_codes: Callable[[str], bool] | None,
) -> Line:
    path = f"lines[{index}]"
    if not isinstance(raw, Mapping):
        raise RequestError(path, "expected an object")
    _unknown(raw, LINE_FIELDS, f"{path}.")
    code_raw = raw.get("control_code")
    code: str | None = None
    if code_raw is not None:
        if not isinstance(code_raw, str):
            raise RequestError(f"{path}.control_code", "expected an Annex I entry code or null")
        code = normalise(code_raw)
        if not is_well_formed(code):
            raise RequestError(f"{path}.control_code", f"ill-formed entry code {code_raw!r}")
        if known_codes is not None and not known_codes(code):
            raise RequestError(
                f"{path}.control_code", f"unknown entry code {code_raw!r} in the active control list"
            )
    description = raw.get("description", "")
    if description is None:
        description = ""
    if not isinstance(description, str):
        raise RequestError(f"{path}.description", "expected text")
    return Line(
        index=index,
        control_code=code,
        description=description,
        quantity=_number(raw.get("quantity"), f"{path}.quantity"),
        value_eur=_number(raw.get("value_eur"), f"{path}.value_eur"),
        cyber_surveillance=bool(code and cyber_surveillance_codes and cyber_surveillance_codes(code)),
    )


def _merged_end_use(obj: Mapping[str, object]) -> object:
    """The end_use object, with any of its flags also accepted at the top level (a flattened request).

    The names are the contract's own, so nothing can be misread; the same flag given both ways must agree.
    """
    flat = {name: obj[name] for name in END_USE_FIELDS if name in obj}
    for name, value in flat.items():
        if value is not None and not isinstance(value, bool):
            raise RequestError(name, "expected true or false")
    raw = obj.get("end_use")
    if not flat:
        return raw
    if raw is None:
        return flat
    if not isinstance(raw, Mapping):
        return raw  # _end_use names the field
    for name, value in flat.items():
        if name in raw and raw[name] != value:
            raise RequestError(name, "given at the top level and in end_use with different values")
    return {**raw, **flat}


def _end_use(raw: object) -> EndUse:
    if raw is None:
        return EndUse()
    if not isinstance(raw, Mapping):
        raise RequestError("end_use", "expected an object")
    _unknown(raw, END_USE_FIELDS, "end_use.")
    return EndUse(**{name: _flag(raw, name, f"end_use.{name}") for name in END_USE_FIELDS})


def _check_combination(activity: Activity, origin: str, destination: str) -> None:
    states = load_member_states().codes
    if activity is Activity.INTRA_EU_TRANSFER:
        if destination not in states:
            raise RequestError(
                "destination",
                f"an intra-EU transfer goes to another Member State, not {destination} (Art 11(1))",
            )
        if destination == origin:
            raise RequestError(
                "destination",
                "an intra-EU transfer goes to another Member State, not the exporter's own (Art 11(1))",
            )
    elif destination in states:
        raise RequestError(
            "destination",
            f"{destination} is a Member State: {activity.value} concerns a destination outside the EU (Art 2(2), (7), (9), (11)); use intra_eu_transfer",
        )


def parse_request(
    obj: Mapping[str, object],
    *,
    known_codes: Callable[[str], bool] | None = None,
    cyber_surveillance_codes: Callable[[str], bool] | None = None,
) -> Facts:
    """Validate a request and return its facts. `known_codes` checks a code against the active control list."""
    if not isinstance(obj, Mapping):
        raise RequestError("request", "expected an object")
    _unknown(obj, TOP_FIELDS | END_USE_FIELDS, "")
    origin = _country(obj.get("exporter_member_state"), "exporter_member_state")
    if origin not in load_member_states().codes:
        raise RequestError("exporter_member_state", f"{origin} is not a Member State")
    activity_raw = _enum_text(obj.get("activity"))
    if not isinstance(activity_raw, str) or activity_raw not in {a.value for a in Activity}:
        raise RequestError("activity", f"expected one of {', '.join(a.value for a in Activity)}")
    activity = Activity(str(activity_raw))
    destination = _country(obj.get("destination"), "destination")
    _check_combination(activity, origin, destination)
    raw_lines = obj.get("lines")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise RequestError("lines", "expected a non-empty list of lines")
    lines = tuple(_line(raw, i, known_codes, cyber_surveillance_codes) for i, raw in enumerate(raw_lines))
    user_type = _enum_text(obj.get("end_user_type"))
    if user_type is not None and (
        not isinstance(user_type, str) or user_type not in {t.value for t in EndUserType}
    ):
        raise RequestError("end_user_type", f"expected one of {', '.join(t.value for t in EndUserType)}")
    re_exports = obj.get("re_export_destinations") or []
    if not isinstance(re_exports, list):
        raise RequestError("re_export_destinations", "expected a list of country codes")
    temporary = obj.get("temporary")
    if temporary is not None and not isinstance(temporary, bool):
        raise RequestError("temporary", "expected true or false")
    return Facts(
        exporter_member_state=origin,
        activity=activity,
        destination=destination,
        lines=lines,
        end_use=_end_use(_merged_end_use(obj)),
        temporary=temporary,
        after_repair=_flag(obj, "after_repair", "after_repair"),
        exhibition=_flag(obj, "exhibition", "exhibition"),
        intra_group=_flag(obj, "intra_group", "intra_group"),
        end_user_type=EndUserType(str(user_type)) if user_type is not None else None,
        free_zone=_flag(obj, "free_zone", "free_zone"),
        re_export_destinations=frozenset(
            _country(c, f"re_export_destinations[{i}]") for i, c in enumerate(re_exports)
        ),
    )
