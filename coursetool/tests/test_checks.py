"""doctor's verdict (an optional check never fails it), the pom's JMH version, and the options lab passes on."""

import argparse
import io
import unittest
from contextlib import redirect_stdout
from unittest import mock

from coursetool import checks
from coursetool.checks import Check
from coursetool.lab import jupyter_options


class DoctorTest(unittest.TestCase):

    def doctor_with(self, *list_of_checks):
        out = io.StringIO()
        with mock.patch.object(checks, "CHECKS", list(list_of_checks)), redirect_stdout(out):
            code = checks.doctor(None)
        return code, out.getvalue()

    def test_a_failing_optional_check_is_reported_but_is_not_a_problem(self):
        code, text = self.doctor_with(Check("a", lambda: (True, "fine")),
                                      Check("bench", lambda: (False, "no NumPy"), optional=True))
        self.assertEqual(0, code)
        self.assertIn("missing bench: no NumPy", text)
        self.assertIn("all ok", text)

    def test_a_failing_required_check_fails_doctor(self):
        code, text = self.doctor_with(Check("a", lambda: (False, "broken; fix: x")),
                                      Check("bench", lambda: (True, "ok"), optional=True))
        self.assertEqual(1, code)
        self.assertIn("PROBLEM a: broken; fix: x", text)
        self.assertIn("1 problem(s)", text)

    def test_require_names_every_failing_check(self):
        with mock.patch.object(checks, "CHECKS", [Check("a", lambda: (False, "x")), Check("b", lambda: (False, "y")),
                                                  Check("c", lambda: (False, "z"))]):
            with self.assertRaises(checks.CourseError) as caught:
                checks.require("a", "b")
        self.assertEqual("a: x\nb: y", str(caught.exception))


class PomTest(unittest.TestCase):

    def test_the_bench_profile_names_a_jmh_version(self):
        version = checks.jmh_version()
        self.assertIsNotNone(version)
        self.assertRegex(version, r"^\d+\.\d+(\.\d+)?$")


class LabOptionsTest(unittest.TestCase):

    def test_root_gets_allow_root_and_the_options_pass_through(self):
        args = argparse.Namespace(ip="0.0.0.0", port=8888, no_browser=True)
        self.assertEqual(["--ip=0.0.0.0", "--port=8888", "--no-browser", "--allow-root"],
                         jupyter_options(args, is_root=True))
        self.assertEqual([], jupyter_options(argparse.Namespace(ip=None, port=None, no_browser=False),
                                             is_root=False))


if __name__ == "__main__":
    unittest.main()
