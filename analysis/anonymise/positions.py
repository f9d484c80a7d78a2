"""Where names stand in chat logs, SMS threads and minutes: speaker positions and initials.

* **Speakers** of a chat or SMS log: «kari 08:12: …», «08.58 tuan: …», «14:00 fra gul (…):»,
  «bjørn-erik → ragnhild». The word there is a name whatever it is (analysis/anonymise/names.py, rule 4).
* **Initials** used for people. Minutes and notes name colleagues by two to four capital letters, with or
  without full stops («KL», «M.T.», «ÅG», «HBJ»). Such a word is taken for a person's initials where a person
  stands: in a list after «Til stede:», «Forfall:», «Referent:», «Kopi:» …; after «Ansvarlig:» anywhere in a
  line; as the subject of a verb at the start of a sentence or a list item («KL sa at …», «M.T. følger opp»,
  «TK og ØS tar kontakt»); in parentheses right after a person's name («Amina Yusuf (ØS)»); as a signature
  («… /ME» at a line end, initials alone on a line). Once a document has used capitals as initials, every
  other occurrence of them is the same person. Never an acronym: data/lexicon/acronyms.txt and
  ordinary_proper_nouns.txt list the ones that name no person (NAV, IPS, AAP, KVP, CV, DPS …), and capitals the
  text uses in a compound («KVP-deltakerne») are an acronym too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.anonymise import cues
from analysis.anonymise.letters import fold
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.people import Mention, People
from analysis.anonymise.workspace import MASK, Workspace, is_sentence_start

_TIME = r"\d{1,2}[:.]\d{2}"
_DATE = r"(?:\d{1,2}[./]\d{1,2}\.?|\w{2,8}\.? \d{1,2}[./]\d{1,2}\.?|\ue000+)"
# «ma 07:58 fra hevi:»: a weekday before the time of an sms header is no speaker
_WEEKDAY = cues.WEEKDAY_PATTERN + r"\.?"
# Chat and SMS speaker positions, matched on the masked line (names may be partly masked already).
SPEAKER_RES = (
    # «kari 08:12: …»
    re.compile(
        r"^[ \t]*(?!" + _WEEKDAY + r"[ \t]+\d)(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]+" + _TIME + r"\b"
        # «Vinteren 09:14 fra Person A:», «ma 08.55 jobbspes:»: the sender comes after the time, this is a date
        r"(?![ \t]+(?:fra|til|frå)[ \t])(?![ \t]+[^\W\d_][\w'’ -]{0,30}:)",
        re.I,
    ),
    re.compile(
        r"^[ \t]*(?:"
        + _WEEKDAY
        + r"[ \t]+)?(?:"
        + _DATE
        + r"[ \t]+)?"
        + _TIME
        + r"[ \t]+(?:fra|til|frå)[ \t]+(?P<n>[^\W\d_][\w'’ -]{0,40}?)"
        r"[ \t]*(?::|\(|$)",
        re.M,
    ),
    # «08:12 kari: …», «[08:12] kari: …»
    re.compile(r"^[ \t]*(?:" + _DATE + r"[ \t]+)?\[?" + _TIME + r"\]?[ \t]+(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]*:"),
    re.compile(r"^[ \t]*(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]*→[ \t]*(?P<m>[^\W\d_][\w'’ -]{0,40}?)[ \t]*(?:,|$|\d)"),
)
INITIALS_RES = (
    re.compile(r"(?<=/)[A-ZÆØÅ]{2,3}(?=[ \t]*$)", re.M),  # «… /ME» at a line end
    # «S.R.», «JT» alone on a line, also after a dash or a slash («– RS», «/ØK»)
    re.compile(r"^[ \t]*(?:[–—-][ \t]*|/[ \t]*)?((?:[A-ZÆØÅ]\.){2,3}|[A-ZÆØÅ]{2,3})[ \t]*$", re.M),
    # «Notert av IB», «Skrevet av: ØK.» at the end of a note; «…, transkribert av LBH.» anywhere in a line
    re.compile(
        r"^[ \t]*(?:[Nn]otert|[Ss]krevet|[Ss]krive|[Ff]ørt(?: i pennen)?|[Rr]eferat|[Nn]otat) av:?[ \t]+"
        r"((?:[A-ZÆØÅ]\.){2,3}|[A-ZÆØÅ]{2,3})\.?[ \t]*$",
        re.M,
    ),
    re.compile(
        r"(?<![\w])(?:[Nn]otert|[Ss]krevet|[Tt]ranskribert|[Oo]versatt|[Ff]ørt|[Gg]jennomført|[Ii]ntervjuet) av:?[ \t]+"
        r"((?:[A-ZÆØÅ]\.){2,3}|[A-ZÆØÅ]{2,3})(?=[ \t]*(?:[.,;)]|$))",
        re.M,
    ),
    # «Notat: KHB», «Underskrift veileder: RL», «Mvh RL», «Hilsen KHB»: initials alone after a signing label
    re.compile(
        r"^[ \t]*(?:[Nn]otat|[Uu]nderskrift(?:[ \t]+[^\W\d_]+){0,2}|[Ss]ignatur|[Mm]vh\.?|[Hh]ilsen|[Hh]elsing)"
        r"[ \t]*[:,]?[ \t]+((?:[A-ZÆØÅ]\.){2,3}|[A-ZÆØÅ]{2,3})\.?[ \t]*$",
        re.M,
    ),
    # «Neste møte: 22. januar. MS» closing minutes: initials after the last sentence of the whole text
    re.compile(r"(?<=[.!] )((?:[A-ZÆØÅ]\.){2,3}|[A-ZÆØÅ]{2,3})\.?[ \t]*\n*\Z"),
)


# «07:41 fra dato:»: the sender of an sms header, a name whatever the word means elsewhere (names.py, rule 4)
SENDER_AFTER_FRA = "avsender etter klokkeslett og «fra»"


# «AMINA: Jeg kom hit i 2014.», «Hawo: …» — a speaker's label in a transcript (checked in code: a name, used as a
# label on two lines or more unless a listed name, and no ordinary word such as «Merknad:»).
_TURN_RE = re.compile(
    r"^[ \t]*([^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?)[ \t]*:[ \t]+"
    r"(?:[^\W\d_«»\"“'(]|[\u2600-\u27bf\U0001f300-\U0001faff])",
    re.M,
)  # a letter or an emoji after the colon («liv: 😊 …»)


def speaker_starts(text: str, is_name_label: Callable[[str, int], bool] | None = None) -> dict[int, str]:
    """Offsets of words in chat-speaker positions, with the reason. ``is_name_label(label, times)`` says whether a
    line-start label «X:» used ``times`` times is a speaker's name (transcripts)."""
    found: dict[int, str] = {}
    pos = 0
    for line in text.split("\n"):
        for n, rx in enumerate(SPEAKER_RES):
            m = rx.match(line)
            if m:
                for g in ("n", "m"):
                    if g in m.groupdict() and m.group(g):
                        found[pos + m.start(g)] = SENDER_AFTER_FRA if n == 1 else "avsender i chat/SMS"
        pos += len(line) + 1
    if is_name_label is not None:
        turns = list(_TURN_RE.finditer(text))
        uses: dict[str, int] = {}
        for m in turns:
            uses[fold(m.group(1))] = uses.get(fold(m.group(1)), 0) + 1
        for m in turns:
            if m.start(1) not in found and is_name_label(m.group(1), uses[fold(m.group(1))]):
                found[m.start(1)] = "taler i utskrift"
    return found


def _signs_the_end(text: str, m: re.Match[str]) -> bool:
    """Capitals alone on the last line of a note, after a blank line and with no bullet before them («…\n\nMS»):
    the writer's initials, even when they also abbreviate something. A bullet («– AAP») or a label («Mvh
    AAP», «Notert av NAV») before them makes them an item or a sender, not a signature."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return (
        not text[m.end() :].strip()
        and not text[line_start : m.start()].strip()
        and text[max(0, line_start - 2) : line_start] == "\n\n"
    )


def find_initials(ws: Workspace, people: People, lexicon: Lexicon) -> list[Mention]:
    """Signatures by initials: «… /ME» at a line end, «S.R.» or «JT» alone on a line."""
    found = []
    for rx in INITIALS_RES:
        for m in rx.finditer(ws.text):
            g = 1 if rx.groups else 0
            letters = _letters(m.group(g))
            closing = rx is INITIALS_RES[-1] and letters not in lexicon.proper_nouns  # «… 22. januar. MS» at the end
            # «BL» alone on the last line: initials, though «bl.» abbreviates a word; NAV, IPS there stay acronyms
            last_line = not ws.text[m.end() :].strip() and letters not in lexicon.acronyms
            if (
                _is_acronym(letters, m.group(g), lexicon, _compounds(ws.original))
                and not _signs_the_end(ws.text, m)
                and not closing
                and not last_line
            ):
                continue
            people.initials.add(letters)
            found.append(
                Mention(m.start(g), m.end(g), (letters,), "", None, False, "initialer som signatur", False, -1)
            )
    return found


# -- initials in person positions ---------------------------------------------------------------------------

_CAP = "A-ZÆØÅÐÞ"
INITIALS_RE = re.compile(rf"(?=[{_CAP}])(?<![\w.\-/])((?:[{_CAP}]\.[ ]?){{1,3}}[{_CAP}]\.?|[{_CAP}]{{2,4}})(?![\w\-])")
# Labels that name one person: the initials alone after them are that person's, even when they are also an
# abbreviation («Referent: HR», «Saksbehandler: MS»).
_ONE_PERSON_LABELS = (
    "referent|møteleder|møteleiar|ordstyrer|skrevet av|skrive av|signatur|sign|saksbehandler|saksbehandlar|utført av|"
    "(?:mottatt|motteke|godkjent|registrert|utfylt|henvist|tilvist) av(?: [a-zæøå-]+)?"
)
_LIST_LABEL_RE = re.compile(
    r"^[ \t•*-]*(?:til stede|tilstede|til stades|deltakere|deltakarar|deltok|forfall|meldt forfall|fraværende|"
    r"fråverande|kopi|innkalt|" + _ONE_PERSON_LABELS + r")[ \t]*:",
    re.I | re.M,
)
_ONE_PERSON_LABEL_RE = re.compile(r"(?:" + _ONE_PERSON_LABELS + r")[ \t]*:\Z", re.I)
# «Ansvarlig:», «ansv.:» (the word boundary is checked after the letters: a leading look-behind is slow)
_RESPONSIBLE_RE = re.compile(r"(?:ansv|Ansv|ANSV)(?<!\w.{4})(?:arlig|arleg|ar|ARLIG|AR)?\.?[ \t]*:")
# «(sign. BJ)», «NAV v/ KL», «signert: ØS»
_SIGNED_RE = re.compile(r"[\s(](?:[Ss]ign\.|[Ss]ignert:?|v/)[ \t]*")
_ITEM_SPLIT_RE = re.compile(r"[ \t]*(?:,|;|/|&|\bog\b|\band\b)[ \t]*")
_ITEM_MARKER_RE = re.compile(r"(?:^|\n)[ \t]*(?:[-•*]|\d{1,2}[.)]|[a-zæøå][.)])?[ \t]*\Z")
# Verbs that follow a colleague's initials in minutes, besides the speech and finite verbs of cues.py.
NOTE_VERBS = frozenset(
    "tar ringer kontakter undersøker booker bestiller innkaller informerer informerte presenterte avklarer "
    "skaffer lager oppdaterer sender følger tek ringjer kontaktar sjekkar ordnar".split()
)
# «KVP er et program», «IPS skal …»: acronyms are subjects of copulas and auxiliaries; initials need a task verb
# after an auxiliary («ØS skal ringe»).
WEAK_VERBS = frozenset("er var blir ble har hadde skal skulle kan kunne vil ville må måtte bør er vart".split())
TASK_INFINITIVES = frozenset(
    "ringe følge kontakte sende ta sjekke undersøke avklare skrive lage bestille innkalle informere oppdatere "
    "snakke møte hente ordne følgje ringje "
    # and the participles after «har»: «JB har bekreftet»
    "bekreftet sagt sendt ringt snakket avtalt kontaktet meldt svart informert booket bestilt sjekket ordnet "
    "fulgt undersøkt avklart skrevet laget".split()
)
_VERBS = (NOTE_VERBS | cues.SPEECH_VERBS | cues.FINITE_VERBS) - WEAK_VERBS


def _letters(surface: str) -> str:
    return fold(surface.replace(".", "").replace(" ", "")) if "." in surface else fold(surface)


_COMPOUND_CAPS_RE = re.compile(rf"(?<![\w-])([{_CAP}]{{2,4}})-\w|\w-([{_CAP}]{{2,4}})(?![\w])")


def _is_acronym(letters: str, surface: str, lexicon: Lexicon, compounds: set[str]) -> bool:
    """NAV, AAP, «KVP-deltakerne»: capitals that name no person (``compounds``: capitals the text hyphenates).
    Capitals with full stops («K.S.») are initials: acronyms are written without them."""
    if "." in surface:
        return False
    return letters in lexicon.acronyms or letters in lexicon.proper_nouns or surface in compounds


def _compounds(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _COMPOUND_CAPS_RE.finditer(text)}


def _subject_of_verb(text: str, end: int) -> bool:
    """A verb follows the initials, possibly after «og XX» («TK og ØS tar kontakt»)."""
    m = re.match(
        rf"[ \t]+(?:og[ \t]+(?:[{_CAP}]\.?){{2,4}}[ \t]+)?([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?", text[end : end + 50]
    )
    if m is None:
        return False
    verb, after = m.group(1).casefold(), (m.group(2) or "").casefold()
    return verb in _VERBS or (verb in WEAK_VERBS and after in TASK_INFINITIVES)


_SMALL = frozenset("of and for the in og for i av til".split())


def _defined_acronym(text: str, start: int, letters: str) -> bool:
    """«Customized Employment (CE)», «European Union of Supported Employment (EUSE)»: the capitals abbreviate
    the words right before the parenthesis."""
    if text[start - 1 : start] != "(":
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", text[max(0, start - 120) : start]) if w.casefold() not in _SMALL]
    initials = "".join(w[0] for w in words[-len(letters) :]).casefold()
    return len(words) >= len(letters) and fold(initials) == letters


# «Torill Aasen (TA, avdelingsleder)», «Kåre Hagen (KH)»: initials in parentheses after a name in a list item
_PAREN_IN_ITEM_RE = re.compile(rf"\([ \t]*((?:[{_CAP}]\.[ ]?){{1,3}}[{_CAP}]\.?|[{_CAP}]{{2,4}})[ \t]*(?:\)|$)")


def _listed_items(text: str, pos: int, rest: str) -> dict[int, bool]:
    """Offsets of initials among the items of a list («TK, ØS og Kari Li (KL)»), each with whether they stand
    in parentheses after a name of as many capitalised words as they have letters (or fewer: «Jean-Claude
    Mbeki (JCM)»); «Norsk Sykepleierforbund (NSF)» is no person."""
    items: dict[int, bool] = {}
    for item in _ITEM_SPLIT_RE.split(rest):
        start = text.find(item, pos) if item else -1
        if start < 0:
            continue
        pos = start + len(item)
        core = re.sub(r"[)\];]+[.,]?$", "", re.sub(r"[ \t]*\(.*$", "", item).strip())
        if INITIALS_RE.fullmatch(core):
            items[start + (len(item) - len(item.lstrip()))] = False
        paren = _PAREN_IN_ITEM_RE.search(item)
        words = re.findall(r"[^\W\d_][\w'’-]*", item[: paren.start()]) if paren else []
        n = len(_letters(paren.group(1))) if paren else 0
        fits = len(words) == n or (2 <= len(words) < n and any("-" in w for w in words))
        first_letters = fold("".join(part[0] for w in words for part in w.split("-") if part))
        if fits and paren and _letters(paren.group(1)) not in (first_letters, first_letters[:n]):
            fits = False  # «Randi Sletten (HR, …)»: her department, not her initials
        if paren and len(words) >= 2 and fits and all(w[0].isupper() for w in words):
            items[start + paren.start(1)] = True  # a name of as many words as letters, its initials after it
    return items


def _learn_listed_acronyms(
    ws: Workspace, items: dict[int, bool], people: People, lexicon: Lexicon, *, one_person: bool = False
) -> None:
    """An attendance list says who is there: capitals that are also an abbreviation («MS», «NB») are a person's
    initials when they follow a person's name («Nadia Berg (NB)»), or when two other items of the list
    are initials that are no abbreviation («Til stede: TK, ØS, NB»), or when they stand alone after a label
    that names one person (``one_person``: «Referent: HR»)."""
    found = []
    for start, paired in items.items():
        m = INITIALS_RE.match(ws.text, start)
        if m:
            found.append((_letters(m.group(1)), m.group(1), paired))
    plain = sum(1 for letters, surface, _ in found if not _is_acronym(letters, surface, lexicon, set()))
    alone = one_person and len(items) == 1 and len(found) == 1
    for letters, surface, paired in found:
        if _is_acronym(letters, surface, lexicon, set()) and (paired or alone or (plain >= 2 and len(letters) == 2)):
            people.listed_initials.add(letters)


def find_initials_in_positions(ws: Workspace, people: People, lexicon: Lexicon) -> list[Mention]:
    """Initials where a person stands (module docstring); signatures are :func:`find_initials`."""
    text = ws.text
    listed: set[int] = set()
    for rx in (_LIST_LABEL_RE, _RESPONSIBLE_RE, _SIGNED_RE):
        for m in rx.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            rest = text[m.end() : line_end]
            stop = re.search(r"\.[ \t]+[^\W\d_]{3}", rest)  # «Ansvarlig: KL. Frist …» ends at the full stop
            rest = rest[: stop.start() + 1] if stop else rest
            items = _listed_items(text, m.end(), rest)
            listed.update(items)
            if rx is _LIST_LABEL_RE:
                one = _ONE_PERSON_LABEL_RE.search(m.group(0).strip(" \t•*-")) is not None
                _learn_listed_acronyms(ws, items, people, lexicon, one_person=one)
    original = ws.original
    matches = list(INITIALS_RE.finditer(text))
    defined = {
        _letters(m.group(1))
        for m in matches
        if original[m.start() - 1 : m.start()] == "(" and _defined_acronym(original, m.start(), _letters(m.group(1)))
    }
    compounds: set[str] | None = None
    found = []
    for m in matches:
        surface = m.group(1)
        letters = _letters(surface)
        forced = letters in people.listed_initials and m.start() in listed
        if len(letters) < 2 or (letters in defined and m.start() not in listed):
            continue  # «Customized Employment (CE)» defines an abbreviation; in an attendance list it is a name
        if "." not in surface and letters in lexicon.acronyms and not forced:
            continue
        if len(letters) == 4 and "." not in surface and m.start() not in listed:
            continue  # four capitals in running text are an acronym («CFIR», «EUSE»), not initials
        if m.start() in listed:
            reason = "initialer i liste over personer"
        elif (
            is_sentence_start(text, m.start()) or _ITEM_MARKER_RE.search(text, max(0, m.start() - 8), m.start())
        ) and _subject_of_verb(text, m.end()):
            reason = "initialer som subjekt"
        else:
            continue
        compounds = _compounds(original) if compounds is None else compounds
        if _is_acronym(letters, surface, lexicon, compounds) and not forced:
            continue
        people.initials.add(letters)
        found.append(Mention(m.start(), m.end(), (letters,), "", None, False, reason, False, -1))
    return found


# «NB: husk …», «NB! Frist», «PS: …»: the abbreviation as a note marker, not the colleague with those initials
_NOTE_MARKERS = frozenset({"nb", "ps"})


def _nota_bene(text: str, start: int, end: int, letters: str) -> bool:
    return letters in _NOTE_MARKERS and re.match(r"[ \t]*[:!]", text[end : end + 3]) is not None


_PAREN_AFTER_NAME_RE = re.compile(MASK + rf" ?\(((?:[{_CAP}]\.[ ]?){{1,3}}[{_CAP}]\.?|[{_CAP}]{{2,3}})\)")


def _initials_of_names(people: People) -> set[str]:
    """The initials of every name of two or three parts found in the document («tharaka ekanayake» → «te»):
    a minute that heads an item «T.E.» and names Tharaka Ekanayake below means that person. Initials two
    people share are left out: they would say which of them it is."""
    seen: dict[str, set[int]] = {}
    for key, idx in people.full.items():
        if 2 <= len(key) <= 3 and all(len(p) > 1 for p in key):
            seen.setdefault("".join(p[0] for p in key), set()).add(idx)
    return {letters for letters, owners in seen.items() if len(owners) == 1}


def propagate_initials(ws: Workspace, people: People, lexicon: Lexicon) -> list[Mention]:
    """Initials in parentheses right after a name that has been replaced by now («Amina Yusuf (ØS)»), and every
    other occurrence of capitals the document has used as initials."""
    found, text = [], ws.text
    compounds: set[str] | None = None
    for m in _PAREN_AFTER_NAME_RE.finditer(text):
        letters = _letters(m.group(1))
        if _defined_acronym(ws.original, m.start(1), letters):
            continue  # «Customized Employment (CE)»: the name before it was a false alarm, not a person
        compounds = _compounds(ws.original) if compounds is None else compounds
        if not _is_acronym(letters, m.group(1), lexicon, compounds):
            people.initials.add(letters)
            reason = "initialer i parentes etter navn"
            found.append(Mention(m.start(1), m.end(1), (letters,), "", None, False, reason, False, -1))
    taken = {m.start for m in found}
    of_names = _initials_of_names(people)
    if people.initials or of_names:
        for m in INITIALS_RE.finditer(text):
            letters = _letters(m.group(1))
            known = (letters in people.initials or letters in of_names) and (
                letters in people.listed_initials or not _is_acronym(letters, m.group(1), lexicon, set())
            )
            if known and letters not in people.initials:
                people.initials.add(letters)  # «T.E. (følges opp av …). Tharaka Ekanayake …»
            if m.start() not in taken and known and not _nota_bene(text, m.start(), m.end(), letters):
                found.append(Mention(m.start(), m.end(), (letters,), "", None, False, "kjente initialer", False, -1))
    return found
