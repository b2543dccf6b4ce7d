"""Run mutmut over macros/ and print the mutation score: the share of mutants some test kills.

A surviving mutant is a line of rendering or validation code that no test guards: `mutmut show NAME`
prints it; add the test that kills it.
"""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"


def main() -> int:
    # Tests that read the built site find it prebuilt (copied into mutants/ with the sources)
    env = {**os.environ, "SITE_DIR": "site", "OFFLINE_SITE_DIR": "site-offline", "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "--clean", "-q", "-d", "site"], cwd=ROOT, env=env, check=True)
    subprocess.run([str(mkdocs), "build", "--strict", "--clean", "-q", "-d", "site-offline"], cwd=ROOT, check=True,
                   env={**env, "OFFLINE": "true"})
    subprocess.run([str(MUTMUT), "run"], cwd=ROOT, env=env, check=False)
    results = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True)
    statuses = Counter(line.rsplit(":", 1)[1].strip() for line in results.stdout.splitlines() if ":" in line)
    killed, total = statuses.get("killed", 0), sum(statuses.values())
    survivors = [line.rsplit(":", 1)[0].strip() for line in results.stdout.splitlines() if line.endswith("survived")]
    print(f"\nMutation score of macros/: {killed}/{total} mutants killed ({100 * killed / max(total, 1):.0f}%)")
    print("By status: " + ", ".join(f"{status} {count}" for status, count in statuses.most_common()))
    if survivors:
        print("Surviving mutants (mutmut show NAME):\n  " + "\n  ".join(survivors[:40]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
