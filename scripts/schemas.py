"""Write one JSON Schema per data kind into schemas/, from the pydantic models, so editors check
data/*.yml as authors type (add `# yaml-language-server: $schema=../schemas/<kind>.json` to a file).

    python scripts/schemas.py          # write
    python scripts/schemas.py --check  # fail if a schema is out of date
"""

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.models import MODELS_BY_FILE  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "schemas"


def schemas() -> dict[str, str]:
    return {f"{kind}.json": json.dumps(TypeAdapter(list[model]).json_schema(), indent=2, sort_keys=True) + "\n"
            for kind, model in MODELS_BY_FILE.items()}


def main(check: bool) -> int:
    stale = [name for name, text in schemas().items()
             if not (OUT / name).exists() or (OUT / name).read_text() != text]
    if check:
        if stale:
            print(f"out of date: {', '.join(stale)}; run python scripts/schemas.py")
        return 1 if stale else 0
    OUT.mkdir(exist_ok=True)
    for name, text in schemas().items():
        (OUT / name).write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
