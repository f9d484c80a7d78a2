"""The numbers the «Metode og kilder» page (book/metode.md) takes from the data files.

The page describes how the studies were set up. Where a data file holds such a number (the NORCE report's
response counts, the fidelity codebook's time points, the most respondents a team could have), the page
glues it from the same function the chapters use; the other design numbers it states (interviews, focus
groups, projects) are in no data file and are cited to their source lines instead.
"""

from __future__ import annotations

from analysis.core.formatting import fmt_count_word, fmt_int
from analysis.fidelity import chapter as fidelity_chapter
from analysis.questionnaire.published import response_rates

PREFIX = "metode_"
FIDELITY_KEYS = ("n-timepoints", "max-per-team")


def method_facts() -> dict[str, str]:
    """Every glue name the method page uses, with its formatted value."""
    fidelity = fidelity_chapter.scale_facts(fidelity_chapter.load())
    everyone = response_rates().set_index("group").loc["alle"]
    facts = {key: fidelity[key] for key in FIDELITY_KEYS}
    # The same counts as words for the running text («ved fire måletidspunkter», «opptil fem respondenter»).
    facts |= {f"{key}-word": fmt_count_word(int(fidelity[key])) for key in FIDELITY_KEYS}
    facts |= {"all-sent": fmt_int(int(everyone["sent"])), "all-answered": fmt_int(int(everyone["answered"]))}
    return {f"{PREFIX}{name}": text for name, text in facts.items()}
