"""Accessible HTML tables and cell output: the only place a data frame becomes markup.

Every table on the site has a caption, column headers with scope and Norwegian number formatting, and sits in
a focusable scroll region so keyboard users can reach wide tables on narrow screens.
"""

from __future__ import annotations

import html
import urllib.parse
from typing import Any

import pandas as pd

from analysis.core.formatting import fmt_num
from analysis.core.output import csv_text
from analysis.core.render.numbering import TABLE, check_label, number_slot, numbered_attributes, table_anchor


def _cell(value: Any, decimals: int | None = None) -> str:
    if decimals is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_num(value, decimals)
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, int) and not isinstance(value, bool):
        return fmt_num(value, 0)
    if isinstance(value, float):
        if value != value:  # NaN
            return "–"
        decimals = 0 if float(value).is_integer() else (1 if abs(value * 10 - round(value * 10)) < 1e-9 else 2)
        return fmt_num(value, decimals)
    return html.escape(str(value))


def data_table_html(
    data: pd.DataFrame,
    *,
    caption: str,
    table_id: str | None = None,
    decimals: dict[str, int] | None = None,
    numbered: bool = True,
) -> str:
    """An accessible HTML table (caption, column headers with scope) with Norwegian number formatting.

    ``decimals`` fixes the decimals per column (e.g. totals printed as 68,0); other numbers show as few
    decimals as they need. A table is numbered on the site («Tabell 3.1», see :mod:`.numbering`) unless
    ``numbered`` is false (the data table inside a figure belongs to the figure). ``table_id`` is its anchor
    and the name prose refers to it by (``{tabell}`table-id```); without it the anchor is made from the
    caption and the table is numbered but cannot be referred to.
    """
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in data.columns)
    fixed = [(decimals or {}).get(str(c)) for c in data.columns]
    rows = []
    for record in data.itertuples(index=False):
        cells = "".join(
            f"<td>{_cell(v.item() if hasattr(v, 'item') else v, d)}</td>" for v, d in zip(record, fixed, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    if numbered:
        label = check_label(table_id, "table_id") if table_id else None
        ident = numbered_attributes(TABLE, table_id or table_anchor(caption), caption, label)
    else:
        ident = f' id="{table_id}"' if table_id else ""
    return (
        f'<div class="se-table-wrap" tabindex="0" role="region" aria-label="{html.escape(caption)}">'
        f'<table class="se-data-table"{ident}><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def show_collapsed_table(data: pd.DataFrame, caption: str, table_id: str, summary: str) -> Any:
    """A long table folded away behind a «Vis …» summary line, so the page stays readable.

    The summary line shows the table's number too, so the numbering can be followed with the table folded.
    """
    table = data_table_html(data, caption=caption, table_id=table_id)
    slot = number_slot(check_label(table_id, "table_id"))
    return show_html(f"<details class='se-details'><summary{slot}>{html.escape(summary)}</summary>{table}</details>")


def show_html(markup: str) -> Any:
    """Markup made by this package as a cell's output (text/html only, which myst-nb renders as is).

    IPython is imported here, not at module level, so the analysis package stays importable without Jupyter.
    """
    from IPython.display import HTML

    return HTML(markup)  # type: ignore[no-untyped-call]


def show_table(
    data: pd.DataFrame, caption: str, table_id: str | None = None, decimals: dict[str, int] | None = None
) -> Any:
    """An accessible table as cell output (chapters call this instead of showing a raw DataFrame)."""
    return show_html(data_table_html(data, caption=caption, table_id=table_id, decimals=decimals))


def csv_data_uri(data: pd.DataFrame) -> str:
    """The numbers as a CSV data: URI, so the download works offline and needs no extra file.

    Written by :func:`analysis.core.output.csv_text`, so a cell that would start a formula in a spreadsheet
    (a team called ``=HYPERLINK(…)``) is neutralised here as in every other CSV the project writes.
    """
    return "data:text/csv;charset=utf-8," + urllib.parse.quote(csv_text(data))
