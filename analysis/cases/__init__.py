"""Training cases: the anonymised case narratives in ``data/cases/*.md``, checked, measured and shown.

Where to start: :func:`load_cases` reads and validates every case file (front matter, sections, privacy
findings) and returns :class:`Case` objects; :func:`chapter_facts` is everything the case chapter states.

The modules, in the order a case passes through them:

* ``vocabulary`` – the allowed front-matter values (regions, sectors, themes, EUSE stages, outcomes) and labels
* ``markdown`` – splitting a file into front matter, sections and list items
* ``model`` – :class:`CaseMeta` (the validated front matter) and :class:`Case`
* ``privacy_checks`` – what the privacy gate and the case-only deny list flag in a case's text
* ``parse`` – :func:`parse_case` and :func:`load_cases`, every problem located by file, line and field
* ``anonymity`` – the cases' quasi-identifiers and generalisation hierarchies; the measuring itself is
  :mod:`analysis.privacy.kanonymity`
* ``overview`` – tables and counts over the case set
* ``cards``, ``figures`` – the filterable overview, printable case cards and the stage-by-outcome figure
* ``chapter`` – the facts and tables of ``chapters/casefortellinger.md``
"""

from analysis.cases.anonymity import case_k_anonymity, suggest_case_generalisation
from analysis.cases.chapter import chapter_facts
from analysis.cases.model import Case, CaseMeta
from analysis.cases.overview import case_overview, case_set_facts
from analysis.cases.parse import load_cases, parse_case
from analysis.cases.privacy_checks import privacy_findings

__all__ = [
    "Case",
    "CaseMeta",
    "case_k_anonymity",
    "case_overview",
    "case_set_facts",
    "chapter_facts",
    "load_cases",
    "parse_case",
    "privacy_findings",
    "suggest_case_generalisation",
]
