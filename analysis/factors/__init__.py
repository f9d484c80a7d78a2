"""The implementation-factor review: factors that helped or hindered SE/IPS in three Norwegian studies
(000, 002, 004), coded, checked, summarised and turned into the readiness checklist «Klar for oppstart?».

Where to start reading: :func:`load_all` (in :mod:`~analysis.factors.load`) reads ``data/coded`` and checks
it as a whole; its docstring says what the files hold and what a consistent theme is. Then:

* :mod:`~analysis.factors.codes` – the closed code lists (studies, levels, directions) and their labels;
* :mod:`~analysis.factors.coding_frame` – the coding frame (levels, CFIR 2.0, EUSE stages, IPS principles);
* :mod:`~analysis.factors.rows` – the validated row of each CSV file and the per-row checks;
* :mod:`~analysis.factors.summaries` – the tables: counts, study profiles, themes, recommendations;
* :mod:`~analysis.factors.checklist` – the readiness checklist and its Markdown/CSV forms;
* :mod:`~analysis.factors.chapter` – the facts the chapter glues into its prose;
* :mod:`~analysis.factors.charts` and :mod:`~analysis.factors.explorer` – the figures and the HTML tables;
* :mod:`~analysis.factors.cli` – ``python -m analysis factors check|checklist``.
"""

from analysis.factors.chapter import chapter_facts
from analysis.factors.checklist import readiness_checklist
from analysis.factors.codes import Direction, Level, Study
from analysis.factors.coding_frame import CodingFrame, load_coding_frame
from analysis.factors.load import FactorData, load_all
from analysis.factors.rows import FactorRow
from analysis.factors.summaries import euse_stage_table, ips_principle_table

__all__ = [
    "CodingFrame",
    "Direction",
    "FactorData",
    "FactorRow",
    "Level",
    "Study",
    "chapter_facts",
    "euse_stage_table",
    "ips_principle_table",
    "load_all",
    "load_coding_frame",
    "readiness_checklist",
]
