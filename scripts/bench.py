"""Benchmark: prints build time, data-rendering cost, page weight, search index size, search latency,
printed sheet pages and Lighthouse mobile performance scores. Run with `make bench`. Figures, not
assertions.

Targets (2-core machine): build <= 5 s; median page <= 250 KiB,
formula pages at most 100 KiB more; search index <= 1 MiB; results within 100 ms; every page at
least 90 on Lighthouse's mobile performance score.

Lighthouse (pinned below) is installed with npm into ~/.cache/mls-c01-bench/ on first use and runs
on the Chromium the tests use. It scores the home page and the five heaviest pages (largest HTML),
next to a bare Material page built in the same run, the median of three runs each.
`make bench ALL=1` (or BENCH_ALL_PAGES=1, or `--all-pages`) scores every page once instead, and lists
the lowest scores and the pages under 90.

Options: `--all-pages`; `--lighthouse-only` (skip the build timings, page weights, search latency and
printed sheets: one build, then Lighthouse); `--page PATH` (repeatable; score these pages, e.g.
`--page practice/flashcards/`, instead of the home page and the heaviest ones); `--runs N`;
`--site DIR` (with `--lighthouse-only`: score a site already built there).
"""

import argparse
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

sys.path.insert(0, str(ROOT))

from conftest import CHROMIUM_ARGS, QuietHandler, chromium_path, serve_site  # noqa: E402
from test_browser import all_pages  # noqa: E402
from test_cheatsheets import SHEETS, url_path  # noqa: E402

QUERIES = ["xgboost", "k-NN", "F1", "Firehose Parquet", "IP address anomaly", "RCF", "SMOTE", "t-SNE",
           "one-hot", "DeepAR", "Pipe mode", "serverless inference", "KMS", "VPC", "dropout", "L1",
           "BlazingText", "shard", "Glue crawler", "confusion matrix"]
RUNS = 5
LIGHTHOUSE = "12.2.3"
# Outside the project: Zensical keeps its build cache in .cache/ and `--clean` empties it
USER_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
LIGHTHOUSE_DIR = USER_CACHE / "mls-c01-bench" / f"lighthouse-{LIGHTHOUSE}"
LIGHTHOUSE_RUNS = 3
HEAVIEST = 5
BARE_PAGE = """# A bare Material page

The same theme, no extra styles or scripts, no tables: the yardstick for the site's pages.

## A section

Some text to lay out, as an ordinary page has. Lighthouse scores this page in the same run, on the
same machine, so the site's figures can be read against it.
"""


def timed_build(config: Path, destination: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d",
                    str(destination)], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def build_times(work: Path) -> tuple[float, float]:
    """Median clean build with the macros plugin, and without it (same pages, raw templates)."""
    without = ROOT / ".bench-no-macros.yml"
    without.write_text("INHERIT: mkdocs.yml\nstrict: false\nplugins:\n  - search\n")
    try:
        with_macros = [timed_build(ROOT / "mkdocs.yml", work / "with") for _ in range(RUNS)]
        no_macros = [timed_build(without, work / "without") for _ in range(RUNS)]
    finally:
        without.unlink()
    return statistics.median(with_macros), statistics.median(no_macros)


def build_bare_material(work: Path) -> Path:
    """A one-page site with the Material theme alone, built by the same MkDocs and Material."""
    project = work / "bare"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(BARE_PAGE)
    (project / "mkdocs.yml").write_text("site_name: Bare Material\ntheme:\n  name: material\n  font: false\n")
    timed_build(project / "mkdocs.yml", work / "bare-site")
    return work / "bare-site"


class GzipHandler(QuietHandler):
    """Serves files gzip-compressed when the browser asks, as GitHub Pages does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def page_weights(browser, base: str, paths: list[str]) -> dict[str, tuple[int, int]]:
    """(bytes over the wire with gzip, bytes once decoded) a first-time visitor downloads per page:
    HTML, CSS, JS and images, with an empty cache (the search index waits for a first search)."""
    weights = {}
    for path in paths:
        context = browser.new_context()
        page = context.new_page()
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(base + path, wait_until="networkidle")
        wire = sum(r.sizes()["responseBodySize"] for r in responses)
        decoded = sum(len(r.response().body()) for r in responses if r.response() and r.response().status == 200)
        weights[path] = (wire, decoded)
        context.close()
    return weights


def search_latencies(browser, base: str) -> list[float]:
    """Milliseconds from the last keystroke to the results list changing, per query."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.type("warm")  # loads the index and the worker before timing
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    latencies = []
    for query in QUERIES:
        box.fill("")
        page.wait_for_timeout(150)
        box.type(query[:-1])
        page.wait_for_timeout(300)
        page.evaluate("""() => {
            window.__done = null;
            const list = document.querySelector('.md-search-result__list');
            const observer = new MutationObserver(() => { window.__done = performance.now(); observer.disconnect(); });
            observer.observe(list, {childList: true, subtree: true});
            window.__start = performance.now();
        }""")
        page.keyboard.press(query[-1])
        page.wait_for_function("window.__done !== null", timeout=10000)
        latencies.append(page.evaluate("window.__done - window.__start"))
    page.close()
    return latencies


def sheet_pages(browser, base: str) -> dict[str, int]:
    """A4 pages of every printable sheet, as the tests print them."""
    from pypdf import PdfReader

    counts = {}
    for path in SHEETS:
        page = browser.new_page()
        page.goto(base + url_path(path), wait_until="networkidle")
        page.emulate_media(media="print")
        counts[path] = len(PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True))).pages)
        page.close()
    return counts


def lighthouse_binary() -> Path | None:
    """Lighthouse from npm, pinned, installed once into the user's cache; None (with a note) without npm."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        print(f"Lighthouse skipped: npm (Node 20) is not installed; it would install lighthouse@{LIGHTHOUSE}.")
        return None
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund", "--silent",
                    f"lighthouse@{LIGHTHOUSE}"], check=True)
    return binary


def lighthouse(binary: Path, url: str, work: Path) -> dict[str, float] | None:
    """One Lighthouse run, mobile preset (simulated slow 4G, 4x CPU slowdown), performance only."""
    report = work / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, "--disable-dev-shm-usage"])
    result = subprocess.run(
        [str(binary), url, "--quiet", "--only-categories=performance", "--output=json",
         f"--output-path={report}", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": chromium_path()}, capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0 or not report.exists():
        print(f"Lighthouse failed on {url}: {result.stderr.strip()[-300:]}")
        return None
    found = json.loads(report.read_text())
    audits = found["audits"]
    report.unlink()
    return {
        "score": round(100 * (found["categories"]["performance"]["score"] or 0)),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def lighthouse_medians(binary: Path, urls: dict[str, str], runs: int, work: Path) -> dict[str, dict]:
    """label -> median score, Total Blocking Time and Largest Contentful Paint over `runs` runs,
    the pages taken in turn so that a busy moment of the machine does not fall on one page only."""
    results = {label: [] for label in urls}
    for _ in range(runs):
        for label, url in urls.items():
            run = lighthouse(binary, url, work)
            if run:
                results[label].append(run)
    return {label: {key: statistics.median(run[key] for run in found) for key in found[0]}
            for label, found in results.items() if found}


def heaviest_pages(site: Path, pages: list[str], count: int) -> list[str]:
    return sorted(pages, key=lambda path: -(site / path / "index.html").stat().st_size)[:count]


def kib(size: float) -> str:
    return f"{size / 1024:.0f} KiB"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all-pages", action="store_true", default=os.environ.get("BENCH_ALL_PAGES") == "1",
                        help="score every page with Lighthouse, one run each")
    parser.add_argument("--lighthouse-only", action="store_true",
                        help="one build, then Lighthouse only (no build timings, weights, search or sheets)")
    parser.add_argument("--page", action="append", default=[], metavar="PATH",
                        help="a page to score, as its URL path ('' for home, 'practice/flashcards/'); repeatable")
    parser.add_argument("--site", type=Path, default=None,
                        help="with --lighthouse-only: score this built site instead of building one")
    parser.add_argument("--runs", type=int, default=None, help="Lighthouse runs per page (median)")
    return parser.parse_args()


def print_scores(scores: dict[str, dict], runs: int, all_pages: bool) -> None:
    what = "one run each" if runs == 1 else f"median of {runs} runs"
    print(f"Lighthouse {LIGHTHOUSE} mobile performance, {what} (target >= 90):")
    for label, found in scores.items():
        print(f"  {label:<45} {found['score']:>3.0f}  TBT {found['tbt']:>5.0f} ms"
              f"  LCP {found['lcp'] / 1000:.1f} s  CLS {found['cls']:.3f}")
    if all_pages or len(scores) > 8:
        pages = {label: found for label, found in scores.items() if label != "bare Material page"}
        lowest = sorted(pages, key=lambda label: pages[label]["score"])[:5]
        print("Lowest scores: " + ", ".join(f"{label} {pages[label]['score']:.0f}" for label in lowest))
        low = [label for label in pages if pages[label]["score"] < 90]
        print(f"Pages under 90: {len(low)} of {len(pages)}" + (f": {', '.join(low)}" if low else ""))


def main() -> None:
    from playwright.sync_api import sync_playwright

    options = arguments()
    runs = options.runs or (1 if options.all_pages else LIGHTHOUSE_RUNS)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if options.lighthouse_only:
            site = options.site or work / "with"
            if not options.site:
                timed_build(ROOT / "mkdocs.yml", site)
        else:
            with_macros, no_macros = build_times(work)
            site = work / "with"  # the last build with macros is the site measured below
        bare = build_bare_material(work)
        pages = all_pages(site)
        index = (site / "search" / "search_index.json").read_bytes()
        index_size, index_gzip = len(index), len(gzip.compress(index, compresslevel=6))
        server, base = serve_site(site, GzipHandler)
        bare_server, bare_base = serve_site(bare, GzipHandler)
        if not options.lighthouse_only:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                weights = page_weights(browser, base, pages)
                latencies = search_latencies(browser, base)
                sheets = sheet_pages(browser, base)
                browser.close()
        binary = lighthouse_binary()
        scores = {}
        if binary:
            if options.page:
                chosen = [path.strip("/") + "/" if path.strip("/") else "" for path in options.page]
            elif options.all_pages:
                chosen = pages
            else:
                chosen = ["", *heaviest_pages(site, pages, HEAVIEST)]
            urls = {"bare Material page": bare_base, **{path or "home": base + path for path in chosen}}
            scores = lighthouse_medians(binary, urls, runs, work)
        server.shutdown()
        bare_server.shutdown()

    if options.lighthouse_only:
        if scores:
            print_scores(scores, runs, options.all_pages)
        return
    share = max(0.0, (with_macros - no_macros) / with_macros)
    wire = {path: sizes[0] for path, sizes in weights.items()}
    decoded = {path: sizes[1] for path, sizes in weights.items()}
    heaviest = max(wire, key=wire.get)
    median_weight = statistics.median(wire.values())
    formula_pages = {p: w for p, w in wire.items() if p.startswith("formulas/")}
    print(f"Clean build, median of {RUNS}:           {with_macros:.2f} s  (target <= 5 s)")
    print(f"Clean build without macros, median:    {no_macros:.2f} s")
    print(f"Data rendering share of the build:     {share:.0%}  (macros and the Markdown they produce; README)")
    print(f"Pages measured:                        {len(weights)}")
    print(f"Median page download (gzip, as Pages): {kib(median_weight)}  (target <= 250 KiB;"
          f" {kib(statistics.median(decoded.values()))} decoded)")
    print(f"Heaviest page download (gzip):         {kib(wire[heaviest])}  ({heaviest or 'home'};"
          f" {kib(decoded[heaviest])} decoded)")
    for path, weight in sorted(formula_pages.items()):
        print(f"Formula page {path:<34} {kib(weight)}  ({kib(weight - median_weight)} over the median;"
              f" target <= 100 KiB)")
    print(f"Search index, loaded on first search:  {kib(index_size)}  (target <= 1024 KiB;"
          f" {kib(index_gzip)} gzip)")
    print(f"Search, keystroke to results, median:  {statistics.median(latencies):.0f} ms over {len(latencies)}"
          f" queries (max {max(latencies):.0f} ms; target <= 100 ms)")
    for path, count in sheets.items():
        print(f"Sheet {path.removeprefix('cheatsheets/').removesuffix('.md'):<45} {count} A4 pages"
              f" (target <= {SHEETS[path]})")
    if scores:
        print_scores(scores, runs, options.all_pages)


if __name__ == "__main__":
    main()
