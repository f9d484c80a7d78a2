"""Published effect figures for SE and IPS (data/published/se_evidence.csv), checked against their sources.

``table`` loads and checks the evidence table and draws the trial comparison for the background page;
``transcription`` checks every figure quoted from running text (se_evidence.csv, text_figures.csv) against
the phrase and line it cites.
"""

from analysis.evidence.table import load_se_evidence, trial_chart, value
from analysis.evidence.transcription import transcription_checks

__all__ = ["load_se_evidence", "transcription_checks", "trial_chart", "value"]
