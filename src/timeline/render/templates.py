"""The jinja2 side of rendering: the environment, its filters, and rendering a built-in
template or a user's own (``--template FILE.j2``) with :func:`context`.

Templates are looked up in the package's ``templates`` folder (where the wheel puts
them), else in the repository's top-level ``templates/`` (editable installs and source
checkouts).  HTML templates are autoescaped, Markdown ones are not (they use the
``md_escape`` filter).  Undefined names are errors.  Article text is only ever passed to a
template as data; it is never compiled as a template itself.

Besides the context, a template sees the render's switches: ``fragment``, ``mermaid``
and ``locale``.  Filters: ``md_escape`` (escape article text for Markdown inline use),
``md_url`` (make a URL safe inside a Markdown link), ``mermaid_text``, ``ucfirst``
(capitalise a label for a heading), ``count`` (``n | count("entry", "entries")`` ->
"4 entries"), ``date_label`` (in the render's locale).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from ..errors import TemplateError, TimelineError
from ..model import Timeline, TimeValue
from .context import context, streaming_context
from .labels import date_label
from .options import RenderOptions
from .text import count, md_escape, md_url, mermaid_text, ucfirst

__all__ = [
    "environment",
    "render_custom",
    "render_template",
    "template_chunks",
    "template_dirs",
]


def template_dirs() -> tuple[Path, ...]:
    """Where the built-in templates are looked for, in order: inside the installed
    package (a wheel), then the source checkout's top-level ``templates/``."""
    here = Path(__file__).resolve()
    return (here.parents[1] / "templates", here.parents[3] / "templates")


@jinja2.pass_context
def _date_label(ctx: jinja2.runtime.Context, tv: TimeValue) -> str:
    return date_label(tv, ctx.get("locale", "en"))


@functools.lru_cache(maxsize=8)
def environment(extra: str | None = None) -> jinja2.Environment:
    """The jinja2 environment for the built-in templates (cached); ``extra`` is a folder
    searched first, for a user's own template (which may include or extend the built-in
    ones).  Autoescaping is on for every ``*.html.j2``/``*.htm.j2``/``*.xml.j2`` template.

    Article text only ever reaches a template as data: "{{ 7*7 }}" in an article is
    printed as written, never evaluated."""
    candidates = template_dirs()
    folder = next((d for d in candidates if d.is_dir()), None)
    if folder is None:
        tried = ", ".join(str(d) for d in candidates)
        raise TimelineError(f"cannot find the output templates (looked in {tried})")
    folders = [extra, str(folder)] if extra else [str(folder)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(
            ["html.j2", "htm.j2", "xml.j2", "html", "htm", "xml"], default=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        mermaid_text=mermaid_text,
        md_escape=md_escape,
        md_url=md_url,
        ucfirst=ucfirst,
        count=count,
        date_label=_date_label,
    )
    return env


def _switches(options: RenderOptions) -> dict[str, Any]:
    return {"fragment": options.fragment, "mermaid": options.mermaid, "locale": options.locale}


def render_template(
    name: str, timeline: Timeline, options: RenderOptions | None = None, **extra: Any
) -> str:
    """Render the named built-in template with :func:`context` of the timeline, the
    switches of ``options`` and any ``extra`` variables."""
    options = options or RenderOptions()
    try:
        template = environment().get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise TimelineError(f"template not found: {name}") from exc
    return template.render(**context(timeline, options), **_switches(options), **extra)


def template_chunks(name: str, timeline: Timeline, options: RenderOptions) -> Iterator[str]:
    """The named built-in template rendered as it walks the entries, a piece at a time
    (:func:`streaming_context`: the entries are iterated once, never held)."""
    template = environment().get_template(name)
    return template.generate(**streaming_context(timeline, options), **_switches(options))


def render_custom(
    path: str | Path, timeline: Timeline, options: RenderOptions | None = None
) -> str:
    """Render a user's template file (``--template FILE.j2``) with the documented context
    (templates/README.md).  Raises TemplateError for a template that does not load or
    fails to render, naming the file and line."""
    options = options or RenderOptions()
    file = Path(path)
    if not file.is_file():
        raise TemplateError(f"{path}: no such template file")
    try:
        env = environment(str(file.resolve().parent))
        template = env.get_template(file.name)
        text = template.render(**context(timeline, options), **_switches(options))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}:{exc.lineno}: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{path}: {exc.message} (see templates/README.md)") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{path}: {exc}") from None
    return text if text.endswith("\n") else text + "\n"
