"""The Norwegian SE Fidelity Scale: codebook, a team's answers, scoring, figures, report, synthetic data.

Where things live (one folder answers "where is the rule for item 3, and where is it rendered?"):

- ``rules``: items and their scoring rules as modelled from the codebook; ``codebook``: the whole codebook
  (data/instruments/se_fidelity_no.yaml) with bands, time points, assumptions and hand-worked scoring
  examples, validated on load.
- ``answers``: reading and checking a team's answer file; ``scoring``: the engine (item scores, totals,
  bands, team summaries); ``template``: blank answer templates.
- ``figures`` and ``report``: how scores are drawn, on the site and in the offline team report;
  ``tables`` and ``chapter``: the fidelity chapter's tables and glued facts.
- ``synthetic``: calibrated synthetic answers (tick patterns built from the codebook's data, not the
  scorer); ``table1_transcription``: Tabell 1 and the bands against their seed lines; ``table1_checks``:
  Tabell 1 checked against itself and regenerated from the synthetic answers; ``cli``:
  ``python -m analysis fidelity score|template``.
"""

from analysis.fidelity.answers import Answers, ScoredFile, read_answers, score_file
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.scoring import band_cuts, classify, score_respondents, sensitivity, team_summary

__all__ = [
    "Answers",
    "FidelityCodebook",
    "ScoredFile",
    "band_cuts",
    "classify",
    "load_fidelity_codebook",
    "read_answers",
    "score_file",
    "score_respondents",
    "sensitivity",
    "team_summary",
]
