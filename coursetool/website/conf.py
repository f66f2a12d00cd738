"""Sphinx configuration of the course website that `./course export` builds (a Jupyter Book made of Debian's packages).

The lessons arrive already executed: nbsphinx only reads them (it never runs a kernel). Everything a page needs is
inside the built folder (MathJax included), so the site works offline from file:// and from any static web server.
"""

project = "ML Foundations in Java"
author = "the ML Foundations in Java course"
copyright = "the ML Foundations in Java course"

extensions = ["nbsphinx", "myst_parser"]
master_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# The lessons were executed by `./course export` just before; the site generator never executes them.
nbsphinx_execute = "never"
nbsphinx_allow_errors = False
# No require.js from a CDN (the plots are images; no widget needs it).
nbsphinx_requirejs_path = ""

# MathJax 2 from the site's own folder (copied into _static/mathjax by the export), never from a CDN.
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
mathjax2_config = {}

# Markdown pages (home, notation) write formulas as in the notebooks: $...$ and $$...$$.
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

html_theme = "sphinx_book_theme"
html_title = "ML Foundations in Java"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    # The lessons are run from the repository (./course lab), not downloaded from the site.
    "use_download_button": False,
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = "%Y-%m-%d"
# Search results list the pages without a text snippet: a snippet is fetched with fetch(), which browsers refuse
# from file://.
html_show_search_summary = False
