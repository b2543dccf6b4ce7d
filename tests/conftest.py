"""Shared fixtures: the built site, a loopback web server for it, and Debian's Chromium."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def build_site(destination: Path, offline: bool = False) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(destination)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return destination


def _prebuilt_or_build(variable: str, tmp_path_factory, offline: bool) -> Path:
    prebuilt = os.environ.get(variable)
    if prebuilt and (ROOT / prebuilt / "index.html").exists():
        return ROOT / prebuilt
    return build_site(tmp_path_factory.mktemp("site-offline" if offline else "site"), offline)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site as `make test` built it (SITE_DIR), or a fresh strict build."""
    return _prebuilt_or_build("SITE_DIR", tmp_path_factory, offline=False)


@pytest.fixture(scope="session")
def offline_site_dir(tmp_path_factory) -> Path:
    return _prebuilt_or_build("OFFLINE_SITE_DIR", tmp_path_factory, offline=True)


@pytest.fixture(scope="session")
def zensical_site_dir() -> Path:
    """The same mkdocs.yml built by Zensical (ZENSICAL_SITE_DIR, as `make test` builds it), or a fresh build."""
    prebuilt = os.environ.get("ZENSICAL_SITE_DIR")
    if prebuilt and (ROOT / prebuilt / "index.html").exists():
        return ROOT / prebuilt
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.exists():
        pytest.fail("Zensical is not installed: run `make test` or `make zensical`")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_DIR": "site-zensical"}
    result = subprocess.run([str(zensical), "build", "--clean"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    return ROOT / "site-zensical"


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, str]:
    """Built page path (relative, like 'modeling/built-in-algorithms/index.html') -> HTML."""
    return {
        str(path.relative_to(site_dir)): path.read_text(encoding="utf-8")
        for path in sorted(site_dir.rglob("*.html"))
        if not str(path.relative_to(site_dir)).startswith("assets/")
    }


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_site(site_dir: Path, handler_class=QuietHandler):
    """Serve `site_dir` on a free loopback port in a background thread; returns (server, base URL)."""
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve_site(site_dir)
    yield url
    server.shutdown()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium is not installed: run `make test` (it installs it) or "
                    "`apt-get install chromium`, or set CHROMIUM_PATH.")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


class NetworkLog:
    """Records every request that leaves 127.0.0.1, every console error and every 4xx/5xx."""

    def __init__(self, page, allowed_prefixes=("http://127.0.0.1", "file://", "data:", "blob:")):
        self.outside, self.console_errors, self.failed = [], [], []
        page.on("request", lambda r: None if r.url.startswith(allowed_prefixes) else self.outside.append(r.url))
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def assert_clean(self, where: str):
        assert not self.outside, f"{where}: requests left 127.0.0.1: {self.outside}"
        assert not self.console_errors, f"{where}: console errors: {self.console_errors}"
        assert not self.failed, f"{where}: failed responses: {self.failed}"


@pytest.fixture
def network_log(page):
    return NetworkLog(page)


def render_everything(page):
    """Blocks with `content-visibility: auto` skip rendering off screen, where axe cannot read their
    colours; render them all, as they are once a reader scrolls to them, before checking."""
    page.add_style_tag(content="* { content-visibility: visible !important; }")
