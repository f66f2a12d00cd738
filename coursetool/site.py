"""The course website: the executed lessons, the notation page and a home page, built by Sphinx into one folder.

It is what Jupyter Book makes (Sphinx, a notebook reader and the book theme), assembled from Debian's packages so it
builds offline: nbsphinx reads the notebooks `./course export` has just executed (it never runs a kernel), MyST reads
the markdown pages, sphinx-book-theme gives the sidebar by track, previous/next links and the search box. MathJax is
copied into the site, so the folder works from file:// and from any static web server with no other host involved.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .core import CourseError, say

SITE_TEMPLATE = Path(__file__).resolve().parent / "website"

# The tracks: lesson id prefix -> caption in the sidebar (no colon: MyST would read it as an option).
TRACKS = {
    "00": "Track 00 - Why the maths",
    "01": "Track 01 - ML fundamentals from scratch",
    "02": "Track 02 - Neural-network basics",
    "03": "Track 03 - The mathematical foundation",
    "04": "Track 04 - ML theory",
}

HOME = """# ML Foundations in Java

The mathematics behind machine learning, built from scratch in Java: probability from a guessing game, vectors and
matrices, losses and their gradients, gradient descent and its optimisers, linear and logistic regression,
backpropagation, regularisation and PCA. Every lesson writes the algorithm out in a few plain lines first, then
shows that the course's small library (on EJML, Tablesaw and XChart) agrees, and every number it prints was checked
against NumPy and scikit-learn.

These pages show each lesson as it ran on the Java kernel on {stamp}: the code, what it printed, and its plots. To run
the lessons yourself, change them and do the exercises, clone the course's repository and, in its folder, start it
in JupyterLab:

```bash
./course lab          # the lessons open in JupyterLab on the Java kernel
./course test         # every test, and every lesson run through Jupyter
```

or with Docker: `docker build -t ml-foundations .` once, then `docker run --rm -p 8888:8888 ml-foundations` (the
repository's README has the details, the conda route and the troubleshooting).

The symbols every lesson uses are on [the notation page](NOTATION.md).

{tracks}
"""


def lesson_id(name: str) -> str:
    """'01-2-linear-regression' -> '01-2'."""
    return "-".join(name.split("-")[:2])


def home_page(entries: list, stamp: str) -> str:
    """index.md: the course in a paragraph, how to run it, then one table of contents per track."""
    by_track: dict = {}
    for stem, title in entries:
        by_track.setdefault(stem[:2], []).append((stem, title))
    blocks = []
    for prefix, caption in TRACKS.items():
        if prefix not in by_track:
            continue
        lines = "\n".join(stem for stem, _ in by_track[prefix])
        blocks.append(f"```{{toctree}}\n:caption: {caption}\n:maxdepth: 1\n\n{lines}\n```")
    extra = sorted(set(by_track) - set(TRACKS))
    for prefix in extra:
        lines = "\n".join(stem for stem, _ in by_track[prefix])
        blocks.append(f"```{{toctree}}\n:caption: Track {prefix}\n:maxdepth: 1\n\n{lines}\n```")
    blocks.append("```{toctree}\n:caption: Reference\n:maxdepth: 1\n\nNOTATION\n```")
    return HOME.format(stamp=stamp, tracks="\n\n".join(blocks))


def sphinx_build_command() -> list:
    """sphinx-build on PATH (Debian's runs on the system Python that has nbsphinx, MyST and the book theme)."""
    exe = shutil.which("sphinx-build")
    if exe is None:
        raise CourseError("no `sphinx-build` on PATH; install it: Debian/Ubuntu `sudo apt-get install python3-sphinx "
                          "python3-nbsphinx python3-myst-parser python3-sphinx-book-theme pandoc`; conda "
                          "`conda install -c conda-forge sphinx nbsphinx myst-parser sphinx-book-theme pandoc`")
    return [exe]


def build_site(executed: list, notation: Path, mathjax: Path, out: Path) -> float:
    """Builds the website into `out` from executed lessons [(path, title)], the notation page and a MathJax folder.

    Returns the seconds the build took. Raises CourseError with Sphinx's own messages if the build fails.
    """
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="course-site-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(SITE_TEMPLATE, src)
        shutil.copytree(mathjax, src / "_static" / "mathjax")
        entries = []
        for path, title in executed:
            shutil.copy2(path, src / path.name)
            entries.append((path.stem, title))
        shutil.copy2(notation, src / "NOTATION.md")
        stamp = datetime.date.today().isoformat()
        (src / "index.md").write_text(home_page(entries, stamp), encoding="utf-8")
        build = Path(tmp) / "html"
        res = subprocess.run([*sphinx_build_command(), "-b", "html", "-q", "-j", "1", str(src), str(build)],
                             text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if res.returncode != 0:
            raise CourseError("the website did not build (sphinx-build):\n" + res.stdout.strip()[-4000:])
        # A warning about one of the course's pages (a broken link, a page left out of the contents) fails the
        # build; a theme's or an extension's notice about its own settings (they vary across Debian releases) is
        # shown and left.
        warnings = [line for line in res.stdout.splitlines() if "WARNING" in line]
        ours = [line for line in warnings if line.startswith(str(src))]
        if ours:
            raise CourseError("the website built with warnings about its pages (a broken link or a missing "
                              "page?):\n" + "\n".join(line.replace(str(src) + "/", "") for line in ours[:20]))
        for line in warnings:
            say("    sphinx: " + line)
        make_search_work_offline(build)
        leaks = external_references(build)
        if leaks:
            raise CourseError("the website would fetch files from other hosts (set the option that points there to "
                              "a file inside the site):\n" + "\n".join(leaks[:20]))
        clear_previous_site(out)
        shutil.copytree(build, out, dirs_exist_ok=True)
    return time.monotonic() - t0


def check_replaceable(out: Path) -> None:
    """Refuses an output folder that is neither empty nor an earlier export (Sphinx's .buildinfo, or the handouts'
    index.html beside mathjax/): a folder with anything else in it is never wiped."""
    if not out.exists() or not any(out.iterdir()):
        return
    if not ((out / ".buildinfo").exists() or ((out / "index.html").exists() and (out / "mathjax").is_dir())):
        raise CourseError(f"{out} is not empty and does not hold an earlier export of the course; choose an empty "
                          "folder (or the default target/site) so that nothing of yours is overwritten")


def clear_previous_site(out: Path) -> None:
    """Empties `out` (an earlier export, see check_replaceable) before a new site goes in."""
    check_replaceable(out)
    if out.exists():
        for child in out.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


def make_search_work_offline(build: Path) -> None:
    """Sphinx 5's search page fetches searchindex.js with an XMLHttpRequest, which browsers refuse from file://;
    a plain <script> tag loads the same file everywhere (Sphinx >= 6 does this itself)."""
    page = build / "search.html"
    if not page.exists():
        return
    text = page.read_text(encoding="utf-8")
    if 'src="searchindex.js"' in text:
        return
    text = re.sub(r'<script>\s*jQuery\(function\(\)\s*\{\s*Search\.loadIndex\("searchindex\.js"\);\s*\}\);\s*</script>',
                  "", text)
    text = text.replace("</body>", '<script src="searchindex.js" defer></script>\n</body>', 1)
    page.write_text(text, encoding="utf-8")


def external_references(site: Path) -> list:
    """Every src=/href= in the site's HTML, CSS and JS that would make the browser fetch from another host.

    Plain links a reader may follow (<a href="https://...">) are not fetches and are allowed."""
    found = []
    fetch = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//[^"]+"', re.I)
    css_url = re.compile(r'url\(\s*["\']?(?:https?:)?//', re.I)
    for f in site.rglob("*"):
        if f.suffix not in (".html", ".css") or "mathjax" in f.parts:
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        for m in fetch.finditer(text):
            found.append(f"{f.relative_to(site)}: {m.group(0)[:160]}")
        for m in css_url.finditer(text):
            found.append(f"{f.relative_to(site)}: {text[m.start():m.start() + 120]}")
    return found
