"""The evaluation corpora of ../shared/corpora as article files the tool reads.

Shared by the benchmarks: each writes documents out with their publication date in front
matter, as a user would feed them to `timeline`.
"""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
T17 = SHARED / "t17"


def t17_articles(topic: str = "*", limit: int | None = None) -> list[tuple[str, str, str]]:
    """(name, publication date, text) of the non-empty Timeline17 articles of ``topic``
    (a folder name or glob).  ``limit`` counts files, empty ones included."""
    out = []
    for f in sorted(T17.glob(f"{topic}/InputDocs/*/*.txt"))[:limit]:
        text = f.read_text(encoding="utf-8")
        if text.strip():  # InputDocs/<publication date>/<id>.txt
            out.append((f"{f.parts[-4]}_{f.parent.name}_{f.stem}", f.parent.name, text))
    return out


def write_articles(
    docs: list[tuple[str, str, str]], folder: Path, source: str | None = None
) -> list[Path]:
    """Write (name, publication date, text) documents as `.txt` files with front matter."""
    paths = []
    for name, published, body in docs:
        front = f"published: {published}\n" + (f"source: {source}\n" if source else "")
        path = folder / f"{name}.txt"
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        paths.append(path)
    return paths
