"""How ./course chooses what to install: packages per missing tool, the alternative apt can install, no repeats, and
the instructions printed where it installs nothing."""

import os
import unittest
from unittest import mock

from coursetool import install


class DebianPackagesTest(unittest.TestCase):

    def test_the_first_alternative_apt_knows_is_chosen(self):
        debian12 = {"openjdk-17-jdk-headless", "jupyter-notebook", "maven"}
        debian13 = {"openjdk-21-jdk-headless", "jupyterlab", "jupyter-notebook", "maven"}
        labels = ["JDK >= 17", "JupyterLab"]
        self.assertEqual(install.debian_packages(labels, known=debian12.__contains__),
                         ["openjdk-17-jdk-headless", "jupyter-notebook"])
        self.assertEqual(install.debian_packages(labels, known=debian13.__contains__),
                         ["openjdk-21-jdk-headless", "jupyterlab"])

    def test_with_empty_package_lists_the_preferred_alternative_is_named(self):
        self.assertEqual(install.debian_packages(["JDK >= 17"], known=lambda p: False), ["openjdk-17-jdk-headless"])

    def test_every_missing_tool_brings_its_packages_once(self):
        packages = install.debian_packages(["Jupyter", "nbconvert", "headless plots", "Jupyter"],
                                           known=lambda p: True)
        self.assertEqual(packages, ["jupyter-client", "jupyter-core", "jupyter-nbconvert", "python3-nbconvert",
                                    "python3-nbclient", "fontconfig", "fonts-dejavu-core"])

    def test_every_check_a_command_needs_has_packages(self):
        from coursetool.cli import TEST_NEEDS
        from coursetool.lab import LAB_NEEDS
        for label in set(TEST_NEEDS) | set(LAB_NEEDS):
            self.assertIn(label, install.PACKAGES, label)
            self.assertTrue(install.PACKAGES[label][0] and install.PACKAGES[label][1], label)


class WhereToInstallTest(unittest.TestCase):

    def test_debian_and_ubuntu_are_recognised_by_id_or_id_like(self):
        with mock.patch("shutil.which", return_value="/usr/bin/apt-get"):
            self.assertTrue(install.is_debian_like({"ID": "debian"}))
            self.assertTrue(install.is_debian_like({"ID": "linuxmint", "ID_LIKE": "ubuntu debian"}))
            self.assertFalse(install.is_debian_like({"ID": "fedora", "ID_LIKE": "rhel centos"}))
            self.assertFalse(install.is_debian_like({}))

    def test_a_conda_tool_is_used_only_inside_an_active_environment(self):
        with mock.patch.dict(os.environ, {}, clear=True), mock.patch("shutil.which", return_value="/x/conda"):
            self.assertIsNone(install.conda_tool())
        with mock.patch.dict(os.environ, {"CONDA_PREFIX": "/opt/env"}), \
                mock.patch("shutil.which", side_effect=lambda t: "/x/conda" if t == "conda" else None):
            self.assertEqual(install.conda_tool(), "conda")

    def test_elsewhere_the_exact_commands_are_printed_and_nothing_runs(self):
        with mock.patch.object(install, "failing", return_value=["Maven"]), \
                mock.patch.object(install, "os_release", return_value={"ID": "macos"}), \
                mock.patch.object(install, "conda_tool", return_value=None), \
                mock.patch.object(install, "say"), mock.patch("subprocess.run") as run:
            with self.assertRaises(install.CourseError) as e:
                install.ensure(["Maven"], "test", yes=True)
            run.assert_not_called()
        self.assertIn("sudo apt-get install maven", str(e.exception))
        self.assertIn("conda install -c conda-forge maven", str(e.exception))

    def test_without_yes_and_without_a_terminal_nothing_is_installed(self):
        with mock.patch.object(install, "failing", return_value=["Maven"]), \
                mock.patch.object(install, "os_release", return_value={"ID": "debian", "PRETTY_NAME": "Debian"}), \
                mock.patch.object(install, "is_debian_like", return_value=True), \
                mock.patch.object(install, "conda_tool", return_value=None), \
                mock.patch.object(install, "as_root", side_effect=lambda cmd: cmd), \
                mock.patch.object(install, "apt_candidate", return_value=True), \
                mock.patch("sys.stdin.isatty", return_value=False), \
                mock.patch.object(install, "say"), mock.patch("subprocess.run") as run:
            with self.assertRaises(install.CourseError) as e:
                install.ensure(["Maven"], "lab", yes=False)
            run.assert_not_called()
        self.assertIn("nothing was installed", str(e.exception))
        self.assertIn("apt-get install -y --no-install-recommends maven", str(e.exception))


if __name__ == "__main__":
    unittest.main()
