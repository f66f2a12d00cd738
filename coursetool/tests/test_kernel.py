"""The kernel's JVM flags: the Vector API module is on, and class-data sharing still works with it."""

import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from coursetool.kernel import KERNEL_JVM_FLAGS, kernel_json


class KernelFlagsTest(unittest.TestCase):

    def test_the_kernel_starts_with_the_vector_module_before_its_class_path(self):
        argv = kernel_json()["argv"]
        self.assertIn("--add-modules=jdk.incubator.vector", argv)
        self.assertLess(argv.index("--add-modules=jdk.incubator.vector"), argv.index("-cp"))

    @unittest.skipIf(shutil.which("java") is None, "no java on PATH")
    def test_a_class_archive_made_with_the_kernel_flags_maps_with_them(self):
        # What make_class_archive does, on `java -version`: record at exit, then start with -Xshare:on (which fails
        # instead of silently running without the archive).
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "k.jsa"
            made = subprocess.run(["java", f"-XX:ArchiveClassesAtExit={archive}", *KERNEL_JVM_FLAGS, "-version"],
                                  text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            self.assertEqual(0, made.returncode, made.stdout)
            self.assertTrue(archive.exists(), made.stdout)
            used = subprocess.run(["java", *KERNEL_JVM_FLAGS, "-Xshare:on", f"-XX:SharedArchiveFile={archive}",
                                   "-Xlog:cds=off,cds+dynamic=off", "-version"],
                                  text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            self.assertEqual(0, used.returncode, used.stdout)


if __name__ == "__main__":
    unittest.main()
