"""`make serve` follows the data: a broken data file prints its message, the server keeps running, and
fixing the file rebuilds the site."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_reports_broken_data_and_rebuilds_once_it_is_fixed(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site*", "*.zip", ".cache", "mutants"))
    log = tmp_path / "serve.log"
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        assert _wait_for(lambda: "Serving on" in log.read_text(), 120), log.read_text()[-2000:]
        services = project / "data" / "services-storage.yml"
        good = services.read_text()
        services.write_text(good.replace("  slug: amazon-efs\n", "  slug: amazon-efs\n  colour: blue\n", 1))
        assert _wait_for(lambda: "field 'colour': unknown field" in log.read_text(), 120)
        assert server.poll() is None, "the server stopped on broken data"
        builds = log.read_text().count("Documentation built")
        services.write_text(good)
        assert _wait_for(lambda: log.read_text().count("Documentation built") > builds, 120)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/mls-c01/data-engineering/storage/", timeout=30)
        assert "amazon-efs" in page.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
