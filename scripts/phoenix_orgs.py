#!/usr/bin/env python3
"""Convert the Phoenix (PETRARCH2) dictionaries' organizations into polemos's data format.

Usage: scripts/phoenix_orgs.py [--check] [DICT_DIR] > crates/polemos-extract/data/organizations-phoenix.tsv

Reads Phoenix.International.actors.txt (intergovernmental and non-governmental organizations)
and Phoenix.MilNonState.actors.txt (armed and militant groups, from the START TOPS database),
both MIT licensed (Open Event Data Alliance, see data/LICENSE-petrarch2). DICT_DIR defaults to
../shared/corpora/petrarch2-dictionaries. An entry is a NAME_ line, `+ALIAS` lines and `[CODE]`
lines (see phoenix_people.py). Every organization entry becomes one line

    org|id|kind|Display Name|aliases;...|CAMEO code

with the kind from the code: IGO... and NGO... international_organization (polemos has no
kind of its own for non-governmental bodies; the scorer's organizations are one class), REB,
INS, IMG and the MilNonState file armed_group. Left out:
  - people: entries marked CountryInfo, entries whose roles carry dates, and names without a
    word that names a body (a person's name in the international file carries no date);
  - corporations (MNC), media and elites, and codes polemos does not read;
  - names that ordinary English would match: a name of one word that occurs in lower case in
    the UD English Web Treebank (`../shared/corpora/ud-english-ewt`, "rebels", "freedom"),
    names of two or three words made only of such words, state names, demonyms and capitals
    ("Islamic Army", "Popular Front", "Iraqi Army"), acronyms of fewer than three letters;
  - any name polemos's hand-written data already holds (states, organizations, people,
    titles, outlets): those rows win.
One-word names of at most five letters are acronyms and are written in capitals, so the
gazetteer matches them only so written; longer names are written with capitals and need a
capital first letter in the text. Standard library only; the output is sorted, so a rerun
gives the same file. `--check` compares the output with the committed file.
"""

import os
import re
import sys

# The dictionary reader the people's conversion uses (this script's directory is on the path).
from phoenix_people import entries, title_case, words

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "crates", "polemos-extract", "data")
OUT = os.path.join(DATA, "organizations-phoenix.tsv")
DEFAULT_DICTS = os.path.join(ROOT, "..", "shared", "corpora", "petrarch2-dictionaries")
UD = os.path.join(ROOT, "..", "shared", "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu")
SMALL = {"of", "the", "and", "for", "in", "on", "to", "at", "de", "du", "des", "la", "le", "el", "al"}
# Words that make a name a body's (an entry of the international file without one is a person).
BODY_WORDS = {
    "ORGANIZATION", "ORGANISATION", "AGENCY", "FUND", "COUNCIL", "COMMISSION", "BANK",
    "FRONT", "ARMY", "MOVEMENT", "BRIGADE", "BRIGADES", "PARTY", "LEAGUE", "UNION", "COURT",
    "TRIBUNAL", "PROGRAMME", "PROGRAM", "INSTITUTE", "FOUNDATION", "COMMITTEE", "CROSS",
    "CENTER", "CENTRE", "WATCH", "ASSOCIATION", "FEDERATION", "GROUP", "FORCES", "FORCE",
    "ALLIANCE", "FORUM", "SOCIETY", "NETWORK", "OFFICE", "CONFERENCE", "COMMUNITY",
    "SECRETARIAT", "MISSION", "CORPS", "GUARD", "GUARDS", "MILITIA", "CELLS", "CELL",
    "ORGANIZATIONS", "COMMANDOS", "FIGHTERS", "MUJAHIDEEN", "BATTALION", "BATTALIONS",
    "LEGION", "COMMAND", "INTERNATIONAL", "BOARD", "AUTHORITY", "PARLIAMENT", "ASSEMBLY",
    "INITIATIVE", "TRUST", "CAMPAIGN", "COALITION", "CONGRESS", "FELLOWSHIP", "RELIEF",
    "AID", "SERVICE", "SERVICES", "PANEL", "BUREAU", "CONVENTION", "PACT", "TIGERS",
    # The same in the languages the armed groups' names come in.
    "LASHKAR", "LASHKAR-E", "JAISH", "JAISH-E", "HARAKAT", "JAMAAT", "JAMAA", "JAMIAT", "HIZB",
    "HEZB", "TANZIM", "KATAIB", "KATAEB", "SARAYA", "ANSAR", "JABHAT", "JIHAD", "FRENTE",
    "EJERCITO", "FUERZAS", "MOVIMIENTO", "COMANDO", "KOMANDO", "BRIGADAS", "FRONTE", "ARMATA",
    "NUCLEI", "GRUPPO", "AUTODEFENSAS", "PARTIDO", "PARTI", "ORGANIZACION", "MOUVEMENT",
}


def read_vocabulary():
    """Words written in lower case in ordinary English (UD EWT train)."""
    vocab = set()
    with open(UD, encoding="utf-8") as f:
        for line in f:
            if not line or line[0] == "#" or "\t" not in line:
                continue
            form = line.split("\t", 2)[1]
            if form.isalpha() and form.islower():
                vocab.add(form)
    return vocab


def read_known():
    """Names and place words polemos's hand-written data holds (lower case)."""
    names, places = set(), set()
    for fname in ("states.tsv", "organizations.tsv", "people.tsv", "people-recent.tsv", "titles.tsv"):
        with open(os.path.join(DATA, fname), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "|" not in line:
                    continue
                fs = line.rstrip("\n").split("|")
                if fs[0] == "state":
                    for field in fs[4:9]:
                        for n in field.split(";"):
                            if n:
                                names.add(n.lower())
                                places.update(w.lower() for w in re.split(r"[\s\-]+", n) if w)
                elif fs[0] == "org" or fs[0] == "media":
                    for field in fs[2:5]:
                        names.update(n.lower() for n in field.split(";") if n)
                elif fs[0] == "venue":
                    # A venue is no actor: "during the UN General Assembly session".
                    for field in fs[2:4]:
                        names.update(n.lower() for n in field.split(";") if n)
                elif fs[0] == "place":
                    names.add(fs[1].lower())
                elif fs[0] == "person":
                    names.update(n.lower() for n in [fs[2]] + fs[3].split(";") if n)
                elif fs[0] == "title":
                    names.update(n.lower() for n in fs[3].split(";") if n)
    return {norm(n) for n in names}, places


def norm(name):
    """A name as the scorer compares it: lower case, dots dropped, other marks a space."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower().replace(".", "")).split())


def kind_of(code, armed_file):
    head, rest = code[:3], code[3:]
    if armed_file or head == "IMG" or rest.startswith(("REB", "INS")):
        return "armed_group"
    if head in ("IGO", "NGO"):
        return "international_organization"
    return None


def parse_name(raw):
    """(words, acronyms in parentheses) of a dictionary name."""
    acronyms = re.findall(r"\(([A-Z0-9.\-&]+)\)", raw)
    raw = re.sub(r"\([^)]*\)", " ", raw)
    return words(raw.replace("_", " ")), acronyms


def written(ws):
    """An organization's name: a short all-capitals word is an acronym; small words ("of", "the")
    in lower case, abbreviations and KEPT_CAPS words in capitals."""
    if len(ws) == 1 and len(re.sub(r"[^A-Z]", "", ws[0])) <= 5:
        return ws[0]
    text = title_case(ws, SMALL, lambda p, w: ("." in p and len(p) <= 4) or w.upper() in KEPT_CAPS)
    return text.replace("'S ", "'s ")


# Names ordinary English uses for something else, whatever the vocabulary says: "ETA"
# (estimated time of arrival), "Tigers" (teams; the Tamil Tigers keep their longer names).
# "UN Mission" names any of the UN's missions.
AMBIGUOUS = {"ETA", "TIGERS", "UN MISSION"}
# Names a review of invented news sentences (2026-12-07) found matching other things, or naming
# no one body: English words and translations ("Lightning", "Falcon"), descriptions ("Syrian
# Mujahideen", "Islamic Union", "Army of the Prophet"), acronyms of other living bodies ("ICAC",
# Hong Kong's anti-corruption commission; "ANA", an airline and an army), a person's name
# ("Shahin"), a fictional body (Torchwood), a news agency (Inter Press Service), UN organs that
# would stand beside the UN as second actors, a governing party's name (Bersatu), and aliases
# filed under another group ("Al-Qaeda Organization" under the Islambouli Brigades). Compared as
# `norm` writes them.
LEFT_OUT = {
    "torchwood institute", "islamic union", "syrian mujahideen", "fallujah mujahideen",
    "caucasian mujahideen", "mujahideen army", "liberation battalion", "white legion",
    "patriots council", "hotaru", "venceremos", "mavericks", "isa", "ana",
    "inter press service", "secretariat of the un", "secretariat of the united nations",
    "un secretariat", "united nations secretariat", "un mission in sudan", "bersatu",
    "lightning", "falcon", "shahin", "muslim aid", "erg", "pra", "crf", "fpc", "icac", "nta",
    "iaa", "cba", "al qaeda organization", "army of the prophet", "army of mohammed",
    "mohammeds army", "muhammeds army", "muhammed", "marxist leninist", "machete",
    "volcano organization", "falcon brigades", "hawk brigades", "green battalion",
    "kansas militia", "partisans league",
}
# Acronyms inside longer names that stay in capitals ("UN Secretariat", not "Un Secretariat").
KEPT_CAPS = {"UN", "EU", "US", "UK", "AU", "OAS", "NATO", "OSCE", "ASEAN", "ECOWAS", "SADC"}


def usable(ws, vocab, known, places):
    if not ws or len(ws) > 8:
        return False
    if " ".join(ws).upper() in AMBIGUOUS:
        return False
    if not all(re.fullmatch(r"[A-Za-z][A-Za-z.'\-&]*", w) for w in ws):
        return False
    text = written(ws)
    if norm(text) in known:
        return False
    letters = re.sub(r"[^A-Za-z]", "", text)
    if len(ws) == 1:
        return len(letters) >= 3 and ws[0].lower() not in vocab and ws[0].lower() not in places
    # A specific word: neither ordinary English in lower case nor a place.
    def plain(w):
        parts = [p for p in re.split(r"[\-']", w.lower()) if p]
        return all(p in vocab or p in places or p in SMALL or p == "s" for p in parts)

    if len(ws) <= 3 and all(plain(w) for w in ws):
        return False
    # A name of several words without a word for a body is a person's ("Joseph Kony" under
    # the Lord's Resistance Army).
    return any(w.upper() in BODY_WORDS for w in ws)


def convert(dict_dir):
    vocab = read_vocabulary()
    known, places = read_known()
    rows = {}
    taken = {}
    for fname, armed in (("Phoenix.International.actors.txt", False), ("Phoenix.MilNonState.actors.txt", True)):
        for names, codes, marked in entries(os.path.join(dict_dir, fname)):
            if marked or not codes or any(c[2] or c[3] or c[1] for c in codes):
                continue
            code = codes[0][0]
            kind = kind_of(code, armed)
            if kind is None:
                continue
            head_ws, head_acr = parse_name(names[0])
            if not any(w.upper() in BODY_WORDS for w in head_ws) and not (armed or len(head_ws) == 1):
                continue
            if not armed and len(head_ws) == 1:
                # A one-word name in the international file is an acronym or a person's name.
                continue
            # A body the hand-written data holds under the entry's own name is that row's
            # ("HEZBOLLAH_" with Hezbollah's leader among its aliases).
            if norm(written([w for w in head_ws if w.upper() != "THE"] or head_ws)) in known:
                continue
            initials = "".join(w[0] for w in head_ws if w.lower() not in SMALL)
            # The file's last part ("NAME__") lists militants, one-word names among them.
            people_part = names[0].rstrip().endswith("__")
            aliases = []
            for i, raw in enumerate(names):
                ws, acr = parse_name(raw)
                if ws and ws[0].upper() == "THE":
                    ws = ws[1:]
                # One word under a longer name is a member's ("ZAWAHIRI" under "AYMAN_AL_
                # ZAWAHIRI", "NASRALLAH" under a group); a bare acronym needs its expansion
                # beside it ("EPA" alone), and a plural of a common word is one ("Tigers").
                if len(ws) == 1 and ws[0] == initials and len(ws[0]) >= 3 and i > 0:
                    acr = acr + ws
                    ws = []
                if len(ws) == 1 and (
                    people_part
                    or (i > 0 and len(head_ws) > 1)
                    or (len(ws[0]) <= 3 and not acr)
                    or (ws[0].lower().endswith("s") and ws[0].lower()[:-1] in vocab)
                ):
                    ws = []
                if usable(ws, vocab, known, places):
                    aliases.append(written(ws))
                for a in acr:
                    a = a.replace(".", "")
                    if (
                        len(a) >= 3
                        and a.isupper()
                        and a not in AMBIGUOUS
                        and norm(a) not in known
                        and a.lower() not in vocab
                    ):
                        aliases.append(a)
            aliases = [a for i, a in enumerate(aliases) if a not in aliases[:i] and norm(a) not in LEFT_OUT]
            if not aliases:
                continue
            # The entry's own name is how the body is known ("UNITA", "Karen National Union"
            # under "Kayin National Union" is an alias); else the longest alias.
            display = aliases[0] if parse_name(names[0])[0][-1:] == [] or aliases[0] == written(
                [w for w in head_ws if w.upper() != "THE"] or head_ws
            ) else max(aliases, key=lambda a: (len(a.split()), len(a)))
            ident = re.sub(r"[^A-Z0-9]+", "-", display.upper()).strip("-")
            if norm(display) in known:
                continue
            if ident in rows:
                old = rows[ident]
                if old[0] != kind:
                    continue
                old[3].extend(a for a in aliases if a not in old[3])
                continue
            rows[ident] = [kind, display, code, aliases]
    # An alias two bodies share names neither.
    owners = {}
    for ident, (_, _, _, aliases) in rows.items():
        for a in aliases:
            owners.setdefault(a.lower(), set()).add(ident)
    out = [
        "# International and non-state organizations converted from the Phoenix (PETRARCH2) actor",
        "# dictionaries Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt",
        "# (github.com/openeventdata/petrarch2, commit 676801cd; MIT, Open Event Data Alliance, see",
        "# LICENSE-petrarch2) by scripts/phoenix_orgs.py; do not edit, rerun the script. Rows of",
        "# organizations.tsv win over these on a shared name.",
        "# org|id|kind|Display name|aliases;...|CAMEO code",
    ]
    for ident in sorted(rows):
        kind, display, code, aliases = rows[ident]
        aliases = sorted(a for a in aliases if len(owners[a.lower()]) == 1)
        if display.lower() not in [a.lower() for a in aliases]:
            continue
        out.append(f"org|PHX-{ident}|{kind}|{display}|{';'.join(aliases)}|{code}")
    return "\n".join(out) + "\n"


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    text = convert(args[0] if args else DEFAULT_DICTS)
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUT} is not scripts/phoenix_orgs.py's output; rerun it")
        return
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
