"""`jsk test`: CTest over the whole build, and the closing "N passed, N failed".

The counts come from CTest's JUnit report (--output-junit) rather than from
its console text, which is meant for people and changes between versions.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass

JOBS = "2"


@dataclass
class Summary:
    passed: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self):
        return self.passed + self.failed + self.skipped

    def line(self):
        text = f"{self.passed} passed, {self.failed} failed"
        return text + (f", {self.skipped} skipped" if self.skipped else "")


def summarize(junit_path):
    """Count test cases by outcome, the way CTest does: a test that chose to
    skip (SKIP_RETURN_CODE / SKIP_REGULAR_EXPRESSION) or is DISABLED is
    skipped; any other "notrun" (e.g. REQUIRED_FILES missing) is a failure."""
    s = Summary()
    root = ET.parse(junit_path).getroot()
    for case in root.iter("testcase"):
        status = case.get("status", "run")
        skipped = case.find("skipped")
        if status == "run" and case.find("failure") is None and case.find("error") is None:
            s.passed += 1
        elif status == "disabled" or (status == "notrun" and skipped is not None and
                                      skipped.get("message", "").startswith("SKIP_")):
            s.skipped += 1
        else:
            s.failed += 1
    return s


def run(tree, extra_args):
    """Run CTest; print the summary line; return the exit status."""
    junit = tree.junit
    if junit.exists():
        junit.unlink()
    cmd = ["ctest", "--test-dir", str(tree.root), "--output-on-failure",
           "--output-junit", str(junit), "-j", JOBS, *extra_args]
    rc = subprocess.run(cmd).returncode
    try:
        summary = summarize(junit)
    except (OSError, ET.ParseError) as err:
        print(f"jsk: no test report ({err}); ctest exited {rc}", file=sys.stderr)
        print("0 passed, 0 failed")
        return rc or 1
    print(summary.line())
    if summary.passed == 0 and summary.failed == 0:
        print("jsk: no tests ran", file=sys.stderr)
        return 1
    if summary.failed or rc:
        return 1
    return 0
