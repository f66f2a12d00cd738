"""./course export: every lesson executed on the Java kernel, then the course website built from them (offline).

Each lesson runs in two steps: nbconvert executes a copy of it in a scratch folder, the machine's folders are then
taken out of its outputs (a reader of the pages should see `../target/ml-foundations.jar`, not where the pages were
built), and nbconvert renders the result as HTML with adjacent stream outputs merged. The executed lessons then
become the course website (coursetool/site.py); `--pages` keeps the single pages instead (handouts).
"""

from __future__ import annotations

import datetime
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional

from .checks import KERNEL_NAME, mathjax_dir, require
from . import site
from .core import NOTEBOOKS, ROOT, TARGET, CourseError, say
from .kernel import setup_if_needed

# Output data types that hold text a reader sees (images are left alone).
TEXT_MIME_PREFIX = "text/"
# How often an execution is tried again when the kernel did not answer at start-up (a slow machine, not a lesson).
KERNEL_START_RETRIES = 2
# nbconvert's options for the page. Coalescing: a kernel may send every printf fragment as its own stream output,
# and HTML gives each its own block. nbconvert 6 always merges adjacent stream outputs; nbconvert >= 7.14 only when
# its CoalesceStreamsPreprocessor is enabled, and that one runs before the execution, so it merges nothing in an
# `--execute` run (jupyter/nbconvert#2269). Hence two runs: execute, then render with the merge on. nbconvert 6
# ignores the option.
HTML_OPTIONS = ["--CoalesceStreamsPreprocessor.enabled=True",
                "--HTMLExporter.mathjax_url=mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
                # The pages need no require.js or jQuery (plots are images).
                "--HTMLExporter.require_js_url=", "--HTMLExporter.jquery_url="]
# The parts of MathJax 2 that the page's `config=TeX-AMS_CHTML-full,Safe` loads.
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/TeX-AMS_CHTML.js", "config/Safe.js",
                 "extensions", "jax/input/TeX", "jax/output/CommonHTML", "jax/element", "fonts/HTML-CSS/TeX/woff",
                 "localization/en"]


def hide_machine_paths(text: str, places: dict) -> str:
    """The text with each folder in `places` replaced by how a reader names it from the notebooks folder.

    places maps an absolute folder to its stand-in: "." for the notebooks folder itself, ".." for the repository,
    "~" for the home folder. The longest folder wins, so a scratch folder under the home folder becomes "..", not "~".
    `<notebooks>/../target/x.jar` becomes `../target/x.jar`.
    """
    for folder in sorted(places, key=len, reverse=True):
        stand_in = places[folder]

        def swap(m, stand_in=stand_in):
            if m.group(1):                      # folder + "/": "./x" reads better as "x"
                return "" if stand_in == "." else stand_in + "/"
            return stand_in
        # The folder itself, followed by "/" or by something that cannot continue a file name.
        text = re.sub(re.escape(folder.rstrip("/")) + r"(?:(/)|(?![\w.-]))", swap, text)
    return text


def _hide_in_text(value, places):
    """hide_machine_paths on a notebook text field, which is a string or a list of strings."""
    if isinstance(value, list):
        return [hide_machine_paths(v, places) for v in value]
    return hide_machine_paths(value, places)


def hide_paths_in_notebook(nb: dict, places: dict) -> dict:
    """Applies hide_machine_paths to every output a reader sees: printed text, text results and errors."""
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = _hide_in_text(out["text"], places)
            for mime, value in out.get("data", {}).items():
                if mime.startswith(TEXT_MIME_PREFIX):
                    out["data"][mime] = _hide_in_text(value, places)
            if out.get("output_type") == "error":
                out["evalue"] = hide_machine_paths(out.get("evalue", ""), places)
                out["traceback"] = [hide_machine_paths(t, places) for t in out.get("traceback", [])]
    return nb


def machine_places(scratch: Path) -> dict:
    """The folders of this machine a page could show, with their stand-ins (see hide_machine_paths)."""
    pairs = [(scratch / "notebooks", "."), (scratch, ".."), (NOTEBOOKS, "."), (ROOT, "..")]
    home = Path.home()
    if str(home) not in ("/", ""):
        pairs.append((home, "~"))
    places = {}
    for folder, stand_in in pairs:
        for spelling in {str(folder), str(folder.resolve())}:   # e.g. /tmp may be a link on some systems
            places.setdefault(spelling, stand_in)
    return places


def lesson_title(nb_path: Path) -> str:
    """The first `# ` heading of the lesson's markdown, or the file name."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            m = re.search(r"^#\s+(.+)$", "".join(cell.get("source", [])), re.M)
            if m:
                return m.group(1).strip()
    return nb_path.stem


def lessons() -> list:
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not p.name.startswith("."))


def copy_mathjax(src: Path, dest: Path) -> None:
    for part in MATHJAX_PARTS:
        s, d = src / part, dest / part
        if s.is_dir():
            shutil.copytree(s, d, dirs_exist_ok=True)
        elif s.exists():
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(s, d)


def kernel_did_not_start(log: str) -> bool:
    return "Kernel didn't respond" in log or "Kernel died before replying" in log


def execute(nb: Path, executed_dir: Path) -> subprocess.CompletedProcess:
    """Executes a notebook (its folder is the kernel's working directory) into executed_dir."""
    return subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute",
                           f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}",
                           "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=60",
                           "--output-dir", str(executed_dir), "--output", nb.name, str(nb)],
                          text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def render(executed: Path, source: Path, out: Path) -> subprocess.CompletedProcess:
    """Writes the executed notebook as out/<name>.html, titled with the lesson's heading."""
    res = subprocess.run(["jupyter", "nbconvert", "--to", "html", *HTML_OPTIONS, "--output-dir", str(out),
                          str(executed)], text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    page = out / (executed.stem + ".html")
    if res.returncode == 0 and page.exists():
        text = page.read_text(encoding="utf-8").replace('<script src=""></script>', "")
        text = text.replace(f"<title>{executed.stem}</title>",
                            f"<title>{html.escape(lesson_title(source))} | ML Foundations in Java</title>", 1)
        page.write_text(link_pages(text), encoding="utf-8")
    return res


def link_pages(text: str) -> str:
    """Links between lessons and to the notation page point at their exported pages, not at the sources."""
    return re.sub(r'href="((?:\./)?[\w.-]+?)\.(?:ipynb|md)(#[^"]*)?"',
                  lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', text)


def export_markdown_page(md: Path, out: Path) -> subprocess.CompletedProcess:
    """Renders a markdown page of notebooks/ (the notation page) with the lessons' look and formulas."""
    title = md.stem
    m = re.search(r"^#\s+(.+)$", md.read_text(encoding="utf-8"), re.M)
    if m:
        title = m.group(1).strip()
    book = {"cells": [{"cell_type": "markdown", "id": "page", "metadata": {}, "source": md.read_text(encoding="utf-8")}],
            "metadata": {"title": title}, "nbformat": 4, "nbformat_minor": 5}
    with tempfile.TemporaryDirectory(prefix="course-page-") as tmp:
        nb = Path(tmp) / (md.stem + ".ipynb")
        nb.write_text(json.dumps(book), encoding="utf-8")
        res = subprocess.run(["jupyter", "nbconvert", "--to", "html", *HTML_OPTIONS, "--output-dir", str(out),
                              str(nb)], text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    page = out / (md.stem + ".html")
    if res.returncode == 0 and page.exists():
        text = page.read_text(encoding="utf-8").replace('<script src=""></script>', "")
        text = text.replace(f"<title>{md.stem}</title>", f"<title>{html.escape(title)} | ML Foundations in Java</title>", 1)
        page.write_text(link_pages(text), encoding="utf-8")
    return res


def export_one(nb: Path, executed_dir: Path, out: Optional[Path], places: dict) -> subprocess.CompletedProcess:
    """Executes one lesson (again if the kernel did not start), hides machine paths, and renders its page into
    `out` (None: no page; the website is built from the executed notebook instead)."""
    res = execute(nb, executed_dir)
    for _ in range(KERNEL_START_RETRIES):
        if res.returncode == 0 or not kernel_did_not_start(res.stdout):
            break
        say(f"    {nb.name}: the kernel did not answer at start-up; starting it again")
        res = execute(nb, executed_dir)
    if res.returncode != 0:
        return res
    executed = executed_dir / nb.name
    book = json.loads(executed.read_text(encoding="utf-8"))
    executed.write_text(json.dumps(hide_paths_in_notebook(book, places), indent=1, ensure_ascii=False),
                        encoding="utf-8")
    return render(executed, nb, out) if out is not None else res


def write_index(out: Path, entries: list) -> None:
    """index.html: one link per exported lesson, titled by its heading."""
    items = []
    for nb, title in entries:
        lesson_id = "-".join(nb.stem.split("-")[:2])
        if title.startswith(lesson_id):
            title = title[len(lesson_id):].strip()
        items.append(f'    <li><a href="{html.escape(nb.stem)}.html"><span class="id">{html.escape(lesson_id)}</span>'
                     f'{html.escape(title)}</a></li>')
    rows = "\n".join(items)
    stamp = datetime.date.today().isoformat()
    (out / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ML Foundations in Java: lessons</title>
  <style>
    body {{ font-family: sans-serif; max-width: 46em; margin: 3em auto; padding: 0 1em; line-height: 1.5; color: #222; }}
    li {{ margin: .4em 0; }} .id {{ font-family: monospace; color: #666; margin-right: .6em; }}
    a {{ color: #0057a8; text-decoration: none; }} a:hover {{ text-decoration: underline; }}
  </style>
</head>
<body>
  <h1>ML Foundations in Java</h1>
  <p>The mathematics behind machine learning, from scratch, in Java. Each page is a lesson notebook executed on
  the Java kernel on {stamp}; plots and formulas are embedded, so this folder works offline.</p>
  <p>The symbols every lesson uses are on <a href="NOTATION.html">the notation page</a>.</p>
  <ol>
{rows}
  </ol>
</body>
</html>
""", encoding="utf-8")


def output_folder(args) -> Path:
    """--out or target/site, never inside notebooks/, created and writable."""
    out = Path(args.out).resolve() if args.out else TARGET / "site"
    if out == NOTEBOOKS.resolve() or NOTEBOOKS.resolve() in out.parents:
        raise CourseError(f"the export folder {out} is inside notebooks/; choose another (exports never write "
                          "next to the source notebooks)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CourseError(f"cannot create the export folder {out}: {e.strerror}")
    if not os.access(out, os.W_OK):
        # Typical in a container: a mounted folder that the container's user (uid 1000) may not write to.
        raise CourseError(f"cannot write to the export folder {out} as uid {os.getuid()}; make it writable for "
                          "that user (for a folder mounted into the container: chmod a+rwx on the host)")
    return out


def coalesce_streams(nb: dict) -> dict:
    """Adjacent outputs of the same stream (a kernel may send every printf fragment on its own) become one, as
    nbconvert's CoalesceStreamsPreprocessor does for the pages: a reader sees one block of text per cell."""
    for cell in nb.get("cells", []):
        merged = []
        for out in cell.get("outputs", []):
            prev = merged[-1] if merged else None
            if (prev is not None and out.get("output_type") == "stream" and prev.get("output_type") == "stream"
                    and out.get("name") == prev.get("name")):
                text = "".join(prev["text"]) if isinstance(prev["text"], list) else prev["text"]
                more = "".join(out["text"]) if isinstance(out["text"], list) else out["text"]
                prev["text"] = text + more
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged
    return nb


def export(args) -> int:
    """./course export [--out DIR] [--only PREFIX] [--pages]: the course website, or one page per lesson."""
    require("JDK >= 17", "Maven", "Jupyter", "nbconvert", "MathJax (export)",
            *([] if args.pages else ["Sphinx (website)"]))
    setup_if_needed()
    chosen = lessons()
    if args.only:
        chosen = [p for p in chosen if p.name.startswith(args.only)]
        if not chosen:
            raise CourseError(f"no lesson in notebooks/ starts with '{args.only}'")
    out = output_folder(args)
    if not args.pages:
        site.check_replaceable(out)     # before the lessons run, not after
    scratch = Path(tempfile.mkdtemp(prefix="course-export-"))
    what = "one HTML page per lesson" if args.pages else "the course website"
    say(f"==> executing {len(chosen)} lesson(s) in a scratch folder ({scratch}), writing {what} to {out}")
    try:
        # Lessons run from a copy of notebooks/ placed beside the real data/ and target/, so their relative
        # paths (../target/ml-foundations.jar, ../data/...) resolve and the sources are never touched.
        work = scratch / "notebooks"
        shutil.copytree(NOTEBOOKS, work)
        for name in ("target", "data"):
            if (ROOT / name).exists():
                (scratch / name).symlink_to(ROOT / name)
        executed_dir = scratch / "executed"
        executed_dir.mkdir()
        places = machine_places(scratch)
        pages = scratch / "pages"
        pages.mkdir()
        copy_mathjax(mathjax_dir(), pages / "mathjax")
        failures = []
        entries = []
        for nb in chosen:
            t0 = time.monotonic()
            res = export_one(work / nb.name, executed_dir, pages if args.pages else None, places)
            secs = time.monotonic() - t0
            if res.returncode != 0:
                failures.append(nb.name)
                say(f"    FAILED {nb.name} ({secs:.1f} s):\n" + res.stdout.strip()[-3000:])
            else:
                say(f"    {nb.stem} ({secs:.1f} s)")
                entries.append((nb, lesson_title(nb)))
        if failures:
            raise CourseError("these lessons failed to execute: " + ", ".join(failures))
        if args.pages:
            notation = NOTEBOOKS / "NOTATION.md"
            if notation.exists():
                res = export_markdown_page(notation, pages)
                if res.returncode != 0:
                    raise CourseError(f"{notation.name} did not render:\n" + res.stdout.strip()[-3000:])
            write_index(pages, entries)
            shutil.copytree(pages, out, dirs_exist_ok=True)
            say(f"==> {len(entries)} page(s) and an index: {out / 'index.html'}")
            return 0
        executed = []
        for nb, title in entries:
            path = executed_dir / nb.name
            book = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(json.dumps(coalesce_streams(book), indent=1, ensure_ascii=False), encoding="utf-8")
            executed.append((path, title))
        say("==> building the website (Sphinx: nbsphinx, MyST, the book theme; no lesson is executed again)")
        secs = site.build_site(executed, NOTEBOOKS / "NOTATION.md", pages / "mathjax", out)
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
        say(f"==> website built in {secs:.1f} s, {size / 1e6:.1f} MB: open {out / 'index.html'} "
            "(works from file:// and from any static web server)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0
