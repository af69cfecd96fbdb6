"""The README's two commands are the ones CI and users run."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)[:2]


def test_readme_opens_with_setup_and_test_commands():
    run, test = readme_commands()
    assert "extractor extract samples/" in run and "pip install" in run
    assert "pytest" in test and "pip install" in test


def test_ci_runs_the_readme_test_command():
    _, test = readme_commands()
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def readme_python_blocks():
    return re.findall(r"```python\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_python_blocks_run_as_written(tmp_path):
    """The README's ```python blocks, run as written one after the other in a fresh interpreter (each in its own
    namespace), in a folder that holds the samples."""
    import subprocess
    import sys

    blocks = readme_python_blocks()
    assert len(blocks) >= 2 and any("to_dataframe" in b and "displacy" in b for b in blocks)
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    script = "".join(f"print('== block {n}')\nexec({b!r}, {{}})\n" for n, b in enumerate(blocks, start=1))
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, f"a README python block failed:\n{run.stdout[-500:]}\n{run.stderr[-2000:]}"
    printed = run.stdout.split("== block ")[1:]
    assert len(printed) == len(blocks) and all(len(p.splitlines()) > 1 for p in printed)
    assert (tmp_path / "facts.spacy").stat().st_size > 0
