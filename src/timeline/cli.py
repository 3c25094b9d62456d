"""The ``timeline`` command: options in, one library call, output and messages out.

Heavy libraries (dateparser, sumy, numpy, jinja2) are imported inside the commands, so
``timeline --help`` starts fast.  Library errors become one line on stderr and the exit
code named in ``timeline.errors.ExitCode``; no traceback reaches a user for bad input.

Every command that reads sources warns about each input it skips as it finds it, ends with
``timeline: N articles, M skipped`` and exits PARTIAL (6) when M > 0; with ``--strict``
the first skip is fatal (NO_INPUT, 3) and nothing is written.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, get_type_hints

import typer

from .errors import ExitCode, OutputError, StrictInputError, TimelineError, UsageError

if TYPE_CHECKING:
    from .config import BuildConfig
    from .sources import ReadFailure, Reading


def _fill_help(text: str) -> str:
    """An option's help with the registries' names where it says ``{formats}`` or
    ``{summarizers}``: filled in when the help is shown, not when the CLI is imported, so a
    format or summariser a plug-in registers shows up, and only the name lists load."""
    if "{formats}" in text:
        from .render import formats

        text = text.replace("{formats}", _either(formats()))
    if "{summarizers}" in text:
        from .summarize import available

        text = text.replace("{summarizers}", _either(available()))
    return text


def _plain_help_option(option):
    """``-h/--help`` with False, not None, for "not asked": typer (0.2x) hands a None to
    its pydantic coercion and a bool through as it is, so ``timeline CMD --help`` does not
    load pydantic (~0.1 s) for the group's help flag; a command that runs still does."""
    if option is not None and option.default is None:
        option.default = False
    return option


class _Group(typer.core.TyperGroup):
    def get_help_option(self, ctx):
        return _plain_help_option(super().get_help_option(ctx))


class _Command(typer.core.TyperCommand):
    def get_help_option(self, ctx):
        return _plain_help_option(super().get_help_option(ctx))

    def format_help(self, ctx, formatter) -> None:
        written = [(p, p.help) for p in self.params if getattr(p, "help", None)]
        try:
            for param, text in written:
                param.help = _fill_help(text)
            super().format_help(ctx, formatter)
        finally:  # the next help names what is registered then
            for param, text in written:
                param.help = text


def _either(names: list[str]) -> str:
    """``a, b or c``."""
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


app = typer.Typer(
    name="timeline",
    cls=_Group,
    help="Dated, sourced event timelines and summaries from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain help: rich's help renderer alone costs more than the rest of the start
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Every option is declared once, here.  Options that go together are a group (a NamedTuple
# of Annotated fields): a command names the groups it takes, typer sees their fields as
# options (see _command), and the command gets each group as one value.

# Sources are strings, not Paths: a Path would turn "https://x" into "https:/x".
SOURCES_HELP = (
    "Files or folders (read recursively), http(s) URLs, or - for stdin: text/Markdown, "
    "HTML pages, RSS/Atom feeds, JSON/JSONL records."
)
FilesArgument = Annotated[list[str], typer.Argument(help=SOURCES_HELP)]
SourcesArgument = Annotated[
    list[str] | None,
    typer.Argument(help=SOURCES_HELP + " Default: ./sources", show_default=False),
]


class InputOptions(NamedTuple):
    """How sources are read (every command that reads them)."""

    follow: Annotated[
        bool,
        typer.Option(
            "--follow", help="Fetch the page each feed entry links to and read it instead."
        ),
    ] = False
    max_file_size: Annotated[
        str | None,
        typer.Option(
            "--max-file-size",
            metavar="SIZE",
            help="Skip any file, page or stdin larger than this: 10MB (default), 500KB, 2M, bytes.",
            show_default=False,
        ),
    ] = None
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Stop at the first input that cannot be read (exit 3), writing nothing.",
        ),
    ] = False


class DatingOptions(NamedTuple):
    """How dates in the text are read (dates, build, embed)."""

    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for articles that do not give one."),
    ] = None
    month_first: Annotated[
        bool, typer.Option(help="Read 03/04/2019 as 4 March (US style), not 3 April.")
    ] = False


class SummaryOptions(NamedTuple):
    """How each article is summarised (summarize, build, embed)."""

    summarizer: Annotated[str, typer.Option(help="{summarizers}.")] = "news"
    sentences: Annotated[int, typer.Option(min=1, help="Sentences per article summary.")] = 3
    ratio: Annotated[
        float | None,
        typer.Option(help="Summary length as a share of each article's sentences (0-1]."),
    ] = None


class ContentOptions(NamedTuple):
    """What a timeline holds: its title, which dates, labelled in which locale (build, and
    embed for every block that does not set its own)."""

    title: Annotated[str | None, typer.Option(help="Title of the timeline.")] = None
    query: Annotated[
        str | None, typer.Option(help='Keep what is about these words (e.g. "swine flu").')
    ] = None
    since: Annotated[str | None, typer.Option(help="Keep dates from this day on (YYYY-MM-DD).")] = (
        None
    )
    until: Annotated[str | None, typer.Option(help="Keep dates up to this day (YYYY-MM-DD).")] = (
        None
    )
    max_dates: Annotated[
        int | None,
        typer.Option(min=1, help="At most this many dates: the ones the articles refer to most."),
    ] = None
    per_date: Annotated[
        int | None, typer.Option(min=1, help="Summarise each date in this many sentences.")
    ] = None
    locale: Annotated[
        str, typer.Option(help='Write date labels in this locale (fr: "22 janvier 2019").')
    ] = "en"


class RunOptions(NamedTuple):
    """Where the per-article work runs (build, embed)."""

    jobs: Annotated[
        int, typer.Option(min=0, help="Processes for the per-article work (0: one per core).")
    ] = 0
    cache: Annotated[
        Path | None,
        typer.Option(help="Keep per-article results here; a rebuild redoes only new articles."),
    ] = None
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask.")] = (
        "local"
    )
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With --engine dask: the scheduler of a running cluster (tcp://host:8786)."
        ),
    ] = None


_GROUPS = (InputOptions, DatingOptions, SummaryOptions, ContentOptions, RunOptions)


def _command(name: str | None = None) -> Callable[[Callable], Callable]:
    """Register a command: typer sees the fields of each option group it takes as options
    of their own, and the library's errors become one line and an exit code."""

    def decorate(func: Callable) -> Callable:
        import inspect

        hints = get_type_hints(func, include_extras=True)
        params: list[inspect.Parameter] = []
        groups: dict[str, type] = {}
        for param in inspect.signature(func).parameters.values():
            kind = hints[param.name]
            if kind not in _GROUPS:
                params.append(param.replace(annotation=kind))
                continue
            groups[param.name] = kind
            fields = get_type_hints(kind, include_extras=True)
            params += [
                param.replace(name=f, annotation=fields[f], default=kind._field_defaults[f])
                for f in kind._fields
            ]
        names = [p.name for p in params]
        assert len(set(names)) == len(names), f"{func.__name__}: an option is taken twice"

        @functools.wraps(func)
        def flat(**values):
            for group, kind in groups.items():
                values[group] = kind(*(values.pop(f) for f in kind._fields))
            return func(**values)

        flat.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        flat.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name, cls=_Command)(_handled(flat))
        return func

    return decorate


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Dated, sourced event timelines and summaries from news articles.

    Example: timeline build sources/ -o briefing.md
    """


def _handled(func):
    """Turn the library's errors into one line on stderr and their exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TimelineError as exc:
            typer.echo(f"timeline: error: {exc}", err=True)
            raise typer.Exit(int(exc.exit_code)) from None

    return wrapper


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def _warn(message: str) -> None:
    typer.echo(f"timeline: warning: {message}", err=True)


# Binary multiples, as the readers' own messages count them ("larger than 1 MB" is 2**20).
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def _parse_size(value: str | None) -> int | None:
    """``--max-file-size``: "10MB", "500KB", "2M", "1.5MiB" or a number of bytes."""
    if value is None:
        return None
    m = _SIZE.fullmatch(value)
    size = int(float(m[1]) * _UNITS[m[2].lower()]) if m else 0
    if size < 1:
        raise UsageError(
            f"--max-file-size {value!r} is not a size: give e.g. 10MB, 500KB, 2M or bytes"
        )
    return size


def _on_skip(strict: bool) -> Callable[[ReadFailure], None]:
    """What to do with each input that cannot be read, as soon as it is found: warn, or
    under --strict end the run there, before anything is written."""

    def skip(failure: ReadFailure) -> None:
        if strict:
            raise StrictInputError(f"stopped by --strict at {failure}")
        _warn(f"skipped {failure}")

    return skip


def _finish(articles: int, skipped: int, duplicates: int = 0) -> None:
    """The last line of a run that read sources, and its exit: PARTIAL when inputs were
    skipped, so a script can tell a complete output from one made without them."""
    line = f"timeline: {articles} article{'' if articles == 1 else 's'}, {skipped} skipped"
    if duplicates:
        line += f", {duplicates} duplicate{'' if duplicates == 1 else 's'} read once"
    typer.echo(line, err=True)
    if skipped:
        raise typer.Exit(int(ExitCode.PARTIAL))


def _check_output_folder(output: Path) -> None:
    """A missing output folder, refused before the work rather than after it."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{output}: the folder {folder} does not exist")


def _check_not_a_source(
    output: Path, sources: Iterable[str], name: str, advice: str = "write the output elsewhere"
) -> None:
    """Refuse, before any work, an output (``name`` says which, in the message) that would
    overwrite one of the sources, or land in a source folder where it would be read as an
    article: the next run's timeline would cite the last one's output."""
    from .sources import is_article_name
    from .sources.web import is_url

    target = Path(os.path.realpath(output))
    for given in sources:
        if given == "-" or is_url(given):
            continue
        source = Path(given)
        real = Path(os.path.realpath(source))
        if target == real or _same_file(output, source):
            raise UsageError(f"{name} is one of the sources: {advice}")
        if not real.is_dir() or not target.is_relative_to(real):
            continue
        inside = target.relative_to(real).parts
        if not any(part.startswith(".") for part in inside[:-1]) and is_article_name(target.name):
            if target.exists():
                raise UsageError(f"{name} is one of the sources: {advice}")
            raise UsageError(
                f"{name} is inside the source folder {given}, where it would be read as an "
                f"article: {advice}"
            )


def _same_file(a: Path, b: Path) -> bool:
    """True for two names of one file (a hard link too); False when either does not exist."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_output(data: str | bytes | Iterable[str | bytes], output: Path | None) -> None:
    """Write to ``output`` atomically (a temporary file renamed into place), or stdout.

    ``data`` is the whole output or its pieces in order (a large timeline is rendered as
    it is written).  Text is written as UTF-8 with its line endings as they are; bytes
    (docx, or a document ``embed`` keeps byte for byte) as they are.  Bytes go to stdout
    only when it is not a terminal: a binary format would garble the screen.  When making
    the output fails half way, an existing file at ``output`` is left as it was.
    """
    pieces = iter([data]) if isinstance(data, (str, bytes)) else iter(data)
    if output is None:
        for piece in pieces:
            if isinstance(piece, bytes):
                if sys.stdout.isatty():
                    raise UsageError(
                        "this format is binary: pass -o FILE (e.g. -o timeline.docx) or "
                        "redirect standard output"
                    )
                sys.stdout.flush()
                sys.stdout.buffer.write(piece)
                sys.stdout.buffer.flush()
            else:
                sys.stdout.write(piece)
        sys.stdout.flush()
        return
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{output}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
        # mkstemp makes the file private (0600); the result should have the mode the file
        # had, or the one any new file gets under the user's umask
        os.chmod(tmp, _mode_for(output))
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{output}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(output: Path) -> int:
    try:
        return output.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _config(
    sources: list[str],
    summary: SummaryOptions,
    dating: DatingOptions,
    content: ContentOptions,
    inputs: InputOptions,
    running: RunOptions,
    **extra: Any,
) -> BuildConfig:
    """The build the shared options ask for (``extra``: what only one command sets)."""
    from .config import BuildConfig
    from .engine import default_jobs

    since, until = _parse_day(content.since, "--since"), _parse_day(content.until, "--until")
    if since and until and since > until:
        raise UsageError(f"--since {content.since} is after --until {content.until}")
    query = content.query
    return BuildConfig(
        sources=tuple(sources),
        published=_parse_day(dating.published, "--published"),
        follow=inputs.follow,
        max_bytes=_parse_size(inputs.max_file_size),
        summarizer=summary.summarizer,
        sentences=summary.sentences,
        ratio=summary.ratio,
        day_first=not dating.month_first,
        jobs=running.jobs or default_jobs(),
        engine=running.engine,
        scheduler=running.scheduler,
        cache=running.cache,
        title=content.title,
        query=(query,) if query and query.strip() else (),
        since=since,
        until=until,
        max_dates=content.max_dates,
        per_date=content.per_date,
        **extra,
    )


@_command()
def build(
    sources: SourcesArgument = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="{formats}. Default: from the -o suffix, else md.",
        ),
    ] = None,
    summary: SummaryOptions = SummaryOptions(),
    dating: DatingOptions = DatingOptions(),
    content: ContentOptions = ContentOptions(),
    inputs: InputOptions = InputOptions(),
    fragment: Annotated[
        bool,
        typer.Option(help="HTML: only the timeline <section>, styles scoped, for embedding."),
    ] = False,
    mermaid: Annotated[
        bool, typer.Option(help="Markdown: add a Mermaid timeline diagram.")
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option(help="Render with this jinja2 template (context: templates/README.md)."),
    ] = None,
    running: RunOptions = RunOptions(),
) -> None:
    """Build the timeline of a set of articles.

    Example: timeline build sources/ -o timeline.html

    For many articles: timeline build news/ --query "swine flu" --since 2009-03-18
    --until 2009-04-29 --max-dates 12 --per-date 3 -o timeline.md

    Feeds, pages and exports: timeline build https://example.com/feed.rss --follow
    """
    from .pipeline import build as build_timeline
    from .render import format_for_path, formats, render_chunks

    locale = content.locale
    strict = inputs.strict
    if fmt is None and template is not None:
        # a custom template writes what it writes: the format only picks escaping rules
        fmt = "html" if ".htm" in template.name.lower() else "md"
    if fmt is None:
        fmt = "md"
        if output is not None:
            guessed = format_for_path(str(output))
            if guessed is None:
                raise UsageError(
                    f"cannot tell the format from {output.name!r}: pass --format "
                    f"({', '.join(formats())})"
                )
            fmt = guessed
    elif fmt not in formats():
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(formats())}")
    from .render import RenderOptions

    # made (and the locale checked) before the work, not after it
    rendering = RenderOptions(locale, fragment=fragment, mermaid=mermaid, template=template)
    paths = sources or ["sources"]
    # Articles are read as they are processed, a large corpus's events and entries go to
    # disk as they are made (store "auto"), and the output is written as it is rendered:
    # memory follows the busiest month of the corpus, not its size.
    config = _config(paths, summary, dating, content, inputs, running, keep_text=False)
    if output is not None:
        _check_output_folder(output)
        _check_not_a_source(output, paths, f"-o {output}")
    built = build_timeline(config, on_failure=_on_skip(strict))
    timeline = built.timeline
    # notes (a feed link not followed) are printed with the timeline's own warnings
    for note in timeline.warnings:
        if not note.startswith("skipped "):
            _warn(note)
    chunks = render_chunks(timeline, fmt, rendering)
    write_output(chunks, output)
    if output is not None:
        typer.echo(f"timeline: wrote {output} ({len(timeline.entries)} entries)", err=True)
    _finish(built.articles, len(built.failures), len(built.duplicates))


@_command()
def dates(
    files: FilesArgument,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "table",
    dating: DatingOptions = DatingOptions(),
    inputs: InputOptions = InputOptions(),
) -> None:
    """List every temporal expression in the articles, normalised to TimeML.

    One JSON object per expression with --format jsonl: file, start, end (character
    offsets into the article body), text, type, value, mod, granularity, range and
    how it was resolved.

    Example: timeline dates sources/*.md --format jsonl
    """
    from .engine import with_language
    from .segment import sentences as split_sentences
    from .temporal import tag

    if fmt not in ("jsonl", "table"):
        raise UsageError(f"unknown format {fmt!r}: choose jsonl or table")
    day = _parse_day(dating.published, "--published")
    reading = _read(files, inputs, published=day)
    articles = reading.articles
    rows = []
    for article in map(with_language, articles):
        sents = split_sentences(article.body)
        day_first = not dating.month_first
        for m in tag(article.body, sents, article.published, article.language, day_first):
            t = m.time
            rows.append(
                {
                    "file": article.path,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "type": t.type,
                    "value": t.value,
                    "mod": t.mod,
                    "granularity": t.granularity,
                    "range": [t.start.isoformat(), t.end.isoformat()] if t.is_calendar else None,
                    "resolution": m.resolution,
                    "sentence": m.sentence,
                    "rule": m.rule,
                }
            )
    out = sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        out.write(_table(rows, ["file", "start", "end", "text", "type", "value", "resolution"]))
    out.flush()
    if not articles:
        raise _no_articles(files, reading.failures)
    _finish(len(articles), len(reading.failures), len(reading.duplicates))


@_command()
def summarize(
    files: FilesArgument,
    summary: SummaryOptions = SummaryOptions(),
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or jsonl.")] = "text",
    inputs: InputOptions = InputOptions(),
) -> None:
    """Summarise each article in a few of its own sentences, in article order.

    With --format jsonl, one {"file", "summary": [sentences]} object per article.

    Example: timeline summarize sources/ --sentences 2 --format jsonl
    """
    from .engine import with_language
    from .segment import sentences as split_sentences
    from .summarize import length_for
    from .summarize import summarize as run_summary

    if fmt not in ("jsonl", "text"):
        raise UsageError(f"unknown format {fmt!r}: choose text or jsonl")
    reading = _read(files, inputs)
    articles = reading.articles
    out = sys.stdout
    for k, article in enumerate(map(with_language, articles)):
        sents = split_sentences(article.body)
        chosen = run_summary(
            sents,
            language=article.language,
            count=length_for(len(sents), summary.sentences, summary.ratio),
            method=summary.summarizer,
        )
        picked = [s.text for s in chosen]
        if fmt == "jsonl":
            out.write(json.dumps({"file": article.path, "summary": picked}, ensure_ascii=False))
            out.write("\n")
        else:
            out.write(("\n" if k else "") + f"# {article.path}\n" + "\n".join(picked) + "\n")
    out.flush()
    if not articles:
        raise _no_articles(files, reading.failures)
    _finish(len(articles), len(reading.failures), len(reading.duplicates))


@_command("embed")
def embed_command(
    briefing: Annotated[
        Path,
        typer.Argument(help="The Markdown (.md) or HTML (.html) document to update."),
    ],
    sources: SourcesArgument = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 5 when a block is out of date (for CI)."),
    ] = False,
    summary: SummaryOptions = SummaryOptions(),
    dating: DatingOptions = DatingOptions(),
    content: ContentOptions = ContentOptions(),
    inputs: InputOptions = InputOptions(),
    running: RunOptions = RunOptions(),
) -> None:
    """Fill the timeline blocks of a briefing, keeping everything around them as it is.

    A block is what lies between the lines <!-- timeline:start --> and
    <!-- timeline:end --> of a Markdown or HTML document; it gets the timeline in the
    document's format (Markdown, or the HTML fragment).  A start marker may name the block
    and override options for it: <!-- timeline:start name=rabat since=2019-01-01
    query="NATO" --> (also until, max-dates, per-date, locale, title, sources=PATH relative
    to the briefing, level=N for Markdown headings).  The options here apply to every block.

    Example: timeline embed briefing.md sources/

    In CI: timeline embed --check briefing.md sources/ (exit 5 when out of date)
    """
    from .embed import Look, embed_file
    from .render import check_locale

    strict = inputs.strict
    # a briefing among its own sources would be read as an article, and its timeline
    # would change each time it is written
    _check_not_a_source(
        briefing, sources or ["sources"], str(briefing), "keep the briefing out of its sources"
    )
    look = Look(locale=check_locale(content.locale))
    config = _config(sources or ["sources"], summary, dating, content, inputs, running, render=look)
    result = embed_file(briefing, config, on_failure=_on_skip(strict))
    for note in result.warnings:
        if not note.startswith("skipped "):  # those were told as they were met
            _warn(note)
    if result.up_to_date:
        typer.echo(f"timeline: {briefing}: up to date", err=True)
    else:
        stale = ", ".join(b.label for b in result.stale)
        if check:
            typer.echo(f"timeline: {briefing}: out of date: {stale}", err=True)
            raise typer.Exit(int(ExitCode.STALE))  # one line, like an error: CI acts on it
        # write through a symbolic link, not over it
        write_output(result.text.encode("utf-8"), briefing.resolve())
        typer.echo(f"timeline: {briefing}: updated {stale}", err=True)
    _finish(result.articles, len(result.skipped))


def _read(sources: list[str], inputs: InputOptions, published: date | None = None) -> Reading:
    """Read the sources, warning (one line each) about what was skipped as it is found and
    then about what was noted; under --strict the first skip raises StrictInputError."""
    from .sources import iter_sources

    reading = iter_sources(
        sources,
        published=published,
        follow=inputs.follow,
        max_bytes=_parse_size(inputs.max_file_size),
        on_failure=_on_skip(inputs.strict),
    ).reading()
    for note in reading.notes:
        _warn(note)
    return reading


def _no_articles(paths, failures) -> TimelineError:
    from .errors import NoArticlesError

    return NoArticlesError(
        "no articles found in "
        + ", ".join(str(p) for p in paths)
        + (" (none could be read)" if failures else "")
    )


def _table(rows: list[dict], columns: list[str]) -> str:
    cells = [[str(c) for c in columns]] + [
        [str(row[c]) if row[c] is not None else "" for c in columns] for row in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script: run the app, map errors to exit codes."""
    try:
        # without standalone mode click returns the code of a typer.Exit instead of raising
        code = app(args=argv, prog_name="timeline", standalone_mode=False)
    except KeyboardInterrupt:
        typer.echo("timeline: interrupted", err=True)
        return int(ExitCode.INTERRUPTED)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        typer.echo("timeline: aborted", err=True)
        return int(ExitCode.INTERRUPTED)
    except Exception as exc:  # click's usage errors and anything else
        # typer may carry its own copy of click (typer._click): recognise its usage errors
        # by what they do, not by which module defined them
        if callable(getattr(exc, "show", None)) and isinstance(
            getattr(exc, "exit_code", None), int
        ):
            exc.show()
            return int(exc.exit_code)
        if isinstance(exc, BrokenPipeError):
            return int(ExitCode.OK)
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        # a bug: one line a user can paste into a report, not a traceback in their face
        detail = " ".join(str(exc).split())
        typer.echo(
            f"timeline: internal error: {type(exc).__name__}: {detail} (a bug: please report "
            "it; TIMELINE_DEBUG=1 shows the traceback)",
            err=True,
        )
        return int(ExitCode.FAILURE)
    return code if isinstance(code, int) else int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
