"""The figures as CSV: one row per figure per quarter (and one for all time), named by the definition's
short name. CSV is for machines: dot decimals, no thousands separators, euros with two decimals."""

from __future__ import annotations

from .definitions import DEFINITIONS
from .figures import Report, Value

HEADER = ["scope", "figure", "quarter", "value", "basis", "numerator", "unit"]


def _number(unit: str, value: float | None) -> str:
    if value is None:
        return ""
    if unit == "euro":
        return f"{value / 100:.2f}"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}"


def _row(scope: str, key: str, unit: str, quarter: str, value: Value) -> list:
    numerator = "" if value.count is None else _number("count" if unit != "euro" else unit, value.count)
    return [scope, key, quarter, _number(unit, value.value), value.basis, numerator, unit]


def csv_rows(report: Report, scope: str) -> list[list]:
    rows = [HEADER]
    for definition in DEFINITIONS:
        figure = report[definition.key]
        rows.append(_row(scope, definition.key, definition.unit, "all", figure.total))
        for year, q in report.quarters:
            rows.append(_row(scope, definition.key, definition.unit, f"{year}-Q{q}", figure.at((year, q))))
    return rows
