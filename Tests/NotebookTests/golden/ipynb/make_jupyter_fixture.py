"""Writes jupyter-made.ipynb with nbformat's own API, as Jupyter tooling would.

Run once with /tmp/jvenv/bin/python (nbformat 5); IpynbTests reads the result.
It holds the shapes a real kernel session leaves: markdown, a code cell with
several statements, stream output sent in pieces, an execute_result, a
display_data with an SVG and a text/plain summary, and an error whose
traceback is coloured with ANSI escapes.
"""
import nbformat
from nbformat.v4 import (new_notebook, new_markdown_cell, new_code_cell, new_raw_cell,
                         new_output)

ESC = "\x1b"
cells = [
    new_markdown_cell("# Made by Jupyter\n\nA gradient of $x^2$ at $3$ is $6$.", id="md-1"),
    new_code_cell("f(x) = x^2;\ng = grad(f);\ng(3)", id="code-1", execution_count=1, outputs=[
        new_output("execute_result", data={"text/plain": "6"}, execution_count=1),
    ]),
    new_code_cell('print("a");\nprint("b")', id="code-2", execution_count=2, outputs=[
        new_output("stream", name="stdout", text="a\nb"),
        new_output("stream", name="stdout", text="\n"),
    ]),
    new_code_cell("plot([1, 2, 3])", id="code-3", execution_count=3, outputs=[
        new_output("display_data", data={
            "image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
            "text/plain": "<plot: line, 1 series, 3 points, x=[0, 2], y=[1, 3], hash=e7a16ad1>",
        }),
    ]),
    new_code_cell("[1, 2] @ [[1, 2, 3]]", id="code-4", execution_count=4,
                  metadata={"tags": ["raises-exception"]}, outputs=[
        new_output("error", ename="ShapeError", evalue="shape mismatch in @: (2,) and (1, 3)",
                   traceback=[ESC + "[31merror: shape mismatch in @: (2,) and (1, 3)" + ESC + "[0m",
                              "  <cell>:1:1", "[1, 2] @ [[1, 2, 3]]", ESC + "[31m^~~~~~~~~~~~~~~~~~~~" + ESC + "[0m"]),
    ]),
    new_code_cell("", id="code-5"),
    new_raw_cell("raw text\nkept as comments", id="raw-1"),
]
nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "gradbook", "display_name": "Gradbook", "language": "gradbook"},
})
nbformat.validate(nb)
nbformat.write(nb, "jupyter-made.ipynb")
