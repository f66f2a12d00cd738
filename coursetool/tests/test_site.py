"""The website's pure parts: the home page's tables of contents, merged printed text, the offline search page and
the scan for requests to other hosts. The build itself is proved in Chromium (scripts/browser/check-site.mjs)."""

import tempfile
import unittest
from pathlib import Path

from coursetool import site
from coursetool.export import coalesce_streams


class HomePageTest(unittest.TestCase):

    def test_lessons_are_grouped_by_track_in_course_order_and_the_notation_page_is_listed(self):
        page = site.home_page([("00-1-guessing", "00-1 Guessing"), ("01-2-regression", "01-2 Regression"),
                               ("00-2-vectors", "00-2 Vectors")], "2026-11-27")
        t00 = page.index(":caption: Track 00")
        t01 = page.index(":caption: Track 01")
        self.assertLess(t00, page.index("00-1-guessing"))
        self.assertLess(page.index("00-2-vectors"), t01)
        self.assertLess(t01, page.index("01-2-regression"))
        self.assertIn("\nNOTATION\n", page[page.index(":caption: Reference"):])
        self.assertIn("2026-11-27", page)
        # MyST reads "key: value" in a directive's options; a second colon in a caption would break it.
        for line in page.splitlines():
            if line.startswith(":caption:"):
                self.assertNotIn(":", line[len(":caption:"):], line)


class CoalesceStreamsTest(unittest.TestCase):

    def test_adjacent_fragments_of_one_stream_merge_and_a_plot_between_them_keeps_them_apart(self):
        nb = {"cells": [{"cell_type": "code", "outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["  k  n\n"]},
            {"output_type": "stream", "name": "stdout", "text": "  1  2\n"},
            {"output_type": "display_data", "data": {"image/png": "..."}},
            {"output_type": "stream", "name": "stdout", "text": "after\n"},
            {"output_type": "stream", "name": "stderr", "text": "warn\n"}]}]}
        outs = coalesce_streams(nb)["cells"][0]["outputs"]
        self.assertEqual([o["output_type"] for o in outs], ["stream", "display_data", "stream", "stream"])
        self.assertEqual(outs[0]["text"], "  k  n\n  1  2\n")
        self.assertEqual([o.get("name") for o in outs if o["output_type"] == "stream"], ["stdout", "stdout", "stderr"])


class OfflineSearchTest(unittest.TestCase):

    def test_the_search_index_is_loaded_by_a_script_tag_instead_of_a_request(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "search.html"
            page.write_text('<html><body><script>\n    jQuery(function() { Search.loadIndex("searchindex.js"); });'
                            '\n  </script>\n</body></html>', encoding="utf-8")
            site.make_search_work_offline(Path(tmp))
            text = page.read_text(encoding="utf-8")
            self.assertNotIn("Search.loadIndex", text)
            self.assertIn('<script src="searchindex.js" defer></script>', text)
            site.make_search_work_offline(Path(tmp))          # a second pass adds nothing
            self.assertEqual(page.read_text(encoding="utf-8").count('src="searchindex.js"'), 1)


class ClearPreviousSiteTest(unittest.TestCase):

    def test_an_earlier_export_is_cleared_and_a_folder_of_other_files_is_refused_untouched(self):
        with tempfile.TemporaryDirectory() as tmp:
            earlier = Path(tmp) / "site"
            (earlier / "_static").mkdir(parents=True)
            (earlier / ".buildinfo").write_text("x", encoding="utf-8")
            (earlier / "old.html").write_text("x", encoding="utf-8")
            site.clear_previous_site(earlier)
            self.assertEqual(list(earlier.iterdir()), [])
            mine = Path(tmp) / "documents"
            mine.mkdir()
            (mine / "thesis.tex").write_text("mine", encoding="utf-8")
            with self.assertRaises(site.CourseError) as e:
                site.clear_previous_site(mine)
            self.assertIn("not empty", str(e.exception))
            self.assertEqual((mine / "thesis.tex").read_text(encoding="utf-8"), "mine")
            site.clear_previous_site(Path(tmp) / "absent")      # nothing there: nothing to do


class ExternalReferencesTest(unittest.TestCase):

    def test_fetches_from_other_hosts_are_found_and_plain_links_are_not(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "a.html").write_text('<a href="https://numpy.org/doc/">NumPy</a>\n'
                                         '<script src="https://cdn.example.org/mathjax.js"></script>\n'
                                         '<link rel="stylesheet" href="//fonts.example.com/f.css">', encoding="utf-8")
            (root / "s.css").write_text("@font-face { src: url('https://fonts.example.com/x.woff2'); }\n"
                                        ".a { background: url(img/local.png); }", encoding="utf-8")
            found = site.external_references(root)
            self.assertEqual(len(found), 3, found)
            self.assertTrue(any("cdn.example.org" in f for f in found))
            self.assertTrue(any("fonts.example.com/f.css" in f for f in found))
            self.assertTrue(any(f.startswith("s.css") for f in found))


if __name__ == "__main__":
    unittest.main()
