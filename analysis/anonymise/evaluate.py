"""Measure the anonymiser on an annotated corpus folder: recall per kind, precision, keep spans, roles.

Usage (prints aggregate numbers only; ``--details`` adds every miss and false positive)::

    python -m analysis.anonymise.evaluate tests/anonymise/corpus/dev --json result.json
    python -m analysis.anonymise.evaluate DIR --rename-people 7   # people renamed to invented nonsense
    python -m analysis.anonymise.evaluate DIR1 DIR2 --json r.json # several folders scored as one set

The corpus format is described in tests/anonymise/corpus/corpus_format.py, whose reader is used here (it is
loaded from the repository by path, so this module needs nothing from tests/ at import time).

What is measured, exactly, on the spans the anonymiser reports in the input text:

* **recall per kind**: an annotated identifier counts as found when every letter and digit of it lies inside
  a replacement (whatever kind the replacement has: a workplace replaced as a place is still gone). Half a
  name replaced («Pieter van der Kandidat E») is a miss. Reported for all texts, and separately for
  lower-case texts (metadata ``lower_case: true``) and capitalised ones.
* **precision on ordinary words**: of the words outside every annotation (identifiers and keep spans), the
  share that a replacement touches.
* **keep spans**: ordinary words that look like names («Liv», «Vår plan»); the share left untouched.
* **role errors**: person mentions whose pseudonym claims a role («Jobbspesialist A») that the metadata does
  not give that person («Person A» claims none), and the number of people affected.
* **consistency**: people whose mentions got more than one pseudonym (split), pseudonyms shared by more than
  one person (merged).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from analysis.anonymise.history import history_facts, record
from analysis.anonymise.kindwords import merge_sentence, role_sentence, weakest_kinds
from analysis.anonymise.pipeline import anonymise
from analysis.anonymise.renaming import renamed
from analysis.core.formatting import fmt_num
from analysis.core.paths import DATA, ROOT

CORPUS_FORMAT = ROOT / "tests" / "anonymise" / "corpus" / "corpus_format.py"
_WORD = re.compile(r"\w+")


def corpus_reader() -> ModuleType:
    spec = importlib.util.spec_from_file_location("anonymiser_corpus_format", CORPUS_FORMAT)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(CORPUS_FORMAT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _covered(start: int, end: int, text: str, intervals: list[tuple[int, int]]) -> bool:
    for pos in range(start, end):
        if text[pos].isalnum() and not any(a <= pos < b for a, b in intervals):
            return False
    return True


def _touched(start: int, end: int, intervals: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in intervals)


def evaluate_texts(texts: Sequence[Any], *, details: bool = False) -> dict[str, Any]:
    """Score the anonymiser on loaded corpus texts (corpus_format.CorpusText)."""
    found: dict[str, Counter[str]] = {"all": Counter(), "lower": Counter(), "capitalised": Counter()}
    total: dict[str, Counter[str]] = {"all": Counter(), "lower": Counter(), "capitalised": Counter()}
    words = changed = keep_total = keep_kept = 0
    role_errors = 0
    people_with_role_error: set[tuple[str, str]] = set()
    role_claims = Counter[str]()
    splits = merges = people_total = 0
    texts_with_miss = texts_with_person_miss = 0  # how many texts a reader would still have to mend by hand
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    wrong_roles: list[dict[str, Any]] = []
    for t in texts:
        text = t.plain_text
        result = anonymise(text)
        intervals = [(s.start, s.end) for s in result.replacements]
        group = "lower" if t.meta.get("lower_case") else "capitalised"
        missed_kinds = set()
        for span in t.spans:
            ok = _covered(span.start, span.end, text, intervals)
            if not ok:
                missed_kinds.add(span.kind)
            for g in ("all", group):
                total[g][span.kind] += 1
                found[g][span.kind] += ok
            if not ok and details:
                misses.append(
                    {
                        "text": t.name,
                        "line": text.count("\n", 0, span.start) + 1,
                        "kind": span.kind,
                        "surface": span.text,
                    }
                )
        annotated = [(s.start, s.end) for s in (*t.spans, *t.keep)]
        for m in _WORD.finditer(text):
            if _touched(m.start(), m.end(), annotated):
                continue
            words += 1
            if _touched(m.start(), m.end(), intervals):
                changed += 1
                if details:
                    false_positives.append(
                        {"text": t.name, "line": text.count("\n", 0, m.start()) + 1, "word": m.group()}
                    )
        texts_with_miss += bool(missed_kinds)
        texts_with_person_miss += "person" in missed_kinds
        keep_total += len(t.keep)
        keep_kept += sum(1 for k in t.keep if not _touched(k.start, k.end, intervals))
        entities: dict[str, set[int]] = defaultdict(set)
        owners: dict[int, set[str]] = defaultdict(set)
        for span in t.spans:
            if span.kind != "person":
                continue
            for rep in result.replacements:
                if rep.kind == "person" and rep.start < span.end and span.start < rep.end and rep.entity is not None:
                    entities[span.person_id].add(rep.entity)
                    owners[rep.entity].add(span.person_id)
                    if rep.role is not None:
                        role_claims[rep.role] += 1
                        if rep.role != t.people[span.person_id]["role"]:
                            role_errors += 1
                            people_with_role_error.add((t.name, span.person_id))
                            if details:
                                wrong_roles.append(
                                    {
                                        "text": t.name,
                                        "line": text.count("\n", 0, span.start) + 1,
                                        "surface": span.text,
                                        "claimed": rep.role,
                                        "annotated": t.people[span.person_id]["role"],
                                    }
                                )
        people_total += len(t.people)
        splits += sum(1 for ids in entities.values() if len(ids) > 1)
        merges += sum(1 for ids in owners.values() if len(ids) > 1)

    def recall(group: str) -> dict[str, Any]:
        kinds = sorted(total[group])
        per_kind = {
            k: {
                "found": found[group][k],
                "total": total[group][k],
                "recall": round(found[group][k] / total[group][k], 4),
            }
            for k in kinds
        }
        n, f = sum(total[group].values()), sum(found[group].values())
        return {"per_kind": per_kind, "found": f, "total": n, "recall": round(f / n, 4) if n else None}

    report: dict[str, Any] = {
        "texts": len(texts),
        "lower_case_texts": sum(1 for t in texts if t.meta.get("lower_case")),
        "identifiers": sum(total["all"].values()),
        "recall": recall("all"),
        "recall_lower_case_texts": recall("lower"),
        "recall_capitalised_texts": recall("capitalised"),
        "ordinary_words": {
            "words": words,
            "changed": changed,
            "share_changed": round(changed / words, 4) if words else 0,
        },
        "keep_spans": {"total": keep_total, "kept": keep_kept},
        "roles": {
            "mention_errors": role_errors,
            "people_with_errors": len(people_with_role_error),
            "claims": dict(sorted(role_claims.items())),
        },
        "consistency": {"people": people_total, "split": splits, "merged": merges},
        "texts_with_miss": {"any": texts_with_miss, "person": texts_with_person_miss},
    }
    if details:
        report["misses"] = misses
        report["changed_ordinary_words"] = false_positives
        report["wrong_roles"] = wrong_roles
    return report


def evaluate(
    directory: str | Path | Sequence[str | Path],
    *,
    details: bool = False,
    rename_people: int | None = None,
    also_renamed: int | None = None,
) -> dict[str, Any]:
    """Load every text of ``directory`` (or of several folders, scored as one set; placeholders filled
    synthetically) and score the anonymiser.

    ``rename_people=SEED`` scores the texts with every person renamed to invented names instead;
    ``also_renamed=SEED`` adds that score for people, as ``renamed_people``, to the normal report.
    """
    cf = corpus_reader()
    folders = [directory] if isinstance(directory, (str, Path)) else list(directory)
    texts = [text for folder in folders for text in cf.load_dir(folder, cf.synthetic_filler())]
    if rename_people is not None:
        texts = renamed(texts, rename_people)
    report = evaluate_texts(texts, details=details)
    if also_renamed is not None:
        other = evaluate_texts(renamed(texts, also_renamed))
        report["renamed_people"] = {
            "seed": also_renamed,
            "person": other["recall"]["per_kind"]["person"],
            "role_errors": other["roles"]["mention_errors"],
        }
    return report


# -- the committed results the site quotes ----------------------------------------------------------------

CORPUS = ROOT / "tests" / "anonymise" / "corpus"
RENAME_SEED = 3
RESULT_SETS: dict[str, tuple[tuple[str, ...], Path]] = {
    # Written after the last change to the rules and never read by anyone who tuned them: the honest measure.
    "unseen": (("holdout39", "holdout40"), DATA / "lexicon" / "evaluation_unseen.json"),
    # Held out when written, measured once, then read to find what the rules missed: no longer unseen.
    "earlier": (
        ("holdout", *(f"holdout{n}" for n in range(2, 39))),
        DATA / "lexicon" / "evaluation_earlier_holdout.json",
    ),
    # The texts the rules were developed on: an upper bound.
    "dev": (("dev",), DATA / "lexicon" / "evaluation_dev.json"),
}
"""Corpus folders and committed result file per set, in the order the site shows them."""
RESULT_FILE = RESULT_SETS["dev"][1]


def fresh_result(name: str) -> dict[str, Any]:
    """What the committed result file of set ``name`` should hold: its texts scored, plus the renamed check."""
    folders, _ = RESULT_SETS[name]
    return evaluate([CORPUS / folder for folder in folders], also_renamed=RENAME_SEED)


def fresh_dev_result() -> dict[str, Any]:
    """What RESULT_FILE should hold (the development corpus)."""
    return fresh_result("dev")


def site_facts(path: Path = RESULT_FILE, prefix: str = "anon_") -> dict[str, str]:
    """Formatted numbers from one committed result, for the page on anonymising one's own text."""
    report = json.loads(path.read_text(encoding="utf-8"))
    per_kind = report["recall"]["per_kind"]

    def pct(x: float) -> str:
        return fmt_num(100 * x, 1)

    facts = {
        "texts": str(report["texts"]),
        "identifiers": fmt_num(report["identifiers"], 0),
        "recall": pct(_share(report["recall"])),
        "recall_lower": pct(_share(report["recall_lower_case_texts"])),
        "recall_capitalised": pct(_share(report["recall_capitalised_texts"])),
        "ordinary_words": fmt_num(report["ordinary_words"]["words"], 0),
        "keep_kept": str(report["keep_spans"]["kept"]),
        "keep_total": str(report["keep_spans"]["total"]),
        "role_errors": str(report["roles"]["mention_errors"]),
        "renamed_person_recall": pct(_share(report["renamed_people"]["person"])),
        "person_missed": str(per_kind["person"]["total"] - per_kind["person"]["found"]),
        "role_error_people": str(report["roles"]["people_with_errors"]),
        "people": str(report["consistency"]["people"]),
        "people_split": str(report["consistency"]["split"]),
        "pseudonyms_merged": str(report["consistency"]["merged"]),
        "texts_with_miss": str(report.get("texts_with_miss", {}).get("any", "–")),
        "texts_with_person_miss": str(report.get("texts_with_miss", {}).get("person", "–")),
    }
    facts["weakest_kinds"] = weakest_kinds(per_kind, pct)
    facts["role_sentence"] = role_sentence(report["roles"]["mention_errors"], report["roles"]["people_with_errors"])
    facts["merge_sentence"] = merge_sentence(report["consistency"]["merged"])
    facts["lower_case_texts"] = str(report.get("lower_case_texts", "–"))
    facts["lower_case_identifiers"] = fmt_num(
        sum(v["total"] for v in report["recall_lower_case_texts"]["per_kind"].values()), 0
    )
    facts["changed"] = str(report["ordinary_words"]["changed"])
    facts["changed_pct"] = fmt_num(100 * report["ordinary_words"]["changed"] / report["ordinary_words"]["words"], 2)
    for kind in sorted(corpus_reader().KINDS):  # a kind absent from a set shows as «–», not as a missing key
        values = per_kind.get(kind)  # the share from the counts: the stored recall is rounded already
        facts[f"recall_{kind}"] = pct(values["found"] / values["total"]) if values else "–"
        facts[f"total_{kind}"] = str(values["total"]) if values else "0"
    return {prefix + key: value for key, value in facts.items()}


def _share(counts: dict[str, Any]) -> float:
    return float(counts["found"] / counts["total"])


def all_site_facts() -> dict[str, str]:
    """Every committed set's numbers, keyed ``anon_<set>_…`` (``anon_unseen_recall_person``)."""
    facts: dict[str, str] = history_facts()
    for name, (_, path) in RESULT_SETS.items():
        facts.update(site_facts(path, prefix=f"anon_{name}_"))
    return facts


# -- command line -----------------------------------------------------------------------------------------


def _print_summary(report: dict[str, Any], out: Callable[[str], None] = print) -> None:
    r = report["recall"]
    out(
        f"{report['texts']} texts, {report['identifiers']} identifiers; recall {r['recall']:.2%} "
        f"({r['found']}/{r['total']})"
    )
    for group, title in (
        ("recall", "all texts"),
        ("recall_lower_case_texts", "lower-case texts"),
        ("recall_capitalised_texts", "capitalised texts"),
    ):
        g = report[group]
        if not g["total"]:
            continue
        kinds = ", ".join(f"{k} {v['recall']:.1%} ({v['found']}/{v['total']})" for k, v in g["per_kind"].items())
        out(f"  {title}: {g['recall']:.2%} — {kinds}")
    w, k, roles, c = report["ordinary_words"], report["keep_spans"], report["roles"], report["consistency"]
    out(f"ordinary words changed: {w['changed']}/{w['words']} = {w['share_changed']:.2%}")
    out(f"keep spans kept: {k['kept']}/{k['total']}")
    out(
        f"role errors: {roles['mention_errors']} mentions, {roles['people_with_errors']} people; "
        f"claims {roles['claims']}"
    )
    out(
        f"consistency: {c['people']} people, {c['split']} split over several pseudonyms, "
        f"{c['merged']} pseudonyms merged"
    )
    if "renamed_people" in report:
        r = report["renamed_people"]
        out(
            f"people renamed to invented names (seed {r['seed']}): person recall {r['person']['recall']:.2%} "
            f"({r['person']['found']}/{r['person']['total']}), role errors {r['role_errors']}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the anonymiser on an annotated corpus folder.")
    parser.add_argument(
        "directory", nargs="+", help="folder(s) of NN-name.txt + NN-name.yaml corpus texts, scored as one set"
    )
    parser.add_argument("--json", metavar="OUT", help="write the report as JSON here")
    parser.add_argument("--details", action="store_true", help="also list every miss and changed ordinary word")
    parser.add_argument(
        "--rename-people",
        type=int,
        metavar="SEED",
        help="first replace every person's name by invented nonsense names (seeded)",
    )
    parser.add_argument(
        "--also-renamed",
        type=int,
        metavar="SEED",
        help="add person recall with people renamed to invented names (seeded) to the report",
    )
    parser.add_argument(
        "--record-round",
        type=int,
        metavar="N",
        help="the first measurement of these unseen folders, after round N: append it to "
        "data/lexicon/evaluation_history.json (refused for a folder measured before)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = evaluate(
        args.directory, details=args.details, rename_people=args.rename_people, also_renamed=args.also_renamed
    )
    _print_summary(report)
    print(f"time: {time.perf_counter() - started:.1f} s")
    if args.details:
        for miss in report["misses"]:
            print(f"MISS {miss['text']}:{miss['line']} {miss['kind']}: {miss['surface']}")
        for fp in report["changed_ordinary_words"]:
            print(f"CHANGED {fp['text']}:{fp['line']} {fp['word']}")
        for wr in report["wrong_roles"]:
            print(f"ROLE {wr['text']}:{wr['line']} {wr['surface']}: {wr['claimed']}, annotated {wr['annotated']}")
    if args.record_round is not None:
        try:
            record(report, [Path(d).name for d in args.directory], args.record_round)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
