#!/usr/bin/env python3
"""Checks a site written by `lessongen site` in a real browser (Debian's chromium, driven by
Selenium through chromedriver): every page opened from disk, in light and dark, at a desktop
width and at 375 px (a phone).

For every page it checks that every image loaded (naturalWidth > 0), that every MathML
formula was laid out with a nonzero size, that the console has no errors, that nothing
scrolls sideways at 375 px, and, in the dark scheme (emulated through the DevTools
protocol), that the page is dark and every figure is its dark variant. Screenshots of the
contents page and one lesson page in both schemes go to SHOTS.

Usage: site-check.py SITE SHOTS [--page RELATIVE …]
Prints one line per problem and exits 1 if there is any.
"""
import argparse
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHECK = """
const problems = [];
for (const img of document.images) {
  if (!img.complete || img.naturalWidth === 0) problems.push('image not loaded: ' + img.currentSrc);
}
for (const m of document.querySelectorAll('math')) {
  const r = m.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) problems.push('formula with no size: ' + m.textContent.slice(0, 40));
}
const html = document.documentElement;
return {problems: problems, scrollWidth: html.scrollWidth, innerWidth: window.innerWidth,
        background: getComputedStyle(html).backgroundColor,
        sources: Array.from(document.images).map(i => i.currentSrc)};
"""


def luminance(css):
    numbers = [float(v) for v in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    return sum(c * w for c, w in zip(numbers, (0.2126, 0.7152, 0.0722))) / 255


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("shots")
    parser.add_argument("--page", action="append", default=[])
    args = parser.parse_args()
    site = pathlib.Path(args.site).resolve()
    shots = pathlib.Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    pages = [site / p for p in args.page] or sorted(site.rglob("*.html"))
    # Screenshots: the contents page and the first lesson's page.
    lessons = [p for p in pages if p.name == "index.html" and p.parent != site]
    shown = {site / "index.html"} | set(lessons[:1])

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    problems = []
    checked = 0
    try:
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for width in (1000, 375):
                driver.set_window_size(width, 900)
                # The inner width is what the page gets; make it exactly `width`.
                inner = driver.execute_script("return window.innerWidth")
                driver.set_window_size(width + (width - inner), 900)
                for page in pages:
                    name = page.relative_to(site)
                    driver.get(page.as_uri())
                    driver.execute_script(
                        "return Promise.all(Array.from(document.images).map(i => i.decode().catch(() => 0)))")
                    result = driver.execute_script(CHECK)
                    checked += 1
                    where = f"{name} ({scheme}, {width} px)"
                    problems += [f"{where}: {p}" for p in result["problems"]]
                    if width == 375 and result["scrollWidth"] > result["innerWidth"]:
                        problems.append(f"{where}: scrolls sideways "
                                        f"({result['scrollWidth']} > {result['innerWidth']} px)")
                    dark = luminance(result["background"]) < 0.25
                    if dark != (scheme == "dark"):
                        problems.append(f"{where}: background {result['background']}")
                    if scheme == "dark":
                        for src in result["sources"]:
                            if src.endswith(".svg") and not src.endswith("-dark.svg"):
                                problems.append(f"{where}: light figure on a dark page: {src}")
                    for entry in driver.get_log("browser"):
                        if entry["level"] == "SEVERE":
                            problems.append(f"{where}: console: {entry['message']}")
                    if width == 1000 and page in shown:
                        stem = "index" if page.parent == site else "lesson"
                        driver.save_screenshot(str(shots / f"{stem}-{scheme}.png"))
    finally:
        driver.quit()
    for p in problems:
        print(p)
    print(f"{checked} page views checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
