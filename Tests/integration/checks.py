"""What the integration scripts (`make test-replication`, `make test-web`) share: checks
that print one line each and a closing count, and the scratch folder kept for a look
when one fails."""
import shutil
import sys


class Checks:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def __call__(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"ok - {what}")
        else:
            self.failed += 1
            print(f"not ok - {what}" + (f": {detail}" if detail else ""))

    def finish(self, work):
        """Prints the count; removes `work`, or keeps it and exits 1 when a check failed."""
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        if self.failed:
            print(f"the files are kept in {work}")
            sys.exit(1)
        shutil.rmtree(work, ignore_errors=True)
