"""Ages → decades, in digits and in number words (a quasi-identifier, see analysis/anonymise/quasi.py).

«34 år gammel», «er/var/blir/ble/fylte 34 år», «Kandidat A (34 år)», «alder: 34» → «i 30-årene»; under 10 →
«under 10 år», 10–19 → «i tenårene». «en 34-åring» → «en person i 30-årene», «34-åringen» → «personen i
30-årene», «34-årige» → «30–39-årige». Also a bare number in parentheses after a name («Hodan (9)» → «(under 10
år)»), a bare number after «er», «fylte», «nettopp» that ends the clause («han er 29, ikke 31»), a list of
children's ages («tre barn, 9, 12 og 15 år»), and a person noun with «på N år» («en sønn på 10 år», «to barn på
4 og 7 år»).

**Number words** count too, in bokmål and nynorsk, as one word or compounded: «tjuetoåring», «en
førtiåtteåring», «femtifem år gammel», «tjueåtte år gammal», «femtiårige». A number word after «er», «var»,
«blir», «fylte» … is an age only when a person is the subject («Hun er førtito år», «dottera er sju»), since
«Kurset er to år» and «Klokka er sju» are not ages; with digits the verb is enough («sønnen er 10 år»).

Durations («i 34 år», «34 år siden», «etter 3 år», «10 år i Norge», «femtiåtte kilo») are not ages and stay:
only the listed age contexts are touched.
"""

from __future__ import annotations

import re

from analysis.anonymise import cues
from analysis.anonymise.letters import fold
from analysis.anonymise.workspace import MASK, Workspace, prev_word, scan, trie_pattern

# -- number words -----------------------------------------------------------------------------------------

_UNITS = {"en": 1, "ein": 1, "ett": 1, "eitt": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6}
_UNITS |= {"sju": 7, "syv": 7, "åtte": 8, "ni": 9}
_TEENS = {"ti": 10, "elleve": 11, "elva": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15}
_TEENS |= {"seksten": 16, "sytten": 17, "atten": 18, "nitten": 19}
_TENS = {"tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30, "førti": 40, "førr": 40, "femti": 50, "seksti": 60}
_TENS |= {"sytti": 70, "åtti": 80, "nitti": 90}
NUMBER_WORDS: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, "hundre": 100, "hundreogti": 110}
for _tens, _t in _TENS.items():
    for _unit, _u in _UNITS.items():
        if _unit not in ("ett", "eitt", "ei"):
            NUMBER_WORDS[_tens + _unit] = _t + _u  # «tjueto», «førtiåtte»
            NUMBER_WORDS[_unit + "og" + _tens] = _t + _u  # «toogtyve», «femogtredve» (old style)
_NUMBER_WORD = "(?:" + trie_pattern(set(NUMBER_WORDS)) + ")"


def number(text: str) -> int:
    """The value of digits or a Norwegian number word («34», «førtiåtte»)."""
    return int(text) if text.isdigit() else NUMBER_WORDS[text.casefold()]


# -- the patterns -----------------------------------------------------------------------------------------

_AGE_VERB = r"(?:er|var|va|blir|ble|fyller|fylte|fylt|nå|som)"
_ADVERB = r"(?:(?:nå|forresten|bare|nettopp|faktisk|snart|ca\.?|omtrent|cirka|allerede|egentlig|vel)\s+)?"
AGE_VERB_RE = re.compile(
    r"(?<![\w])(" + _AGE_VERB + r"\s+" + _ADVERB + r")(\d{1,3})\s+år(?:\s+gam(?:mel|le|mal))?(?![\w])", re.I
)
AGE_GAMMEL_RE = re.compile(r"(?<![\w.,])(\d{1,3})\s+år\s+gam(?:mel|le|mal)(?![\w])", re.I)
AGE_NOUN_RE = re.compile(r"(?<![\w.,])(\d{1,3})-åring(en|er|ene|ar|ane)?(?![\w])", re.I)
AGE_ADJ_RE = re.compile(r"(?<![\w.,])(\d{1,3})-årig(e)?(?![\w])", re.I)
AGE_IN_ALDER_FIELD_RE = re.compile(r"^[^\n:]*alder[ \t]*:[^\n]*?(?<![\w.,])(\d{1,3})[ \t]+år(?![\w])", re.I | re.M)
AGE_ALDER_RE = re.compile(r"(?<![\w])(alder\s*:?\s*)(\d{1,3})(?:\s+år)?(?![\w]|[.,]\d)", re.I)
AGE_APPOSITION_RE = re.compile(
    r"([,(] ?)(?:(?P<h>rundt|ca\.?|cirka|omtrent|drøyt|nesten|snart|bare|kun|nå) )?(?P<n>\d{1,3})(?P<yr> år)?"
    r"(?= ?[,().;]|\s*$)",
    re.M,
)
# A line that opens an item or a field: «b) », «- », «3. », «Bruker: »
_ITEM_START_RE = re.compile(r"[ \t]*(?:[a-zæøå]\)|\d{1,2}[.)]|[-•*–]|[^\W\d_][\w /-]{0,30}:)[ \t]")
# «Han er tamilsk, ung, rundt 25 år,»: a person is the subject of the clause the apposition describes
_PERSON_COPULA_RE = re.compile(
    r"(?:^|[^\w])(?:han|hun|hen|ho|hu|jeg|eg|æ|kandidaten|brukeren|deltakeren)[ \t]+(?:er|var|e|va|blir|ble)[ \t]",
    re.I,
)
AGE_PAREN_RE = re.compile(r"(?<=[\w\ue000] )\((\d{1,2})\)(?!\w)")
# «han er 29, ikke 31», «Hun er 39.», «nettopp 30», «fylte 40 i februar», «er 12, han …», «er jo 58», «er 5 hun går»
AGE_BARE_RE = re.compile(
    r"(?<![\w])((?:er|var|va|blir|ble|fyller|fylte|fylt|nettopp|bare|snart)\s+"
    r"(?:nå\s+|nettopp\s+|bare\s+|berre\s+|vel\s+|jo\s+)?)"
    r"(\d{1,2})(?=[,.;)?!]|\s*$|\s+(?:nå|og|ikke|han\b|hun\b|ho\b|til\s+(?:høsten|våren|sommeren|vinteren|jul)|"
    r"(?P<da>da)|i\s+(?:januar|februar|mars|april|mai|juni|juli|august|september|"
    r"oktober|november|desember|fjor|år|dag|går|høst|vår|sommer|vinter)))",
    re.I | re.M,
)
AGE_NOT_RE = re.compile(r"(,?\s*ikke\s+)(\d{1,2})(?![\w%])(?!\s*(?:%|prosent|kr|timer|dager|uker|år\s+siden))", re.I)
AGE_LIST_RE = re.compile(r"barn,\s+((?:\d{1,2},\s+)*\d{1,2})\s+og\s+(\d{1,2})( år)?", re.I)
# Number words, in one scan: «tjuetoåring(en)», «femtiårige», «femtifem år gammel», «førtito år», «er sju.»
WORD_AGE_RE = re.compile(
    r"(?<![\w.,-])(?P<n>" + _NUMBER_WORD + r")(?:(?P<noun>-?åring(?P<end>en|er|ene|ar|ane)?)|(?P<adj>-?årig(?P<e>e)?)"
    r"|(?P<old>\s+år\s+gam(?:mel|le|mal))|(?P<year>\s+år)"
    r"|(?P<bare>(?=[,.;)]|[ \t]*$|\s+(?:og|men|nå|no|snart|da|i\s+dag|i\s+år)\b)))(?![\w])",
    re.I | re.M,
)
_VERBS_BEFORE = frozenset("er var va blir ble fyller fylte fylt vart blei".split())
_ADVERBS_BEFORE = frozenset(
    "nå no forresten bare nettopp faktisk snart ca omtrent cirka allerede egentlig vel da".split()
)
# «en sønn på 10 år», «to barn på 4 og 7 år», «ei dotter på sju år» (the person noun is checked in code)
_N = r"(?:\d{1,3}|[^\W\d_]+)"
AGE_PAA_RE = re.compile(
    r"(?<![\w])på\s+(?P<list>(?:" + _N + r"(?:,\s*|\s+og\s+))*)(?P<last>" + _N + r")\s+år(?![\w])", re.I
)
# «født i 1987», «fødd 1990», «fødselsår: 1985» → «født på 1980-tallet» (a year of birth tells the age)
BIRTH_YEAR_RE = re.compile(
    r"(?<![\w])(?P<cue>født|fødd|fødselsår:?)\s+(?P<span>(?:i\s+|år\s+)?(?P<year>(?:19|20)\d\d))(?![\w]|[.,/-]\d)", re.I
)
_WORD_BEFORE_RE = re.compile(r"(\S+) ?\Z")
PERSON_NOUNS = frozenset(
    "kvinne kvinnen mann mannen kandidat kandidaten deltaker deltakeren søker søkeren person personen jente "
    "jenta gutt gutten sønn sønnen datter datteren mor moren far faren bruker brukeren barn barna barnet "
    "yngste eldste minste yngstemann minstemann eldstemann begge tvillingene tvillinger jenter jentene gutter "
    "guttene sønner sønnene døtre døtrene unger ungene ungen baby babyen småbarn born borna dotter dottera "
    "sonen".split()
)
# Words that may be the subject of «er førtito år»: people, not things.
SUBJECTS = (
    PERSON_NOUNS | frozenset(cues.ROLE_NOUNS) | {"andre"} | cues.PRONOUNS - {"det", "den", "dette", "denne", "disse"}
)  # «de to andre er 5 og 8»


_NOT_AGED = frozenset("klokka klokken kl det dette prisen summen timen".split())
_POSSESSIVES = frozenset("hans hennes hennar min mi mitt din di sin si vår deres dykkar".split())

# A duration, not an age, after «N år»: «han er to år i Norge», «hun var tre år på skolen», «to år her».
_DURATION_AFTER_RE = re.compile(
    r"\s+(?:(?:i|på|hos|ved|til|med)\s+(?!(?:dag|år|fjor|går|morgen|januar|februar|mars|april|mai|juni|juli|"
    r"august|september|oktober|november|desember|sommer|høst|vinter|vår|romjula|jula)\b)|her\b|der\b|siden\b)",
    re.I,
)
# A series of ages: «barna er 3 og 6 år», «tre barn på 2, 5 og 9 år», «(4 og 7 år)», «de er fire og sju».
_NUM = r"(?:\d{1,2}|" + _NUMBER_WORD + r")"
AGE_SERIES_RE = re.compile(  # the lookahead on the first letter only makes the scan faster
    r"(?=[evbpEVBP(,])(?:(?<![\w])(?P<cue>er|var|blir|ble|på)[ \t]+|(?P<paren>\()|(?P<comma>,)[ \t]+)"
    r"(?P<list>" + _NUM + r"(?:,[ \t]*" + _NUM + r")*"
    r"[ \t]+(?:og|eller)[ \t]+" + _NUM + r")(?![\w])(?P<unit>[ \t]+år(?:[ \t]+gam(?:mel|le|mal))?)?(?![\w])",
    re.I,
)
_SERIES_ENDS_RE = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$|(?:og|men|nå|i dag|begge|så)\b)")
_COUNT_AFTER_RE = re.compile(r"\s+og\s+\d{1,3}\s+(?!år\b)[^\W\d_]")
# After «fylte», «fyller», «runder»: a number is an age («fylte åtte i går», «fyller 40 i mai»).
AGE_FILL_RE = re.compile(
    r"(?<![\w])(?:fylte|fyller|fylt|runder|rundet|runda)[ \t]+(?P<n>" + _NUM + r")(?P<unit>[ \t]+år)?(?![\w])"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$|(?:i|på|nå|for|forrige|sist|siste|neste|denne|den|og|til|om|snart)\b))",
    re.I,
)
# «i en alder av 29 år», «alderen på 29»
AGE_OF_RE = re.compile(
    r"(?<![\w])(?P<n0>(?:i|ved)[ \t]+en[ \t]+)?alder(?:en)?[ \t]+(?:av|på)[ \t]+(?P<n>" + _NUM + r")"
    r"(?P<unit>[ \t]+år)?(?![\w])",
    re.I,
)
# A baby's age: «8 måneder gammel», «på ti uker» (after a person noun)
AGE_MONTHS_RE = re.compile(
    r"(?<![\w])(?P<n>" + _NUM + r")[ \t]+(?:måneder|mnd\.?|uker)(?P<old>[ \t]+gam(?:mel|le|mal))?(?![\w])", re.I
)


def decade(age: int) -> str:
    if age < 10:
        return "under 10 år"
    if age < 20:
        return "i tenårene"
    return f"i {age // 10 * 10}-årene"


def age_at(ws: Workspace, start: int, end: int, age: int, template: str = "{decade}", reason: str = "alder") -> None:
    if age > 110:
        return
    text = template.format(decade=decade(age), lo=age // 10 * 10, hi=age // 10 * 10 + 9)
    ws.add(start, end, "age", text, reason=reason)


def _person_subject(ws: Workspace, pos: int) -> bool:
    """A person stands right before the verb at ``pos``: a person noun, a pronoun, or a replaced name."""
    before = prev_word(ws.text, pos)
    if before is not None and before[1] == " " and before[0].key in _ADVERBS_BEFORE:
        pos = before[0].start  # «som no er ni»
        before = prev_word(ws.text, pos)
    if before is None:
        return ws.text[max(0, pos - 4) : pos].rstrip(" ,").endswith(MASK)  # «Filmon, er seksten»
    if before[1] == " " and before[0].key in _POSSESSIVES | {"som"}:
        pos = before[0].start
        before = prev_word(ws.text, pos)  # «kona hans er trettiåtte», «datteren, som er fire»
        if before is None:
            return ws.text[max(0, pos - 4) : pos].rstrip(" ,").endswith(MASK)  # «Zlata, som no er ni»
    return before is not None and before[1] in (" ", ", ") and fold(before[0].text) in SUBJECTS


def _is_number(word: str) -> bool:
    return word.isdigit() or word.casefold() in NUMBER_WORDS


def _after_age_verb(ws: Workspace, pos: int) -> bool:
    """«er», «fylte» … (maybe with «nå», «nettopp») right before ``pos``, with a person as the subject."""
    before = prev_word(ws.text, pos)
    if before is not None and before[1] == " " and before[0].key in _ADVERBS_BEFORE:
        before = prev_word(ws.text, before[0].start)
    return (
        before is not None
        and before[1] == " "
        and before[0].key in _VERBS_BEFORE
        and _person_subject(ws, before[0].start)
    )


_HEAD_COUNT_RE = re.compile(r"(?:^|[^\w])(?:vi|dere|oss)[ \t]+(?:\w+[ \t]+)?\Z", re.I)


def _head_count(ws: Workspace, pos: int) -> bool:
    """«Vi var tre, nå er vi to»: a bare number after «vi»/«dere» counts people."""
    return _HEAD_COUNT_RE.search(ws.text, max(0, pos - 20), pos) is not None


def _replace_number_words(ws: Workspace) -> None:
    for m in WORD_AGE_RE.finditer(ws.text):
        age, start = number(m.group("n")), m.start()
        if m.group("noun"):
            ending = (m.group("end") or "").casefold()
            template = {"en": "personen {decade}", "ene": "personene {decade}", "er": "personer {decade}"}.get(
                ending, "person {decade}"
            )
            age_at(ws, start, m.end(), age, template, reason="«-åring» i ord")
        elif m.group("adj"):
            if age >= 15:  # «toårig utdanning» is a duration
                age_at(ws, start, m.end(), age, "{lo}–{hi}-årig" + (m.group("e") or ""), reason="«-årig» i ord")
        elif m.group("old"):
            age_at(ws, start, m.end(), age, reason="alder i ord («år gammel»)")
        elif _after_age_verb(ws, start) and not (
            (m.group("year") and _DURATION_AFTER_RE.match(ws.text, m.end()))
            or (m.group("bare") is not None and _head_count(ws, start))
        ):
            age_at(ws, start, m.end(), age, reason="alder i ord etter verb")
    ws.commit()


def _person_before(ws: Workspace, pos: int) -> bool:
    """A person noun, a pronoun or a replaced name right before ``pos`` («to barn på …», «Sara (…)»)."""
    who = prev_word(ws.text, pos)
    return (who is not None and fold(who[0].text) in SUBJECTS) or ws.text[max(0, pos - 2) : pos].strip().endswith(MASK)


def _describes_person(ws: Workspace, pos: int) -> bool:
    """The apposition at ``pos`` is part of a description of a person: in its sentence (on its line) a name was
    replaced before it («d) Person A (…): Kongolesisk, 45 år, kom …»), or a person is the subject of a copula
    («Han er tamilsk, ung, rundt 25 år»)."""
    text = ws.text
    start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos))
    start = max(start + 1, pos - 120)
    if _PERSON_COPULA_RE.search(text, start, pos):
        return True
    # An item of minutes or a form line is about the person it opens with («b) Person A (…). Tsjetsjensk, 27 år»)
    line = text.rfind("\n", 0, pos) + 1
    if _ITEM_START_RE.match(text, line) is not None:
        start = max(line, pos - 200)
    if MASK not in text[start:pos]:
        return False
    return any(rep.kind == "person" and start <= rep.start < pos for rep in ws.replacements)


def _replace_series(ws: Workspace) -> None:
    """«barna er 3 og 6 år» → «barna er under 10 år»; «tre barn på 2, 9 og 14 år» → «tre barn under 10 år og i
    tenårene»; «to barn på 4 og 7 år» → «to barn på under 10 år»; «Sara og Adam (4 og 7 år)»."""
    for m in AGE_SERIES_RE.finditer(ws.text):
        cue, unit = (m.group("cue") or m.group("comma") or "(").casefold(), m.group("unit")
        ages = [number(w) for w in re.split(r"\s*,\s*|\s+(?:og|eller)\s+", m.group("list"), flags=re.I) if w]
        if max(ages) > 110:
            continue
        if cue in ("er", "var", "blir", "ble"):
            if not _person_subject(ws, m.start()) or not (unit or _SERIES_ENDS_RE.match(ws.text, m.end())):
                continue
        elif cue == "på":
            if not _person_before(ws, m.start()) or not unit:
                continue
        elif cue == ",":  # «Barna Jana og Kareem, 3 og 6 år, går …»: an apposition after people
            person = _person_before(ws, m.start()) or _person_before(ws, m.start("list"))  # «To barn, 7 og 11 år.»
            if not unit or not person or not _SERIES_ENDS_RE.match(ws.text, m.end()):
                continue
        elif not (
            ws.text[m.end() : m.end() + 1] == ")"
            and (_person_before(ws, m.start()) or ws.text[max(0, m.start() - 2) : m.start()].strip()[-1:].isalpha())
        ):
            continue  # «(4 og 7 år)» after a name or a person noun
        if unit and _DURATION_AFTER_RE.match(ws.text, m.end()):
            continue
        decades = list(dict.fromkeys(decade(a) for a in ages))
        start = m.start("list")
        if cue == "på" and decades != ["under 10 år"]:
            start = m.start()  # «på i tenårene» is no Norwegian: the preposition goes
        ws.add(start, m.end(), "age", " og ".join(decades), reason="aldre i en oppramsing")
    ws.commit()


def replace_ages(ws: Workspace) -> None:
    folded = ws.text.casefold()  # which cue words the document holds at all (replacements never add one)
    _replace_series(ws)
    for m in AGE_VERB_RE.finditer(ws.text):
        if not _DURATION_AFTER_RE.match(ws.text, m.end()):
            age_at(ws, m.start(2), m.end(), int(m.group(2)), reason="alder etter verb")
    ws.commit()
    for m in scan(AGE_FILL_RE, ws.text, folded, ("fyl", "rund")):
        age_at(ws, m.start("n"), m.end(), number(m.group("n")), reason="alder etter «fylte»")
    ws.commit()
    for m in scan(AGE_OF_RE, ws.text, folded, ("alder",)):  # «døde i en alder av 80 år» → «døde i 80-årene»
        age_at(ws, m.start() if m.group("n0") else m.start("n"), m.end(), number(m.group("n")), reason="«alder av»")
    ws.commit()
    for m in scan(AGE_MONTHS_RE, ws.text, folded, ("måned", "mnd", "uke")):
        paa = ws.text[max(0, m.start() - 3) : m.start()].casefold() == "på "
        if m.group("old") or (paa and _person_before(ws, m.start() - 3)):
            ws.add(m.start(), m.end(), "age", "under 10 år", reason="alder i måneder eller uker")
    ws.commit()
    for m in scan(AGE_GAMMEL_RE, ws.text, folded, ("gam",)):
        age_at(ws, m.start(), m.end(), int(m.group(1)), reason="alder («år gammel»)")
    ws.commit()
    for m in scan(AGE_NOUN_RE, ws.text, folded, ("åring",)):
        age, ending = int(m.group(1)), (m.group(2) or "").casefold()
        template = {"en": "personen {decade}", "ene": "personene {decade}", "er": "personer {decade}"}.get(
            ending, "person {decade}"
        )  # the article stays: «en 34-åring» → «en person i 30-årene»
        age_at(ws, m.start(), m.end(), age, template, reason="«-åring»")
    ws.commit()
    for m in scan(AGE_ADJ_RE, ws.text, folded, ("årig",)):
        age_at(ws, m.start(), m.end(), int(m.group(1)), "{lo}–{hi}-årig" + (m.group(2) or ""), reason="«-årig»")
    ws.commit()
    _replace_number_words(ws)
    for m in scan(BIRTH_YEAR_RE, ws.text, folded, ("født", "fødd", "fødsel")):
        tens = f"{int(m.group('year')) // 10 * 10}-tallet"
        text = tens if m.group("cue").casefold().startswith("fødselsår") else "på " + tens
        ws.add(m.start("span"), m.end("span"), "age", text, reason="fødselsår")
    for m in scan(AGE_ALDER_RE, ws.text, folded, ("alder",)):
        age_at(ws, m.start(2), m.end(), int(m.group(2)), reason="«alder»")
    for m in scan(AGE_IN_ALDER_FIELD_RE, ws.text, folded, ("alder",)):  # «Fødselsdato/alder: … / 34 år»
        age_at(ws, m.start(1), m.end(), int(m.group(1)), reason="«år» i feltet «alder»")
    ws.commit()
    for m in AGE_PAA_RE.finditer(ws.text):
        words = [w for w in re.split(r",\s*|\s+og\s+", m.group("list")) if w] + [m.group("last")]
        who = prev_word(ws.text, m.start())
        person = (who is not None and fold(who[0].text) in SUBJECTS) or ws.text[
            max(0, m.start() - 2) : m.start()
        ].strip().endswith(MASK)
        if person and all(_is_number(w) for w in words):
            ages = [number(w) for w in words]
            if max(ages) <= 110:
                decades = list(dict.fromkeys(decade(a) for a in ages))
                start = (
                    m.start() if decades != ["under 10 år"] else m.start("list") if m.group("list") else m.start("last")
                )  # «sønnen på under 10 år», «sønnen i tenårene»
                ws.add(start, m.end(), "age", " og ".join(decades), reason="«på N år» etter person")
    ws.commit()
    for m in AGE_APPOSITION_RE.finditer(ws.text):
        before = _WORD_BEFORE_RE.search(ws.text, max(0, m.start() - 40), m.start())
        word = before.group(1) if before else ""
        after_name = ws.text[max(0, m.start() - 30) : m.start()].rstrip(" )").endswith(MASK)  # «X (Tsegi), 41 år»
        if not m.group("yr") and m.group("h") != "nå":
            continue  # a bare number is an age only as «…, nå 38.» («(2. gang)» is none)
        if (
            ws.kind_before(m.start()) == "person"
            or word.casefold() in PERSON_NOUNS
            or after_name
            or _describes_person(ws, m.start())
        ):
            hedge = m.group("h") and m.group("h") != "nå"
            start = m.start("h") if hedge else m.start("n")  # «rundt 25 år» → «i 20-årene»; «nå 38» → «nå i 30-årene»
            age_at(ws, start, m.end(), int(m.group("n")), reason="alder som innskudd")
    ws.commit()
    for m in scan(AGE_PAREN_RE, ws.text, folded, ("(",)):
        if ws.kind_before(m.start()) == "person" or ws.text[max(0, m.start() - 2) : m.start()].strip()[-1:].isalpha():
            age_at(ws, m.start(), m.end(), int(m.group(1)), "({decade})", reason="tall i parentes etter navn")
    ws.commit()
    for m in AGE_BARE_RE.finditer(ws.text):
        if _COUNT_AFTER_RE.match(ws.text, m.end(2)):
            continue  # «Jeg var 2 og 3 ganger der»: a count of something
        subject = prev_word(ws.text, m.start())
        if subject is not None and subject[0].key in _NOT_AGED:
            continue  # «klokka er 7 og vi er 4»: the time
        if m.group("da") and not _person_subject(ws, m.start()):
            continue  # «var 50 da vi begynte», not «Klokka var 7 da vi kom»
        age_at(ws, m.start(2), m.end(2), int(m.group(2)), reason="tall som alder etter «er»/«fylte»")
    ws.commit()
    for m in scan(AGE_NOT_RE, ws.text, folded, ("ikke",)):
        if ws.kind_before(m.start()) == "age":
            age_at(ws, m.start(2), m.end(2), int(m.group(2)), reason="rettet alder («ikke 31»)")
    ws.commit()
    for m in scan(AGE_LIST_RE, ws.text, folded, ("barn",)):
        for g in re.finditer(r"\d{1,2}", m.group(1)):
            age_at(ws, m.start(1) + g.start(), m.start(1) + g.end(), int(g.group()), reason="liste over barns alder")
        last = m.group(2)
        age_at(ws, m.start(2), m.end(2) + (len(" år") if m.group(3) else 0), int(last), reason="liste over barns alder")
    ws.commit()
