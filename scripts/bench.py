"""Benchmark: prints build time, data-rendering cost, page weight, search index size,
search latency and cheat-sheet page counts. Run with `make bench`. Figures, not assertions.

Targets (2-core machine): build <= 5 s; data rendering <= 30% of it; median page <= 250 KiB,
formula pages at most 100 KiB more; search index <= 1 MiB; results within 100 ms.
"""

import gzip
import io
import os
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
from macros.models import Domain  # noqa: E402
from test_browser import all_pages  # noqa: E402

QUERIES = ["xgboost", "k-NN", "F1", "Firehose Parquet", "IP address anomaly", "RCF", "SMOTE", "t-SNE",
           "one-hot", "DeepAR", "Pipe mode", "serverless inference", "KMS", "VPC", "dropout", "L1",
           "BlazingText", "shard", "Glue crawler", "confusion matrix"]
RUNS = 5


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
    HTML, CSS, JS, images and the search index, with an empty cache."""
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
    box.type("warm")  # loads the worker and the index before timing
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


def cheat_sheet_pages(browser, base: str) -> dict[str, int]:
    from pypdf import PdfReader

    counts = {}
    for slug in (domain.value for domain in Domain):
        page = browser.new_page()
        page.goto(f"{base}cheatsheets/{slug}/", wait_until="networkidle")
        page.emulate_media(media="print")
        counts[slug] = len(PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True))).pages)
        page.close()
    return counts


def kib(size: float) -> str:
    return f"{size / 1024:.0f} KiB"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with_macros, no_macros = build_times(work)
        site = work / "with"  # the last build with macros is the site measured below
        pages = all_pages(site)
        index_size = (site / "search" / "search_index.json").stat().st_size
        server, base = serve_site(site, GzipHandler)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            weights = page_weights(browser, base, pages)
            latencies = search_latencies(browser, base)
            sheets = cheat_sheet_pages(browser, base)
            browser.close()
        server.shutdown()

    share = max(0.0, (with_macros - no_macros) / with_macros)
    wire = {path: sizes[0] for path, sizes in weights.items()}
    decoded = {path: sizes[1] for path, sizes in weights.items()}
    heaviest = max(wire, key=wire.get)
    median_weight = statistics.median(wire.values())
    formula_pages = {p: w for p, w in wire.items() if p.startswith("formulas/")}
    print(f"Clean build, median of {RUNS}:           {with_macros:.2f} s  (target <= 5 s)")
    print(f"Clean build without macros, median:    {no_macros:.2f} s")
    print(f"Data rendering share of the build:     {share:.0%}  (target <= 30%)")
    print(f"Pages measured:                        {len(weights)}")
    print(f"Median page download (gzip, as Pages): {kib(median_weight)}  (target <= 250 KiB;"
          f" {kib(statistics.median(decoded.values()))} decoded)")
    print(f"Heaviest page download (gzip):         {kib(wire[heaviest])}  ({heaviest or 'home'};"
          f" {kib(decoded[heaviest])} decoded)")
    for path, weight in sorted(formula_pages.items()):
        print(f"Formula page {path:<34} {kib(weight)}  ({kib(weight - median_weight)} over the median;"
              f" target <= 100 KiB)")
    print(f"Search index:                          {kib(index_size)}  (target <= 1024 KiB)")
    print(f"Search, keystroke to results, median:  {statistics.median(latencies):.0f} ms over {len(latencies)}"
          f" queries (max {max(latencies):.0f} ms; target <= 100 ms)")
    for slug, count in sheets.items():
        print(f"Cheat sheet {slug:<30} {count} A4 pages (target <= 4)")


if __name__ == "__main__":
    main()
