"""What stops the work raises ClaimcheckError with the command's message; a figure that
cannot be read warns (or raises, or is dropped) and the rest of the text is still read."""

from __future__ import annotations

import warnings

import pytest

import claimcheck
from conftest import REPO

ARTICLE = REPO / "data" / "examples" / "cambodia-migrants.txt"
HUGE = "The fund holds " + "9" * 500 + " dollars. About 300 workers were freed.\n"


def cli_error(cli, args, cwd):
    out = cli(args, cwd=cwd)
    assert out.returncode == 2, out.stderr
    # A registry file's problems are printed one per line; the Python error holds them all.
    lines = [l[len("error: "):] for l in out.stderr.splitlines() if l.startswith("error: ")]
    assert lines, out.stderr
    return "\n".join(lines)


@pytest.mark.parametrize(
    "files, kwargs, args",
    [
        ({}, {"studies": ["missing.csv"]}, ["--studies", "missing.csv"]),
        ({"bad.toml": 'fial-on = "error"\n'}, {"config": "bad.toml"}, ["--config", "bad.toml"]),
        (
            {"bad.toml": "[tolerances]\nabout = 3.0\n"},
            {"config": "bad.toml"},
            ["--config", "bad.toml"],
        ),
        (
            {"ours.csv": "id,publisher\nx,UNODC\n"},
            {"studies": ["ours.csv"]},
            ["--studies", "ours.csv"],
        ),
        ({}, {"select": ["no-such-rule"]}, ["--select", "no-such-rule"]),
    ],
)
def test_setup_errors_are_the_commands(cli, tmp_path, monkeypatch, files, kwargs, args):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("About 300 workers.\n", encoding="utf-8")
    expected = cli_error(cli, ["check", *args, "a.txt"], cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(claimcheck.ClaimcheckError) as e:
        claimcheck.Checker(**kwargs)
    assert str(e.value) == expected
    assert f"{e.value.location}: {e.value.detail}" == expected
    with pytest.raises(claimcheck.ClaimcheckError):
        claimcheck.check("About 300 workers.", **kwargs)


def test_a_bad_expression_is_the_commands_error(cli):
    expected = cli_error(cli, ["derive", "--expr", "5 ÷ 0"], cwd=REPO)
    with pytest.raises(claimcheck.ClaimcheckError) as e:
        claimcheck.derive("5 ÷ 0", expr=True)
    assert str(e.value) == expected
    assert e.value.location == "--expr"


def test_an_unreadable_figure_warns_by_default(cli, tmp_path):
    (tmp_path / "huge.txt").write_text(HUGE, encoding="utf-8")
    expected = cli_error(cli, ["extract", "huge.txt"], cwd=tmp_path)
    with pytest.warns(claimcheck.ClaimcheckWarning) as caught:
        claims = claimcheck.extract(HUGE, name="huge.txt")
    assert [str(w.message) for w in caught] == [expected]
    assert [c["text"] for c in claims] == ["About 300"]


@pytest.mark.parametrize("call", ["extract", "check"])
def test_errors_raise_and_ignore(call):
    checker = claimcheck.Checker()
    with pytest.raises(claimcheck.ClaimcheckError, match=r"<text>:1:16: "):
        getattr(checker, call)(HUGE, errors="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        getattr(checker, call)(HUGE, errors="ignore")
        getattr(checker, call + "_batch")([HUGE, HUGE], errors="ignore")
    with pytest.raises(claimcheck.ClaimcheckError):
        getattr(checker, call + "_batch")(["fine", HUGE], errors="raise")
    with pytest.raises(ValueError, match="errors must be"):
        getattr(checker, call)(HUGE, errors="sometimes")


def test_errors_are_catchable_as_exceptions():
    assert issubclass(claimcheck.ClaimcheckError, Exception)
    assert issubclass(claimcheck.ClaimcheckWarning, UserWarning)


def test_a_text_must_be_a_string():
    with pytest.raises(TypeError):
        claimcheck.check(b"bytes are not text")
    with pytest.raises(TypeError):
        claimcheck.Checker().check_batch(["fine", 3])
