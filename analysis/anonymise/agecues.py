"""Ages that only the context marks as ages: answers, inverted clauses, corrections (after analysis/anonymise/ages.py).

ages.py finds an age by its own shape («34 år gammel», «34-åring») or right after a verb with a person as
subject («hun er 34»). Spoken and chat Norwegian often gives a bare number whose meaning is in the context:

* **an answer to a question about age**: «hvor gammel er han nå?» / «førtien.», «alder?» / «38 år.» — a
  message that opens with a number (maybe after «ja», «nei», «han er») right after a line that asks for an age;
  «han lurte på alder, jeg sa 23?» — a bare number in the same sentence after «alder», or said on the line of
  «hvor gammel» («han spurte hvor gammel jeg er. jeg sa 29.»);
* **an inverted clause** (verb before subject, Norwegian word order after an adverb): «Nå er han femten år»,
  «fyller datteren 10 år på søndag», «var hun vel trettien da» — verb, then a pronoun, a person noun or a
  replaced name, then the number;
* **a chained age**: a second number right after an age, as a correction or addition: «fylte 29 i forrige uke,
  ikke 31», «ja 23. 24 i juni»;
* **a number in apposition after a replaced name**: «Informant: Samira Haddad, 33, deltaker i IPS» (never an
  ordinal: «møterom Jegersberg, 3. etasje»);
* **a person noun with «på N»** and no unit: «en sønn på åtte som går på skolen», «en gutt på 12 i Grorud».

Every rule asks for the context *and* for a number that stands alone: followed by punctuation, the line end,
«år», or a short word that cannot start a unit («og», «da», «i juni»). «kl 23», «23 kr», «rom 12», «i 23 år»,
«han er to år i Norge» (a duration) stay.
"""

from __future__ import annotations

import re

from analysis.anonymise.ages import _NUM, PERSON_NOUNS, SUBJECTS, _describes_person, age_at, decade, number
from analysis.anonymise.letters import fold
from analysis.anonymise.workspace import MASK, Workspace, prev_word, scan

_MONTHS = r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)"
# What may follow a bare age: punctuation, the end, or a word that cannot start a unit.
_ALONE = (
    r"(?=[ \t]*(?:[,.;:!?)\n]|$|(?:og|da|når|nå|no|snart|som|i[ \t]+" + _MONTHS + r"|i[ \t]+dag|i[ \t]+år|i[ \t]+fjor"
    r"|i[ \t]+forrige|neste|på[ \t]+(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag))\b))"
)
_UNIT = r"(?P<unit>[ \t]+år(?:[ \t]+gam(?:mel|le|mal))?)?"
# «hvor gammel er han?», «alder?», «kor gammal er ho?», «hvor mange år er hun?»
_QUESTION_RE = re.compile(r"\b(?:gam(?:mel|le|mal)|alder|alderen|mange år)\b[^?\n]{0,40}\?[^\n]*", re.I)
_ANSWER_RE = re.compile(
    r"(?:(?:ja|nei|jo|ho|hun|han|hen|de|dei)[ \t,]+(?:er[ \t]+)?)?(?P<n>" + _NUM + r")(?![\w])" + _UNIT + _ALONE,
    re.I,
)
# A message header: «[08:54] name:», «name 09:33:», a masked name and a colon; the answer starts after it.
_HEADER_RE = re.compile(
    r"^[ \t]*(?:\[[\d:. ]+\][ \t]*)?(?:[^\s:]{1,40}[ \t]+){0,3}(?:\(?\d\d?[:.]\d\d\)?)?[^\n:]{0,40}:[ \t]*"
)  # «name (08:45):» too
_ALDER_BARE_RE = re.compile(
    r"\balder(?:en)?\b[^.!?\n\d]{0,30}?[ \t](?:sa|svarte|skrev|oppga|oppgir|er|var)[ \t]+"
    r"(?P<n>\d{1,2})(?![\w%])(?=[ \t]*(?:[?.!,;]|$))",
    re.I | re.M,
)
# «han spurte hvor gammel jeg er. jeg sa 29.»: a bare number said right after a question about age, on its line
_GAMMEL_SAID_RE = re.compile(
    r"\b(?:hvor|kor)[ \t]+gam(?:mel|mal|le)\b[^!?\n\d]{0,40}?[ \t](?:sa|svarte|skrev|oppga)[ \t]+"
    r"(?P<n>\d{1,2})(?![\w%])(?=[ \t]*(?:[?.!,;]|$))",
    re.I | re.M,
)
# «Informant: Samira Haddad, 33, deltaker i IPS»: a bare number in apposition right after a replaced name
_APPOSITION_RE = re.compile(
    r"(?P<name>" + MASK + r"+)s?[ \t]*,[ \t]*(?P<n>\d{1,2})[ \t]*(?=,|\)|\.(?:[ \t]*$|[ \t]+[A-ZÆØÅ]))", re.M
)
_INVERTED_RE = re.compile(
    r"\b(?:er|var|va|blir|ble|blei|vart|fyller|fylte|runder)[ \t]+(?P<who>\S+(?:[ \t]+\S+)?)[ \t]+"
    r"(?:(?:nå|no|vel|jo|bare|snart|nettopp|faktisk|allerede|da)[ \t]+)?(?P<n>" + _NUM + r")(?![\w])" + _UNIT,
    re.I,
)
_DURATION_RE = re.compile(
    r"[ \t]+(?:(?:i|på|hos|ved|til|med)[ \t]+(?!(?:\w*dag|år|fjor|januar|februar|mars|april|mai|juni|juli|august|"
    r"september|oktober|november|desember)\b)|her\b|der\b|siden\b|gamle?[ \t]+\w)",
    re.I,
)
_CHAINED_RE = re.compile(
    r"[ \t]*(?:[.,;][ \t]*)?(?:(?P<n>\d{1,2})(?![\w%])|(?:ikke|eller|nei|men)[ \t]+(?P<w>"
    + _NUM
    + r")(?![\w%]))"
    + _UNIT
    + _ALONE,
    re.I,
)
_TIME_GAP_RE = re.compile(r"[ \t]+i[ \t]+(?:forrige|neste|fjor|går|dag|" + _MONTHS + r")(?:[ \t]+(?:uke|måned|år))?")
_PAA_BARE_RE = re.compile(r"\bpå[ \t]+(?P<n>" + _NUM + r")(?![\w])(?=[ \t]*(?:[,.;:!?)\n]|$|(?:som|og|i|da)\b))", re.I)
_PRONOUNS = frozenset("han hun ho hen de dei".split())
_GROUPS = frozenset("vi dere de dei oss begge".split())  # «nå er vi to»: a head count, not an age


def _add(ws: Workspace, start: int, end: int, word: str, reason: str) -> bool:
    age = number(word)
    if age > 110:
        return False
    return ws.add(start, end, "age", decade(age), reason=reason) is not None


def _is_subject(ws: Workspace, who: str) -> bool:
    """«han», «datteren», a replaced name («\ue000\ue000 datter»), «sønnen hans»."""
    words = who.split()
    if not words or fold(words[0].strip(",")) in _GROUPS | {"det", "den", "dette", "denne", "disse", "klokka"}:
        return False
    return all(w.strip(MASK) == "" or w.strip(MASK) == "s" or fold(w) in SUBJECTS for w in words)


def _answers(ws: Workspace) -> None:
    text = ws.text
    for q in _QUESTION_RE.finditer(text):
        pos = text.find("\n", q.end())
        for _ in range(3):  # the answer is among the next three lines
            if pos < 0:
                break
            start, pos = pos + 1, text.find("\n", pos + 1)
            line = text[start : pos if pos >= 0 else len(text)]
            if not line.strip() or line.rstrip().endswith(":"):
                continue  # a blank line, or a header line of its own («fre 7/3 14:06 name:»)
            head = _HEADER_RE.match(line)
            body = head.end() if head and (MASK in head.group() or "]" in head.group()) else 0
            m = _ANSWER_RE.match(line, body)
            if m:
                _add(ws, start + m.start("n"), start + m.end(), m.group("n"), "svar på spørsmål om alder")
            break
    for m in _ALDER_BARE_RE.finditer(ws.text):
        _add(ws, m.start("n"), m.end("n"), m.group("n"), "tall etter «alder»")
    for m in _GAMMEL_SAID_RE.finditer(ws.text):
        _add(ws, m.start("n"), m.end("n"), m.group("n"), "tall etter spørsmål om alder")
    people_ends = {r.end for r in ws.replacements if r.kind == "person"}
    for m in _APPOSITION_RE.finditer(ws.text):
        if m.end("name") in people_ends:
            _add(ws, m.start("n"), m.end("n"), m.group("n"), "tall som innskudd etter navn")
    ws.commit()


def _inverted(ws: Workspace) -> None:
    for m in _INVERTED_RE.finditer(ws.text):
        if not _is_subject(ws, m.group("who")) or _DURATION_RE.match(ws.text, m.end()):
            continue
        if not m.group("unit") and not re.match(_ALONE, ws.text[m.end() :]):
            continue
        before = prev_word(ws.text, m.start())
        if m.group("who").split()[0].casefold() in _PRONOUNS and before is None and not m.group("unit"):
            continue  # «Er han 3?» opens a question about something else as often as about an age
        _add(ws, m.start("n"), m.end(), m.group("n"), "alder etter verb og subjekt")
    ws.commit()


def _chained(ws: Workspace) -> None:
    ages = sorted((r.end, r.start) for r in ws.replacements if r.kind == "age")
    for end, _ in ages:
        window = ws.text[end : end + 40]
        line_end = window.find("\n")
        if line_end >= 0:
            window = window[:line_end]
        # the gap may hold a short time phrase: «fylte 29 i forrige uke, ikke 31»
        gap = _TIME_GAP_RE.match(window)
        start = gap.end() if gap else 0
        m = _CHAINED_RE.match(window, start)
        if m:
            g = "n" if m.group("n") else "w"  # a number word only after «ikke», «eller»: «åtte år, ikke sju»
            _add(ws, end + m.start(g), end + m.end(), m.group(g), "alder rett etter en alder")
    ws.commit()


def _person_paa(ws: Workspace) -> None:
    for m in _PAA_BARE_RE.finditer(ws.text):
        who = prev_word(ws.text, m.start())
        if who is not None and who[1] == " " and fold(who[0].text) in PERSON_NOUNS:
            _add(ws, m.start("n"), m.end("n"), m.group("n"), "«på N» etter person")
    ws.commit()


# «Jocelyn Bautista (filippinsk, 27)», «Zelimkhan Tsokayev (29, tsjetsjensk)»: a bare number among the words of a
# bracket after a name
AGE_PAREN_ITEM_RE = re.compile(
    r"(?<=[\w\ue000] )\((?:(?:[^\W\d_]+, ){1,2}(?P<a>\d{1,2})(?=[,)])|(?P<b>\d{1,2})(?=, [^\W\d_]+[,)]))"
)
# «Person G, thailandsk, 52, bor på …», «nederlandsk statsborger, 61,»: a number after a nationality, in a
# description of a person
AGE_AFTER_NATIONALITY_RE = re.compile(r"(?:[a-zæøå]sk|statsborger|statsborgar), (\d{1,2})(?=,| og )", re.I)
# «intervju med deltaker 2 (kvinne, 34 år)»
AGE_SEX_PAREN_RE = re.compile(r"\((?:kvinne|mann|jente|gutt|dame|kvinne/mann), (\d{1,2})(?: år)?(?=[,)])", re.I)


def _descriptions(ws: Workspace) -> None:
    """Bare numbers in a description of a person: in a bracket after the name, after a nationality, after a sex."""
    folded = ws.text.casefold()
    for m in scan(AGE_AFTER_NATIONALITY_RE, ws.text, folded, ("sk, ", "borger, ", "borgar, ")):
        if _describes_person(ws, m.start(1)):
            age_at(ws, m.start(1), m.end(1), int(m.group(1)), reason="alder etter nasjonalitet")
    ws.commit()
    for m in scan(AGE_SEX_PAREN_RE, ws.text, folded, ("(",)):
        age_at(ws, m.start(1), m.end(), int(m.group(1)), reason="kjønn og alder i parentes")
    ws.commit()
    for m in scan(AGE_PAREN_ITEM_RE, ws.text, folded, ("(",)):
        if ws.kind_before(m.start()) == "person":
            group = "a" if m.group("a") else "b"
            age_at(ws, m.start(group), m.end(group), int(m.group(group)), reason="tall i parentes etter navn")
    ws.commit()


def replace_ages_in_context(ws: Workspace) -> None:
    _descriptions(ws)
    _answers(ws)
    _inverted(ws)
    _person_paa(ws)
    _chained(ws)
