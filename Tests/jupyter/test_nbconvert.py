"""A study notebook through Jupyter and back: `gradbook convert` to .ipynb,
executed by `jupyter nbconvert --execute` on the gradbook kernel, converted back
to .gbook and replayed by `gradbook run`. The replay compares every output the
kernel recorded with a fresh session's, within the notebook's tolerance, so the
kernel and the prompt must agree cell by cell."""

import difflib
import os
import re
import subprocess
import sys

import nbformat
import pytest

from conftest import run_gradbook

REPO = os.environ.get("GRADBOOK_REPO") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JUPYTER = os.path.join(os.path.dirname(sys.executable), "jupyter")

# G has plots, E-dropout-ensemble an `#+ error` cell, the tour errors and a skipped cell.
NOTEBOOKS = ["G-taylor-newton", "E-dropout-ensemble", "language-tour"]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def execute(ipynb, out_dir, name):
    """Runs `jupyter nbconvert --execute` on the gradbook kernel; returns the new path."""
    done = subprocess.run(
        [JUPYTER, "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.kernel_name=gradbook", "--ExecutePreprocessor.timeout=120",
         "--output-dir", out_dir, "--output", name, ipynb],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"nbconvert failed:\n{done.stderr[-3000:]}"
    return os.path.join(out_dir, name + ".ipynb")


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_study_notebook_executes_in_jupyter_and_replays(stem, tmp_path):
    source = os.path.join(REPO, "notebooks", stem + ".gbook")
    with open(source) as f:
        text = f.read()
    converted = str(tmp_path / (stem + ".ipynb"))
    done = run_gradbook("convert", source, "--to", "ipynb", "-o", converted)
    assert done.returncode == 0, done.stdout + done.stderr
    nb = nbformat.read(converted, as_version=4)
    nbformat.validate(nb)
    expected_errors = len(re.findall(r"^#\+ error\b", text, flags=re.M))
    tagged = [c for c in nb.cells if "raises-exception" in tags(c)]
    assert len(tagged) == expected_errors, "each `#+ error` cell should carry raises-exception"

    executed_path = execute(converted, str(tmp_path), stem + ".executed")
    executed = nbformat.read(executed_path, as_version=4)
    nbformat.validate(executed)
    assert executed.metadata.get("kernelspec", {}).get("name") == "gradbook"

    code = [c for c in executed.cells if c.cell_type == "code"]
    ran = [c for c in code if "skip-execution" not in tags(c)]
    assert ran, "no code cell was executed"
    counts = [c.execution_count for c in ran]
    assert all(isinstance(n, int) for n in counts), f"cells without a count: {counts}"
    assert counts == sorted(counts) and len(set(counts)) == len(counts), counts
    for cell in ran:
        has_error = any(o.output_type == "error" for o in cell.outputs)
        assert has_error == ("raises-exception" in tags(cell)), f"cell {cell.source!r}: {cell.outputs}"
    plots = text.count("#> <plot:")
    svgs = sum("image/svg+xml" in o.get("data", {}) for c in ran for o in c.outputs)
    assert svgs == plots, f"{plots} plots recorded in the .gbook, {svgs} SVG outputs from the kernel"

    back = str(tmp_path / (stem + ".back.gbook"))
    done = run_gradbook("convert", executed_path, "--to", "gbook", "-o", back)
    assert done.returncode == 0, done.stdout + done.stderr
    with open(back) as f:
        back_text = f.read()
    records = re.findall(r"^#>.*", text, flags=re.M)
    back_records = re.findall(r"^#>.*", back_text, flags=re.M)
    assert len(back_records) == len(records), \
        f"{len(records)} output lines in {stem}.gbook, {len(back_records)} from the kernel's run:\n" \
        + "\n".join(difflib.unified_diff(records, back_records, "recorded", "kernel", lineterm="", n=0))
    replay = run_gradbook("run", back)
    assert replay.returncode == 0, f"replay of the kernel's outputs failed:\n{replay.stdout}{replay.stderr}"
    assert re.search(r"\b[1-9]\d* passed, 0 failed", replay.stdout + replay.stderr), replay.stdout
