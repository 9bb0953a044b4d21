"""CLI commands: `pactgraph ontology check` and `pactgraph ontology docs`, the curator's tools."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from graph.ontology.check import CheckReport, CheckResult, check
from graph.ontology.docs import write_docs

ontology_app = typer.Typer(
    name="ontology",
    help="Check the ontology, vocabularies and shapes; publish their documentation.",
    no_args_is_help=True,
)


def _line(result: CheckResult) -> str:
    if result.skipped:
        return f"[dim]- {escape(result.title)} (skipped: {escape(result.skipped)})[/dim]"
    if result.ok:
        return f"[green]✓[/green] {escape(result.title)}"
    count = len(result.problems)
    noun = "problem" if count == 1 else "problems"
    return f"[red]✗[/red] {escape(result.title)} [red]({count} {noun})[/red]"


def print_report(report: CheckReport, console: Console) -> None:
    """One line per check, then the problems under it, each led by file:line."""
    console.print(f"Checked {len(report.files)} files in {escape(str(report.directory))}")
    for result in report.results:
        console.print(_line(result), highlight=False, soft_wrap=True)
        for problem in result.problems:
            shown = problem.where and not problem.message.startswith(problem.where)
            where = f"[cyan]{escape(problem.where)}[/cyan]  " if shown else ""
            console.print(f"    {where}{escape(problem.message)}", highlight=False, soft_wrap=True)
    count = len(report.problems)
    if count:
        console.print(f"[red]{count} problem{'s' if count != 1 else ''} to fix.[/red]")
    else:
        console.print("[green]The model passes every check.[/green]")


@ontology_app.command("check")
def check_command(
    directory: Path | None = typer.Argument(
        None,
        help="Folder of Turtle files to check (default: the ontology pactgraph ships).",
        metavar="DIR",
        exists=True,
        file_okay=False,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON for machines."),
    no_reasoner: bool = typer.Option(
        False,
        "--no-reasoner",
        help="Skip HermiT (consistency, satisfiable classes): for quick edits of labels "
        "and vocabularies. Run the full check before committing.",
    ),
) -> None:
    """Parse, reason over and lint the model; exit 1 on any problem."""
    report = check(directory, reasoner=not no_reasoner)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report, Console())
    if not report.ok:
        raise typer.Exit(code=1)


@ontology_app.command("docs")
def docs_command(
    output: Path = typer.Option(
        ..., "--output", "-o", metavar="DIR", help="Folder to write the HTML pages to."
    ),
    directory: Path | None = typer.Option(
        None,
        "--source",
        "-s",
        help="Folder of Turtle files to document (default: the ontology pactgraph ships).",
        metavar="DIR",
        exists=True,
        file_okay=False,
    ),
) -> None:
    """Write browsable HTML documentation of the ontology and its vocabularies."""
    pages = write_docs(output, directory)
    typer.echo(f"Wrote {len(pages)} pages to {output}; open {output / 'index.html'}")


def register(app: typer.Typer) -> None:
    """Add the `ontology` command group to ``app``."""
    app.add_typer(ontology_app, name="ontology")
