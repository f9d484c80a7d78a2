"""Company names with their legal form («Nordlys Bakeri AS», «Hansen & Co.»), found fast.

``COMPANY_RE`` describes such a name: one to six words before the form. Scanning a whole document with it makes
the regex engine try six-word runs at every word, which cost more than every other employer rule together;
:func:`company_matches` finds the same matches starting from the forms themselves, which are rare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD = r"[^\W\d_][\w'’.&-]*"  # a word of a company's name
COMPANY_RE = re.compile(
    r"(?<![\w-])((?:(?:" + WORD + r"|\d+|&|og)[ \n]){1,6})(AS|ASA|SA|ANS|DA|NUF|as|asa|(?<=& )Co\.?)(?![\w-])"
)
_FORM_RE = re.compile(r"(?<=[ \n])(?:AS|ASA|SA|ANS|DA|NUF|as|asa|Co)(?![\w-])")
_SEPARATORS = 7  # six words of a name, each followed by a space or a line break, and the form


def company_matches(text: str) -> Iterator[re.Match[str]]:
    """Exactly what ``COMPANY_RE.finditer(text)`` finds. A match holds at most six words before its form, so it
    starts after the seventh separator before the first form it can end at, and it ends within seven
    separators after its own start."""
    last_end = 0
    for form in _FORM_RE.finditer(text):
        if form.start() < last_end:
            continue
        start = form.start() - 1
        for _ in range(_SEPARATORS):
            start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start))
            if start <= last_end:
                break
        m = COMPANY_RE.search(text, max(last_end, start, 0), _words_on(text, form.start()))
        if m is not None:
            m = COMPANY_RE.match(text, m.start(), _words_on(text, m.start()))  # the greedy match from there
        if m is not None:
            last_end = m.end()
            yield m


def _words_on(text: str, pos: int) -> int:
    """An end offset past the seventh space or line break after ``pos``, and a form after it."""
    end = pos
    for _ in range(_SEPARATORS):
        gaps = [k for k in (text.find(" ", end + 1), text.find("\n", end + 1)) if k >= 0]
        if not gaps:
            return len(text)
        end = min(gaps)
    return min(len(text), end + 8)
