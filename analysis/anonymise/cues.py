"""Words around a name that say it is a name, and what role its bearer has.

The name finder (analysis/anonymise/names.py) trusts a word as a name when the lexicon knows it, or when it
is not ordinary Norwegian (analysis/anonymise/vocabulary.py) *and* it stands where names stand. This module
lists those places, as data the rules read:

* **Role nouns** right before a name («jobbspesialist Kari», «tolken Zarghona», «kona hans Gul»,
  «kontaktperson er Gunnar») or right after it as an apposition («Kari Nordby, jobbspesialist»,
  «Elin Skaug (veileder)», a signature's next line). They are also the evidence for the role-aware
  pseudonym (analysis/anonymise/people.py), so each maps to one role of the corpus format.
* **Header labels** at a line start: «Kandidat:», «Bruker:», «Jobbspesialist:», «Til:», «Referent:» …
* **Greetings and sign-offs**: «hei X», «kjære X», «mvh X», «hilsen X», and the line after «Mvh».
* **Titles**: «dr.», «fru», «herr» …
* **Verbs of speech** and **finite verbs** after a word («Dag sa», «pim ringte»).
"""

from __future__ import annotations

import re

KANDIDAT, JOBBSPESIALIST, VEILEDER, NAV_LEDER = "kandidat", "jobbspesialist", "veileder", "nav-leder"
ARBEIDSGIVER, KOLLEGA, TOLK, LEGE, LAERER, FAMILIE = "arbeidsgiver", "kollega", "tolk", "lege", "laerer", "familie"

# Role nouns (casefolded, every form that is written in case notes) → role.
ROLE_NOUNS: dict[str, str] = {}


def _roles(role: str, words: str) -> None:
    for w in words.split():
        ROLE_NOUNS[w] = role


_roles(
    KANDIDAT,
    "kandidat kandidaten kand ips-kandidat ips-kandidaten bruker brukeren deltaker deltakeren "
    "deltakar deltakaren arbeidssøker arbeidssøkeren",
)
_roles(
    JOBBSPESIALIST,
    "jobbspesialist jobbspesialisten jobbspes jobbkonsulent jobbkonsulenten ips-veileder",
)
_roles(
    VEILEDER,
    "veileder veilederen rettleiar rettleiaren saksbehandler saksbehandleren nav-veileder nav-veilederen saksbehandlar",
)
_roles(
    ARBEIDSGIVER,
    "arbeidsgiver arbeidsgiveren butikksjef butikksjefen sjef sjefen kjøkkensjef kjøkkensjefen "
    "kontaktperson kontaktpersonen formann formannen verksmester verksmesteren produksjonsleder "
    "produksjonslederen disponent disponenten kjøkkenleder kjøkkenlederen "
    "avdelingssykepleier avdelingssykepleieren bas basen "
    "arbeidsleder arbeidslederen eier eieren innehaver innehaveren butikkleder butikklederen "
    "lagersjef lagersjefen teamleder-hos-arbeidsgiver dagleg-leiar daglig-leder",
)
_roles(TOLK, "tolk tolken")
_roles(
    LEGE,
    "lege legen fastlege fastlegen fastlegar dr doktor doktoren psykolog psykologen psykologspesialist "
    "psykiater psykiateren behandler behandleren spesialist",
)
_roles(LAERER, "lærer læreren kontaktlærer kontaktlæreren lærar læraren kontaktlærar kontaktlæraren")
_roles(
    FAMILIE,
    "kone kona konen mann mannen ektemann ektemannen ektefelle ektefellen samboer "
    "samboeren sambuar datter datteren dattera dotter dottera sønn sønnen son sonen bror broren "
    "lillebror lillebroren storebror storebroren lillesøster lillesøstera lillesøsteren storesøster "
    "storesøstera storesøsteren besteforeldre bestemor bestefar farmor farfar mormor morfar veslebror "
    "veslebroren veslesøster veslesyster veslesystera vesleson "
    "søster søsteren søstera syster systera mor moren mora far faren pappa mamma barnet barna borna onkel "
    "onkelen tante tanta svigermor svigerfar svoger svigerinne fetter kusine nevø niese "
    "eldstesønnen eldstedatteren yngstesønnen yngstedatteren",
)
# Nouns for people whose role is none of the above: a cue that a name follows, with no role claimed. A NAV office,
# a hospital and a firm all have an «avdelingsleder» or a «teamleder»: the word says nothing of which.
NEUTRAL_PERSON_NOUNS = frozenset(
    "utleier utleieren fysioterapeut fysioterapeuten venninne venninna venninnen venn "
    "vennen nabo naboen nabokona rådgiver rådgiveren referent leder lederen leiar "
    "leiaren daglig dagleg teamleder teamlederen avdelingsleder avdelingslederen kontakt kollega kollegaen kollegaer "
    "kollegane kollegene medarbeider fadder fadderen lille vesle pasient pasienten "
    # a thesis interviews candidates, job specialists and employers alike: «informant» names no role
    "informant informanten "
    # a kindergarten's or a school's head («ringte styrer Mona Rygg i barnehagen»), seldom the candidate's employer
    "styrer styreren".split()
)
# Family nouns that also name anyone: «en ung mann, Bishnu» is a man, «mannen hennes, Abdi» a husband. They
# claim the family role only beside a possessive or an «ekte-»; otherwise they only cue a name.
PLAIN_MEANING_FAMILY = frozenset("mann mannen".split())
OWNERS = frozenset("min mi mitt din di hans hennes hennar sin si vår deres deira dykkar".split())
# Role nouns that are also a verb in the present tense: after a subject pronoun they are the verb («hun bruker»).
ROLE_VERB_FORMS = frozenset("bruker eier styrer lærer".split())  # «du lærer, Hiwot»: the verb, not the teacher
# Two-word role nouns, written with a hyphen above: «daglig leder», «dagleg leiar».
TWO_WORD_ROLES = {("daglig", "leder"): ARBEIDSGIVER, ("dagleg", "leiar"): ARBEIDSGIVER}

# Possessives and little words that may stand between a role noun and the name («søsteren min Faadumo»,
# «kontaktperson er Gunnar», «Veileder: Jørgen»).
POSSESSIVES = frozenset("min mi mitt mine din di ditt dine vår vårt våre".split())
ROLE_FILLERS = frozenset(
    "min mi mitt din di hans hennes hennar sin si vår deres deira dykkar er var blir heter het heiter".split()
)

# Labels that open a header line and name a person after the colon («Kandidat: Oksana Hrytsenko»).
HEADER_LABELS: dict[str, str | None] = {
    "kandidat": KANDIDAT,
    "kand": KANDIDAT,
    "bruker": KANDIDAT,
    "gjelder": KANDIDAT,
    "gjeld": KANDIDAT,
    "deltaker": KANDIDAT,
    "navn": None,
    "namn": None,
    "jobbspesialist": JOBBSPESIALIST,
    "jobbspes": JOBBSPESIALIST,
    "veileder": VEILEDER,
    "rettleiar": VEILEDER,
    "tolk": TOLK,
    "fastlege": LEGE,
    "lege": LEGE,
    "behandler": LEGE,
    "arbeidsgiver": None,
    "kontaktperson": None,
    "fra": None,
    "frå": None,
    "til": None,
    "kopi": None,
    "cc": None,
    "referent": None,
    "skrevet av": None,
    "skrive av": None,
    "signatur": None,
    "underskrift": None,
    "signert": None,
    "pårørende": None,
    "til stede": None,
    "tilstede": None,
    "til stades": None,
    "deltakere": None,
    "deltakarar": None,
    "forfall": None,
    "sendt av": None,
    "avsender": None,
    "mottaker": None,
    "saksbehandler": VEILEDER,
}
GREETINGS = frozenset("hei hallo heisann hey hi kjære mvh hilsen helsing takk tusen".split())
# «hun heter linda aspeli», «sjefen het Tone»: what follows a naming verb is a name (not after a question word:
# «hva heter sjefen» asks for one).
NAMING_VERBS = frozenset("heter het heiter kalles kaltes".split())
# «Kollegaene kaller meg «Abu»», «de kalte han Jojo», «alle kaller meg nok»: the word after a calling verb and its
# object is what someone is called, a name however common the word
CALLING_VERBS = frozenset("kaller kalte kalla kallar kallet".split())
CALLED_PRONOUNS = frozenset("meg deg han ham henne seg oss dei dem ho".split())
NOT_CALLED = frozenset("inn ut opp ned for til bare aldri ofte alltid noe noen ikke også".split())  # «kaller meg inn»
QUESTION_WORDS = frozenset("hva hvem hvordan hvorfor hvor kva kven korleis kvifor kor".split())
SIGN_OFF_LINES = frozenset(
    {
        "mvh",
        "hilsen",
        "vennlig hilsen",
        "med vennlig hilsen",
        "beste hilsen",
        "helsing",
        "venleg helsing",
        "hilsen fra",
        "takk",
    }
)
TITLES_FULL = frozenset({"fru", "frue", "herr", "frøken", "doktor", "professor"})
TITLES_ABBR = frozenset({"hr", "frk", "dr", "prof"})
PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "bint",
        "al",
        "el",
        "abu",
        "van",
        "von",
        "der",
        "den",
        "de",
        "dos",
        "da",
        "del",
        "di",
        "du",
        "le",
        "la",
        "thi",
        "ter",
        "ten",
        "mac",
        "ould",
    }
)
# Burmese and Karen honorifics that open a name («Saw Ler Htoo», «Naw Eh Paw», «Daw Khin», «Sai Hla»): part of
# the name's span, but shared by many people, so never a name part that identifies or propagates on its own.
# «U», «Ma» and «Ko» are left out: too short and too common in Norwegian text to open a name safely.
HONORIFICS = frozenset({"saw", "naw", "daw", "thra", "thramu", "maung", "mg", "sai", "nang", "khun", "mahn"})
PARTICLES = PARTICLES | HONORIFICS
# Particles that only follow another one («van der Berg», «van den Broek», «de la Cruz»): alone before a name they are
# Norwegian words («teamet, der Jon Erik har kapasitet»).
SECOND_PARTICLES = frozenset("der den ter ten la le".split())
# Karen name syllables that are also the hesitation of a transcript («Eh Say» the brother; «R: Eh, jeg vet
# ikke»): replaced inside the name, never taken for it alone.
HESITATION_PARTS = frozenset("eh".split())
LOCATIVE = frozenset(
    {
        "i",
        "på",
        "fra",
        "frå",
        "til",
        "ved",
        "utenfor",
        "nær",
        "rundt",
        "mot",
        "gjennom",
        "via",
        "innenfor",
        "nord",
        "sør",
        "øst",
        "vest",
        "bor",
        "bur",
    }
)
STRONG_LOCATIVE = frozenset({"i", "på", "ved", "utenfor", "nær", "rundt", "gjennom", "via", "innenfor"})
PLACE_NOUNS = frozenset({"kommune", "kommunes", "fylke", "fylkes", "sentrum", "havn", "lufthavn", "stasjon"})
STREET_WORDS = frozenset(
    {"gate", "gata", "gaten", "gt", "vei", "veien", "veg", "vegen", "allé", "plass", "brygge", "torg", "terrasse"}
)
SPEECH_VERBS = frozenset(
    "sa sier si seier forteller fortalte fortalde forklarer forklarte mener mente meiner meinte spør spurte "
    "svarer svarte uttaler uttalte påpeker påpekte understreker understreket skriver skrev opplyser opplyste "
    "sukker sukket ler lo smiler smilte tenker tenkte husker husket innrømmer innrømmet ringte ringer ringde "
    "roper ropte melder meldte melde avlyste avlyser takket takka lurer lurte hilser".split()
)
FINITE_VERBS = frozenset(
    "har hadde er var blir ble fikk får kan kunne vil ville skal skulle må måtte bør burde begynte begynner "
    "startet starter starta jobber jobbet jobba møtte møter ønsker ønsket trenger trengte synes syntes tror "
    "trodde gikk går bor bodde tok tar fant finner kom kommer reiste flyttet flytta søkte søker fullførte "
    "deltok deltar gjorde gjør virket virker opplevde opplever klarte klarer prøvde prøver viste viser lærte "
    "lærer snakket snakker snakka følger fulgte holder holdt sender sendte kjenner kjente vet visste liker "
    "likte ser hører hørte leser leste lager laget gir ga hjelper hjalp nevnte nevner minnet minner foreslo "
    "foreslår avtalte avtaler fortsetter fortsatte slutter sluttet slutta venter ventet trives trivdes "
    "har hatt er vore blei fekk kjem kom budde bur hentet henter kjører kjørte går skriver tilbyr tilbød "
    "støttet støtter orienterte orienterer bekreftet bekrefter anbefaler anbefalte vurderer vurderte "
    "ordner ordnet oversatt sjekker sjekket sitter satt stod står tolker tolket tolka fylte fyller bød byr "
    "savner savnet ba bad inviterte kontaktet".split()
)
# Ambiguous names whose ordinary use is a preposition, pronoun or particle: a finite verb right after them is
# evidence enough («Per bor i ...», unlike «Per uke»).
FUNCTION_WORD_NAMES = frozenset({"per", "hans", "jo"})

PRONOUNS = frozenset("hen han hun ho dei de den det dette denne disse vi du dere jeg eg meg deg seg oss".split())
WEEKDAYS = frozenset("mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag".split())
# Every way a note writes a weekday, full or abbreviated, as a regular expression (dates before a date, chat
# headers before a time)
WEEKDAY_PATTERN = (
    r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag|"
    r"man|tirs|tir|tors|ons|fre|lør|søn|tis|tor|to|ti|on|fr|ma|lø|sø)"
)
# Abbreviated weekdays that are no word and no name part («tirs», «fre»): never part of a name. «man», «tor» and
# «fr» are left out (a pronoun, a given name, a title); «ma», «ti», «on», «to» are also words or name parts, so
# only a speaker's label stops at them (evidence.label_end).
WEEKDAY_ABBREVIATIONS = frozenset("tir tirs ons tors fre lør søn lø sø".split())
SHORT_WEEKDAYS = frozenset("ma ti on to".split())
# Feasts and seasons that are capitalised now and then («etter Påske»): never a person.
HOLIDAYS = frozenset("jul julen påske påsken pinse pinsen nyttår advent ramadan ramadanen eid id bajram".split())

# -- positions of a person for a word the document already uses as a name (names.py, rule 7) ---------------
# Verbs whose object is a person («ringte jo», «møtte Bo»), and words before «med» that take a person
# («snakket med ask», «møte med Fall»).
OBJECT_VERBS = frozenset(
    "ringte ringer ringde ringt møtte møter møtt traff treffer truffet spurte spør hjalp hjelper besøkte besøker "
    "kontaktet kontakter informerte informerer hente hentet henter takket takker inviterte inviterer tekstet "
    "sms-et purret ringe ringa møte treffe spørre hjelpe kontakte besøke invitere informere".split()
)
WITH_WORDS = frozenset(
    "snakket snakker snakka snakke snakk prata pratet prater prate prat samtale samtalen møte møtet avtale "
    "avtalt avtalte enig enige sammen kontakt telefonsamtale ringerunde".split()
)
# «Ask er veilederen min», «bo er kollegaen hennes»: a person is what a role noun says after a copula.
PREDICATE_RE = re.compile(
    r" (?:er|var|blir|ble) ([^\W\d_]+)(?: (?:min|mi|mitt|hans|hennes|vår|deres|sin|si))?"
    r"[ \t]*(?:[.,;:!?)\n]|$|(?:og|men|som|til|for|på|i|hos|ved)\b)"
)
DEFINITE_ENDINGS = ("en", "na", "ne", "et", "ta")

# -- appositions: «Kari Nordby, jobbspesialist», «Ali (sønnen)» -------------------------------------------------

_APPOSITION_END_RE = re.compile(
    r"(?: (?:hans|hennes|hennar|min|mi|din|di|deres|dykkar|vår))?"
    r"[ \t]*(?:[,.;)\n]|$|(?:i|på|ved|hos|for|fra|frå|til|med|og|\()\b)"
)
_LIST_AFTER_RE = re.compile(r"[ \t]*(og\b|,)[ \t]*([^\W\d_]+)?")
# «Kontaktperson er Gunnar»: a role noun, a copula, then the name; the name must end the clause.
COPULAS = frozenset("er var blir ble heter het heiter".split())
CLAUSE_END_RE = re.compile(r"[ \t]*(?:[.,;:!?)\n]|$|(?:og|som|men)\b|\()")


def ends_apposition(word: str, rest: str) -> bool:
    """A role noun after a name is an apposition only when no other name follows it («Arūnas, kona Rasa»), and a
    definite one only when it does not open a list («Abdi, sjefen og jeg»; «Kari, sjefen, ringte» is one)."""
    if _APPOSITION_END_RE.match(rest) is None:
        return False
    if word.casefold().endswith(DEFINITE_ENDINGS):
        m = _LIST_AFTER_RE.match(rest)
        if m and (m.group(1) == "og" or _opens_list_item(m.group(2) or "")):
            return False
    return True


def _opens_list_item(word: str) -> bool:
    """After «Zainab, sjefen,»: another person (a name, a pronoun, a role noun) makes it a list."""
    key = word.casefold()
    return word[:1].isupper() or key in PRONOUNS or key in ROLE_NOUNS or key in NEUTRAL_PERSON_NOUNS


# «Rupa, som hun kaller seg,», «Oyuka, som hun ønsker å bli kalt,», «Abu (som han kalles)»: a name by which
# someone goes, whatever the word
CALLED_AFTER_RE = re.compile(
    r"[ \t]*[,(]?[ \t]*som[ \t]+(?:hun|han|hen|ho|vedkommende|[^\W\d_]+)?[ \t]*(?:selv[ \t]+)?"
    r"(?:(?:kaller|kallar|kalte)[ \t]+(?:seg|ham|han|henne|ho|hen|dem)|kalles|vert[ \t]+kalla|blir[ \t]+kalt|"
    r"(?:ønsker|vil|ønskjer)[ \t]+å[ \t]+bli[ \t]+(?:kalt|kalla|kalt))\b",
    re.I,
)
# Nouns that a capital letter names a kind of («førerkort klasse B.», «nivå A2», «rom C»): the letter is no initial
DESIGNATION_NOUNS = frozenset(
    "klasse kategori type nivå rom blokk bygg bygning avdeling trinn plan fase alternativ punkt vedlegg del "
    "vitamin gruppe sone inngang etasje".split()
)

# «takk for i dag fon 😊», «takk for sist, Amal!», «gratulerer kabamba 🎉»: the word that closes a thanks or a
# congratulation is the person addressed. Only a word that ends the message or the sentence, so «takk for i dag
# tone og kari» and «takk for i dag alle» go to the other rules.
THANKS_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:takk for (?:i dag|i går|sist|nå|hjelpen|praten|møtet|samtalen|turen|følget)|gratulerer|grattis)"
    r"[ \t]*,?[ \t]*\Z",
    re.I,
)
VOCATIVE_END_RE = re.compile(r"[ \t]*(?:[.!?]|\n|$|[\u2600-\u27bf\U0001f300-\U0001faff])")
THANKED_NOT_NAMES = frozenset("alle dere deg du igjen sammen folkens gutter jenter venn vennen".split())


def thanked(text: str, start: int, end: int, key: str) -> bool:
    """The word at [start, end) closes a thanks («takk for i dag fon 😊»)."""
    near = text[max(0, start - 30) : start]
    if key in THANKED_NOT_NAMES or key in PRONOUNS or not ("akk for" in near or "rat" in near):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return bool(THANKS_BEFORE_RE.search(text, line_start, start)) and bool(VOCATIVE_END_RE.match(text, end))


# Where a name's clause goes on: an apposition ends at punctuation («Kontaktperson der, Halvor Lunde, meldte»); an
# object of a call goes on with a little word («ringe lise og spørre»); «si fra til», «gi beskjed til» before a
# person; «på nav …», «(nav …» after someone placed at a NAV office («lise på nav frogner»).
APPOSITION_ENDS_RE = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$)")
OBJECT_ENDS_RE = re.compile(r"[ \t]*(?:[.,;:!?)\n]|$|(?:og|på|i|om|for|fra)\b)")
TOLD_RE = re.compile(r"(?<![\w-])(?:fra|ifra|beskjed|melding)[ \t]+til[ \t]+\Z", re.I)
AT_RE = re.compile(r"[ \t]+(?:på|i|fra|hos)[ \t]+|[ \t]*\(")
