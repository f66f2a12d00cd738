"""What every command shares: the repository's paths, the error a user can fix, and running other programs."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TARGET = ROOT / "target"
JAR = TARGET / "ml-foundations.jar"

# What to install for each tool: (Debian packages, conda-forge packages).
INSTALL = {
    "jdk": ("openjdk-17-jdk-headless (or openjdk-21-jdk-headless)", "openjdk>=17"),
    "maven": ("maven", "maven"),
    "jupyter": ("jupyter-client jupyter-core", "jupyter_client jupyter_core"),
    "nbconvert": ("jupyter-nbconvert python3-nbconvert python3-nbclient", "nbconvert nbclient"),
    "fonts": ("fontconfig fonts-dejavu-core libfreetype6 libharfbuzz0b",
              "fontconfig fonts-conda-ecosystem freetype harfbuzz"),
    "mathjax": ("libjs-mathjax", "(none: `npm install mathjax@2` and set COURSE_MATHJAX to its folder)"),
    "lab": ("jupyterlab (Debian 13) or jupyter-notebook (Debian 12)", "jupyterlab"),
    "numpy": ("python3-numpy", "numpy"),
    "site": ("python3-sphinx python3-nbsphinx python3-myst-parser python3-sphinx-book-theme pandoc",
             "sphinx nbsphinx myst-parser sphinx-book-theme pandoc"),
    "hub": ("jupyterhub node-configurable-http-proxy, and jupyterlab (Debian 13) or python3-notebook (Debian 12)",
            "jupyterhub configurable-http-proxy jupyterlab"),
}


class CourseError(Exception):
    """A problem the user can fix; printed without a traceback."""


def how_to_install(key: str) -> str:
    """The install line for one tool, for Debian/Ubuntu and for conda."""
    deb, conda = INSTALL[key]
    return f"install it: Debian/Ubuntu `sudo apt-get install {deb}`; conda `conda install -c conda-forge {conda}`"


def say(msg: str = "") -> None:
    """Prints at once, so progress shows up in order with the output of the programs we start."""
    print(msg, flush=True)


def run(cmd, check=True, capture=False, cwd=None, env=None) -> subprocess.CompletedProcess:
    """Runs a command; on failure raises CourseError naming the command (and its last output when captured)."""
    try:
        res = subprocess.run(cmd, cwd=cwd, env=env, text=True,
                             stdout=subprocess.PIPE if capture else None,
                             stderr=subprocess.PIPE if capture else None)
    except FileNotFoundError:
        raise CourseError(f"`{cmd[0]}` is not on PATH")
    if check and res.returncode != 0:
        detail = ""
        if capture:
            detail = "\n" + ((res.stderr or "") + (res.stdout or "")).strip()[-2000:]
        raise CourseError(f"`{' '.join(map(str, cmd))}` failed with exit code {res.returncode}{detail}")
    return res


def output_of(cmd) -> str | None:
    """stdout+stderr of a command, or None if it cannot run or fails."""
    try:
        res = subprocess.run(cmd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    except (FileNotFoundError, subprocess.TimeoutExpired, PermissionError):
        return None
    return res.stdout if res.returncode == 0 else None


def mvn(*goals: str) -> list:
    """A Maven command line on the repository's pom.xml, batch mode, no colours or download progress."""
    return ["mvn", "-B", "-ntp", "-Dstyle.color=never", "-f", str(ROOT / "pom.xml"), *goals]
