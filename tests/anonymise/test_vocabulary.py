"""The «not Norwegian vocabulary» test behind unknown-name detection."""

from __future__ import annotations

import pytest

from analysis.anonymise.vocabulary import load_vocabulary


@pytest.mark.parametrize("word", ["arbeidsgiver", "sjåførhjelper", "casen", "casene", "teamet", "jobbsøkerne"])
def test_ordinary_words_compounds_and_definite_loanwords_are_vocabulary(word: str) -> None:
    assert load_vocabulary().is_ordinary(word)


@pytest.mark.parametrize("word", ["nshimirimana", "tesfamariams", "zarghonan", "habyarimanat", "qzxvik"])
def test_invented_and_rare_names_are_not_vocabulary_even_with_an_ending(word: str) -> None:
    assert not load_vocabulary().is_ordinary(word)
