"""Blank answer templates for teams: the raw format with the option texts beside the column names.

The second row holds the option texts and starts with '#' in respondent_id, so the reader skips it; the
.xlsx version also restricts every answer cell to the allowed codes with a drop-down (data validation).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from analysis.core.errors import InputError, Problem
from analysis.core.output import check_output_folder, output_folder, write_csv
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook

TEMPLATE_NAMES = ("fidelitet_svarmal.csv", "fidelitet_svarmal.xlsx")
TEMPLATE_ROWS = 50


def help_row(book: FidelityCodebook) -> list[str]:
    """What each column means, in the order of ``raw_columns``."""
    texts = ["# Løpenummer (ikke fødselsnummer)", "Team (navn eller nummer)", "Måletidspunkt (f.eks. inklusjon)"]
    for item in book.items:
        if item.type == "single":
            options = " | ".join(f"{o.code} = {o.text}" for o in item.options)
            texts.append(f"{item.number}. {item.label}: {options}")
        else:
            for option in item.options:
                texts.append(f"{item.number}. {item.label} – {option.text} (1 = krysset av, 0 = ikke)")
    return texts


def write_templates(folder: Path, *, force: bool = False, book: FidelityCodebook | None = None) -> list[Path]:
    codebook = book or load_fidelity_codebook()
    targets = [folder / name for name in TEMPLATE_NAMES]
    check_output_folder(folder)
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise InputError([Problem(str(p), "finnes allerede; bruk --force for å overskrive") for p in existing])
    output_folder(folder)
    columns = codebook.raw_columns()
    notes = help_row(codebook)
    try:
        write_csv(pd.DataFrame([notes], columns=columns), targets[0])
        _write_xlsx(targets[1], codebook, columns, notes)
    except OSError as exc:
        raise InputError([Problem(str(folder), f"kunne ikke skrive svarmalene ({exc.strerror or exc})")]) from None
    return targets


def _write_xlsx(path: Path, book: FidelityCodebook, columns: list[str], notes: list[str]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "svar"
    sheet.append(columns)
    sheet.append(notes)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, cell in enumerate(sheet[2], start=1):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        sheet.cell(row=1, column=index).comment = Comment(notes[index - 1][:300], "Kodebok se_fidelity_no")
        sheet.column_dimensions[get_column_letter(index)].width = 18
    sheet.row_dimensions[2].height = 120
    sheet.freeze_panes = "B3"
    single = DataValidation(
        type="list", formula1='"1,2,3,4,5"', allow_blank=True, error="Velg én kode 1–5", errorTitle="Ugyldig svar"
    )
    multi = DataValidation(
        type="list",
        formula1='"0,1"',
        allow_blank=True,
        error="1 = krysset av, 0 = ikke krysset av",
        errorTitle="Ugyldig svar",
    )
    sheet.add_data_validation(single)
    sheet.add_data_validation(multi)
    first, last = 3, 2 + TEMPLATE_ROWS
    for index, name in enumerate(columns, start=1):
        letter = get_column_letter(index)
        item_id = name.split("_")[0]
        if not item_id.startswith("q"):
            continue
        target = single if book.item(item_id).type == "single" else multi
        target.add(f"{letter}{first}:{letter}{last}")
    workbook.save(path)
