"""The export's path hiding (pure) and, where nbconvert is installed, the merge of printed fragments on the page."""

import json
import shutil
import tempfile
import unittest
from pathlib import Path

from coursetool import export
from coursetool.export import hide_machine_paths, hide_paths_in_notebook, render

SCRATCH = "/tmp/course-export-ab12"
PLACES = {SCRATCH + "/notebooks": ".", SCRATCH: "..", "/home/ana/ml-course/notebooks": ".",
          "/home/ana/ml-course": "..", "/home/ana": "~"}


class HideMachinePathsTest(unittest.TestCase):

    def test_the_kernels_jar_line_shows_the_path_relative_to_the_notebooks(self):
        line = f"Add {SCRATCH}/notebooks/../target/ml-foundations.jar to classpath"
        self.assertEqual("Add ../target/ml-foundations.jar to classpath", hide_machine_paths(line, PLACES))

    def test_a_file_beside_the_notebooks_folder_is_named_from_it(self):
        self.assertEqual("read ../data/iris.csv", hide_machine_paths(f"read {SCRATCH}/data/iris.csv", PLACES))
        self.assertEqual("../target/x.jar",
                         hide_machine_paths("/home/ana/ml-course/target/x.jar", PLACES))

    def test_the_most_specific_folder_wins_over_the_home_folder(self):
        self.assertEqual("plot.png", hide_machine_paths("/home/ana/ml-course/notebooks/plot.png", PLACES))
        self.assertEqual("~/other/file.txt", hide_machine_paths("/home/ana/other/file.txt", PLACES))

    def test_a_folder_on_its_own_becomes_its_stand_in(self):
        self.assertEqual("cwd is .", hide_machine_paths(f"cwd is {SCRATCH}/notebooks", PLACES))
        self.assertEqual("(..)", hide_machine_paths(f"({SCRATCH})", PLACES))

    def test_a_longer_name_that_starts_like_a_folder_is_left_alone(self):
        for text in (f"{SCRATCH}99/x", "/home/anabel/x", "/home/ana.old/x", "no path at all"):
            self.assertEqual(text, hide_machine_paths(text, PLACES))

    def test_every_occurrence_is_replaced(self):
        text = f"{SCRATCH}/a and {SCRATCH}/b"
        self.assertEqual("../a and ../b", hide_machine_paths(text, PLACES))


class HidePathsInNotebookTest(unittest.TestCase):

    def test_text_outputs_and_errors_lose_the_path_and_images_stay_as_they_are(self):
        png = "iVBORw0KGgo" + SCRATCH          # image data is never text a reader sees
        nb = {"cells": [
            {"cell_type": "markdown", "source": f"see {SCRATCH}"},
            {"cell_type": "code", "outputs": [
                {"output_type": "stream", "name": "stdout",
                 "text": [f"Add {SCRATCH}/notebooks/../target/a.jar\n", "next\n"]},
                {"output_type": "execute_result", "data": {"text/plain": f"{SCRATCH}/data",
                                                           "image/png": png}},
                {"output_type": "error", "ename": "E", "evalue": f"{SCRATCH}/data/x.csv not found",
                 "traceback": [f"at {SCRATCH}/notebooks/y"]}]}]}
        out = hide_paths_in_notebook(nb, PLACES)
        outputs = out["cells"][1]["outputs"]
        self.assertEqual(["Add ../target/a.jar\n", "next\n"], outputs[0]["text"])
        self.assertEqual("../data", outputs[1]["data"]["text/plain"])
        self.assertEqual(png, outputs[1]["data"]["image/png"])
        self.assertEqual("../data/x.csv not found", outputs[2]["evalue"])
        self.assertEqual(["at y"], outputs[2]["traceback"])
        self.assertEqual(f"see {SCRATCH}", out["cells"][0]["source"])   # the lesson's own text is not output


@unittest.skipUnless(shutil.which("jupyter"), "needs jupyter nbconvert")
class RenderMergesStreamsTest(unittest.TestCase):
    """A kernel that sends each printf fragment as its own stream output must still give one block on the page."""

    def test_adjacent_fragments_of_one_stream_render_as_one_pre_block(self):
        fragments = ["right answers   tests\n", "            9", "     9692\n", "           10", "       1\n"]
        outputs = [{"output_type": "stream", "name": "stdout", "text": t} for t in fragments]
        outputs.append({"output_type": "stream", "name": "stderr", "text": "a warning\n"})
        nb = {"cells": [{"cell_type": "code", "id": "c1", "execution_count": 1, "metadata": {},
                         "source": "print()", "outputs": outputs}],
              "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
              "nbformat": 4, "nbformat_minor": 5}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "t.ipynb"
            path.write_text(json.dumps(nb))
            res = render(path, path, Path(tmp))
            self.assertEqual(0, res.returncode, res.stdout)
            page = (Path(tmp) / "t.html").read_text()
        blocks = page.split("<pre>")[1:]
        table = [b for b in blocks if "right answers" in b]
        self.assertEqual(1, len(table))
        self.assertIn("10       1\n", table[0].split("</pre>")[0])          # the last row sits in the same block
        self.assertNotIn("a warning", table[0].split("</pre>")[0])        # stderr stays a block of its own


if __name__ == "__main__":
    unittest.main()


class LinkPagesTest(unittest.TestCase):
    """Links written for JupyterLab (to .ipynb and .md files beside the lesson) must lead to the exported pages."""

    def test_lesson_and_notation_links_point_at_html_pages_and_keep_their_anchor(self):
        page = ('<a href="NOTATION.md">notation</a> <a href="04-3-convergence-and-optimisers.ipynb#scaling">04-3</a>'
                ' <a href="./01-1-linear-algebra-with-ejml.ipynb">01-1</a>')
        self.assertEqual(export.link_pages(page),
                         '<a href="NOTATION.html">notation</a> <a href="04-3-convergence-and-optimisers.html#scaling">'
                         '04-3</a> <a href="./01-1-linear-algebra-with-ejml.html">01-1</a>')

    def test_links_to_other_sites_are_left_alone(self):
        page = '<a href="https://numpy.org/doc/stable/README.md">x</a> <a href="http://a.org/n.ipynb">y</a>'
        self.assertEqual(export.link_pages(page), page)
