#!/usr/bin/env python3
"""Rebuild the text of a Wikinews document of UD English GUM from its CoNLL-U file.

Usage: gum-news-text.py DOC_ID [CONLLU ...]
       gum-news-text.py --list [CONLLU ...]

DOC_ID is a GUM document id such as GUM_news_korea. The text is rebuilt from the
`# text =` lines: sentences of one paragraph are joined by single spaces, and paragraphs
(GUM's `# newpar` comments) are separated by a blank line. Sentences inside `figure` or
`caption` blocks (photo captions) are left out. The headline is the first paragraph. The
result goes to standard output, UTF-8, with a final newline.

The default CoNLL-U files are those of ../shared/corpora/ud-english-gum-open/ (train, dev, test).
Standard library only.
"""
import os
import re
import sys

DEFAULT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                           "corpora", "ud-english-gum-open")
DEFAULT_FILES = [os.path.join(DEFAULT_DIR, "en_gum-open-%s.conllu" % s)
                 for s in ("train", "dev", "test")]
BLOCK = re.compile(r"^\s*(\S+).*\((\d+) s\)\s*$")
SKIPPED = {"figure", "caption"}


def documents(paths):
    """Yield (doc_id, comment-and-text lines) for every document in the files."""
    doc, lines = None, []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# newdoc id = "):
                    if doc is not None:
                        yield doc, lines
                    doc, lines = line[len("# newdoc id = "):].strip(), []
                elif line.startswith("# "):
                    lines.append(line)
        if doc is not None:
            yield doc, lines
            doc, lines = None, []


def rebuild(lines):
    """The document's paragraphs, each a list of sentences, captions left out."""
    paragraphs = []
    stack = []  # open blocks: [name, sentences left]
    for line in lines:
        if line == "# newpar":
            paragraphs.append([])
        elif line.startswith("# newpar_block = "):
            for part in line[len("# newpar_block = "):].split(" | "):
                m = BLOCK.match(part)
                if not m:
                    raise ValueError("unexpected block: %r" % part)
                stack.append([m.group(1), int(m.group(2))])
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
            if not paragraphs:
                paragraphs.append([])
            if not any(name in SKIPPED for name, _ in stack):
                paragraphs[-1].append(text)
            for block in stack:
                block[1] -= 1
            stack = [b for b in stack if b[1] > 0]
    return [p for p in paragraphs if p]


def main(argv):
    if not argv:
        sys.exit(__doc__)
    listing = argv[0] == "--list"
    doc_id = None if listing else argv[0]
    paths = argv[1:] or DEFAULT_FILES
    found = False
    for doc, lines in documents(paths):
        if listing:
            if doc.startswith("GUM_news_"):
                title = next((l[len("# meta::title = "):] for l in lines
                              if l.startswith("# meta::title = ")), "")
                print("%s\t%s" % (doc, title))
        elif doc == doc_id:
            found = True
            sys.stdout.write("\n\n".join(" ".join(p) for p in rebuild(lines)) + "\n")
    if not listing and not found:
        sys.exit("no document %s" % doc_id)


if __name__ == "__main__":
    main(sys.argv[1:])
