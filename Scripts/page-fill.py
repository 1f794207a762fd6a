#!/usr/bin/env python3
"""Prints, for each page of a PDF, how much of it is filled and its smallest text.

Usage: Scripts/page-fill.py FILE.pdf [FILE.pdf ...]

For every page: its orientation, "reach" (how far down the text area the last ink goes,
0-100 %: a page that ends half-way has a reach of about 50 %), "inked" (the share of the text
area's rows that hold any ink), and the smallest text height on it (the height of the
smallest word box poppler reports, in points: about 1.16 times the font size for DejaVu).
Then a summary: pages, how many pages other than the last reach less than 60 % and 40 %.

Needs poppler-utils (pdftoppm, pdftotext), as the tests do. The margins are the handout's
(HandoutStyle.standard: 62 pt at the sides and top, 70 pt at the foot, where the page number
sits below the text area).
"""
import re
import subprocess
import sys
import tempfile

MARGIN, BOTTOM = 62.0, 70.0
DPI = 24


def pgm_rows(path):
    """The rows of a binary PGM as byte strings, and its width."""
    with open(path, "rb") as f:
        data = f.read()
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(fields.group(1)), int(fields.group(2))
    body = data[fields.end():]
    return [body[y * width:(y + 1) * width] for y in range(height)], width


def page_fill(pdf, page):
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
                        pdf, scratch + "/p"], check=True)
        import glob
        rows, width = pgm_rows(glob.glob(scratch + "/p*.pgm")[0])
    scale = DPI / 72.0
    top = int(MARGIN * scale)
    bottom = len(rows) - int(BOTTOM * scale)
    left, right = int(MARGIN * scale * 0.5), width - int(MARGIN * scale * 0.5)
    inked = [any(v < 200 for v in row[left:right]) for row in rows[top:bottom]]
    area = max(1, bottom - top)
    last = max((i for i, ink in enumerate(inked) if ink), default=-1) + 1
    return 100.0 * last / area, 100.0 * sum(inked) / area, len(rows) < width


def smallest_text(pdf):
    """The smallest word-box height on each page (pdftotext -bbox)."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    smallest = []
    for page in xml.split("<page ")[1:]:
        heights = [float(b) - float(a) for a, b in
                   re.findall(r'yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', page)]
        smallest.append(min(heights) if heights else None)
    return smallest


def main(paths):
    for pdf in paths:
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        small = smallest_text(pdf)
        print(f"{pdf}: {pages} pages")
        print("page  orient     reach  inked  smallest text (pt)")
        reaches = []
        for n in range(1, pages + 1):
            reach, inked, landscape = page_fill(pdf, n)
            reaches.append(reach)
            text = small[n - 1] if n - 1 < len(small) else None
            shown = f"{text:.1f}" if text is not None else "-"
            print(f"{n:4}  {'landscape' if landscape else 'portrait ':9}  {reach:4.0f}%  "
                  f"{inked:4.0f}%  {shown}")
        body = reaches[:-1]
        print(f"pages: {pages}; besides the last, under 60 % reach: "
              f"{sum(r < 60 for r in body)}, under 40 %: {sum(r < 40 for r in body)}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
