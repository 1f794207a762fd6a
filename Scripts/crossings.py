#!/usr/bin/env python3
"""Edge crossings of lessongen's layout against Graphviz dot's, lesson by lesson.

    python3 Scripts/crossings.py [--style S] [--figure F] [--random N] [--seed S] [--json] [--binary PATH] [LESSON ...]

For every built-in lesson and every lesson of Tests/Lessons (or the ones given), the `graph`
figure's (or `--figure`'s: `expanded`, `step-01`, …; lessons without it are left out) wires from `lessongen layout` are cut into segments and every pair of segments of
two wires that share no end node and properly cross is a crossing, each point counted once
(wires from one node share their trunk, and touching is not crossing). The same nodes and edges are then laid out by
`dot -Tplain` (rankdir=LR, one box per node of the size lessongen gave it), each edge's
Bézier curve sampled (12 points a piece; its control polygon can miss a crossing the curve
makes) and counted alike. Issue 10 asks for no more
crossings than dot; this prints both, and the lessons where lessongen has more.
`--random N` adds N random expressions (drawn from `--seed`, 7 unless given; the shapes of the geometry tests'
random lessons); `--json` prints the counts as JSON for the test that runs this script.
"""
import argparse, json, os, random, re, subprocess, sys, tempfile

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
    """Points where two wires that share no end node cross, each point counted once: wires
    from one node share their first segments (a trunk), and a trunk crossing a wire is one
    crossing on the page however many wires run along it."""
    points = set()
    for i in range(len(wires)):
        for j in range(i + 1, len(wires)):
            (fi, ti, pi), (fj, tj, pj) = wires[i], wires[j]
            if {fi, ti} & {fj, tj}:
                continue
            # Two wires may pass through one point (dot routes both through a shared
            # control point): they cross there if they still cross with one of them moved a
            # hair either way across the flow, which a mere touch does not survive.
            plus = meet(pi, [(x, y + 1e-3) for x, y in pj])
            minus = meet(pi, [(x, y - 1e-3) for x, y in pj])
            points |= {p for p in plus if any(abs(p[0] - q[0]) + abs(p[1] - q[1]) < 1 for q in minus)}
    return len(points)


def meet(p, q):
    """The crossing points of two polylines, rounded to half a point."""
    found = set()
    for a, b in segments(p):
        for c, d in segments(q):
            if cross(a, b, c, d):
                found.add(intersection(a, b, c, d))
    return found


def intersection(a, b, c, d):
    den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])
    t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den
    x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
    return (round(x * 2) / 2, round(y * 2) / 2)


def random_lessons(count, folder, seed=7):
    """`count` random lessons of one to three statements over a, b, c, written to `folder`."""
    rng = random.Random(seed)

    def expression(depth, names):
        if depth == 0 or rng.randrange(10) < 2:
            return str(rng.randint(1, 3)) if rng.randrange(5) == 0 else rng.choice(names)
        a, b = expression(depth - 1, names), expression(depth - 1, names)
        return [f"({a} + {b})", f"({a} - {b})", f"{a} * {b}", f"{a} / (1 + {b}^2)",
                f"exp({a} * 0.1)", f"sin({a})", f"cos({b})", f"tanh({a})", f"sigmoid({b})",
                f"relu({a})", f"max({a}, {b})", f"min({a}, {b})", f"-{a}",
                f"({a})^2"][rng.randrange(14)]

    paths = []
    while len(paths) < count:
        names, statements = ["a", "b", "c"], []
        total = rng.randint(1, 3)
        for i in range(total):
            name = "y" if i == total - 1 else f"t{i}"
            body = expression(rng.randint(1, 4), names)
            if i > 0:
                body = f"{names[-1]} * {body}"
            statements.append(f"{name} = {body}")
            names.append(name)
        text = "\n".join(statements)
        used = [x for x in "abc" if re.search(rf"\b{x}\b", text)]
        if not used:
            continue
        path = os.path.join(folder, f"random-{len(paths):03d}.yaml")
        with open(path, "w") as f:
            f.write("title: random\nfunction: |\n" + "".join(f"  {s}\n" for s in statements)
                    + "inputs: {" + ", ".join(f"{x}: {rng.uniform(-1, 1):.2f}" for x in used)
                    + "}\n")
        paths.append(path)
    return paths


def ours(lesson, style, figure="graph"):
    """The figure's layout, or None when the lesson has no such figure (no composite node to
    expand)."""
    run = subprocess.run([BINARY, "layout", lesson, "--style", style, "--figure", figure],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None, None
    out = run.stdout
    g = json.loads(out)
    return g, [(e["from"], e["to"], [tuple(p) for p in e["points"]]) for e in g["edges"]]


def dots(g, branches=True):
    """dot's wires for the figure's nodes and edges. With `branches`, a value used along
    several edges goes through a branch node of its own, as lessongen draws it (DLFS's branch
    node: a dot where the wire splits, its stem carrying the summed gradient), so dot lays out
    the same nodes the figure shows; each stem and branch are joined into one wire again.
    colah's figures have no branch points, so there every edge runs node to node."""
    lines = ["digraph g {", "rankdir=LR;", "node [shape=box, fixedsize=true];"]
    for n in g["nodes"]:
        w, h = max(n["width"], 1) / 72, max(n["height"], 1) / 72
        lines.append(f'"{n["id"]}" [width={w:.3f}, height={h:.3f}, label=""];')
    targets = {}
    for e in g["edges"]:
        targets.setdefault(e["from"], []).append(e["to"])
    for source, heads in targets.items():
        if branches and len(heads) > 1:
            lines.append(f'"{source}#fork" [width=0.06, height=0.06, label=""];')
            lines.append(f'"{source}" -> "{source}#fork";')
            lines.extend(f'"{source}#fork" -> "{head}";' for head in heads)
        else:
            lines.extend(f'"{source}" -> "{head}";' for head in heads)
    lines.append("}")
    plain = subprocess.run(["dot", "-Tplain"], input="\n".join(lines), capture_output=True,
                           text=True, check=True).stdout
    wires = []
    boxes = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            x, y, w, h = (float(v) * 72 for v in parts[2:6])
            boxes[parts[1].strip('"')] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if parts and parts[0] == "edge":
            tail, head, n = parts[1].strip('"'), parts[2].strip('"'), int(parts[3])
            coords = [float(v) * 72 for v in parts[4:4 + 2 * n]]
            control = [(coords[k], coords[k + 1]) for k in range(0, 2 * n, 2)]
            wires.append((tail, head, flatten(control)))
    # dot's spline stops at the base of the arrowhead, which is drawn on to the head's box;
    # the arrowhead is part of the wire on the page (a wire crossing it crosses the wire), as
    # lessongen's points run to the target's boundary. So each wire is carried on, in the
    # direction it ends, to its head's box.
    wires = [(tail, head, points + [tip(points, boxes[head])]) for tail, head, points in wires]
    stems = {head.removesuffix("#fork"): points for _, head, points in wires if head.endswith("#fork")}
    joined = []
    for tail, head, points in wires:
        if head.endswith("#fork"):
            continue
        source = tail.removesuffix("#fork")
        joined.append((source, head, stems[source] + points if tail.endswith("#fork") else points))
    return joined


def tip(points, box):
    """Where the ray from the wire's last point, in its final direction, meets the box."""
    (px, py), (qx, qy) = points[-2], points[-1]
    dx, dy = qx - px, qy - py
    length = (dx * dx + dy * dy) ** 0.5 or 1
    dx, dy = dx / length, dy / length
    left, bottom, right, top = box
    best = None
    for t in ([(left - qx) / dx, (right - qx) / dx] if abs(dx) > 1e-9 else []) + \
             ([(bottom - qy) / dy, (top - qy) / dy] if abs(dy) > 1e-9 else []):
        x, y = qx + t * dx, qy + t * dy
        if t > 0 and left - 1e-6 <= x <= right + 1e-6 and bottom - 1e-6 <= y <= top + 1e-6:
            best = t if best is None else min(best, t)
    return (qx + best * dx, qy + best * dy) if best is not None else (qx, qy)


def flatten(control, steps=12):
    """The points along dot's piecewise cubic Bézier (p0, then three points per piece)."""
    points = [control[0]]
    for k in range(1, len(control) - 2, 3):
        p0, p1, p2, p3 = control[k - 1], control[k], control[k + 1], control[k + 2]
        for i in range(1, steps + 1):
            t = i / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            points.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                           a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return points


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--style", default="dlfs")
    parser.add_argument("--random", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--binary")
    parser.add_argument("--figure", default="graph",
                        help="the figure to compare: graph (default), expanded, step-01, ...")
    parser.add_argument("--no-branches", action="store_true",
                        help="give dot each fan-out as plain edges, without the branch node")
    parser.add_argument("lessons", nargs="*")
    arguments = parser.parse_args()
    if arguments.binary:
        global BINARY
        BINARY = arguments.binary
    lessons = arguments.lessons
    scratch = tempfile.TemporaryDirectory()
    if arguments.random:
        lessons = lessons + random_lessons(arguments.random, scratch.name, arguments.seed)
    elif not lessons:
        listed = subprocess.run([BINARY, "list"], capture_output=True, text=True, check=True)
        lessons = [line.split()[0] for line in listed.stdout.splitlines()]
        folder = os.path.join(ROOT, "Tests", "Lessons")
        lessons += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".yaml"))
    rows = []
    for lesson in lessons:
        g, wires = ours(lesson, arguments.style, arguments.figure)
        if g is None:
            continue
        name = os.path.basename(lesson).removesuffix(".yaml")
        rows.append({"lesson": name, "lessongen": count(wires), "dot": count(dots(g, branches=not arguments.no_branches and arguments.style != "colah"))})
    scratch.cleanup()
    if arguments.json:
        print(json.dumps(rows))
        return
    print(f"| lesson ({arguments.style}) | lessongen | dot |")
    print("|---|---|---|")
    for row in rows:
        print(f"| {row['lesson']} | {row['lessongen']} | {row['dot']} |")
    worse = [row["lesson"] for row in rows if row["lessongen"] > row["dot"]]
    print()
    print(f"in all: lessongen {sum(r['lessongen'] for r in rows)}, dot {sum(r['dot'] for r in rows)}")
    print("more crossings than dot: " + (", ".join(worse) if worse else "none"))


if __name__ == "__main__":
    main()
