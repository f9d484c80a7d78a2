"""What a case's front matter may say: the allowed values, their labels for readers, and the case's shape.

Every case file (``data/cases/*.md``) is checked against these lists (:mod:`analysis.cases.model`), so the
context table of a case holds only generalised attributes: age bands, world regions, broad sectors. Ids are
what the front matter holds; labels are what readers see. The region and sector groupings double as the
first level of generalisation when the case set's k-anonymity is measured (:mod:`analysis.cases.anonymity`).
"""

from __future__ import annotations

from typing import Literal

UNKNOWN = "uoppgitt"  # what the front matter says where the source says nothing; never guessed

Gender = Literal["kvinne", "mann", "uoppgitt"]
MunicipalitySize = Literal["liten", "mellomstor", "stor", "uoppgitt"]
Programme = Literal[
    "Introduksjonsprogrammet",
    "Jobbsjansen",
    "KVP",
    "Utvidet oppfølging (jobbspesialist)",
    "IPS",
]
Outcome = Literal[
    "fast_jobb",
    "midlertidig_jobb",
    "i_jobb",
    "pa_arbeidsplass_uavklart",
    "i_praksis",
    "i_oppfolging",
    "utdanning",
    "annet_tiltak",
    "avbrutt",
]

OUTCOME_LABELS: dict[str, str] = {
    "fast_jobb": "Fast jobb",
    "midlertidig_jobb": "Midlertidig jobb",
    # In work, but the case does not say whether the post is permanent: used where the source's split into
    # permanent and temporary posts would point at too few people.
    "i_jobb": "I jobb, varighet uoppgitt",
    # At a workplace, but the source does not say whether as work training or as an employee (so not «in work»).
    "pa_arbeidsplass_uavklart": "På arbeidsplassen, form uoppgitt",
    "i_praksis": "I praksis eller arbeidstrening",
    "i_oppfolging": "Fortsatt i oppfølging, uten jobb",
    "utdanning": "Utdanning",
    "annet_tiltak": "Annet tiltak",
    "avbrutt": "Avbrutt eller skrevet ut",
}

# What a case rests on, from the most to the least tied to one real person. The case chapter counts them
# (analysis.cases.overview.case_set_facts) and says, for each kind, why no reader can single a person out.
Basis = Literal["kildecase", "hovedforlop", "felles_trekk", "monstre"]
BASIS_LABELS: dict[str, str] = {
    # A case the source itself published as a case (anonymised there), retold.
    "kildecase": "Gjenfortalt case fra kilden",
    # One course or one arrangement the source tells about (anonymised there) carries the story; episodes
    # from other persons in the same source are added.
    "hovedforlop": "Bygger mest på ett forløp i kilden, med innslag fra andre",
    # Traits and episodes the source describes for several persons or the whole group, none that only one had.
    "felles_trekk": "Satt sammen av trekk flere personer delte",
    # The source tells no individual stories; the case is built from the patterns it reports.
    "monstre": "Konstruert ut fra mønstre kilden beskriver",
}
# The kinds in which one real person's course carries the case (the source's own cases and the main-course ones).
ONE_PERSON_BASES: frozenset[str] = frozenset({"kildecase", "hovedforlop"})

# The five stages of the EUSE process, in the wording of the site's glossary (book/ordliste.md).
EUSE_STAGES: dict[int, str] = {
    1: "Innledende kontakt og avtale",
    2: "Kartlegging av yrkesønsker og muligheter",
    3: "Å finne en passende jobb",
    4: "Samarbeid med arbeidsgiveren",
    5: "Opplæring og støtte på og utenfor arbeidsplassen",
}

# The eight IPS principles as listed by the 002 thesis (Figur 1, after Drake et al. 2012).
IPS_PRINCIPLES: dict[str, str] = {
    "ingen-eksklusjon": "Ingen eksklusjonskriterier",
    "ordinaert-arbeid": "Ordinært lønnet arbeid",
    "integrert-behandling": "Integrert med behandling",
    "okonomisk-veiledning": "Økonomisk veiledning",
    "rask-jobbsok": "Jobbsøk starter raskt",
    "systematisk-jobbutvikling": "Systematisk jobbutvikling",
    "tidsubegrenset-oppfolging": "Oppfølging uten tidsgrense",
    "brukerens-preferanser": "Brukerens preferanser",
}

THEMES: dict[str, str] = {
    "arbeidsgiverkontakt": "Kontakt og forhandling med arbeidsgiver",
    "avslutning": "Avslutning og utskriving",
    "egenmobilisering": "Kandidatens eget ansvar",
    "fravaer": "Fravær og oppmøte",
    "forventninger": "Forventninger og informasjon",
    "helsesamarbeid": "Samarbeid med helsetjenesten",
    "jobbmatch": "Jobbmatch og preferanser",
    "kapasitet": "Kapasitet og portefølje",
    "kvalifikasjoner": "Fagbrev og formell kompetanse",
    "ledelse": "Ledelse og forankring",
    "mentor": "Mentor og naturlig bistand",
    "mestringstro": "Tro på egen mestring",
    "oppfolging-arbeidsplass": "Oppfølging på arbeidsplassen",
    "praksisfelle": "Praksisfellen",
    "relasjon": "Relasjon og tillit",
    "rolleavklaring": "Rolleavklaring i teamet",
    "skjult-helse": "Helseplager som kommer fram underveis",
    "spraak": "Norsk språk i jobben",
    "tilrettelegging": "Tilrettelegging av arbeidstid og oppgaver",
    "uskrevne-regler": "Uskrevne regler i arbeidslivet",
    "varig-jobb": "Veien til varig ansettelse",
    "virkemidler": "Lønnstilskudd og andre virkemidler",
}

# Allowed world regions, each with the continent it generalises to (a broad region maps to itself).
REGION_PARENT: dict[str, str] = {
    "Norge": "Norge",
    "Norden": "Europa",
    "Vest-Europa": "Europa",
    "Sør-Europa": "Europa",
    "Øst-Europa": "Europa",
    "Europa": "Europa",
    "Nord-Afrika": "Afrika",
    "Vest-Afrika": "Afrika",
    "Øst-Afrika": "Afrika",
    "Sentral-Afrika": "Afrika",
    "Sørlige Afrika": "Afrika",
    "Afrika": "Afrika",
    "Midtøsten": "Asia",
    "Sentral-Asia": "Asia",
    "Sør-Asia": "Asia",
    "Sørøst-Asia": "Asia",
    "Øst-Asia": "Asia",
    "Asia": "Asia",
    "Nord-Amerika": "Amerika",
    "Latin-Amerika": "Amerika",
    "Amerika": "Amerika",
    "Oseania": "Oseania",
    "Utenfor Europa": "Utenfor Europa",
    "Utenfor Norge": "Utenfor Norge",
    UNKNOWN: UNKNOWN,
}

# Allowed sectors, each with its main group of industries (a main group maps to itself).
SECTOR_GROUP: dict[str, str] = {
    "Varehandel og kundeservice": "Privat tjenesteyting",
    "Overnatting og servering": "Privat tjenesteyting",
    "Renhold og drift": "Privat tjenesteyting",
    "Transport og lager": "Privat tjenesteyting",
    "Kultur og kreative næringer": "Privat tjenesteyting",
    "Industri, bygg og anlegg": "Produksjon og bygg",
    "Primærnæringer": "Produksjon og bygg",
    "Helse, omsorg og oppvekst": "Velferd, utdanning og forvaltning",
    "Kontor og forvaltning": "Velferd, utdanning og forvaltning",
    # Broad groups may be published directly when the finer sector would say too much.
    "Privat tjenesteyting": "Privat tjenesteyting",
    "Produksjon og bygg": "Produksjon og bygg",
    "Velferd, utdanning og forvaltning": "Velferd, utdanning og forvaltning",
    UNKNOWN: UNKNOWN,
}


def age_band_label(value: str) -> str:
    """An age band as readers see it: the front matter writes «18-29», prose and tables «18–29» (en dash)."""
    return value.replace("-", "\u2013")


# The attributes of the context table that could, together, single a person out (measured by k-anonymity).
QUASI_IDENTIFIERS: tuple[str, ...] = ("age_band", "gender", "region_of_origin", "municipality_size", "sector")
QI_LABELS: dict[str, str] = {
    "age_band": "aldersgruppe",
    "gender": "kjønn",
    "region_of_origin": "opprinnelsesregion",
    "municipality_size": "kommunestørrelse",
    "sector": "sektor",
}

# The body of every case: these level-2 headings, in this order, and nothing else.
REQUIRED_SECTIONS: tuple[str, ...] = ("Situasjonen", "Hva jobbspesialisten gjorde", "Utfall", "Refleksjonsspørsmål")
MIN_REFLECTION_QUESTIONS = 2
