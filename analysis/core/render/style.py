"""The house style every figure shares: colours, fonts, Norwegian number separators, text alternatives.

Colours for categories are derived from the Okabe–Ito palette, darkened where needed so that each has at
least 3:1 contrast against the white page (WCAG 1.4.11), and spread in lightness so that the first four stay
distinguishable in greyscale; tests/core/test_render.py checks both properties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis.core.formatting import fmt_num

PALETTE: tuple[str, ...] = ("#16325C", "#D55E00", "#009E73", "#8E3D7A", "#5C5C5C", "#8A6A00")
# Sequential scale for heatmaps: cividis is perceptually uniform, colour-blind safe and monotonic in greyscale.
SEQUENTIAL = "cividis"
# Diverging pair for facilitator/barrier and Likert splits.
DIVERGING = (PALETTE[0], PALETTE[1])
MARKERS_NOTE = "Seriene skilles også med ulike symboler og linjetyper, ikke bare med farge."
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1f1f1f"


# --------------------------------------------------------------------------------------------- style
def style_plotly(fig: Any, *, height: int | None = None) -> Any:
    """Apply the house style in place: fonts, Norwegian separators, palette, mobile-friendly margins."""
    fig.update_layout(
        separators=", ",
        font={"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
        colorway=list(PALETTE),
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin={"l": 10, "r": 10, "t": 40, "b": 10, "pad": 2},
        # Legend above the plot: below it, it collides with long axis titles on narrow screens.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        autosize=True,
        title=None,
    )
    if height is not None:
        fig.update_layout(height=height)
    fig.update_xaxes(automargin=True, gridcolor="#e3e3e3", linecolor="#767676", zerolinecolor="#767676")
    fig.update_yaxes(automargin=True, gridcolor="#e3e3e3", linecolor="#767676", zerolinecolor="#767676")
    return fig


def altair_theme() -> dict[str, Any]:
    """Altair configuration matching the plotly house style."""
    return {
        "config": {
            "font": "system-ui, sans-serif",
            "range": {"category": list(PALETTE)},
            "axis": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "orient": "bottom"},
            "view": {"stroke": None},
            "background": "#ffffff",
        }
    }


# ------------------------------------------------------------------------------------ descriptions
def describe_extremes(
    data: pd.DataFrame, value: str, labels: Sequence[str], *, decimals: int = 1, what: str | None = None
) -> str:
    """A one-sentence Norwegian summary of the range of ``value``: where it is highest and lowest.

    Used as the default text alternative so that it is always computed from the plotted numbers.
    """
    frame = data.dropna(subset=[value])
    if frame.empty:
        return "Figuren har ingen verdier å vise."
    hi = frame.loc[frame[value].idxmax()]
    lo = frame.loc[frame[value].idxmin()]

    def label(row: pd.Series) -> str:
        return ", ".join(f"{col} {row[col]}" for col in labels)

    subject = what or value
    return (
        f"Figuren viser {subject} for {len(frame)} kombinasjoner. "
        f"Høyest er {fmt_num(float(hi[value]), decimals)} ({label(hi)}), "
        f"lavest {fmt_num(float(lo[value]), decimals)} ({label(lo)})."
    )


def _default_description(data: pd.DataFrame) -> str:
    numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])]
    if not numeric:
        return f"Figuren bygger på en tabell med {len(data)} rader; tallene står i tabellen under."
    value = numeric[-1]
    labels = [c for c in data.columns if c != value][:2]
    return describe_extremes(data, value, labels)
