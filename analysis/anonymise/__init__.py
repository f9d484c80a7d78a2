"""Anonymise Norwegian case texts (follow-up notes, journal notes, chat logs, e-mails, interviews).

Where to start:

* :func:`anonymise` (``analysis/anonymise/engine.py``) runs the whole pipeline on one document and returns an
  :class:`AnonymisationResult`: the text, a report with counts and a review list, and every replacement with
  its span in the input (:class:`Span`). ``python -m analysis anonymise FILE --report r.json [--strict]`` is
  the command line.
* :func:`evaluate` (``analysis/anonymise/evaluate.py``) scores it on an annotated corpus folder:
  ``python -m analysis.anonymise.evaluate DIR --json OUT``.

The modules, in pipeline order: ``patterns`` (e-mail, identity and account numbers, phones, addresses,
postcodes), ``dates``, ``organisations`` with ``companyforms`` (workplaces, institutions), ``navoffices``,
``fields`` (labelled form fields), ``names`` with ``namewords``, ``evidence``, ``runs``, ``surnames``,
``sequences``, ``variants``, ``foreignshape``, ``decisions``, ``cues`` and ``positions`` (person names: word
classes and evidence, how far a name reaches, surnames in lower case, known full names, other spellings,
foreign-shaped words, the decision, chat speakers and initials), ``people`` with ``aliases`` (who is who, short
forms, role-aware pseudonyms), ``ages``, ``quasi`` (origin, pronouns), ``places``. Shared: ``workspace`` (spans
of the input, masking), ``letters`` (words in any script, folded lookup keys, decomposed input), ``lexicon``
(word lists in data/lexicon/), ``vocabulary`` (is a word ordinary Norwegian? wordfreq), ``numbers`` (account
numbers, fake numbers).
"""

from analysis.anonymise.pipeline import AnonymisationResult, ReviewItem, Span, anonymise

__all__ = ["AnonymisationResult", "ReviewItem", "Span", "anonymise", "evaluate"]


def evaluate(directory: str, *, details: bool = False, rename_people: int | None = None) -> dict[str, object]:
    """Score the anonymiser on an annotated corpus folder (see analysis/anonymise/evaluate.py)."""
    from analysis.anonymise.evaluate import evaluate as _evaluate

    return _evaluate(directory, details=details, rename_people=rename_people)
