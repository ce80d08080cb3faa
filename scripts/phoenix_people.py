#!/usr/bin/env python3
"""Convert the Phoenix (PETRARCH2) actor dictionaries' people into polemos's data format.

Usage: scripts/phoenix_people.py DICT_DIR > crates/polemos-extract/data/people.tsv

Reads Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (MIT, Open Event Data
Alliance). A dictionary entry is a NAME_ line, `+ALIAS` lines, and `[CODE YYMMDD-YYMMDD]` role
lines (`>DATE` from, `<DATE` until, no date: any time). An entry is a person when the
dictionary marks it as coming from CountryInfo (leaders and officials) or when its roles carry
dates (the international file's office holders). Every role becomes one line

    person|id|Display Name|aliases;...|STATE|ROLE|from|to

where STATE is the code's first three letters (an ISO3 code, or an organization id for IGO
codes) and ROLE the rest of the CAMEO code; repeated lines of one id add tenures. Names of one
word, names that start with a title ("PRESIDENT_KIIR") and codes polemos does not know are left
out: a surname alone is ambiguous and a title is found by the title rules. Entries that share a
name are merged into one person, and an office left open ends when the person's office for
another state begins (merge_namesakes, close_superseded). Standard library
only; the output is sorted, so a rerun gives the same file.
"""

import datetime
import os
import re
import sys

# CAMEO codes of organizations polemos knows (organizations.tsv), longest first.
IGO = [
    ("IGOUNOJUDICJ", "ICJ"),
    ("IGOUNOIAE", "IAEA"),
    ("IGOUNO", "UN"),
    ("IGOEEC", "EU"),
    ("IGONATO", "NATO"),
    ("IGOSEA", "ASEAN"),
    ("IGOAFR", "AU"),
    ("IGOWSTOAS", "OAS"),
    ("IGOARL", "ARAB-LEAGUE"),
    ("IGOIMF", "IMF"),
    ("IGOWTO", "WTO"),
    ("IGOGCC", "GCC"),
]

TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "KING", "QUEEN",
    "GENERAL", "SENATOR", "UN", "U.N.", "UNITED", "CHANCELLOR", "PREMIER", "SHEIKH", "SHEIK",
    "EMIR", "PRINCE", "SULTAN", "AYATOLLAH", "FORMER", "GOVERNOR", "COLONEL", "COL.", "GEN.",
    "DR.", "MR.", "MRS.", "MS.", "LEADER", "CHAIRMAN", "VICE", "DEPUTY", "AMBASSADOR", "POPE",
    "REP.", "SEN.", "GOV.", "ADMIRAL", "MARSHAL", "FIELD", "CAPTAIN", "MAJOR", "LIEUTENANT",
    "MR", "MRS", "MS", "DR", "US", "U.S.", "AMERICAN", "THE", "PRESIDENT-ELECT", "PRES.",
}
# Words that make a dictionary name a body or a titled phrase, not a name
# ("THE_OBAMA_ADMINISTRATION", "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN").
NOT_PERSON = {
    "ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET", "ARMY", "PARTY", "FORCES",
    "PRESIDENT", "MINISTER", "PRIME", "SECRETARY", "SECRETARY-GENERAL", "PREMIER", "CHANCELLOR",
    "SENATOR", "AMBASSADOR", "SPOKESMAN", "PRESIDENT-ELECT", "FOREIGN", "LEADER",
}
# State names and demonyms (from states.tsv): a name starting with one is a titled phrase.
PLACE_WORDS = set()
# Whole state names: an entry named like a state is that state (with dated codes), not a person.
STATE_NAMES = set()
PARTICLES = {"al", "el", "bin", "ibn", "van", "von", "de", "der", "den", "da", "du", "la", "le", "del", "di", "dos", "das"}
# Given names written with a hyphen in English text ("Ban Ki-moon", "Kim Jong-un").
HYPHENATED = {"KOR", "PRK", "TWN"}
CODE = re.compile(r"\[([A-Z~!-]+)\s*([<>]?)\s*(\d{6,8})?(?:\s*-\s*(\d{6,8}))?\s*\]")


def date(s):
    if not s:
        return ""
    if len(s) == 8:
        y, m, d = s[:4], s[4:6], s[6:]
    elif len(s) == 6:
        yy = int(s[:2])
        y = str(2000 + yy if yy <= 25 else 1900 + yy)
        m, d = s[2:4], s[4:]
    else:
        return ""
    m = min(max(int(m), 1), 12)
    d = min(max(int(d), 1), 28 if m == 2 else 30)
    return f"{y}-{m:02d}-{d:02d}"


def words(name):
    name = name.strip().strip("_").replace(" ", "_")
    return [w for w in name.split("_") if w]


def title_case(ws, small, kept_caps):
    """Dictionary words (in capitals) as news writes them: each hyphen-joined part capitalised,
    but words of `small` in lower case after the first word, parts for which
    `kept_caps(part, word)` holds in capitals, and "Mc" names with their inner capital."""
    out = []
    for i, w in enumerate(ws):
        parts = []
        for p in w.split("-"):
            low = p.lower()
            if i > 0 and low in small:
                parts.append(low)
            elif kept_caps(p, w):
                parts.append(p.upper())
            elif low.startswith("mc") and len(low) > 2:
                parts.append("Mc" + low[2:].capitalize())
            else:
                parts.append(low[:1].upper() + low[1:])
        out.append("-".join(parts))
    return " ".join(out)


def display(ws):
    """A person's name: particles ("de", "van") in lower case, initials in capitals."""
    return title_case(ws, PARTICLES, lambda p, _w: "." in p and len(p) <= 3)


def slug(s):
    s = re.sub(r"[^a-z0-9]+", "-", s.lower())
    return s.strip("-")


def usable(ws):
    return 2 <= len(ws) <= 5 and ws[0].upper() not in TITLE_WORDS and ws[0].upper() not in PLACE_WORDS and not any(
        w.upper() in NOT_PERSON for w in ws
    ) and all(
        re.fullmatch(r"[A-Za-z.'\-]+", w) for w in ws
    )


def entries(path):
    """Yields (names, codes, marked) per dictionary entry; phoenix_orgs.py reads with it too."""
    names, codes, marked = [], [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            comment = ""
            if "#" in line:
                line, comment = line.split("#", 1)
            if not line.strip():
                continue
            if line[0] not in "+ \t[":
                if names:
                    yield names, codes, marked
                names, codes, marked = [line.split("[", 1)[0]], [], "CountryInfo" in comment
            elif line[0] == "+":
                # "+A_+B_": two aliases on one line.
                names.extend(line[1:].split("[", 1)[0].split("+"))
            if not names:
                continue
            codes.extend(CODE.findall(line))
    if names:
        yield names, codes, marked


def merge_namesakes(people):
    """One person per name: entries that share a name (the dictionaries list "SALVA_KIIR" and
    "SALVA_KIIR_MAYARDIT" as two entries, one an alias of the other) are one person, or a name
    in the text would stand for two. The entry with the most names absorbs the others' names
    and tenures."""
    owner = {}
    parent = {pid: pid for pid in people}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pid in sorted(people):
        p = people[pid]
        for n in [p["display"]] + p["aliases"]:
            key = n.lower()
            if key in owner:
                parent[find(pid)] = find(owner[key])
            else:
                owner[key] = pid
    groups = {}
    for pid in sorted(people):
        groups.setdefault(find(pid), []).append(pid)
    merged = {}
    for ids in groups.values():
        ids.sort(key=lambda i: (-(1 + len(people[i]["aliases"])), i))
        keep = people[ids[0]]
        for other in ids[1:]:
            o = people[other]
            for n in [o["display"]] + o["aliases"]:
                if n != keep["display"] and n not in keep["aliases"]:
                    keep["aliases"].append(n)
            for t in o["tenures"]:
                if t not in keep["tenures"]:
                    keep["tenures"].append(t)
        merged[ids[0]] = keep
    return merged


def close_superseded(tenures):
    """A person serves one state at a time: an office with no end date ends the day before
    the person's later office for another state begins (Salva Kiir's Sudanese office, open in
    the dictionary, ends when his South Sudanese one starts on independence)."""
    out = []
    for state, role, a, b in tenures:
        if a and not b:
            later = sorted(t[2] for t in tenures if t[0] != state and t[2] and t[2] > a)
            if later:
                b = day_before(later[0])
        out.append((state, role, a, b))
    return out


def day_before(d):
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/petrarch2-dictionaries"
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "crates", "polemos-extract", "data")
    states = set()
    with open(os.path.join(data, "states.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("state|"):
                f = line.rstrip("\n").split("|")
                states.add(f[1])
                for n in [f[4]] + f[5].split(";") + f[6].split(";"):
                    if n and " " not in n:
                        PLACE_WORDS.add(n.upper())
                    if n:
                        STATE_NAMES.add(n.upper())
    people = {}
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for names, codes, marked in entries(os.path.join(root, fname)):
            # Institutions and places carry no dates; people either come from CountryInfo or
            # hold dated offices.
            if not (marked or any(c[2] for c in codes)):
                continue
            forms = [words(n) for n in names]
            if any(" ".join(ws).upper() in STATE_NAMES for ws in forms):
                continue
            forms = [ws for ws in forms if usable(ws)]
            if not forms:
                continue
            tenures = []
            for code, sign, d1, d2 in codes:
                if code.startswith("IGO"):
                    state = next((org for c, org in IGO if code.startswith(c)), None)
                    role = ""
                else:
                    state, role = code[:3], code[3:]
                    # "SDNSSD": a region becoming a state, not an office.
                    if state not in states or role[:3] in states:
                        state = None
                if not state:
                    continue
                a, b = date(d1), date(d2)
                if sign == "<":
                    a, b = "", a
                tenures.append((state, role, a, b))
            if not tenures:
                continue
            shown = display(forms[0])
            pid = slug(shown)
            p = people.setdefault(pid, {"display": shown, "aliases": [], "tenures": []})
            for ws in forms:
                variants = [display(ws)]
                if len(ws) == 3 and any(t[0] in HYPHENATED for t in tenures):
                    variants.append(display([ws[0], ws[1] + "-" + ws[2].lower()]))
                # Arabic articles are written both ways: "Omar al Bashir", "Omar al-Bashir".
                joined = re.sub(r" (al|el) ", r" \1-", variants[0])
                if joined != variants[0]:
                    variants.append(joined)
                for v in variants:
                    if v != p["display"] and v not in p["aliases"]:
                        p["aliases"].append(v)
            for t in tenures:
                if t not in p["tenures"]:
                    p["tenures"].append(t)
    people = merge_namesakes(people)
    for p in people.values():
        p["tenures"] = close_superseded(p["tenures"])
    print("# People: leaders and officials with the state (or organization) they served, the role")
    print("# (the rest of the CAMEO code: GOV government, ELI elite, MIL military, ...) and the dates.")
    print("# person|id|Display Name|aliases;...|STATE|ROLE|from|to   (repeated ids add tenures)")
    print("# Converted by scripts/phoenix_people.py from the Phoenix actor dictionaries of PETRARCH2")
    print("# (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt; CountryInfo.140130),")
    print("# Copyright (c) 2014 Open Event Data Alliance, MIT licence: see LICENSE-petrarch2.")
    for pid in sorted(people):
        p = people[pid]
        dated = {t[0] for t in p["tenures"] if t[2] or t[3]}
        # An undated "elite" line only says whose national the person is: redundant beside a
        # dated office for the same state.
        p["tenures"] = [t for t in p["tenures"] if t[2] or t[3] or t[0] not in dated]
        for i, (state, role, a, b) in enumerate(p["tenures"]):
            if i == 0:
                print(f"person|{pid}|{p['display']}|{';'.join(p['aliases'])}|{state}|{role}|{a}|{b}")
            else:
                print(f"person|{pid}|||{state}|{role}|{a}|{b}")


if __name__ == "__main__":
    main()
