"""The bubblewrap command line: mount order and what is hidden."""

from __future__ import annotations

from pathlib import Path

from rounds.judge import sandbox


def test_tmp_is_mounted_before_the_interpreter_so_a_checkout_under_tmp_stays_visible(monkeypatch):
    # Regression: a clone under /tmp had its .venv hidden by the sandbox's own /tmp.
    monkeypatch.setattr(sandbox, "_python_roots", lambda: ["/tmp/checkout/.venv", "/opt/python"])
    argv = sandbox.bwrap_argv(Path("/tmp/h"), "numpy", tmp_bytes=1 << 20, seccomp_fd=3, secrets=[])
    tmp_at = argv.index("/tmp", argv.index("--tmpfs"))
    venv_at = argv.index("/tmp/checkout/.venv")
    assert tmp_at < venv_at


def test_secret_folders_inside_a_bound_root_are_masked(tmp_path):
    root = tmp_path / "venv"
    bank = root / "lib" / "rounds" / "bank"
    bank.mkdir(parents=True)
    outside = tmp_path / "data"
    outside.mkdir()
    assert sandbox.hidden_paths([str(root)], [str(bank), str(outside)]) == [str(bank)]
