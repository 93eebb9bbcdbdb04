"""Reads paperlist's BibTeX and RIS exports back with independent Python readers
(bibtexparser v2, rispy) and checks entry counts and titles against the
paperlist JSON export of the same library.

Usage: read_back.py LIBRARY.json REFS.bib REFS.ris
Prints one line per check; exits 1 when a check fails.
"""

import json
import re
import sys
import unicodedata

import bibtexparser
import rispy


def norm(title: str) -> str:
    """Folds case, accents, braces and punctuation, as paperlist's title key does."""
    title = re.sub(r"\\[a-zA-Z]+\s*|[{}\\]", "", title)
    title = unicodedata.normalize("NFKD", title)
    title = "".join(c for c in title if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", title.lower().replace("'", "")).split())


def main() -> int:
    library_path, bib_path, ris_path = sys.argv[1:4]
    with open(library_path, encoding="utf-8") as handle:
        entries = json.load(handle)["entries"]
    want = [norm(e["title"]) for e in entries]
    failures = 0

    library = bibtexparser.parse_file(bib_path)
    got = [norm(e.fields_dict["title"].value) if "title" in e.fields_dict else "" for e in library.entries]
    problems = []
    if library.failed_blocks:
        problems.append(f"{len(library.failed_blocks)} blocks failed to parse")
    if len(got) != len(want):
        problems.append(f"{len(got)} entries, expected {len(want)}")
    problems += [f"title {g!r} != {w!r}" for g, w in zip(got, want) if g != w]
    print(f"bibtexparser {bibtexparser.__version__}: {bib_path}: {len(got)} entries" + (f" FAILED: {problems[:3]}" if problems else " ok"))
    failures += bool(problems)

    with open(ris_path, encoding="utf-8") as handle:
        records = rispy.load(handle)
    got = [norm(r.get("title") or r.get("primary_title") or "") for r in records]
    problems = []
    if len(got) != len(want):
        problems.append(f"{len(got)} records, expected {len(want)}")
    problems += [f"title {g!r} != {w!r}" for g, w in zip(got, want) if g != w]
    authors = sum(len(r.get("authors", [])) for r in records)
    want_authors = sum(len(e["authors"]) for e in entries)
    if authors != want_authors:
        problems.append(f"{authors} authors, expected {want_authors}")
    print(f"rispy: {ris_path}: {len(got)} records" + (f" FAILED: {problems[:3]}" if problems else " ok"))
    failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
