"""Pack the offline build (OFFLINE=true mkdocs build) into a zip that opens from disk.

usage: python scripts/zip_offline.py SITE_DIR ZIP_PATH
"""

import sys
import zipfile
from pathlib import Path


def pack(site_dir: Path, zip_path: Path) -> int:
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            archive.write(path, Path("mls-c01") / path.relative_to(site_dir))
    return len(files)


if __name__ == "__main__":
    site, target = Path(sys.argv[1]), Path(sys.argv[2])
    if not (site / "index.html").exists():
        sys.exit(f"{site} holds no built site: run `OFFLINE=true mkdocs build -d {site}` first")
    print(f"{target}: {pack(site, target)} files")
