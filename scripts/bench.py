"""`make bench`: the performance figures the issues set budgets for, measured, never asserted.

- cold build: a fresh copy of the tracked files (plus the installed environment and vendored JavaScript),
  derived data generated, every chapter executed, strict Jupyter Book build, PDF edition and case
  handouts printed (the steps of `make book`);
- warm rebuild of that copy with nothing changed;
- page weight: every page opened in headless Chromium, summing the decoded size of the document and of
  everything it loaded (Resource Timing), so dynamically loaded files count too: once when the page has
  loaded, and once more after every figure has been scrolled into view and drawn (figures load plotly.js
  or vega only when they approach the viewport, so the second number is what a reader who reads the
  whole page downloads);
- fidelity scoring throughput on 1,000,000 answer rows, and the whole ``fidelity score`` command on a
  1,000,000-row CSV and on 1,000 teams (wall time and peak memory of the process);
- anonymiser throughput on a 300 kB document (when the anonymiser is present).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
BUDGETS = {
    "cold_build_s": 120,
    "warm_build_s": 10,
    "text_page_mb": 0.5,
    "text_page_requests": 15,
    "page_mb": 2.5,
    "page_mb_stretch": 2.0,
}


def _copy_checkout(target: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            dest = target / name.decode()
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)
    for shared in (".venv", "node_modules"):
        os.symlink(ROOT / shared, target / shared)
    shutil.copytree(ROOT / "book" / "_static" / "vendor", target / "book" / "_static" / "vendor")


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "SE_IPS_ROOT": str(cwd)}
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return elapsed


def build_times() -> dict[str, float]:
    python = str(ROOT / ".venv" / "bin" / "python")
    jupyter_book = str(ROOT / ".venv" / "bin" / "jupyter-book")
    with tempfile.TemporaryDirectory(prefix="se-ips-bench-") as tmp:
        copy = Path(tmp)
        _copy_checkout(copy)
        synth = _timed([python, "-m", "analysis", "synth"], copy)
        cold = _timed([jupyter_book, "build", ".", "--builder", "html", "-W", "-n", "--keep-going"], copy)
        pdf = _timed(
            ["node", "scripts/print_pdf.mjs", "--site", "_build/html", "--out", "_build/html/_downloads/rapport.pdf"],
            copy,
        )
        handouts = _timed([python, "-m", "analysis", "handouts", "--out", "_build/kurs"], copy) + _timed(
            ["node", "scripts/print_handouts.mjs", "--in", "_build/kurs", "--out", "_build/html/_downloads/kurs"], copy
        )
        warm = _timed([jupyter_book, "build", ".", "--builder", "html", "-W", "-n", "--keep-going"], copy)
    return {
        "synth_s": synth,
        "site_s": cold,
        "pdf_s": pdf,
        "handouts_s": handouts,
        "cold_build_s": synth + cold + pdf + handouts,
        "warm_build_s": warm,
    }


def page_weights(site: Path) -> list[dict[str, object]]:
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    from site_server import serve, site_pages

    loaded = """() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        return [nav.decodedBodySize + res.reduce((s, r) => s + r.decodedBodySize, 0), res.length + 1];
    }"""
    draw = """async () => {
        for (const el of document.querySelectorAll('[data-se-plotly],[data-se-vega]')) {
            el.scrollIntoView({block: 'center'});
            const started = Date.now();
            while (el.getAttribute('data-rendered') !== 'true' && Date.now() - started < 20000) {
                await new Promise(resolve => setTimeout(resolve, 50));
            }
        }
    }"""
    drawn = (
        "() => Array.from(document.querySelectorAll('[data-se-plotly],[data-se-vega]'))"
        ".every(el => el.getAttribute('data-rendered') === 'true')"
    )
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in site_pages(site):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            load_bytes, load_requests = page.evaluate(loaded)
            figures = page.locator("[data-se-plotly],[data-se-vega]").count()
            if figures:
                page.evaluate(draw)
                page.wait_for_function(drawn, timeout=30_000)
                page.wait_for_load_state("networkidle")
            read_bytes, read_requests = page.evaluate(loaded)
            rows.append(
                {
                    "page": path,
                    "figures": figures,
                    "load_mb": round(load_bytes / 1e6, 3),
                    "load_requests": load_requests,
                    "read_mb": round(read_bytes / 1e6, 3),
                    "read_requests": read_requests,
                }
            )
            context.close()
        browser.close()
    return sorted(rows, key=lambda r: -float(r["read_mb"]))


def scoring_throughput(rows: int = 1_000_000) -> dict[str, float]:
    import numpy as np
    import pandas as pd

    from analysis.fidelity.codebook import load_fidelity_codebook
    from analysis.fidelity.scoring import score_respondents, team_summary
    from analysis.fidelity.synthetic import generate_fidelity

    book = load_fidelity_codebook()
    seed_frame, _ = generate_fidelity()
    repeats = int(np.ceil(rows / len(seed_frame)))
    frame = pd.concat([seed_frame] * repeats, ignore_index=True).iloc[:rows]
    frame["respondent_id"] = [f"r{i}" for i in range(rows)]
    start = time.perf_counter()
    scored = score_respondents(frame, book)
    mid = time.perf_counter()
    team_summary(scored, book)
    end = time.perf_counter()
    return {"rows": rows, "score_s": mid - start, "summary_s": end - mid, "rows_per_s": rows / (mid - start)}


def _answer_csv(path: Path, rows: int, teams: int) -> None:
    """A raw-format answer file: random codes, 2 % blank cells, time points typed as labels in mixed case."""
    import numpy as np
    import pandas as pd

    from analysis.fidelity.codebook import load_fidelity_codebook

    book = load_fidelity_codebook()
    rng = np.random.default_rng(15)
    labels = np.array([t.label.upper() if k % 2 else t.label for k, t in enumerate(book.timepoints)])
    index = np.arange(rows)
    data: dict[str, object] = {
        "respondent_id": [f"L{i}" for i in range(rows)],
        "team": [f"Team {i % teams}" for i in range(rows)],
        "timepoint": labels[(index // teams) % len(labels)],
    }
    for item in book.items:
        for column in item.columns:
            codes = rng.integers(1, 6, rows) if item.type == "single" else rng.integers(0, 2, rows)
            cells = codes.astype(str).astype(object)
            cells[rng.random(rows) < 0.02] = ""
            data[column] = cells
    pd.DataFrame(data).to_csv(path, index=False)


# Runs the command line and prints its own high-water mark (VmHWM, kB). rusage would report the benchmark's
# size at fork time instead, which Linux carries over into the child's maximum.
_PEAK = (
    "import sys; from analysis.cli import main; code = main(sys.argv[1:]); "
    "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM'))); sys.exit(code)"
)


def command_line(rows: int, teams: int) -> dict[str, float]:
    """``python -m analysis fidelity score`` on a generated file: wall time and peak resident memory."""
    with tempfile.TemporaryDirectory(prefix="se-ips-bench-fidelity-") as tmp:
        source = Path(tmp) / "svar.csv"
        _answer_csv(source, rows, teams)
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _PEAK, "fidelity", "score", str(source), "--out", str(Path(tmp) / "ut")],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"fidelity score failed on the benchmark file:\n{result.stderr[-2000:]}")
        peak = int(result.stdout.strip().splitlines()[-1])
        report = (Path(tmp) / "ut" / "fidelity_report.html").stat().st_size
    return {"rows": rows, "teams": teams, "seconds": elapsed, "peak_mb": peak / 1024, "report_mb": report / 1e6}


_ANONYMISER = (
    "import json\n"
    "from analysis.anonymise.engine import benchmark_throughput\n"
    "print(json.dumps(benchmark_throughput(size_kb=300)))\n"
)


def anonymiser_throughput() -> dict[str, float] | None:
    """The anonymiser on a 300 kB document in a process of its own, as `python -m analysis anonymise` runs: the
    million-row scoring before it leaves this process's heap large, which slows it by several per cent."""
    try:
        import analysis.anonymise.engine  # noqa: F401
    except ImportError:
        return None
    result = subprocess.run([sys.executable, "-c", _ANONYMISER], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"anonymiser benchmark failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="skip the cold/warm build timing")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()
    results: dict[str, object] = {"budgets": BUDGETS}
    if not args.skip_build:
        results["build"] = build_times()
        b = results["build"]
        print(
            f"cold build (synth + strict build + PDFs, fresh copy): {b['cold_build_s']:.1f} s "
            f"(synth {b['synth_s']:.1f} s, site {b['site_s']:.1f} s, PDF {b['pdf_s']:.1f} s, "
            f"handouts {b['handouts_s']:.1f} s; "
            f"budget {BUDGETS['cold_build_s']} s)"
        )
        print(
            f"warm rebuild, nothing changed:                      {b['warm_build_s']:.1f} s "
            f"(budget {BUDGETS['warm_build_s']} s)"
        )
    site = ROOT / "_build" / "html"
    if (site / "index.html").is_file():
        weights = page_weights(site)
        results["pages"] = weights
        print(f"page weight (decoded bytes, document + everything it loaded), {len(weights)} pages:")
        print("     at load          read through (all figures drawn)")
        for row in weights:
            print(
                f"  {row['load_mb']:6.2f} MB {row['load_requests']:3d} req   "
                f"{row['read_mb']:6.2f} MB {row['read_requests']:3d} req"
                f"   {row['page']}{'' if row['figures'] else '  (text page)'}"
            )
        text = [r for r in weights if not r["figures"]]
        heaviest_text = max(text, key=lambda r: float(r["read_mb"])) if text else None
        if heaviest_text:
            most_requests = max(int(r["read_requests"]) for r in text)
            print(
                f"text pages: heaviest {heaviest_text['read_mb']:.2f} MB ({heaviest_text['page']}), at most "
                f"{most_requests} requests (budget {BUDGETS['text_page_mb']} MB, "
                f"{BUDGETS['text_page_requests']} requests)"
            )
        top = weights[0]
        print(
            f"heaviest page {top['read_mb']:.2f} MB read through, {top['load_mb']:.2f} MB at load ({top['page']}; "
            f"budget {BUDGETS['page_mb']} MB, stretch {BUDGETS['page_mb_stretch']} MB)"
        )
    else:
        print("page weight: no built site in _build/html (run `make book`)")
    scoring = scoring_throughput()
    results["scoring"] = scoring
    print(
        f"fidelity scoring: {scoring['rows']:,} rows in {scoring['score_s']:.2f} s "
        f"({scoring['rows_per_s']:,.0f} rows/s); team summary {scoring['summary_s']:.2f} s"
    )
    runs = []
    for rows, teams in ((1_000_000, 1000), (12_000, 1000)):
        run = command_line(rows, teams)
        runs.append(run)
        print(
            f"fidelity score command: {rows:,} rows, {teams:,} teams in {run['seconds']:.1f} s, "
            f"peak {run['peak_mb']:.0f} MB, report {run['report_mb']:.1f} MB"
        )
    results["fidelity_command"] = runs
    anon = anonymiser_throughput()
    if anon is not None:
        results["anonymiser"] = anon
        print(
            f"anonymiser: {anon['kb_per_s']:.0f} kB/s wall, {anon['cpu_kb_per_s']:.0f} kB/s CPU on a "
            f"{anon['size_kb']:.0f} kB document, best of 3, own process (target 300 kB/s)"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
