"""book/_ext/numbering.py: the numbering scheme, and references resolved or refused in a tiny throwaway book.

The tiny book has a front page with a preface, two numbered chapters and two appendices; its figures and
tables are made by the rendering core itself, so the build sees the same markup as the site. It is built
with Sphinx as the site is (-W -n: every warning fails the build).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.core.render import data_table_html, show_figure

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "book" / "_ext"
sys.path.insert(0, str(EXT))
import numbering  # noqa: E402 - book/_ext is not a package; its path is added above

SOURCE = "data/published/fidelity_totals.csv"
DATA = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})


# ------------------------------------------------------------------------------------------- the scheme
def test_appendices_are_the_unnumbered_pages_after_the_chapters_lettered_in_reading_order() -> None:
    order = ["index", "forord", "kap1", "kap2", "vedlegg1", "vedlegg2", "referanser"]
    letters = numbering.appendix_letters(order, ["kap1", "kap2"])
    assert letters == {"vedlegg1": "A", "vedlegg2": "B", "referanser": "C"}


def test_sphinx_numbers_are_kept_in_chapters_lettered_in_appendices_and_dropped_in_front_matter() -> None:
    # What Sphinx assigns: chapter number and a count per chapter; one run across all unnumbered pages.
    sphinx = {
        "forord": {"figure": {"f0": (1,)}},
        "kap2": {"figure": {"a": (2, 1), "b": (2, 2)}, "table": {"t": (2, 1)}},
        "vedlegg1": {"table": {"v1": (2,), "v2": (4,)}, "figure": {"vf": (2,)}},
        "vedlegg2": {"table": {"w1": (3,)}},
    }
    order = ["index", "forord", "kap1", "kap2", "vedlegg1", "vedlegg2"]
    numbers = numbering.apply_scheme(sphinx, order, ["kap1", "kap2"])
    assert numbers["kap2"] == sphinx["kap2"]
    assert numbers["vedlegg1"] == {"table": {"v1": ("A", 1), "v2": ("A", 2)}, "figure": {"vf": ("A", 1)}}
    assert numbers["vedlegg2"] == {"table": {"w1": ("B", 1)}}
    assert "forord" not in numbers


def test_numbers_are_written_into_captions_and_slots_and_unknown_anchors_reported() -> None:
    figure = show_figure(go.Figure(go.Bar(x=["a"], y=[1])), fig_id="f-one", title="F", sources=[SOURCE], data=DATA)
    markup = figure.html + data_table_html(DATA, caption="T", table_id="t-one")
    found = numbering.numbered_in(markup)
    assert [(i.kind, i.label, i.title) for i in found] == [("figure", "f-one", "F"), ("table", "t-one", "T")]
    numbers = {found[0].anchor: "Figur 3.2", found[1].anchor: "Tabell 3.1"}
    filled, missing = numbering.write_numbers(markup, numbers)
    assert missing == []
    assert '<span class="se-number">Figur 3.2:</span> F</span>' in filled
    assert '<caption><span class="se-number">Tabell 3.1:</span> T</caption>' in filled
    assert filled.count('class="se-number"') == 2  # the figure's own data table gets none
    _, missing = numbering.write_numbers(markup, {found[0].anchor: "Figur 3.2"})
    assert missing == ["t-one"]
    assert numbering.number_text("table", ("A", 1), {"table": "Tabell %s"}) == "Tabell A.1"


# ------------------------------------------------------------------------------------------- a tiny book
def _figure(fig_id: str) -> str:
    title = f"Figuren {fig_id}"
    return show_figure(go.Figure(go.Bar(x=["a"], y=[1])), fig_id=fig_id, title=title, sources=[SOURCE], data=DATA).html


def _raw(*parts: str) -> str:
    return "\n.. raw:: html\n\n" + textwrap.indent("\n".join(parts), "   ") + "\n\n"


def _page(title: str, body: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{body}\n"


def _book(folder: Path, pages: dict[str, str] | None = None) -> Path:
    source = folder / "src"
    source.mkdir(parents=True)
    (source / "conf.py").write_text(
        textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(EXT)!r})
        extensions = ["numbering"]
        numfig = True
        numfig_secnum_depth = 1
        numfig_format = {{"figure": "Figur %s", "table": "Tabell %s", "code-block": "Kodeliste %s",
                         "section": "Avsnitt %s"}}
        html_theme = "basic"
        """),
        encoding="utf-8",
    )
    book = {
        "index": _page(
            "Bok",
            ".. toctree::\n\n   forord\n\n.. toctree::\n   :numbered:\n\n   kap1\n   kap2\n\n"
            ".. toctree::\n\n   vedlegg1\n   vedlegg2\n",
        ),
        "forord": _page("Forord", "Ingen figurer her."),
        "kap1": _page(
            "Kapittel en",
            _raw(data_table_html(DATA, caption="En tabell uten navn"), _figure("kap1-figur"))
            + "Se :figur:`kap1-figur` og :tabell:`Tabell %s <vedlegg-tabell>`.\n",
        ),
        "kap2": _page(
            "Kapittel to",
            _raw(_figure("kap2-a"), data_table_html(DATA, caption="Tabell to", table_id="kap2-tabell"))
            + "Del\n----\n\n"
            + _raw(_figure("kap2-b"))
            + "Som :numref:`kap2-b` og :figur:`Figur %s <kap1-figur>` viser, og :tabell:`kap2-tabell`.\n",
        ),
        "vedlegg1": _page("Vedlegg en", "Ingen figurer her heller."),
        "vedlegg2": _page(
            "Vedlegg to",
            _raw(data_table_html(DATA, caption="Vedleggstabell", table_id="vedlegg-tabell"), _figure("vedlegg-figur")),
        ),
    }
    book.update(pages or {})
    for name, text in book.items():
        (source / f"{name}.rst").write_text(text, encoding="utf-8")
    return source


def _build(source: Path) -> subprocess.CompletedProcess[str]:
    out = source.parent / "html"
    command = [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-b", "html", str(source), str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


def _numbers(page: str) -> list[str]:
    return re.findall(r'<span class="se-number">([^<]*)</span>', page)


def _links(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="reference internal" href="([^"]+)"><span class="std std-numref">([^<]*)</span>', page)


def test_the_tiny_book_numbers_per_chapter_letters_appendices_and_links_by_name(tmp_path: Path) -> None:
    result = _build(_book(tmp_path))
    assert result.returncode == 0, result.stderr
    html = {
        name: (tmp_path / "html" / f"{name}.html").read_text(encoding="utf-8") for name in ("kap1", "kap2", "vedlegg2")
    }
    assert _numbers(html["kap1"]) == ["Tabell 1.1:", "Figur 1.1:"]
    assert _numbers(html["kap2"]) == ["Figur 2.1:", "Tabell 2.1:", "Figur 2.2:"]  # the section does not restart it
    assert _numbers(html["vedlegg2"]) == ["Tabell B.1:", "Figur B.1:"]  # vedlegg1 is A, with or without figures
    assert _links(html["kap1"]) == [("#kap1-figur-figure", "figur 1.1"), ("vedlegg2.html#vedlegg-tabell", "Tabell B.1")]
    assert _links(html["kap2"]) == [
        ("#kap2-b-figure", "Figur 2.2"),
        ("kap1.html#kap1-figur-figure", "Figur 1.1"),
        ("#kap2-tabell", "tabell 2.1"),
    ]
    assert 'id="kap1-figur-figure"' in html["kap1"] and 'id="vedlegg-tabell"' in html["vedlegg2"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"forord": _page("Forord", "Se :figur:`finnes-ikke`.")}, "undefined label: 'finnes-ikke'"),
        ({"forord": _page("Forord", "Se :tabell:`kap1-figur`.")}, "'kap1-figur' is a figure, not a table"),
        ({"forord": _page("Forord", _raw(_figure("forord-figur")))}, "is neither a numbered chapter nor an appendix"),
        ({"vedlegg1": _page("Vedlegg en", _raw(_figure("kap1-figur")))}, "duplicate label kap1-figur"),
    ],
    ids=["dangling", "wrong-kind", "front-matter", "duplicate"],
)
def test_the_strict_build_fails(tmp_path: Path, change: dict[str, str], message: str) -> None:
    result = _build(_book(tmp_path, change))
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
