"""Run the benchmarks (``make bench``): every module named in BENCHMARKS, or those given on the command line.

Each benchmark is a module in this folder with ``main(argv) -> int`` (0 when its
checks pass). Add a new one by writing the module and naming it here. Options (``--…``) go to every
benchmark run: ``bench/run.py pages --side-by-side`` runs only the page benchmark's comparison with
the reference site (``make bench-reference``).
"""

import importlib
import sys
from pathlib import Path

BENCHMARKS = ["petitions", "pages", "fast_paths", "services", "events", "email_list"]


def main(argv):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    options = [arg for arg in argv if arg.startswith("--")]
    names = [arg for arg in argv if not arg.startswith("--")] or BENCHMARKS
    failed = []
    for name in names:
        if name not in BENCHMARKS:
            print(f"Unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
            return 2
        print(f"== bench: {name} ==", flush=True)
        module = importlib.import_module(f"bench.{name}")
        if module.main(options) != 0:
            failed.append(name)
    if failed:
        print(f"Benchmarks with failed checks: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
