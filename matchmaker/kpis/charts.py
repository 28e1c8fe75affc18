"""Trends per quarter as server-rendered SVG (pygal), each with the table that is its accessible equivalent.

The SVG is inlined in the page as `role="img"` with a `<title>` and `<desc>`; the table beside it holds
the same numbers, formatted the same way (the reader's locale). Pages send a Content-Security-Policy
without inline scripts or styles, so pygal's inline `<script>` (its tooltips) and `<style>` are taken
out of each chart: its stylesheet is served once, from pygal's own CSS, at `/kpis/charts.css`. Nothing
is loaded from elsewhere, so the charts render offline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pygal
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from pygal.style import Style

from ..templating import money, number, percent
from .definitions import BY_KEY
from .figures import Quarter, Report, Value

MAX_QUARTERS = 8  # the page shows the last eight quarters; the CSV has them all
INK, MUTED = "#1b1f24", "#4a5361"
# Each at least 3:1 against white (WCAG 1.4.11) and told apart by the legend and the table, not only by colour.
COLOURS = ("#0b5a78", "#b43d0a", "#6b3fa0", "#1f6e43")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif'


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: object
    description: object
    series: tuple[str, ...]  # figure keys


CHARTS = (
    ChartSpec("activity", _l("Challenges, pilots and lessons"),
              _l("Bar chart per quarter of the challenges published, the pilots started and the lessons published."),
              ("challenges_published", "pilots_started", "lessons_published")),
    ChartSpec("proposals", _l("Proposals per challenge"),
              _l("Bar chart per quarter of the average number of proposals per challenge whose deadline passed."),
              ("proposals_per_challenge",)),
    ChartSpec("shares", _l("First-time suppliers, SMEs and pilots continued"),
              _l("Bar chart per quarter of three percentages: first-time suppliers and SMEs among the applicants, "
                 "and the pilots decided that continued to a contract."),
              ("first_time_share", "sme_share", "continued_share")),
    ChartSpec("days_to_award", _l("Days from publication to award"),
              _l("Bar chart per quarter of the median number of days from publication to the first award."),
              ("median_days_to_award",)),
    ChartSpec("weeks_to_decision", _l("Weeks from award to decision"),
              _l("Bar chart per quarter of the median number of weeks from the award to the pilot's decision."),
              ("median_weeks_to_decision",)),
    ChartSpec("budget", _l("Experiment budget"),
              _l("Bar chart per quarter of the experiment budget committed and spent, in euros."),
              ("budget_committed", "budget_spent")),
)


def quarter_label(quarter: Quarter) -> str:
    """"Q3 2026" in English, "K3 2026" in Dutch."""
    from datetime import date

    year, q = quarter
    return format_date(date(year, 3 * q - 2, 1), "QQQ y")


def format_value(unit: str, value: float | None) -> str:
    """A figure's value for people, in the reader's locale; "–" for no data."""
    if value is None:
        return "–"
    if unit == "percent":
        return percent(value)
    if unit == "euro":
        return money(round(value))
    if unit == "count":
        return number(value, 0)
    return number(value, 1, trim=unit == "days")


def _formatter(unit: str) -> Callable[[float | None], str]:
    if unit == "euro":  # the chart plots whole euros; the formatter gets them back in cents
        return lambda value: format_value(unit, None if value is None else value * 100)
    return lambda value: format_value(unit, value)


def _style() -> Style:
    return Style(background="#ffffff", plot_background="#ffffff", foreground=INK, foreground_strong=INK,
                 foreground_subtle=MUTED, opacity="1", opacity_hover="1", transition="0ms", colors=COLOURS,
                 font_family=FONT, label_font_size=15, major_label_font_size=15, legend_font_size=15,
                 value_font_size=14, tooltip_font_size=14, title_font_size=16, no_data_font_size=20)


# Two drawings of each chart: one for wide screens, and a narrower one that phones (360 and 320 px) show
# at nearly its own size, so its 15px labels stay readable. CSS shows one of them. The legend is HTML
# under the drawing (`Chart.legend`), where long Dutch labels can wrap.
SIZES = {"wide": (560, 300), "narrow": (320, 260)}


def y_labels(unit: str, plotted: list[float | None]) -> list[float]:
    """Round steps from 0 past the highest value (1, 2 or 5 times a power of ten; whole steps for counts)."""
    if unit == "percent":
        return [0, 20, 40, 60, 80, 100]
    top = max((v for v in plotted if v is not None), default=0)
    if top <= 0:
        return [0, 1]
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if unit == "count":
        step = max(1, round(step))
    return [round(i * step, 6) for i in range(math.ceil(top / step - 1e-9) + 1)]


def _config(unit: str, size: str, labels: list[str], ticks: list[float]) -> dict:
    width, height = SIZES[size]
    return {"style": _style(), "js": [], "disable_xml_declaration": True, "explicit_size": False, "width": width,
            "height": height, "show_legend": False, "truncate_label": -1, "include_x_axis": True,
            "print_values": False, "y_labels": ticks, "range": (0, ticks[-1]),
            "x_label_rotation": 40 if size == "narrow" and len(labels) > 3 else 0,
            "value_formatter": _formatter(unit), "no_data_text": _("No data yet"), "margin": 6, "spacing": 8}


@dataclass
class Chart:
    spec: ChartSpec
    unit: str
    labels: list[str]  # the quarters
    series: list[tuple[str, list[Value]]]  # (label, value per quarter)
    svg: Markup  # for wide screens
    svg_narrow: Markup  # for phones

    @property
    def legend(self) -> list[tuple[int, str]]:
        """(colour number, label) per series: pygal's `color-N` classes, whose colours are COLOURS[N]."""
        return [(index, label) for index, (label, _values) in enumerate(self.series)]

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The table: one row per quarter, one formatted cell per series."""
        return [(label, [format_value(self.unit, values[i].value) for _label, values in self.series])
                for i, label in enumerate(self.labels)]


def _plotted(unit: str, value: Value):
    if value.value is None:
        return None
    return value.value / 100 if unit == "euro" else value.value


def _accessible(svg: str, spec: ChartSpec, size: str) -> Markup:
    """pygal's SVG without inline script and style, with a stable id, `role="img"`, a title and a desc."""
    svg = re.sub(r"<script\b[^>]*>.*?</script>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<style\b[^>]*>.*?</style>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    svg = svg.replace("<defs></defs>", "").replace("<defs/>", "")
    svg = re.sub(r'<g([^>]*) style="opacity: 0"([^>]*class="tooltip"[^>]*)>', r"<g\1\2>", svg)
    chart_id = f"kpi-chart-{spec.key}" + ("" if size == "wide" else f"-{size}")
    svg = re.sub(r'id="chart-[0-9a-f-]+"', f'id="{chart_id}"', svg, count=1)
    opening, rest = svg.split(">", 1)
    heading = (f'<title id="{chart_id}-title">{escape(str(spec.title))}</title>'
               f'<desc id="{chart_id}-desc">{escape(str(spec.description))}</desc>')
    return Markup(f'{opening} role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
                  f"{heading}{rest}")


def build_chart(spec: ChartSpec, report: Report) -> Chart:
    quarters = report.quarters[-MAX_QUARTERS:]
    unit = BY_KEY[spec.series[0]].unit
    labels = [quarter_label(q) for q in quarters]
    series = [(str(BY_KEY[key].label), [report[key].at(q) for q in quarters]) for key in spec.series]
    plotted = [[_plotted(unit, value) for value in values] for _label, values in series]
    ticks = y_labels(unit, [v for values in plotted for v in values])

    def draw(size: str) -> Markup:
        chart = pygal.Bar(**_config(unit, size, labels, ticks))
        chart.x_labels = labels
        for (label, _values), points in zip(series, plotted, strict=True):
            chart.add(label, points)
        return _accessible(chart.render(is_unicode=True), spec, size)

    return Chart(spec, unit, labels, series, draw("wide"), draw("narrow"))


def build_charts(report: Report) -> list[Chart]:
    return [build_chart(spec, report) for spec in CHARTS]


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """pygal's own CSS for the charts (one style for all), scoped to `.pygal-chart` instead of one chart's id,
    and the colours of the HTML legend's swatches."""
    chart = pygal.Bar(style=_style(), js=[], disable_xml_declaration=True)
    for _colour in COLOURS:  # pygal writes a colour rule per series
        chart.add("", [1])
    svg = chart.render(is_unicode=True)
    css = "\n".join(re.findall(r"<style\b[^>]*>(.*?)</style>", svg, flags=re.DOTALL))
    css = re.sub(r"#chart-[0-9a-f-]+", ".pygal-chart", css).replace("&gt;", ">")
    swatches = "".join(f".swatch-{index} {{ background: {colour}; }}\n" for index, colour in enumerate(COLOURS))
    return css + "\n.pygal-chart .tooltip { display: none; }\n" + swatches
