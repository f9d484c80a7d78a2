"""The candidate questionnaire (jobbmestring): codebook, files, scale scores, statistics, figures, synthetic data.

- ``form`` and ``codebook``: the questionnaire as data/instruments/jobbmestring_no.yaml describes it.
- ``answers``: reading and validating an SPSS/CSV/Excel file (the synthetic one or a user's own).
- ``summaries``: routing, groups, scale scores, Tabell 2 and 3 recomputed; ``statistics``: repeated
  measures, effect sizes, Welch tests, reliability; ``power``: the G*Power sample-size calculation.
- ``published``: Tabell 2, Tabell 3 and response rates as transcribed; ``published_transcription``: each
  number against its seed line; ``published_consistency``: the tables against themselves;
  ``published_checks``: the text's figures derived from Tabell 3, and the tables regenerated from the
  synthetic file (round trip).
- ``synthetic`` (+ ``synthetic_answers``, ``calibration``): the calibrated synthetic respondents.
- ``figures``, ``display`` and ``chapter``: what the questionnaire chapter shows and glues.
"""

from analysis.questionnaire.answers import CandidateData, load_candidates, using_own_file
from analysis.questionnaire.codebook import QuestionnaireCodebook, load_questionnaire_codebook
from analysis.questionnaire.summaries import (
    background_counts,
    background_means,
    change_table,
    load,
    reliability_table,
    validate_file,
    work_comparison,
)

__all__ = [
    "CandidateData",
    "QuestionnaireCodebook",
    "background_counts",
    "background_means",
    "change_table",
    "load",
    "load_candidates",
    "load_questionnaire_codebook",
    "reliability_table",
    "using_own_file",
    "validate_file",
    "work_comparison",
]
