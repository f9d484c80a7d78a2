"""What is verified about the published numbers, and how a reviewer re-runs it.

- ``report``: ``python -m analysis reproduce``, every check collected from the domains, as JSON.
- ``audit``: ``python -m analysis audit``, the published tables checked against themselves.
- ``view``: the tables and figure of the reproduction appendix.
- ``datapackage``: the Frictionless descriptor and provenance table of every data file.
- ``generate``: ``python -m analysis synth``, every derived data file the book needs.
- ``key_findings``: every number on the «Hovedfunn» page, taken from the domains that back each finding.
"""

from analysis.reproduce.audit import collect_audit
from analysis.reproduce.report import collect_checks

__all__ = ["collect_audit", "collect_checks"]
