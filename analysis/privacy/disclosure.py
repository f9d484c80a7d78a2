"""Small-cell suppression for tables built from a user's own respondent file.

When a NAV office runs the questionnaire chapter on its own SPSS file, a count of 1–4 in a table of
benefits or work status can point at a person the reader knows. Such cells are hidden (primary
suppression), and so is at least one more cell wherever a printed total would let a reader subtract
their way back to a hidden value (secondary suppression): within each variable's categories (which sum
to the group size) and across groups in a row (which sum to the whole-sample column). Zeros stay
visible; they reveal nothing a total would not. Published tables are never suppressed: they are
reproduced as printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

MIN_N = 5


def suppress_small_cells(
    table: pd.DataFrame,
    count_cols: Sequence[str],
    min_n: int = MIN_N,
    *,
    block_col: str | None = None,
    total_col: str | None = None,
    linked: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """A copy of ``table`` with cells 0 < n < min_n hidden (as missing) and enough others to protect them.

    ``block_col`` names the column whose equal values form one variable (its categories add up to a known
    group size); ``total_col`` is a count column equal to the row sum of the other count columns;
    ``linked`` maps a count column to columns hidden with it (its percentage, say). The positions hidden
    are listed in ``result.attrs["suppressed"]`` as (row label, column) pairs.
    """
    counts = {c: table[c].astype(float) for c in count_cols}
    hidden: set[tuple[object, str]] = {
        (idx, c) for c in count_cols for idx, n in counts[c].items() if pd.notna(n) and 0 < n < min_n
    }
    blocks = [table.index] if block_col is None else [g.index for _, g in table.groupby(block_col, sort=False)]
    groups = [c for c in count_cols if c != total_col]
    changed = True
    while changed:
        changed = False
        for rows in blocks:
            for c in count_cols:
                changed |= _protect(hidden, [(i, c) for i in rows], counts)
        if total_col is not None:
            for idx in table.index:
                changed |= _protect(hidden, [(idx, c) for c in [*groups, total_col]], counts)
    result = table.copy()
    for c in count_cols:
        result[c] = result[c].astype("Float64")
    for idx, c in sorted(hidden, key=str):
        result.loc[idx, c] = pd.NA
        for other in (linked or {}).get(c, ()):
            if pd.api.types.is_numeric_dtype(result[other]):
                result[other] = result[other].astype("Float64")
            result.loc[idx, other] = pd.NA
    result.attrs["suppressed"] = sorted(hidden, key=str)
    return result


def _protect(hidden: set[tuple[object, str]], cells: list[tuple[object, str]], counts: dict[str, pd.Series]) -> bool:
    """If exactly one cell of a set with a known sum is hidden, hide the smallest other one too."""
    unknown = [cell for cell in cells if cell in hidden]
    if len(unknown) != 1:
        return False
    shown = [cell for cell in cells if cell not in hidden and pd.notna(counts[cell[1]][cell[0]])]
    if not shown:
        return False
    smallest = min(shown, key=lambda cell: (counts[cell[1]][cell[0]], cells.index(cell)))
    hidden.add(smallest)
    return True


def suppress_small_groups(table: pd.DataFrame, n_col: str, value_cols: Sequence[str],
                          min_n: int = MIN_N) -> pd.DataFrame:
    """Hide means and SDs computed on fewer than ``min_n`` people (a mean of two ages nearly gives both away)."""
    result = table.copy()
    small = result[n_col].astype(float) < min_n
    for c in value_cols:
        result[c] = result[c].astype("Float64")
        result.loc[small, c] = pd.NA
    result.attrs["suppressed"] = [(idx, c) for idx in result.index[small] for c in value_cols]
    return result
