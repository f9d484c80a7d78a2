"""Exact dates → season (and year), in every way case notes write them.

«12. mars 2019», «mandag 12.03.2019», «2019-03-12», «12/3-2019», «den 12. mars», «tirs 2/4», «man. 9. sep.
2024», «fre 19.1.24», «10/9-24», «14.09.», «27/8», «januar 2025» → «våren 2019» (March–May), «sommeren»,
«høsten»; winter spans two years, so January and February 2019 give «vinteren 2018/19» and December 2019
«vinteren 2019/20». A day and month without a year give the season alone; a month with a year gives the
season and year. A preceding weekday (also abbreviated: «man», «tirs», «ons», «tors», «fre», «lør», «søn»)
or «den» goes with the date. Two-digit years are read as 20xx when not in the future, else 19xx.
Impossible dates (31.02.) are left. The punctuation after a date is kept: «møtet 4.3. Han kom» keeps its
full stop.

Day and month written with a dot and no year («12.02», «23.9») are also clock times. They count as dates
unless «kl» or a departure («bussen 05.10», «toget 17.45») stands before them, a time range continues them
(«08.30–10.00»), or the document writes clock times the same way at its line starts (one of them impossible as
a date, «08.55»), in which case the line-start ones are times.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.anonymise import cues
from analysis.anonymise.workspace import MASK, Workspace

MONTHS = {
    "januar": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "desember": 12,
    "des": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAYS = cues.WEEKDAY_PATTERN
# A weekday or «den» before a date goes with it; found by looking back from the digits, which is much faster
# than letting every position of the text try the weekday names. The two-letter abbreviations («ma 10.3», «fr
# 14.3» in an sms header) go too: right before a date they are the weekday, and «fr våren» reads worse than
# «våren».
_PREFIX_BEFORE_RE = re.compile(r"(?<![\w])(?:" + _DAYS + r"(?:en)?\.?[ \t]+(?:den\s+)?|den\s+)\Z", re.I)
# «2.–3. mai», «14.-15. mars 2024»: a range of days in one month is one date
DATE_TEXT_RE = re.compile(
    r"(?<![\w])(?:\d{1,2}\.?[ \t]?[–-][ \t]?)?(\d{1,2})\.\s*("
    + _MONTH_ALT
    + r")(?:(\.)?(?:\s+(\d{4}))|\b(\.)?)(?![\w])",
    re.I,
)
# «august–oktober 2024», «mars-mai 2025»: a range of months with its year is one date
MONTH_RANGE_YEAR_RE = re.compile(
    r"(?<![\w.])(" + _MONTH_ALT + r")[ \t]?[–-][ \t]?(" + _MONTH_ALT + r")\s+(\d{4})(?![\w])", re.I
)
MONTH_YEAR_RE = re.compile(r"(?<![\w.])(" + _MONTH_ALT + r")\s+(\d{4})(?![\w])", re.I)
DATE_NUMERIC_RE = re.compile(r"(?<![\w.,/-])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\w]|[.,/]\d)", re.I)
DATE_SLASH_DASH_RE = re.compile(r"(?<![\w.,/-])(\d{1,2})/(\d{1,2})-(\d{4}|\d{2})(?![\w]|[.,/-]\d)", re.I)
DATE_ISO_RE = re.compile(r"(?<![\w.,/-])(\d{4})-(\d{2})-(\d{2})(?![\w]|[.,/-]\d)")
# Day and month without a year: «tirs 2/4», «27/8», «14.09.», «13.5.», «12.02», «24/1».
DAY_MONTH_RE = re.compile(r"(?<![\w.,/:–-])(\d{1,2})([./])(\d{1,2})(\.)?(?![\w]|[.,/:]?\d|-\d|/)", re.I)
# «22.4.–16.5.», «5.5.-27.6.2025»: a range of days written d.m.–d.m. (the dot after the first month tells it
# from a time range «08.30–10.00»)
DAY_MONTH_RANGE_RE = re.compile(
    r"(?<![\w.,/:-])(\d{1,2})\.(\d{1,2})\.[ \t]?[–-][ \t]?(\d{1,2})\.(\d{1,2})"
    r"(?:\.(\d{4}|\d{2})(?![\w]|[.,/]\d)|(?=\.)|(?![\w.,/:]))"
)
# «tirs 14.», «torsdag den 22.»
DAY_ONLY_RE = re.compile(r"(?<![\w])(" + _DAYS + r"\.?)\s+(?:den\s+)?(\d{1,2})\.(?=\s)", re.I)
_NOT_DATE_AFTER_RE = re.compile(r",\s*L\d")
_SECTION_BEFORE_RE = re.compile(
    r"(?<![\w])(?:kapittel|kap|avsnitt|punkt|pkt|tabell|figur|versjon|side|del|s)\.?\s*\Z", re.I
)
_SEASON_RE = re.compile(r"(?:våren|sommeren|høsten|vinteren)(?: \d{4}(?:/\d\d)?)?", re.I)
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+\.?|[–-])")
_CONTINUES = frozenset(
    {
        "kl",
        "kl.",
        "klokka",
        "klokken",
        "og",
        "til",
        "fra",
        "i",
        "på",
        "om",
        "med",
        "ved",
        "–",
        "-",
        "kan",
        "er",
        "var",
        "blir",
        "ble",
        "har",
        "hadde",
        "skal",
        "må",
        "kommer",
    }
)
_KL_RE = re.compile(r"(?:kl|klokka|klokken|ca)\.?\s*\Z", re.I)
# «bussen 05.10», «toget 17.45»: a departure is a clock time (hour and two-digit minutes), not a date
_DEPARTURE_RE = re.compile(
    r"(?<![\w-])(?:bussen|toget|trikken|t-banen|ferja|ferga|flyet|avgangen|avgang|nattbussen)\s+\Z", re.I
)
_LINE_TIME_RE = re.compile(r"^[ \t]*(\d{1,2})\.(\d{2})\b", re.M)


def season(year: int | None, month: int) -> str:
    if month in (3, 4, 5):
        name = "våren"
    elif month in (6, 7, 8):
        name = "sommeren"
    elif month in (9, 10, 11):
        name = "høsten"
    else:
        if year is None:
            return "vinteren"
        first = year - 1 if month <= 2 else year
        return f"vinteren {first}/{(first + 1) % 100:02d}"
    return name if year is None else f"{name} {year}"


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        now = dt.date.today().year % 100
        year += 2000 if year <= now else 1900
    return year


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _add(ws: Workspace, start: int, end: int, year: int | None, month: int, day: int, reason: str) -> None:
    if _valid(year, month, day):
        ws.add(start, end, "date", season(year, month), reason=reason)


def _prefix_start(text: str, start: int) -> int:
    m = _PREFIX_BEFORE_RE.search(text, max(0, start - 16), start)
    return m.start() if m else start


def _after_i(text: str, start: int, season_text: str) -> str:
    """A season after «i»: «i april 2022» becomes «i løpet av våren 2022», not «i våren 2022»; «i» stays."""
    if start >= 2 and text[start - 2 : start] in ("i ", "I ") and (start == 2 or not text[start - 3].isalnum()):
        return "løpet av " + season_text
    return season_text


def _dot_end(text: str, end: int) -> int:
    """Take a dot after a date into the replacement only when the sentence clearly goes on («14.09. kl 8»).

    A full stop that ends the sentence stays («… fra 20.5. marek snakket …», «… 4.3. Han kom»)."""
    if text[end : end + 1] != ".":
        return end
    m = _NEXT_WORD_RE.match(text, end + 1)
    if m and m.group(1).casefold() in _CONTINUES and not m.group(1)[:1].isupper():
        return end + 1  # «1. april. KL spurte»: a capital after the dot opens a new sentence
    return end


def _dot_times_at_line_start(text: str) -> bool:
    """The document writes clock times «08.55» at its line starts (one of them cannot be a date)."""
    return any(int(m.group(1)) > 31 or int(m.group(2)) > 12 for m in _LINE_TIME_RE.finditer(text))


def replace_dates(ws: Workspace) -> None:
    for m in DATE_ISO_RE.finditer(ws.text):
        _add(ws, m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)), "dato (ISO)")
    ws.commit()
    for m in DAY_MONTH_RANGE_RE.finditer(ws.text):
        year = _full_year(m.group(5)) if m.group(5) else None
        (d1, m1, d2, m2) = (int(m.group(k)) for k in (1, 2, 3, 4))
        before = ws.text[max(0, m.start() - 10) : m.start()]
        if (
            _KL_RE.search(before)
            or _SECTION_BEFORE_RE.search(before)
            or not (_valid(year, m1, d1) and _valid(year, m2, d2))
        ):
            continue
        first, last = season(year if m1 <= m2 else None, m1), season(year, m2)
        text = first if first == last else f"{first}–{last}"
        end = m.end() + 1 if re.match(r"\.[^\s.]", ws.text[m.end() : m.end() + 2]) else _dot_end(ws.text, m.end())
        ws.add(_prefix_start(ws.text, m.start()), end, "date", text, reason="datoperiode")  # «16.5.,»: the dot goes
    ws.commit()
    for rx, order in ((DATE_NUMERIC_RE, (4, 3, 1)), (DATE_SLASH_DASH_RE, (3, 2, 1))):
        for m in rx.finditer(ws.text):
            y, mo, d = (m.group(k) for k in order)
            _add(ws, _prefix_start(ws.text, m.start()), m.end(), _full_year(y), int(mo), int(d), "dato med år")
        ws.commit()
    for m in DATE_TEXT_RE.finditer(ws.text):
        year = int(m.group(4)) if m.group(4) else None
        end = m.end() if year is not None else _dot_end(ws.text, m.end(2))
        start = _prefix_start(ws.text, m.start())
        _add(ws, start, end, year, MONTHS[m.group(2).casefold()], int(m.group(1)), "dato med månedsnavn")
    ws.commit()
    for m in MONTH_RANGE_YEAR_RE.finditer(ws.text):
        year, m1, m2 = int(m.group(3)), MONTHS[m.group(1).casefold()], MONTHS[m.group(2).casefold()]
        same_year = m1 <= m2 and m1 not in (1, 2, 12)  # «sommeren–høsten 2024», not «sommeren 2024–høsten 2024»
        first, last = season(None if same_year else year - (m1 > m2), m1), season(year, m2)
        text = last if last.startswith(first) else f"{first}–{last}"
        ws.add(m.start(), m.end(), "date", _after_i(ws.text, m.start(), text), reason="måneder og år", capitalise=True)
    ws.commit()
    for m in MONTH_YEAR_RE.finditer(ws.text):
        ws.add(
            m.start(),
            m.end(),
            "date",
            _after_i(ws.text, m.start(), season(int(m.group(2)), MONTHS[m.group(1).casefold()])),
            reason="måned og år",
            capitalise=True,
        )
    ws.commit()
    line_times = _dot_times_at_line_start(ws.text)
    for m in DAY_MONTH_RE.finditer(ws.text):
        day, sep, month = int(m.group(1)), m.group(2), int(m.group(3))
        start = _prefix_start(ws.text, m.start())
        prefixed = start < m.start()
        if sep == ".":
            before = ws.text[max(0, start - 8) : start]
            line_head = ws.text[ws.text.rfind("\n", 0, start) + 1 : start]
            if _KL_RE.search(before) or re.match(r"\s?[–-]\s?\d", ws.text[m.end() : m.end() + 3]):
                continue
            if day <= 23 and len(m.group(3)) == 2 and _DEPARTURE_RE.search(ws.text, max(0, start - 14), start):
                continue
            if _NOT_DATE_AFTER_RE.match(ws.text, m.end()) or _SECTION_BEFORE_RE.search(before):
                continue  # «kapittel 3.8», «…txt, 3.8, L898»: a section number
            bare_head = _SEASON_RE.sub("", re.sub(_DAYS, "", line_head.replace(MASK, ""), flags=re.I))
            if line_times and not m.group(4) and not prefixed and not re.search(r"[^\W\d_]", bare_head):
                continue
        _add(ws, start, _dot_end(ws.text, m.end(3)), None, month, day, "dag og måned")
    ws.commit()
    for m in DAY_ONLY_RE.finditer(ws.text):
        start = m.start() if len(m.group(1).rstrip(".")) > 2 else m.start(2)
        ws.add(start, m.end(), "date", "en dag", reason="ukedag og dato")
    ws.commit()
