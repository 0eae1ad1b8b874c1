#!/usr/bin/env python3
"""Prints every failed test in the TRX files under a directory: name, duration and the start of its message."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(root: str) -> int:
    failed = []
    for path in sorted(glob.glob(f"{root}/**/*.trx", recursive=True)):
        tree = ET.parse(path)
        for result in tree.getroot().iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
            stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=NS)
            failed.append((result.get("testName"), result.get("duration"), message, stack))
    print(f"==== failed tests: {len(failed)}")
    for name, duration, message, stack in failed:
        print(f"FAILED {name} ({duration})")
        for line in message.strip().splitlines()[:12]:
            print(f"    {line[:300]}")
        for line in [l for l in stack.strip().splitlines() if "AtsParser" in l][:4]:
            print(f"    at {line.strip()[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
