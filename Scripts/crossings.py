#!/usr/bin/env python3
"""Edge crossings of lessongen's layout against Graphviz dot's, lesson by lesson.

    python3 Scripts/crossings.py [--style S] [LESSON ...]

For every built-in lesson and every lesson of Tests/Lessons (or the ones given), the `graph`
figure's wires from `lessongen layout` are cut into segments and every pair of segments of
two different wires that properly cross is counted (wires from one node share their first
points, and touching is not crossing). The same nodes and edges are then laid out by
`dot -Tplain` (rankdir=LR, one box per node of the size lessongen gave it), each edge's
B-spline control polygon flattened the same way and counted alike. Issue 10 asks for no more
crossings than dot; this prints both, and the lessons where lessongen has more.
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "lessongen")


def segments(points):
    return [(points[i], points[i + 1]) for i in range(len(points) - 1)]


def cross(a, b, c, d):
    """Whether segments ab and cd cross at a point inside both (not at an end)."""
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-6 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def count(wires):
    """Proper crossings between wires (lists of points) that do not share an end node."""
    total = 0
    for i in range(len(wires)):
        for j in range(i + 1, len(wires)):
            (fi, ti, pi), (fj, tj, pj) = wires[i], wires[j]
            if {fi, ti} & {fj, tj}:
                continue
            if any(cross(a, b, c, d) for a, b in segments(pi) for c, d in segments(pj)):
                total += 1
    return total


def ours(lesson, style):
    out = subprocess.run([BINARY, "layout", lesson, "--style", style], capture_output=True,
                         text=True, check=True).stdout
    g = json.loads(out)
    return g, [(e["from"], e["to"], [tuple(p) for p in e["points"]]) for e in g["edges"]]


def dots(g):
    lines = ["digraph g {", "rankdir=LR;", "node [shape=box, fixedsize=true];"]
    for n in g["nodes"]:
        w, h = max(n["width"], 1) / 72, max(n["height"], 1) / 72
        lines.append(f'"{n["id"]}" [width={w:.3f}, height={h:.3f}, label=""];')
    for e in g["edges"]:
        lines.append(f'"{e["from"]}" -> "{e["to"]}";')
    lines.append("}")
    plain = subprocess.run(["dot", "-Tplain"], input="\n".join(lines), capture_output=True,
                           text=True, check=True).stdout
    wires = []
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "edge":
            tail, head, n = parts[1].strip('"'), parts[2].strip('"'), int(parts[3])
            coords = [float(v) for v in parts[4:4 + 2 * n]]
            wires.append((tail, head, [(coords[k], coords[k + 1]) for k in range(0, 2 * n, 2)]))
    return wires


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--style", default="dlfs")
    parser.add_argument("lessons", nargs="*")
    arguments = parser.parse_args()
    lessons = arguments.lessons
    if not lessons:
        listed = subprocess.run([BINARY, "list"], capture_output=True, text=True, check=True)
        lessons = [line.split()[0] for line in listed.stdout.splitlines()]
        folder = os.path.join(ROOT, "Tests", "Lessons")
        lessons += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".yaml"))
    print(f"| lesson ({arguments.style}) | lessongen | dot |")
    print("|---|---|---|")
    worse = []
    for lesson in lessons:
        g, wires = ours(lesson, arguments.style)
        a, b = count(wires), count(dots(g))
        name = os.path.basename(lesson).removesuffix(".yaml")
        print(f"| {name} | {a} | {b} |")
        if a > b:
            worse.append(name)
    print()
    print("more crossings than dot: " + (", ".join(worse) if worse else "none"))


if __name__ == "__main__":
    main()
