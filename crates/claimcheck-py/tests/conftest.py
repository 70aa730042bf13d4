"""Shared fixtures: the repository's example articles, and the command-line binary to
compare with (``$CLAIMCHECK_BIN``, else a built one under ``target/``)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List, Optional

import pytest

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "data" / "examples"
FIXTURES = REPO / "crates" / "claimcheck-checker" / "tests" / "fixtures"


def cli_binary() -> Optional[Path]:
    named = os.environ.get("CLAIMCHECK_BIN")
    if named:
        return Path(named)
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "claimcheck"
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the ``claimcheck`` command: ``cli(args) -> CompletedProcess``."""
    binary = cli_binary()
    if binary is None:
        if os.environ.get("CLAIMCHECK_REQUIRE_CLI"):
            pytest.fail("no claimcheck binary: set CLAIMCHECK_BIN or build it")
        pytest.skip("no claimcheck binary to compare with (cargo build -p claimcheck)")

    def run(args: List[str], cwd: Optional[Path] = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(binary), *args],
            cwd=str(cwd or REPO),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )

    return run


def example_articles() -> List[Path]:
    """The shipped example articles and every rule's fixtures: texts with findings."""
    articles = sorted(EXAMPLES.iterdir())
    articles += sorted(FIXTURES.glob("*/*.txt")) + sorted(FIXTURES.glob("*/*.md"))
    return [a for a in articles if a.suffix in (".txt", ".md", ".html")]


def jsonl(text: str) -> list:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
