#!/usr/bin/env python3
"""Small jogs and bends of every wire, from `lessongen layout`.

    python3 Scripts/wires.py [--binary PATH] [--json] [--figures graph,expanded,...]

For every built-in lesson and every lesson of Tests/Lessons, in each house style, the graph,
expanded and first and third step figures (those a lesson has): each wire's polyline is read
and counted. A *jog* is a segment that steps across the flow by more than nothing and less
than 8 pt (a wire drawn crooked rather than bent); a *bend* is a corner of the polyline. Prints
the number of wires, the jogs (each with its lesson, style, figure and wire) and the wires with
more than 4 bends on figures of at most 40 nodes; `--json` prints them as JSON for the test.
"""
import argparse, json, os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "lessongen")
FIGURES = ["graph", "expanded", "step-01", "step-03"]
LEAST_JOG = 8.0


def lessons(binary):
    listed = subprocess.run([binary, "list"], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listed.splitlines() if line.strip()]
    folder = os.path.join(ROOT, "Tests", "Lessons")
    return names + sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".yaml"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=BINARY)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--figures", default=",".join(FIGURES),
                        help="which figures, comma-separated (default: " + ",".join(FIGURES) + ")")
    arguments = parser.parse_args()
    wires, jogs, bendy, all_bends = 0, [], [], 0
    for lesson in lessons(arguments.binary):
        name = os.path.basename(lesson).removesuffix(".yaml")
        for style in ["dlfs", "cs231n", "colah"]:
            for figure in arguments.figures.split(","):
                run = subprocess.run([arguments.binary, "layout", lesson, "--style", style,
                                      "--figure", figure], capture_output=True, text=True)
                if run.returncode != 0:
                    continue
                layout = json.loads(run.stdout)
                across = 1 if layout["direction"] == "right" else 0
                for edge in layout["edges"]:
                    points = edge["points"]
                    wires += 1
                    where = {"lesson": name, "style": style, "figure": figure,
                             "wire": f"{edge['from']} -> {edge['to']}"}
                    for a, b in zip(points, points[1:]):
                        step = abs(b[across] - a[across])
                        if 1e-6 < step < LEAST_JOG:
                            jogs.append(dict(where, step=round(step, 2)))
                    bends = 0
                    for a, b, c in zip(points, points[1:], points[2:]):
                        u = (b[0] - a[0], b[1] - a[1])
                        v = (c[0] - b[0], c[1] - b[1])
                        if abs(u[0] * v[1] - u[1] * v[0]) > 1e-6:
                            bends += 1
                    all_bends += bends
                    if bends > 4 and len(layout["nodes"]) <= 40:
                        bendy.append(dict(where, bends=bends))
    if arguments.json:
        print(json.dumps({"wires": wires, "bends": all_bends, "jogs": jogs, "bendy": bendy}))
        return
    print(f"wires: {wires}; bends: {all_bends}; jogs under {LEAST_JOG:g} pt: {len(jogs)}; "
          f"wires with more than 4 bends: {len(bendy)}")
    for jog in jogs:
        print(f"jog {jog['step']} pt: {jog['lesson']} ({jog['style']}, {jog['figure']}) {jog['wire']}")
    for wire in bendy:
        print(f"{wire['bends']} bends: {wire['lesson']} ({wire['style']}, {wire['figure']}) {wire['wire']}")


if __name__ == "__main__":
    main()
