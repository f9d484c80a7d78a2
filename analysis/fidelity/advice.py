"""Advice per item for a team that scores low: read from advice.yaml beside this module, checked on load.

What "low" means is data too (``low_share`` of the item's highest score), so the self-assessment page and
the command line's report call the same items low. Every item also has its "full score" description,
taken from the codebook: the highest option of a single-choice item, the counted statements of a
tick-all item.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, PositiveInt, model_validator

from analysis.core.validation import StrictModel, read_yaml_mapping, validate
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.rules import CountScoring

ADVICE_FILE = Path(__file__).with_name("advice.yaml")


class ItemAdvice(StrictModel):
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(min_length=1)


class Advice(StrictModel):
    low_share: float = Field(gt=0, lt=1)
    low_share_note: str = Field(min_length=1)
    items: dict[str, ItemAdvice]

    @model_validator(mode="after")
    def _item_ids(self) -> Advice:
        bad = [k for k in self.items if not (len(k) == 3 and k.startswith("q") and k[1:].isdigit())]
        if bad:
            raise ValueError(f"items: ukjente spørsmål-id-er {bad} (ventet q01 … q19)")
        return self

    def is_low(self, mean: float, highest: float) -> bool:
        """Whether an item mean counts as low: under ``low_share`` of the highest score the item can get."""
        return mean < self.low_share * highest


def load_advice(path: Path = ADVICE_FILE, book: FidelityCodebook | None = None) -> Advice:
    """Read and validate the advice; every item it names must be in the codebook."""
    raw, file = read_yaml_mapping(path, what="rådene")
    advice = validate(Advice, raw, file)
    codebook = book or load_fidelity_codebook()
    known = {i.id for i in codebook.items}
    unknown = sorted(set(advice.items) - known)
    if unknown:
        raise ValueError(f"{file}: råd for spørsmål som ikke er i kodeboken: {unknown}")
    return advice


def full_score(book: FidelityCodebook, item_id: str) -> dict[str, object]:
    """What the scale gives full score for, in the codebook's own words.

    ``score`` is the highest score; ``texts`` the highest option of a single-choice item, or the statements of
    a tick-all item that count (identically worded options once); ``needed`` how many of them must hold.
    """
    item = book.item(item_id)
    rule = item.resolved_scoring()
    if isinstance(rule, CountScoring):
        texts: list[str] = []
        for unit in rule.units():
            text = next(o.text for o in item.options if o.code == unit[0])
            if text not in texts:
                texts.append(text)
        return {"score": rule.max, "needed": min(rule.max, len(texts)), "texts": texts}
    return {"score": item.score_range()[1], "needed": 1, "texts": [item.options[-1].text]}
