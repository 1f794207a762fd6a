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
  - lessons of vectors and matrices (issue 13's targets): `lessongen trace` of a
    (64, 100)·(100, 10) matrix product, `lessongen two-layer-batch` and (issue 24's target)
    `lessongen cs231n-softmax-classifier`, everything written
Then, for large lessons (time and peak memory, median of --large-runs runs): a flat sum of
1,000 terms, graphs of about 2,500 nodes (the largest drawn) and of 5,000 nodes (chain, flat
sum, balanced tree), and a 35,000-term sum (refused at the node limit).
Last, `--watch`: a sigmoid lesson saved ten times (a new file renamed over the old, as editors
save) under `lessongen build --watch`, and how soon after each save the new trace.json is there
(polled every 2 ms; the target is 300 ms).
`--large-only` prints only the large-lesson table; `--tensors-only` only the tensor rows;
`--watch-only` only the watch line.
Copy the tables it prints into README.md when the numbers change.
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


def write_lesson(folder, name, title, function_lines, inputs):
    path = os.path.join(folder, name + ".yaml")
    with open(path, "w") as f:
        f.write(f"title: {title}\nfunction: |\n")
        f.write("".join(f"  {line}\n" for line in function_lines))
        f.write("inputs:\n" + "".join(f"  {k}: {v}\n" for k, v in inputs))
    return path


def flat_sum(folder, terms):
    """y = x + x + … + x: one input fanning out to every + of a chain."""
    return write_lesson(folder, f"sum{terms}", "Flat sum", ["y = " + " + ".join(["x"] * terms)],
                        [("x", 1)])


def sin_chain(folder, nodes):
    """a0 = sin(x); a1 = sin(a0); …: a chain of nodes − 1 operations."""
    lines, previous = [], "x"
    for i in range(nodes - 1):
        name = "y" if i == nodes - 2 else f"a{i}"
        lines.append(f"{name} = sin({previous})")
        previous = name
    return write_lesson(folder, f"chain{nodes}", "Chain", lines, [("x", 1)])


def balanced_tree(folder, leaves):
    """A balanced binary tree of + and × over `leaves` inputs (2·leaves − 1 nodes)."""
    lines, level, k = [], [f"x{i}" for i in range(leaves)], 0
    while len(level) > 1:
        upper = []
        for i in range(0, len(level) - 1, 2):
            k += 1
            name = f"t{k}"
            lines.append(f"{name} = {level[i]} {'*' if k % 2 else '+'} {level[i + 1]}")
            upper.append(name)
        if len(level) % 2:
            upper.append(level[-1])
        level = upper
    lines[-1] = "y" + lines[-1][lines[-1].index(" ="):]
    inputs = [(f"x{i}", f"{1 + (i % 3) / 10:.1f}") for i in range(leaves)]
    return write_lesson(folder, f"tree{2 * leaves - 1}", "Tree", lines, inputs)


def matmul_lesson(folder, n=64, d=100, h=10):
    """Y = X @ W for X (n, d) and W (d, h), small deterministic values: 7,400 inputs."""
    def matrix(rows, columns, seed):
        return "[" + ", ".join(
            "[" + ", ".join(f"{((i * columns + j) * seed % 97) / 97 - 0.5:.4f}"
                            for j in range(columns)) + "]"
            for i in range(rows)) + "]"
    path = os.path.join(folder, "matmul.yaml")
    with open(path, "w") as f:
        f.write(f"title: A ({n}, {d}) by ({d}, {h}) product\nfunction: Y = X @ W\ninputs:\n")
        f.write(f"  X: {matrix(n, d, 31)}\n  W: {matrix(d, h, 17)}\n")
    return path


def tensor_rows(folder):
    """The tensor targets as (label, command) rows."""
    return [
        ("`lessongen trace` of a (64, 100)·(100, 10) matrix product: target < 50 ms",
         [BINARY, "trace", matmul_lesson(folder)]),
        ("`lessongen two-layer-batch`, everything written: target < 100 ms",
         [BINARY, "two-layer-batch", "--out", os.path.join(folder, "out")]),
        ("`lessongen cs231n-softmax-classifier` (4 classes), everything written: target < 150 ms",
         [BINARY, "cs231n-softmax-classifier", "--out", os.path.join(folder, "out")]),
    ]


def print_table(rows, runs, folder):
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
    return results


def measured(command, runs, cwd):
    """(median seconds, largest peak memory in MB, exit status) over `runs` runs."""
    seconds, peaks, status = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _, wait_status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        status = os.waitstatus_to_exitcode(wait_status)
    return statistics.median(seconds), max(peaks), status


def large_lessons(runs):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out")
        rows = [
            ("flat sum of 1,000 terms (1,000 nodes), drawn: target < 2 s, < 300 MB",
             flat_sum(folder, 1000)),
            ("flat sum of 2,499 terms (2,500 nodes, the largest drawn)", flat_sum(folder, 2499)),
            ("chain of 2,500 nodes, drawn", sin_chain(folder, 2500)),
            ("balanced tree of 2,499 nodes, drawn", balanced_tree(folder, 1250)),
            ("chain of 5,000 nodes (figures left out): target < 10 s, < 1 GB",
             sin_chain(folder, 5000)),
            ("flat sum of 4,999 terms (5,000 nodes; figures left out)", flat_sum(folder, 4999)),
            ("balanced tree of 4,999 nodes, 2,500 inputs (figures left out)",
             balanced_tree(folder, 2500)),
            ("flat sum of 35,000 terms: refused at the node limit", flat_sum(folder, 35000)),
        ]
        print(f"| large lesson, everything written ({runs} runs) | median | peak memory | exit |")
        print("|---|---|---|---|")
        for label, lesson in rows:
            median, peak, status = measured([BINARY, lesson, "--out", out], runs, folder)
            print(f"| {label} | {median:.2f} s | {peak:.0f} MB | {status} |")


def watch_rebuild(saves=10):
    """Median and worst time from a save to the rebuilt trace.json under `build --watch`."""
    lesson = "title: Square\nfunction: y = sigmoid(x * {})\ninputs: {{x: 3}}\n"
    with tempfile.TemporaryDirectory() as folder:
        lessons = os.path.join(folder, "lessons")
        os.mkdir(lessons)
        path = os.path.join(lessons, "square.yaml")

        def save(k):
            with open(path + ".tmp", "w") as f:
                f.write(lesson.format(k + 2))
            os.replace(path + ".tmp", path)

        save(0)
        trace = os.path.join(folder, "out", "square", "trace.json")
        log = open(os.path.join(folder, "log"), "w")
        watcher = subprocess.Popen([BINARY, "build", lessons, "--out", os.path.join(folder, "out"),
                                    "--watch"], stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + 30
            while not os.path.exists(trace) and time.time() < deadline:
                time.sleep(0.002)
            times = []
            for k in range(1, saves + 1):
                before = open(trace).read()
                time.sleep(0.2)
                start = time.perf_counter()
                save(k)
                while time.perf_counter() - start < 10:
                    try:
                        if open(trace).read() != before:
                            break
                    except FileNotFoundError:
                        pass
                    time.sleep(0.002)
                times.append((time.perf_counter() - start) * 1000)
        finally:
            watcher.terminate()
            watcher.wait()
            log.close()
    print(f"`build --watch`, a sigmoid lesson saved {saves} times: the new trace.json "
          f"{statistics.median(times):.0f} ms after the save (median), {max(times):.0f} ms at "
          f"most (target 300 ms).")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--large-runs", type=int, default=3)
    parser.add_argument("--large-only", action="store_true")
    parser.add_argument("--tensors-only", action="store_true")
    parser.add_argument("--watch-only", action="store_true")
    arguments = parser.parse_args()
    runs = arguments.runs
    if arguments.watch_only:
        subprocess.run([os.path.join(ROOT, "lessongen"), "--version"], check=True,
                       stdout=subprocess.DEVNULL)
        watch_rebuild()
        return 0
    if arguments.tensors_only:
        subprocess.run([os.path.join(ROOT, "lessongen"), "--version"], check=True,
                       stdout=subprocess.DEVNULL)
        with tempfile.TemporaryDirectory() as folder:
            print_table(tensor_rows(folder), runs, folder)
        return 0
    if arguments.large_only:
        subprocess.run([os.path.join(ROOT, "lessongen"), "--version"], check=True,
                       stdout=subprocess.DEVNULL)
        large_lessons(arguments.large_runs)
        return 0
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
        ] + tensor_rows(folder)
        peer = peer_script()
        if peer and ensure_graphviz():
            rows.append(("peer: micrograd + Graphviz, one sigmoid graph as PDF+PNG+SVG",
                         [sys.executable, peer, os.path.join(folder, "peer"), "1"]))
            rows.append(("peer: micrograd + Graphviz, 167 stacked sigmoids as PDF+PNG+SVG",
                         [sys.executable, peer, os.path.join(folder, "peer"), "167"]))
        else:
            print("(peer workflow skipped: no shared/bench/peer_micrograd.py or no graphviz)")
        results = print_table(rows, runs, folder)
        if peer and any(k.startswith("peer") for k in results):
            # The ratio from runs taken in turns, so that a machine getting slower or faster
            # during the table does not favour either side.
            ours_cmd = next(c for k, c in rows if k.startswith("`lessongen sigmoid`"))
            peer_cmd = next(c for k, c in rows if k.startswith("peer"))
            ours, theirs = paired(ours_cmd, peer_cmd, runs, folder)
            print(f"\nIn turns ({runs} runs each): lessongen sigmoid (handout, Markdown, all "
                  f"figures) {ours:.1f} ms, the peer's one figure {theirs:.1f} ms (medians): "
                  f"{ours / theirs:.2f}x (target: under 0.5x).")
    print()
    large_lessons(arguments.large_runs)
    print()
    watch_rebuild()


if __name__ == "__main__":
    sys.exit(main())
