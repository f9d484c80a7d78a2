"""Where names stand in chat logs, SMS threads and minutes: speaker positions and initials.

* **Speakers** of a chat or SMS log: «kari 08:12: …», «08.58 tuan: …», «14:00 fra gul (…):»,
  «bjørn-erik → ragnhild». The word there is a name whatever it is (analysis/anonymise/names.py, rule 4).
* **Initials** used for people: signatures («… /ME» at a line end, «S.R.» alone on a line).
"""

from __future__ import annotations

import re

from analysis.anonymise.people import Mention, People
from analysis.anonymise.workspace import Workspace

_TIME = r"\d{1,2}[:.]\d{2}"
_DATE = r"(?:\d{1,2}[./]\d{1,2}\.?|\w{2,8}\.? \d{1,2}[./]\d{1,2}\.?|\ue000+)"
# Chat and SMS speaker positions, matched on the masked line (names may be partly masked already).
SPEAKER_RES = (
    re.compile(r"^[ \t]*(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]+" + _TIME + r"\b"),  # «kari 08:12: …»
    re.compile(
        r"^[ \t]*(?:" + _DATE + r"[ \t]+)?" + _TIME + r"[ \t]+(?:fra|til|frå)[ \t]+(?P<n>[^\W\d_][\w'’ -]{0,40}?)"
        r"[ \t]*(?::|\(|$)",
        re.M,
    ),
    re.compile(r"^[ \t]*(?:" + _DATE + r"[ \t]+)?" + _TIME + r"[ \t]+(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]*:"),
    re.compile(r"^[ \t]*(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]*→[ \t]*(?P<m>[^\W\d_][\w'’ -]{0,40}?)[ \t]*(?:,|$|\d)"),
)
INITIALS_RES = (
    re.compile(r"(?<=/)[A-ZÆØÅ]{2,3}(?=[ \t]*$)", re.M),  # «… /ME» at a line end
    re.compile(r"^[ \t]*((?:[A-ZÆØÅ]\.){2,3})[ \t]*$", re.M),  # «S.R.» alone on a line
)


def speaker_starts(text: str) -> dict[int, str]:
    """Offsets of words in chat-speaker positions, with the reason."""
    found: dict[int, str] = {}
    pos = 0
    for line in text.split("\n"):
        for rx in SPEAKER_RES:
            m = rx.match(line)
            if m:
                for g in ("n", "m"):
                    if g in m.groupdict() and m.group(g):
                        found[pos + m.start(g)] = "avsender i chat/SMS"
        pos += len(line) + 1
    return found


def find_initials(ws: Workspace, people: People) -> list[Mention]:
    """Signatures by initials: «… /ME» at a line end, «S.R.» alone on a line."""
    found = []
    for rx in INITIALS_RES:
        for m in rx.finditer(ws.text):
            g = 1 if rx.groups else 0
            letters = re.sub(r"\W", "", m.group(g)).casefold()
            people.initials.add(letters)
            found.append(
                Mention(m.start(g), m.end(g), (letters,), "", None, False, "initialer som signatur", False, -1)
            )
    return found
