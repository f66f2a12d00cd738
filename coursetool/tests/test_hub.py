"""./course hub: its settings, the memory-limited cgroups (on folders that imitate cgroup v1 and v2), the student's
copy of the course made by hub/course-home, and bad input refused before anything is installed. The hub itself,
with real students, is proven by scripts/prove-hub."""

import argparse
import importlib.util
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from coursetool import cli, hub
from coursetool.core import ROOT, CourseError


def load(name):
    spec = importlib.util.spec_from_file_location("hub_" + name, ROOT / "hub" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


settings = load("settings")
cgroups = load("cgroups")


class SettingsTest(unittest.TestCase):

    def test_memory_sizes_in_powers_of_1024(self):
        self.assertEqual(settings.memory_bytes("2G"), 2 * 1024 ** 3)
        self.assertEqual(settings.memory_bytes("1536M"), 1536 * 1024 ** 2)
        self.assertEqual(settings.memory_bytes("1.5g"), 3 * 1024 ** 3 // 2)
        self.assertEqual(settings.memory_bytes("512MB"), 512 * 1024 ** 2)
        self.assertEqual(settings.memory_bytes("0"), 0)

    def test_a_bad_memory_size_names_the_form_to_use(self):
        for bad in ("lots", "-1G", "2X", "", "nan"):
            with self.subTest(bad=bad), self.assertRaises(ValueError) as e:
                settings.memory_bytes(bad)
            self.assertIn("2G", str(e.exception))

    def test_bad_start_options_are_refused_before_anything_is_installed(self):
        base = ["hub", "start", "--course-dir", "/nonexistent/course", "--state-dir", "/nonexistent/state"]
        for extra, words in ((["--memory", "lots"], "--memory"), (["--port", "70000"], "--port 70000"),
                             (["--ssl-cert", "c.pem"], "--ssl-key"), (["--idle-minutes", "-5"], "--idle-minutes")):
            args = cli.parser().parse_args(base + extra)
            with self.subTest(extra=extra), self.assertRaises(CourseError) as e:
                args.fn(args)
            self.assertIn(words, str(e.exception))
        self.assertFalse(Path("/nonexistent/course").exists())


class CgroupsTest(unittest.TestCase):

    def setUp(self):
        self.root = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.root)

    def test_v1_a_group_per_student_under_the_hubs_own(self):
        mem = self.root / "memory"
        hubs = mem / "machine" / "hub"
        hubs.mkdir(parents=True)
        (mem / "memory.limit_in_bytes").write_text("9223372036854771712")
        cg = cgroups.Cgroups(self.root, proc_cgroup="12:pids:/\n4:memory:/machine/hub\n0::/\n")
        self.assertEqual(cg.version, 1)
        group = cg.limit("ana", 4321, 2 * 1024 ** 3)
        self.assertEqual(group, hubs / "ml-foundations-students" / "ana")
        self.assertEqual((group / "memory.limit_in_bytes").read_text(), str(2 * 1024 ** 3))
        self.assertEqual((group / "cgroup.procs").read_text(), "4321")
        (group / "memory.max_usage_in_bytes").write_text("734003200\n")
        self.assertEqual(cg.peak_bytes("ana"), 734003200)
        self.assertIsNone(cg.peak_bytes("ben"))

    def test_v2_memory_enabled_down_to_the_students_groups(self):
        hubs = self.root / "system.slice" / "ml-foundations-hub.service"
        hubs.mkdir(parents=True)
        (self.root / "cgroup.controllers").write_text("cpu io memory pids\n")
        (hubs / "cgroup.controllers").write_text("cpu memory pids\n")
        (hubs / "cgroup.subtree_control").write_text("")
        base = hubs / "ml-foundations-students"
        base.mkdir()
        (base / "cgroup.subtree_control").write_text("")
        cg = cgroups.Cgroups(self.root, proc_cgroup="0::/system.slice/ml-foundations-hub.service\n")
        self.assertEqual(cg.version, 2)
        group = base / "ben"
        group.mkdir()
        (group / "memory.swap.max").write_text("max")
        cg.limit("ben", 99, 1536 * 1024 ** 2)
        self.assertEqual((hubs / "cgroup.subtree_control").read_text(), "+memory")
        self.assertEqual((base / "cgroup.subtree_control").read_text(), "+memory")
        self.assertEqual((group / "memory.max").read_text(), str(1536 * 1024 ** 2))
        self.assertEqual((group / "memory.swap.max").read_text(), "0")
        self.assertEqual((group / "cgroup.procs").read_text(), "99")

    def test_v2_without_the_memory_controller_says_how_to_get_it(self):
        hubs = self.root / "user.slice"
        hubs.mkdir()
        (self.root / "cgroup.controllers").write_text("cpu memory\n")
        (hubs / "cgroup.controllers").write_text("cpu pids\n")
        cg = cgroups.Cgroups(self.root, proc_cgroup="0::/user.slice\n")
        with self.assertRaises(cgroups.LimitError) as e:
            cg.limit("ana", 1, 1 << 30)
        self.assertIn("Delegate=yes", str(e.exception))

    def test_no_cgroup_filesystem_is_a_clear_error(self):
        with self.assertRaises(cgroups.LimitError) as e:
            cgroups.Cgroups(self.root, proc_cgroup="0::/\n")
        self.assertIn("no cgroup memory controller", str(e.exception))


class CourseHomeTest(unittest.TestCase):
    """hub/course-home: the first start copies the course; later starts add back only what is missing."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        self.src = self.tmp / "opt"
        (self.src / "notebooks").mkdir(parents=True)
        (self.src / "data").mkdir()
        (self.src / "target").mkdir()
        (self.src / "notebooks" / "00-1.ipynb").write_text("original 00-1")
        (self.src / "notebooks" / "00-2.ipynb").write_text("original 00-2")
        (self.src / "data" / "iris.csv").write_text("a,b\n")
        (self.src / "target" / "ml-foundations.jar").write_text("jar")
        for f in (self.src / "notebooks").iterdir():
            f.chmod(0o444)
        self.home = self.tmp / "home"
        self.home.mkdir()

    def run_home(self, *cmd):
        env = dict(os.environ, HOME=str(self.home), COURSE_SOURCE=str(self.src))
        return subprocess.run([str(ROOT / "hub" / "course-home"), *cmd], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def test_first_start_copies_then_keeps_the_students_changes(self):
        res = self.run_home("pwd")
        self.assertEqual(res.returncode, 0, res.stderr)
        copy = self.home / "ml-foundations"
        self.assertEqual(res.stdout.strip(), os.getcwd())       # an ordinary command runs where it was started
        mine = copy / "notebooks" / "00-1.ipynb"
        self.assertEqual(mine.read_text(), "original 00-1")
        mine.write_text("my answers")                          # writable although the original is read-only
        (copy / "notebooks" / "00-2.ipynb").unlink()
        self.assertEqual((copy / "target" / "ml-foundations.jar").read_text(), "jar")
        self.assertEqual(os.readlink(copy / "originals"), str(self.src / "notebooks"))
        self.assertEqual(self.run_home().returncode, 0)
        self.assertEqual(mine.read_text(), "my answers")
        self.assertEqual((copy / "notebooks" / "00-2.ipynb").read_text(), "original 00-2")
        self.assertEqual((self.src / "notebooks" / "00-1.ipynb").read_text(), "original 00-1")

    def test_a_source_that_is_not_a_built_course_is_refused(self):
        (self.src / "target" / "ml-foundations.jar").unlink()
        res = self.run_home("true")
        self.assertEqual(res.returncode, 2)
        self.assertIn("COURSE_SOURCE", res.stderr)
        self.assertFalse((self.home / "ml-foundations").exists())


class InstallCourseTest(unittest.TestCase):

    def test_the_repository_itself_is_refused_as_course_dir(self):
        with self.assertRaises(CourseError):
            hub.install_course(ROOT)

    def test_originals_are_copied_read_only(self):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        (tmp / "src" / "sub").mkdir(parents=True)
        (tmp / "src" / "sub" / "a.ipynb").write_text("a")
        (tmp / "dest").mkdir()
        (tmp / "dest" / "stale.ipynb").write_text("gone")
        hub.copy_tree_readonly(tmp / "src", tmp / "dest")
        self.assertFalse((tmp / "dest" / "stale.ipynb").exists())
        self.assertEqual(oct((tmp / "dest" / "sub" / "a.ipynb").stat().st_mode & 0o777), "0o644")
        self.assertEqual(oct((tmp / "dest" / "sub").stat().st_mode & 0o777), "0o755")


if __name__ == "__main__":
    unittest.main()
