"""What is verified about the published numbers, and how a reviewer re-runs it.

Four kinds of check (analysis.core.check_records): transcription (a number is printed at the seed line it
cites), consistency (the tables against themselves), derived (computed from published numbers alone) and
round-trip (the synthetic files give the tables back: a test of the code, not evidence about the source).

- ``report``: ``python -m analysis reproduce``, every check collected from the domains, as JSON; exit 1 on
  any failure.
- ``audit``: ``python -m analysis audit``, the consistency and derived checks, documented findings marked.
- ``view``: the tables, counts and figure the pages about reproduction show.
- ``datapackage``: the Frictionless descriptor and provenance table of every data file.
- ``generate``: ``python -m analysis synth``, every derived data file the book needs.
- ``key_findings``: every number on the «Hovedfunn» page, taken from the domains that back each finding.
"""

from analysis.reproduce.audit import collect_audit
from analysis.reproduce.report import collect_checks

__all__ = ["collect_audit", "collect_checks"]
