#!/usr/bin/env python3
"""Benchmarks lessongen's release binary as a whole process (wall time, median of runs).

Usage: Scripts/bench.py [--runs N]
Builds the release binary through ./lessongen if needed, then measures:
  - bare process start: `lessongen --version` (loads the binary and its libraries, no work)
  - `lessongen trace sigmoid`
  - the same through the `./lessongen` wrapper script (its up-to-date check)
  - `lessongen trace` on a generated 1,000-node expression
  - `lessongen sigmoid`: every figure of the lesson in PDF, PNG and SVG, in one process
  - `lessongen` on 167 stacked sigmoids (about 1,000 nodes, the peer's graph shape): laid
    out and drawn in three formats
  - the peer workflow, shared/bench/peer_micrograd.py (micrograd + Graphviz), on the same
    sigmoid graph in PDF, PNG and SVG (installs graphviz with apt when root and missing)
Copy the table it prints into README.md when the numbers change.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "lessongen")


def generated_lesson(folder, terms=250):
    """y = sin(x·c₁) + sin(x·c₂) + …: four nodes a term (constant, ×, sin, +), about 1,000."""
    body = " + ".join(f"sin(x * {1 + i / 1000:.3f})" for i in range(terms))
    path = os.path.join(folder, "big.yaml")
    with open(path, "w") as f:
        f.write(f"title: Generated\nfunction: y = {body}\ninputs:\n  x: 0.5\n")
    return path


def peer_script():
    """The peer benchmark from the project's shared folder, next to the repository."""
    for candidate in (os.path.join(ROOT, "..", "shared", "bench", "peer_micrograd.py"),
                      os.path.join(ROOT, "shared", "bench", "peer_micrograd.py")):
        if os.path.exists(candidate):
            return os.path.abspath(candidate)
    return None


def ensure_graphviz():
    if shutil.which("dot"):
        return True
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "graphviz"], check=False,
                       stdout=subprocess.DEVNULL, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("dot") is not None


def stacked_sigmoids(folder, stages=167):
    """The peer's graph: n stacked sigmoids decomposed as 1/(exp(x·(−1)) + 1), six nodes a
    stage (×, −1, exp, +, 1, /), so 167 stages make about 1,000 nodes."""
    lines, previous = [], "x"
    for i in range(1, stages + 1):
        name = "y" if i == stages else f"s{i}"
        lines.append(f"  {name} = 1 / (exp({previous} * -1) + 1)")
        previous = name
    path = os.path.join(folder, "chain.yaml")
    with open(path, "w") as f:
        f.write("title: Stacked sigmoids\nfunction: |\n" + "\n".join(lines) + "\ninputs:\n  x: 1\n")
    return path


def timed(command, runs, cwd):
    """(median ms, best ms), or (None, last line of its error) if the command fails."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            lines = done.stderr.strip().splitlines()
            return None, lines[-1] if lines else f"exit {done.returncode}"
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def paired(first, second, runs, cwd):
    """Medians of two commands run alternately, in ms."""
    a, b = [], []
    for _ in range(runs):
        for command, samples in ((first, a), (second, b)):
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


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
        chain = stacked_sigmoids(folder)
        report = subprocess.run([BINARY, "check", chain], capture_output=True, text=True).stdout
        chain_nodes = report.split("(")[-1].strip().rstrip(")")
        wrapper = os.path.join(ROOT, "lessongen")
        rows = [
            ("bare process start (`lessongen --version`)", [BINARY, "--version"]),
            ("`lessongen trace sigmoid`", [BINARY, "trace", "sigmoid"]),
            ("`./lessongen trace sigmoid` (through the repo's wrapper script)",
             [wrapper, "trace", "sigmoid"]),
            (f"`lessongen trace` on a generated expression ({nodes})", [BINARY, "trace", big]),
            ("`lessongen sigmoid`: handout PDF, Markdown and all 6 figures as PDF+PNG+SVG",
             [BINARY, "sigmoid", "--out", os.path.join(folder, "out")]),
            (f"`lessongen` on 167 stacked sigmoids ({chain_nodes}): 2 figures as PDF+PNG+SVG",
             [BINARY, chain, "--out", os.path.join(folder, "out")]),
        ]
        peer = peer_script()
        if peer and ensure_graphviz():
            rows.append(("peer: micrograd + Graphviz, one sigmoid graph as PDF+PNG+SVG",
                         [sys.executable, peer, os.path.join(folder, "peer"), "1"]))
            rows.append(("peer: micrograd + Graphviz, 167 stacked sigmoids as PDF+PNG+SVG",
                         [sys.executable, peer, os.path.join(folder, "peer"), "167"]))
        else:
            print("(peer workflow skipped: no shared/bench/peer_micrograd.py or no graphviz)")
        print(f"| what ({runs} runs, whole process) | median | best |")
        print("|---|---|---|")
        results = {}
        for label, command in rows:
            median, best = timed(command, runs, folder)
            if median is None:
                print(f"| {label} | fails: {best} | |")
                continue
            results[label] = median
            print(f"| {label} | {median:.1f} ms | {best:.1f} ms |")
        if peer and any(k.startswith("peer") for k in results):
            # The ratio from runs taken in turns, so that a machine getting slower or faster
            # during the table does not favour either side.
            ours_cmd = next(c for k, c in rows if k.startswith("`lessongen sigmoid`"))
            peer_cmd = next(c for k, c in rows if k.startswith("peer"))
            ours, theirs = paired(ours_cmd, peer_cmd, runs, folder)
            print(f"\nIn turns ({runs} runs each): lessongen sigmoid (handout, Markdown, all "
                  f"figures) {ours:.1f} ms, the peer's one figure {theirs:.1f} ms (medians): "
                  f"{ours / theirs:.2f}x (target: under 0.5x).")


if __name__ == "__main__":
    sys.exit(main())
