"""A sigma script as a Jupyter notebook for the sigma kernel::

    python -m sigma.notebook examples/seeds_notebook.sigma -o examples/notebook.ipynb \\
        --title "Series and Sequences (SEEDS A1-A10) in sigma"

`## heading` lines become Markdown headings and `#'` prose lines Markdown paragraphs (their
`$…$` stays mathematics); each run of statements between blank lines becomes a code cell,
comments included. The comment block before the first heading is the notebook's
introduction, unless a title replaces it. The notebook has no outputs: run it with
`jupyter nbconvert --to notebook --execute`, or open it in Jupyter with the sigma kernel
installed (`python -m sigma.kernel install --user`).
"""

import argparse
import json
import sys
from typing import List, Optional

#: The notebook's kernel and language metadata (the kernelspec `python -m sigma.kernel install`
#: writes).
METADATA = {
    "kernelspec": {"display_name": "sigma", "language": "sigma", "name": "sigma"},
    "language_info": {
        "name": "sigma",
        "mimetype": "text/x-sigma",
        "file_extension": ".sigma",
        "codemirror_mode": "text",
    },
}


def _cell(kind: str, lines: List[str], index: int) -> dict:
    source = [line + "\n" for line in lines[:-1]] + lines[-1:]
    cell = {"cell_type": kind, "id": f"cell-{index}", "metadata": {}, "source": source}
    if kind == "code":
        cell["execution_count"] = None
        cell["outputs"] = []
    return cell


def convert(script: str, title: Optional[str] = None, origin: Optional[str] = None) -> dict:
    """The notebook (a dict in nbformat 4.5) of the sigma script `script`. `title`, when
    given, heads the notebook instead of the script's leading comment block; `origin` names
    the script in that heading cell."""
    blocks = []  # (kind, lines)

    def add(kind, line):
        if blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))

    lines = script.splitlines()
    i = 0
    # The leading comment block (before any statement or heading).
    intro = []
    while i < len(lines) and lines[i].startswith("#") and not lines[i].startswith(("##", "#'")):
        intro.append(lines[i].lstrip("#").strip())
        i += 1
    if title is not None:
        head = [f"# {title}"]
        if origin:
            head += ["", f"Generated from `{origin}` by `python -m sigma.notebook`."]
        blocks.append(("markdown", head))
    elif any(intro):
        blocks.append(("markdown", [" ".join(line for line in intro if line)]))
    for line in lines[i:]:
        stripped = line.strip()
        if stripped.startswith("##") and not stripped.startswith("###"):
            # A heading starts a new Markdown cell.
            blocks.append(("markdown", ["## " + stripped[2:].strip()]))
        elif stripped.startswith("#'"):
            text = stripped[2:].strip()
            if blocks and blocks[-1][0] == "markdown":
                blocks[-1][1].extend(["", text])
            else:
                blocks.append(("markdown", [text]))
        elif not stripped:
            # A blank line ends a code cell.
            if blocks and blocks[-1][0] == "code":
                blocks.append(("gap", []))
        else:
            add("code", line)
    cells = [_cell(kind, body, n) for n, (kind, body) in enumerate(b for b in blocks if b[1])]
    return {"cells": cells, "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}


def dumps(notebook: dict) -> str:
    """The notebook as Jupyter writes it (one-space indentation, a final newline)."""
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sigma.notebook", description="Write a sigma script as a notebook."
    )
    parser.add_argument("script", help="the .sigma file")
    parser.add_argument("-o", "--output", help="the .ipynb to write (default: standard output)")
    parser.add_argument("--title", help="the notebook's title (replaces the leading comments)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write: exit 1 when OUTPUT differs from the conversion (CI keeps them in step)",
    )
    args = parser.parse_args(argv)
    with open(args.script, encoding="utf-8") as f:
        text = dumps(convert(f.read(), args.title, args.script))
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{args.output} is not the conversion of {args.script}", file=sys.stderr)
                return 1
        return 0
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
