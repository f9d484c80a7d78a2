"""Published effect figures for SE and IPS (data/published/se_evidence.csv), checked against their sources.

``table`` loads and checks the evidence table and draws the trial comparison for the background page.
"""

from analysis.evidence.table import load_se_evidence, trial_chart, value

__all__ = ["load_se_evidence", "trial_chart", "value"]
