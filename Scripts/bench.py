#!/usr/bin/env python3
"""Benchmarks lessongen's release binary as a whole process (wall time, median of runs).

Usage: Scripts/bench.py [--runs N]
Builds the release binary through ./lessongen if needed, then measures:
  - bare process start: `lessongen --version` (loads the binary and its libraries, no work)
  - `lessongen trace sigmoid`
  - the same through the `./lessongen` wrapper script (its up-to-date check)
  - `lessongen trace` on a generated 1,000-node expression
Copy the table it prints into README.md when the numbers change.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "lessongen")


def generated_lesson(folder, terms=250):
    """y = sin(x·c₁) + sin(x·c₂) + …: four nodes a term (constant, ×, sin, +), about 1,000."""
    body = " + ".join(f"sin(x * {1 + i / 1000:.3f})" for i in range(terms))
    path = os.path.join(folder, "big.yaml")
    with open(path, "w") as f:
        f.write(f"title: Generated\nfunction: y = {body}\ninputs:\n  x: 0.5\n")
    return path


def timed(command, runs, cwd):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    subprocess.run([os.path.join(ROOT, "lessongen"), "--version"], check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as folder:
        big = generated_lesson(folder)
        report = subprocess.run([BINARY, "check", big], capture_output=True, text=True).stdout
        nodes = report.split("(")[-1].strip().rstrip(")")
        wrapper = os.path.join(ROOT, "lessongen")
        rows = [
            ("bare process start (`lessongen --version`)", [BINARY, "--version"]),
            ("`lessongen trace sigmoid`", [BINARY, "trace", "sigmoid"]),
            ("`./lessongen trace sigmoid` (through the repo's wrapper script)",
             [wrapper, "trace", "sigmoid"]),
            (f"`lessongen trace` on a generated expression ({nodes})", [BINARY, "trace", big]),
        ]
        print(f"| what ({runs} runs, whole process) | median | best |")
        print("|---|---|---|")
        for label, command in rows:
            median, best = timed(command, runs, folder)
            print(f"| {label} | {median:.1f} ms | {best:.1f} ms |")


if __name__ == "__main__":
    sys.exit(main())
