"""The offline zip works from file:// (search included); every page passes axe in both palettes."""

import subprocess
import sys
import zipfile
from urllib.parse import urlsplit
from pathlib import Path

import pytest

from conftest import NetworkLog, ROOT, render_everything
from test_browser import all_pages, search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unpacked_zip(offline_site_dir, tmp_path_factory) -> Path:
    """Pack the offline build with the deploy workflow's script, then unzip it elsewhere."""
    target = tmp_path_factory.mktemp("zip")
    archive = target / "mls-c01-offline.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "zip_offline.py"), str(offline_site_dir), str(archive)],
                   check=True, capture_output=True)
    with zipfile.ZipFile(archive) as packed:
        packed.extractall(target / "unpacked")
    return target / "unpacked" / "mls-c01"


def test_offline_zip_opens_from_disk_and_search_works(browser, unpacked_zip):
    context = browser.new_context()
    page = context.new_page()
    log = NetworkLog(page, allowed_prefixes=("file://", "data:", "blob:"))
    page.goto((unpacked_zip / "index.html").as_uri(), wait_until="load")
    links = [urlsplit(link) for link in search(page, "Random Cut Forest")]
    shown = [f"{link.path.split('/mls-c01/')[1]}#{link.fragment}" for link in links[:3]]
    assert "modeling/built-in-algorithms.html#random-cut-forest" in shown, shown
    page.goto(next(link.geturl() for link in links if link.fragment == "random-cut-forest"))
    assert "Random Cut Forest" in page.locator("article").inner_text()
    assert not log.outside, f"the offline copy asked the network: {log.outside}"
    assert not log.console_errors, log.console_errors
    context.close()


def test_offline_zip_links_use_index_html_for_file_urls(unpacked_zip):
    home = (unpacked_zip / "index.html").read_text(encoding="utf-8")
    assert 'href="modeling/index.html"' in home


SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_page_has_no_serious_accessibility_violation(browser, site_dir, base_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme="dark" if scheme == "slate" else "light")
    page = context.new_page()
    problems = []
    for path in all_pages(site_dir):
        page.goto(base_url + path, wait_until="networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") == scheme
        render_everything(page)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{path or 'home'}: {violation['id']} ({violation['impact']}): {targets}")
    context.close()
    assert not problems, "\n".join(problems[:40])
