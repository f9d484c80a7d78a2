"""The rendering core: where figures and tables become offline, accessible page output.

Every figure and data table on the site goes through here. The few domain modules that build interactive
markup of their own (the factor explorer, the case cards, the team report of ``fidelity score``) compose it
from these pieces, so the guarantees below hold for them too.

Why one place: every figure on the site must (1) work offline with plotly.js / vega served by the site
itself, never a CDN; (2) look the same (house style, Norwegian number format, a palette that survives
greyscale and colour-blindness); (3) carry a text alternative, its numbers as an accessible table and a
CSV download, and a provenance line naming the data files and their SHA-256. Doing this per chapter would
drift; doing it here keeps the guarantees testable.

Modules: ``style`` (palette, fonts, descriptions), ``tables`` (accessible tables and cell output),
``figure`` (figures with their data and provenance), ``page`` (self-contained documents), ``numbering`` (the
marks from which the site numbers every figure and table, «Figur 3.2», and links references to them).
"""

from analysis.core.render.figure import FigureOutput, SourceFile, show_figure, source_file
from analysis.core.render.page import standalone_html, vendor_file
from analysis.core.render.style import (
    DIVERGING,
    FONT_FAMILY,
    MARKERS_NOTE,
    PALETTE,
    SEQUENTIAL,
    TEXT_COLOUR,
    altair_theme,
    describe_extremes,
    style_plotly,
)
from analysis.core.render.tables import (
    csv_data_uri,
    data_table_html,
    show_collapsed_table,
    show_html,
    show_table,
)

__all__ = [
    "DIVERGING",
    "FONT_FAMILY",
    "MARKERS_NOTE",
    "PALETTE",
    "SEQUENTIAL",
    "TEXT_COLOUR",
    "FigureOutput",
    "SourceFile",
    "altair_theme",
    "csv_data_uri",
    "data_table_html",
    "describe_extremes",
    "show_collapsed_table",
    "show_figure",
    "show_html",
    "show_table",
    "source_file",
    "standalone_html",
    "style_plotly",
    "vendor_file",
]
