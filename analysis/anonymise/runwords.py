"""Words that end or never join a name (analysis/anonymise/runs.py): little words, words of titles of
journals and organisations, job titles before a name, and the words that open a note or an instruction."""

from __future__ import annotations

from analysis.anonymise import cues
from analysis.anonymise.namewords import NOT_NAMES

# Little words that are never inside a name, capitalised or not.
FUNCTION_WORDS = frozenset(
    "og eller men i på til fra frå med for om av ved hos etter før under over mot som at når da der her hvis så "
    "også ikke bare nå no jo the and of in on at to a an is it mellom uten ifølge blant gjennom rundt".split()
)
# Words of titles of journals, programmes and organisations («Scandinavian Journal of …», «Supported Employment»,
# «Community Mental Health»): a capitalised run that holds one is no person's name.
TITLE_WORDS = frozenset(
    "journal review health psychology psychiatry research policy university union institute institutt centre center "
    "senter association society department press toolkit office services service quarterly bulletin proceedings "
    "studies science sciences medicine rehabilitation community international national european american british "
    "scandinavian nordic norwegian social mental public care management development education labour "
    "labor economics evidence practice program programme project network foundation council agency ministry "
    "directorate system model scale fidelity placement support supported individual customized customised "
    "integrated vocational clinical quality employment monographs letters annals bmc plos notebook "
    "conference report handbook manual guide forlag universitetsforlaget tidsskrift tidsskriftet".split()
)
RUN_STOP = NOT_NAMES | FUNCTION_WORDS | cues.WEEKDAYS | cues.LOCATIVE | TITLE_WORDS
# After a Burmese or Karen honorific a verb or common word is a name part («saw ler moo»); little words are not.
AFTER_HONORIFIC_STOP = FUNCTION_WORDS | cues.WEEKDAYS | cues.LOCATIVE
# Job titles written before a name at a sentence start («Rektor Anne Holm», «Avdelingsleiar Marit Eide»,
# «Stasjonssjef Terje Nilsen»): a word ending in one of these heads is a title, not a name part.
_TITLE_HEADS = tuple(
    "sjef leder leiar rektor direktør sykepleier sjukepleiar konsulent rådgiver rådgjevar koordinator inspektør "
    "assistent fagarbeider fagarbeidar farmasøyt terapeut sosionom psykolog pedagog ingeniør sekretær lege kokk "
    "kokken".split()
)


def is_job_title(key: str) -> bool:
    return key.endswith(_TITLE_HEADS)


# Words that open a note or an instruction before a name («Ring Kari», «Samtale Amina Yusuf»): not name parts.
OPENERS = frozenset(
    "ring send spør kontakt husk sjekk be gi møt avtal følg hent meld les skriv minn inviter informer book "
    "samtale møte telefon telefonsamtale referat notat hjemmebesøk oppfølging tema sak status plan mål neste "
    "nytt ny kort kopi svar e-post sms melding besøk avtale oppstart statusmøte".split()
)
