"""A saved estimate's charts as SVG to put inline in its page, drawn once per estimate.

The charts come from :mod:`tollbook.estimate.charts` (matplotlib). The page's Content
Security Policy allows no inline styles, so matplotlib's ``style="fill: ...; ..."`` are
turned into the equivalent SVG presentation attributes (``fill="..."``), its ``<style>``
element (which would apply to the whole page) is dropped, and every id gets a prefix of
its own, so that two charts on one page do not share clip paths.

A saved estimate never changes (only its status does), so a chart drawn once (in one
language: its words are in the page's) is kept for the life of the process in the app's
chart cache.
"""

from __future__ import annotations

import io
import re
from typing import Literal

from markupsafe import Markup

from tollbook.catalogs import translate
from tollbook.domain.text import N_
from tollbook.services.estimates import SavedEstimate, report_of
from tollbook.web.drawing import drawing

ChartKind = Literal["overlaps", "estimates"]
CHART_KINDS: tuple[ChartKind, ...] = ("overlaps", "estimates")

_STYLE = re.compile(r'\sstyle="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_PROPERTY = re.compile(r"^[a-z-]+$")


def draw_chart(saved: SavedEstimate, kind: ChartKind, locale: str = "en") -> bytes:
    """The chart as an inline-ready ``<svg>`` element (UTF-8), for :func:`inline`, its
    words in ``locale``."""

    def say(text: str) -> str:
        return translate(text, locale)

    from tollbook.estimate.charts import estimates_chart, overlap_chart
    from tollbook.estimate.tables import pool

    report = report_of(saved)
    title = say(_title(saved))
    with drawing({"svg.hashsalt": "tollbook", "svg.fonttype": "none"}):
        if kind == "overlaps":
            figure = overlap_chart(pool(s.table for s in report.strata), title, say)
        else:
            figure = estimates_chart(report, title, say)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    label = say(N_("How the lists overlap") if kind == "overlaps" else N_("Seen and estimated"))
    return for_inline(buffer.getvalue(), f"e{saved.id}-{kind}-", label).encode("utf-8")


def _title(saved: SavedEstimate) -> str:
    if saved.source == "file":
        return saved.file_name or N_("table file")
    return N_("linked persons")


def for_inline(svg: str, prefix: str, label: str) -> str:
    """Matplotlib's SVG document as an ``<svg>`` element that needs no inline style."""
    start = svg.index("<svg")
    body = svg[start:]
    body = re.sub(r"<metadata>.*?</metadata>\s*", "", body, flags=re.S)
    body = re.sub(r"<style[^>]*>.*?</style>\s*", "", body, flags=re.S)
    body = _STYLE.sub(_attributes, body)
    ids = set(_ID.findall(body))
    body = _ID.sub(lambda m: f' id="{prefix}{m.group(1)}"', body)
    body = re.sub(
        r"url\(#([^)]+)\)",
        lambda m: f"url(#{prefix}{m.group(1)})" if m.group(1) in ids else m.group(0),
        body,
    )
    body = re.sub(
        r'href="#([^"]+)"',
        lambda m: f'href="#{prefix}{m.group(1)}"' if m.group(1) in ids else m.group(0),
        body,
    )
    # the dropped <style> set these for every element; they are inherited from the root
    opening = body[: body.index(">")]
    rest = body[body.index(">") :]
    opening = re.sub(r'\sheight="[^"]*"', "", opening)  # the width and viewBox give it
    opening += (
        f' class="estimate-chart" role="img" aria-label="{label}"'
        ' stroke-linejoin="round" stroke-linecap="butt"'
    )
    return opening + rest


def _attributes(match: re.Match[str]) -> str:
    out = []
    for declaration in match.group(1).split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip(), value.strip()
        if not name or not _PROPERTY.match(name) or '"' in value:
            continue
        if name == "font-family":
            value = f"{value}, sans-serif"
        out.append(f' {name}="{value}"')
    return "".join(out)


def inline(svg: bytes) -> Markup:
    """The drawn chart for a template (made by :func:`draw_chart`, so safe to insert)."""
    # our own SVG: every text in it was escaped by matplotlib
    return Markup(svg.decode("utf-8"))
