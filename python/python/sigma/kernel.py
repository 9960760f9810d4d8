"""The sigma Jupyter kernel: notebook cells are sigma statements.

Install its kernelspec once, then pick "sigma" as a notebook's kernel::

    python -m sigma.kernel install --user      # or --sys-prefix, --prefix DIR

A cell runs like lines of the REPL, in one session whose bindings persist from cell to cell.
Each result is shown as LaTeX (with text/plain beside it), a plot as SVG, a heading as
Markdown; a failed statement shows sigma's diagnostic with its caret under the offending
source. `:steps on` adds each result's derivation, and the other REPL commands work too
(`:help NAME`, `:digits D`, `:vars`, `:clear`). Tab completes builtins, constants and
bindings; Shift-Tab describes the name under the cursor, and a line `name?` describes
`name`. Interrupting the kernel stops the statement that is running; the bindings made by
earlier cells are kept (a failed or interrupted run of statements undoes its own).

This module is a wrapper kernel in the sense of ipykernel (a `Kernel` subclass whose
`do_*` methods call the `sigma` bindings); it needs `ipykernel` (`pip install ipykernel`,
or `pip install jupyter`).
"""

import json
import os
import shutil
import sys
import tempfile

from ipykernel.kernelbase import Kernel

from . import Result, Session, SigmaError, __version__, is_incomplete
from ._sigma import _use_kernel_memory_messages

#: The kernelspec's name (`jupyter kernelspec list` shows it; notebooks refer to it).
KERNEL_NAME = "sigma"


def display_data(result: Result, steps: bool) -> dict:
    """The MIME bundle that shows `result` in a notebook: `image/svg+xml` for a plot,
    `text/markdown` for a heading and for a result shown with its steps, `text/latex` for
    any other result, and always `text/plain` (what the REPL prints)."""
    data = {"text/plain": result.render("text", steps)}
    svg = result._repr_svg_()
    if svg is not None:
        data["image/svg+xml"] = svg
        return data
    if result.kind == "heading":
        data["text/markdown"] = result.render("markdown")
        return data
    latex = result._repr_latex_()
    if latex is not None:
        data["text/latex"] = latex
        listing = result.steps_markdown if steps else ""
        if listing:
            # Markdown outranks LaTeX in front ends: the result is kept as display math.
            data["text/markdown"] = f"{latex}\n\n{listing}"
    return data


class SigmaKernel(Kernel):
    """A Jupyter kernel over one `sigma.Session`."""

    implementation = "sigma"
    implementation_version = __version__
    language = "sigma"
    language_version = __version__
    language_info = {
        "name": "sigma",
        "mimetype": "text/x-sigma",
        "file_extension": ".sigma",
        "codemirror_mode": "text",
    }
    banner = (
        f"sigma {__version__}: exact series and sequences. "
        ":help lists the builtins; :steps on shows derivations."
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sigma = Session()
        # A statement stopped by the memory budget says how to raise it here: `:memory 8G`.
        _use_kernel_memory_messages()

    # -- execution --------------------------------------------------------------------------

    def do_execute(
        self, code, silent, store_history=True, user_expressions=None, allow_stdin=False
    ):
        ok = {
            "status": "ok",
            "execution_count": self.execution_count,
            "payload": [],
            "user_expressions": {},
        }
        try:
            for chunk in split_commands(code):
                if chunk.startswith(":"):
                    self._command(chunk, silent)
                else:
                    self._statements(chunk, silent)
        except SigmaError as e:
            return self._error(e, silent)
        except KeyboardInterrupt:
            message = "interrupted: the statement was stopped; earlier cells' bindings are kept"
            return self._failed("KeyboardInterrupt", message, [message], silent)
        except Exception as e:  # an internal error: report it and keep the kernel alive
            name = type(e).__name__
            return self._failed(name, str(e), [f"{name}: {e}"], silent)
        return ok

    def _statements(self, source, silent):
        steps = self.sigma.steps

        def show(result):
            if silent or not result.printed:
                return
            self.send_response(
                self.iopub_socket,
                "display_data",
                {"data": display_data(result, steps), "metadata": {}},
            )

        self.sigma.stream(source, show)

    def _command(self, line, silent):
        out = self.sigma.command(line, 100)
        if out and not silent:
            self.send_response(self.iopub_socket, "stream", {"name": "stdout", "text": out + "\n"})

    def _error(self, e, silent):
        # The statements before the failed one were shown as they ran (`stream`); their
        # bindings are undone. Front ends print the traceback: the diagnostic with its caret.
        return self._failed("SigmaError", e.message, str(e).splitlines(), silent)

    def _failed(self, ename, evalue, traceback, silent):
        content = {"ename": ename, "evalue": evalue, "traceback": traceback}
        if not silent:
            self.send_response(self.iopub_socket, "error", content)
        return {"status": "error", "execution_count": self.execution_count, **content}

    # -- completion and inspection ----------------------------------------------------------

    def do_complete(self, code, cursor_pos):
        start, matches = self.sigma.complete(code, cursor_pos)
        return {
            "status": "ok",
            "matches": matches,
            "cursor_start": start,
            "cursor_end": cursor_pos,
            "metadata": {},
        }

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        text = self.sigma.inspect(code, cursor_pos)
        if text is None:
            return {"status": "ok", "found": False, "data": {}, "metadata": {}}
        return {
            "status": "ok",
            "found": True,
            "data": {"text/plain": text},
            "metadata": {},
        }

    def do_is_complete(self, code):
        # A `:` command is one line; otherwise input continues while brackets are open.
        if code.strip().startswith(":") or not is_incomplete(code):
            return {"status": "complete"}
        return {"status": "incomplete", "indent": ""}


def split_commands(code: str):
    """Splits a cell into runs of statements and `:` command lines, in order: each command
    line is its own chunk, and the lines between commands are joined into one chunk. A line
    `name?` or `?name` (as in IPython) is the command `:help name`."""
    chunks, lines = [], []
    for line in code.splitlines():
        word = line.strip()
        if len(word) > 1 and (word.startswith("?") or word.endswith("?")):
            line = ":help " + word.strip("?").strip()
        if line.lstrip().startswith(":"):
            if lines:
                chunks.append("\n".join(lines))
                lines = []
            chunks.append(line.strip())
        else:
            lines.append(line)
    if any(line.strip() for line in lines):
        chunks.append("\n".join(lines))
    return [c for c in chunks if c.strip()]


# -- the kernelspec ----------------------------------------------------------------------------


def kernel_json() -> dict:
    """The kernelspec: this Python runs `-m sigma.kernel` on the connection file; an
    interrupt is SIGINT, which stops the running statement."""
    return {
        "argv": [sys.executable, "-m", "sigma.kernel", "-f", "{connection_file}"],
        "display_name": "sigma",
        "language": "sigma",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }


def install(user=False, prefix=None, name=KERNEL_NAME) -> str:
    """Installs the kernelspec (for this user, or under `prefix`, else system-wide) and
    returns the directory it went to."""
    from jupyter_client.kernelspec import KernelSpecManager

    tmp = tempfile.mkdtemp()
    try:
        with open(os.path.join(tmp, "kernel.json"), "w") as f:
            json.dump(kernel_json(), f, indent=2)
        return KernelSpecManager().install_kernel_spec(
            tmp, kernel_name=name, user=user, prefix=prefix
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["install"]:
        import argparse

        parser = argparse.ArgumentParser(
            prog="python -m sigma.kernel install", description="Install the sigma kernelspec."
        )
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--user", action="store_true", help="for the current user only")
        where.add_argument(
            "--sys-prefix", action="store_true", help="into this Python's prefix (a venv)"
        )
        where.add_argument("--prefix", help="under this prefix")
        parser.add_argument("--name", default=KERNEL_NAME, help="the kernelspec's name")
        args = parser.parse_args(argv[1:])
        prefix = sys.prefix if args.sys_prefix else args.prefix
        path = install(user=args.user, prefix=prefix, name=args.name)
        print(f"Installed the sigma kernelspec `{args.name}` in {path}")
        return 0
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=argv, kernel_class=SigmaKernel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
