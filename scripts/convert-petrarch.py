#!/usr/bin/env python3
"""Convert PETRARCH2's unit-test records into polemos gold (eval/petrarch/).

Run from the repository root (Python 3 standard library only):

    python3 scripts/convert-petrarch.py            # writes the suite
    python3 scripts/convert-petrarch.py --check    # fails if the committed files differ
    python3 scripts/convert-petrarch.py --literal-cameo --out /tmp/x.jsonl
                                                   # every code read as CAMEO (comparison only)

Reads ../shared/corpora/petrarch2-dictionaries/ (openeventdata/petrarch2, commit 676801cd, MIT):
PETR.UnitTest.records.xml and PETR.Validate.actors.txt. Reads the suite's own mapping data:
eval/petrarch/cameo-plover.tsv, petrarch-codes.tsv, overrides.tsv, set-aside.tsv. Writes
eval/petrarch/records.gold.jsonl and eval/petrarch/lexicon/petrarch-validate.tsv, and prints the
counts the README reports. The output is deterministic: same inputs, same bytes.
"""

import argparse
import collections
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

SRC = os.path.join("..", "shared", "corpora", "petrarch2-dictionaries")
SUITE = os.path.join("eval", "petrarch")
STATES_TSV = os.path.join("crates", "polemos-extract", "data", "states.tsv")
ORGS_TSV = os.path.join("crates", "polemos-extract", "data", "organizations.tsv")

SOURCE = "PETRARCH2 unit-test records (openeventdata/petrarch2, commit 676801cd)"
URL = "https://github.com/openeventdata/petrarch2"

PLOVER = {
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "request",
    "accuse", "reject", "threaten", "protest", "sanction", "mobilize", "coerce", "assault",
}

# PETRARCH / CAMEO country codes of real states that are not their ISO 3166-1 alpha-3 code.
REAL_CODE_TO_ISO = {
    "NZE": "NZL", "KUW": "KWT", "ZBW": "ZWE", "RHO": "ZWE",  # Rhodesia: the state now Zimbabwe
    "GMW": "DEU",  # West Germany held DE/DEU in ISO 3166-1
    "UAR": "EGY", "JAP": "JPN", "INS": "IDN", "LEB": "LBN", "LTH": "LTU", "MOM": "OMN",
    "PAL": "PSE", "ROM": "ROU", "ROC": "TWN", "UAE": "ARE", "ZAM": "ZMB", "IVO": "CIV",
    "BUL": "BGR", "SAF": "ZAF", "UNK": "GBR", "YEMNO": "YEM", "USR": "RUS",
}
# Three-letter codes of the validation dictionary that are sectors or organizations, not states.
NON_STATE_CODES = {"NGM", "NGO", "IMF", "IBR", "UNO", "G77", "EEC"}
# Entries coded as several actors at once (LORIEN [ELR/GAL], THE_SHIRE [FRO/BIL/SAM]): polemos's
# data files cannot give one name several actors, so the lexicon leaves them out, but the gold
# keeps PETRARCH's codes, which are states in its world.
MULTI_CODE_STATES = {"ELR", "GAL", "FRO", "BIL", "SAM"}

# Invented states whose PETRARCH code is the ISO3 code of a real state polemos knows: the suite
# gives them another code, so that the suite's lexicon does not redefine the real state.
FICTIONAL_RECODE = {"ERI": "ERD"}  # ERIADOR; ERI is Eritrea

# Role-coded entries of the validation dictionary (code longer than three letters), decided one
# by one. ("metonym", STATE): a place that stands for the state, as seats of government and
# "the Pentagon" do in states.tsv. ("org", kind) / ("media", COUNTRY): an actor of its own, id =
# the full code. ("skip", why).
ROLE_ENTRIES = {
    "MORMIL": ("metonym", "MOR"),        # CIRITH UNGOL: Mordor's fortress and pass
    "MORTOR": ("metonym", "MOR"),        # THE_DARK_TOWER
    "SHRGOV": ("metonym", "SHR"),        # MICHEL_DELVING: the Shire's seat of government
    "MORORC": ("org", "armed_group"),    # DURTHANG ORC
    "ITHMIL": ("org", "government_body"),  # ITHILEN MILITARY: the state's forces, a body of it
    "MRGORC": ("org", "armed_group"),    # MORGUL_ORCS
    "AMRTNK": ("org", "armed_group"),    # AMROTH_TANKS
    "GONGMO": ("org", "political_group"),  # GONZO_GMO
    "USAEDU": ("org", "government_body"),  # THE_KU (a public university; no closer kind)
    "IMGMOSALQ": ("org", "armed_group"),   # AL-QAEDA (not in polemos's organizations.tsv)
    "IGOCOPITP": ("org", "international_organization"),  # INTERPOL
    "ITHTV": ("media", "ITH"),           # ITHILEN TELEVISION
    "ITHRAD": ("media", "ITH"),          # ITHILEN_GOVERNMENT_RADIO_
    "HGWGOVMED": ("media", ""),          # QUIBBLER (HGW is no state in the dictionary)
    "IGOEEU": ("skip", "polemos knows the EU"),            # EUROPEAN_UNION
    "IGOAFR": ("skip", "polemos knows the AU"),  # THE_AU
}
THREE_LETTER_ORGS = {"NGM": "international_organization"}  # AMNESTY_INTERNATIONAL
NAME_FIXES = {
    "BARAD-DUR": "Barad-dur", "AL-QAEDA": "Al-Qaeda", "THE_KU": "KU", "K.U.": "K.U.",
    "GONZO_GMO": "Gonzo GMO", "THE_DARK_TOWER": "Dark Tower", "QUIBBLER": "The Quibbler",
    "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_": "International Criminal Police Organization",
    "INTERPOL": "Interpol", "RADAGAST THE_BROWN": "Radagast the Brown",
    "PRINCE OF DOL AMROTH": "Prince of Dol Amroth",
}

# Actor codes of the records that are not dictionary codes.
QUOTED_ACTORS = {  # PETRARCH's new-actor feature: a noun phrase in quotes
    "GRYFFINDOR HEAD MINERVA MCGONAGALL": ("Minerva McGonagall", "person",
                                           ["Gryffindor's head Minerva McGonagall"]),
    "THE MINISTRY OF MAGIC": ("Ministry of Magic", "government_body", ["the Ministry of Magic"]),
    "INJURY TOLL": None,  # "death and injury toll": not an actor
}
ORG_CODES = {  # code in a record -> (gold id, kind, aliases)
    "IGOEEU": ("EU", "international_organization", []),
    "IGOAFR": ("AU", "international_organization", ["The AU"]),
    # ICC-01: PETRARCH matches "International Criminal" to Interpol's dictionary name; the text
    # names the International Criminal Court, which polemos knows as ICC.
    "IGOCOPITP": ("ICC", "international_organization", ["International Criminal Court"]),
    "IMGMOSALQ": ("IMGMOSALQ", "armed_group", ["Al-Qaeda"]),
    "NGM": ("NGM", "international_organization", ["Amnesty International"]),
    "NGMOPP": ("NGM", "international_organization", ["Amnesty International"]),
    "NGOARN": ("MSF", "international_organization", ["MSF Arnor"]),
    "NGOARNGOV": ("MSF", "international_organization", ["MSF Arnor"]),
    "HGWGOVMED": ("HGWGOVMED", "media_outlet", ["The Quibbler", "Quibbler"]),
    "MRGORC": ("MRGORC", "armed_group", ["Morgul Orcs"]),
}


def read_table(path, ncols, optional=0):
    """The rows of a `|` table: `ncols` columns, and up to `optional` more at the end."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("|")
            if not ncols <= len(cols) <= ncols + optional:
                want = f"{ncols} to {ncols + optional}" if optional else f"{ncols}"
                sys.exit(f"{path}:{n}: expected {want} columns, found {len(cols)}")
            rows.append(cols)
    return rows


def types_of(field, where):
    if field == "-":
        return None
    ts = field.split(",")
    for t in ts:
        if t.removeprefix("not-") not in PLOVER:
            sys.exit(f"{where}: `{t}` is not a PLOVER type")
    return ts


class Cameo:
    def __init__(self, path):
        self.map = {}
        for code, typ, mode, note in read_table(path, 4):
            if code in self.map:
                sys.exit(f"{path}: {code} twice")
            self.map[code] = (typ, mode, note)

    def lookup(self, code):
        """PLOVER type by longest prefix, and whether the code itself is a listed CAMEO code."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.map:
                return self.map[code[:n]][0], code in self.map
        return None, False


def known_states():
    iso, names = set(), set()
    # A state line's ninth column (buildings that stand for the government) is optional.
    for cols in read_table(STATES_TSV, 8, optional=1):
        iso.add(cols[1])
        for f in cols[4:]:
            names.update(n.strip().lower() for n in f.split(";") if n.strip())
    orgs = set()
    for line in open(ORGS_TSV, encoding="utf-8"):
        cols = line.rstrip("\n").split("|")
        if cols[0] == "org":
            orgs.add(cols[1])
            orgs.update(n.strip().lower() for n in [cols[3]] + cols[4].split(";") if n.strip())
    return iso, names, orgs


# ---------------------------------------------------------------- the validation actor dictionary

def nice_name(raw):
    raw = raw.strip()
    if raw in NAME_FIXES:
        return NAME_FIXES[raw]
    words = raw.strip("_").replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        if "." in w or (len(w) <= 3 and not re.search(r"[AEIOU]", w)):
            out.append(w)
        elif i > 0 and w.lower() in ("of", "the", "and"):
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def parse_actor_dictionary(path):
    """Entries in file order: {"names": [raw, ...], "codes": [(code, restriction), ...]}."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"<!.*?-->", "", text, flags=re.S)
    entries, cur = [], None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        body = line.strip()
        codes = re.findall(r"\[([^\]]*)\]", body)
        name = re.sub(r"\[[^\]]*\]", "", body).strip()
        if body.startswith("+"):
            if cur is None:
                sys.exit(f"{path}: alias before any entry: {raw}")
            cur["names"].append(name[1:].strip())
        elif body.startswith("["):
            if cur is None:
                sys.exit(f"{path}: code before any entry: {raw}")
        else:
            cur = {"names": [name], "codes": []}
            entries.append(cur)
        for c in codes:
            c = c.strip()
            m = re.match(r"^(\S+)\s*(.*)$", c)
            code, restriction = m.group(1), m.group(2).strip()
            if re.match(r"^[<>]?\s*\d", code):  # an old-style bare date block: not a code
                continue
            cur["codes"].append((code, restriction))
    return entries


def build_lexicon(entries, iso, real_names, orgs):
    """Returns (lines, fictional state codes, report)."""
    states = collections.OrderedDict()  # code -> {"display", "names", "metonyms"}
    extra = []                          # org / media lines
    report = collections.Counter()
    skipped = []

    def real(code):
        if code[:3] in FICTIONAL_RECODE:
            return False
        return code in iso or code in REAL_CODE_TO_ISO or code.lower() == "pse"

    role_lines = []
    for e in entries:
        names = [nice_name(n) for n in e["names"] if n]
        codes = [c for c, _ in e["codes"]]
        if not codes:
            skipped.append((names[0], "no code"))
            continue
        plain = [c for c in codes if len(c) == 3 and c.isalpha() and c.isupper()]
        if any("/" in c for c in codes):
            skipped.append((names[0], "coded as several actors (" + codes[0] + ")"))
            continue
        if all(c in ("---", "+++", "###") for c in codes):
            skipped.append((names[0], "no actor code (" + codes[0] + ")"))
            continue
        if codes[0] in ROLE_ENTRIES and ROLE_ENTRIES[codes[0]][0] == "skip":
            skipped.append((names[0], ROLE_ENTRIES[codes[0]][1] + " (" + codes[0] + ")"))
            continue
        if any(n.lower() in real_names for n in names) or any(real(c) or real(c[:3]) for c in codes
                                                               if c not in ROLE_ENTRIES):
            skipped.append((names[0], "a real state or its agent, known to polemos already ("
                            + codes[0] + ")"))
            continue
        if any(c in NON_STATE_CODES for c in codes):
            kind = THREE_LETTER_ORGS.get(codes[0])
            if kind is None or any(n.lower() in orgs for n in names):
                skipped.append((names[0], "an organization code polemos knows or the records "
                                "do not need (" + codes[0] + ")"))
                continue
            extra.append(f"org|{codes[0]}|{kind}|{names[0]}|{';'.join(names[1:])}|{codes[0]}")
            report["org"] += 1
            continue
        fictional = [c for c in plain if c not in ("---", "+++")]
        if fictional:
            code = FICTIONAL_RECODE.get(fictional[0], fictional[0])
            st = states.setdefault(code, {"display": names[0], "names": [], "metonyms": []})
            for n in names:
                if n != st["display"] and n not in st["names"]:
                    st["names"].append(n)
            continue
        code = codes[0]
        if code not in ROLE_ENTRIES:
            skipped.append((names[0], "role code without a decision in ROLE_ENTRIES (" + code + ")"))
            continue
        role_lines.append((code, names))
    for code, names in role_lines:
        what, arg = ROLE_ENTRIES[code]
        if what == "metonym":
            states[FICTIONAL_RECODE.get(arg, arg)]["metonyms"].extend(names)
            report["metonym"] += 1
        elif what == "org":
            # A government body acts for its state (the knowledge format's last org field), as
            # the code's first three letters say: the KU (USAEDU) for the United States.
            state = ""
            if arg == "government_body":
                prefix = code[:3]
                state = REAL_CODE_TO_ISO.get(prefix, FICTIONAL_RECODE.get(prefix, prefix))
            tail = f"|{state}" if state else ""
            extra.append(f"org|{code}|{arg}|{names[0]}|{';'.join(names[1:])}|{code}{tail}")
            report["org"] += 1
        elif what == "media":
            extra.append(f"media|{code}|{names[0]}|{';'.join(names[1:])}|{arg}")
            report["media"] += 1
    lines = []
    for code, st in states.items():
        lines.append(f"state|{code}||other|{st['display']}|{';'.join(st['names'])}||"
                     f"{';'.join(st['metonyms'])}")
    report["state"] = len(states)
    return lines + extra, set(states), report, skipped


# ---------------------------------------------------------------- the records

def resolve(code, fictional, iso):
    """A record's actor code -> (gold id, kind, aliases), or None when the actor is unknown."""
    code = code.strip()
    if code.startswith('"'):
        return QUOTED_ACTORS[code.strip('"')]
    if not code or code.startswith("---") or code in ("###", "+++"):
        return None
    if code in ORG_CODES:
        return ORG_CODES[code]
    states = fictional | iso | MULTI_CODE_STATES
    for k in range(0, len(code) - 2, 3):
        chunk = code[k:k + 3]
        if chunk in FICTIONAL_RECODE:
            return (FICTIONAL_RECODE[chunk], "state", [])
        chunk = REAL_CODE_TO_ISO.get(chunk, chunk)
        if chunk in states:
            return (chunk, "state", [])
    return "unresolved"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--literal-cameo", action="store_true",
                    help="read every code as CAMEO through cameo-plover.tsv (comparison only)")
    ap.add_argument("--out", help="write the gold here instead of eval/petrarch/records.gold.jsonl")
    ap.add_argument("--check", action="store_true", help="fail if the committed files differ")
    args = ap.parse_args()
    if not os.path.isdir(SUITE) or not os.path.isdir(SRC):
        sys.exit(f"run from the repository root, with {SRC} present")

    cameo = Cameo(os.path.join(SUITE, "cameo-plover.tsv"))
    codes = {}
    for code, scheme, typ, note in read_table(os.path.join(SUITE, "petrarch-codes.tsv"), 4):
        ts = types_of(typ, f"petrarch-codes.tsv {code}")
        if scheme == "CAMEO":
            t, exact = cameo.lookup(code)
            if not exact or ts != [t]:
                sys.exit(f"petrarch-codes.tsv {code}: CAMEO reading {ts} but cameo-plover.tsv "
                         f"says {t} (listed: {exact})")
        codes[code] = (scheme, ts, note)
    overrides = {}
    for rec, code, typ, reason in read_table(os.path.join(SUITE, "overrides.tsv"), 4):
        overrides[(rec, code)] = (types_of(typ, f"overrides.tsv {rec}"), reason)

    set_aside = {}
    for rec, cls, reason in read_table(os.path.join(SUITE, "set-aside.tsv"), 3):
        set_aside[rec] = (cls, reason)
    set_aside_ids = set(set_aside)

    iso, real_names, orgs = known_states()
    entries = parse_actor_dictionary(os.path.join(SRC, "PETR.Validate.actors.txt"))
    lex_lines, fictional, lex_report, lex_skipped = build_lexicon(entries, iso, real_names, orgs)

    root = ET.parse(os.path.join(SRC, "PETR.UnitTest.records.xml")).getroot()
    sentences = root.findall(".//Sentence")
    seen_ids = collections.Counter()
    out_lines = []
    used_overrides = set()
    c = collections.Counter()
    dropped_by = collections.Counter()
    excluded = []
    for index, s in enumerate(sentences):
        rid = s.get("id")
        seen_ids[rid] += 1
        gid = rid if seen_ids[rid] == 1 else f"{rid}-{seen_ids[rid]}"
        text = " ".join(s.find("Text").text.split())
        category = s.get("category")
        ecs = s.findall("EventCoding")
        if any("error" in e.attrib for e in ecs):
            excluded.append((rid, "expects a PETRARCH error (" + ",".join(e.get("error") for e in ecs)
                             + "), not a coding of the text"))
            continue
        if rid == "FINAL-RECORD":
            excluded.append((rid, "end-of-suite sentinel"))
            continue
        split = "heldout" if index % 3 == 2 else "dev"
        if gid in set_aside:
            cls, reason = set_aside.pop(gid)
            excluded.append((gid, f"set aside ({split}), {cls}: {reason}"))
            c[f"set aside, {split}"] += 1
            continue
        c["records"] += 1
        c[split] += 1
        events, kept_notes, dropped_notes = [], [], []
        core, optional = collections.OrderedDict(), collections.OrderedDict()
        record_codes = []
        if any(e.get("noevents") for e in ecs) or not ecs:
            c["no-event records"] += 1
        for e in ecs:
            if "eventcode" not in e.attrib:
                continue
            src, tgt, code = e.get("sourcecode"), e.get("targetcode"), e.get("eventcode")
            record_codes.append(code)
            c["codings"] += 1
            a_src, a_tgt = resolve(src, fictional, iso), resolve(tgt, fictional, iso)
            unresolved = [raw for a, raw in ((a_src, src), (a_tgt, tgt)) if a == "unresolved"]
            a_src = (src, "political_group", []) if a_src == "unresolved" else a_src
            a_tgt = (tgt, "political_group", []) if a_tgt == "unresolved" else a_tgt
            negated = False
            if args.literal_cameo:
                t, exact = cameo.lookup(code)
                if not exact:
                    ts, why = None, "not a CAMEO code"
                elif t == "-":
                    ts, why = None, "CAMEO 01 statement"
                else:
                    ts, why = [t], None
            else:
                if code not in codes:
                    sys.exit(f"{rid}: code {code} missing from petrarch-codes.tsv")
                scheme, ts, note = codes[code]
                why = None if ts else ("test code naming no act" if scheme == "test"
                                       else "a comment, not an event")
                if ts and scheme == "test":
                    kept_notes.append(f"{code} (a test code) read as {','.join(ts)}")
                if (rid, code) in overrides:
                    used_overrides.add((rid, code))
                    ts, reason = overrides[(rid, code)]
                    why = None if ts else "override: " + reason.split(":")[0]
                    if ts:
                        kept_notes.append(f"{code} read as {','.join(ts)} ({reason.split(':')[0]})")
            if ts and ts[0].startswith("not-"):
                negated = True
                ts = [t.removeprefix("not-") for t in ts]
            if ts and a_src is None:
                why = "unknown source actor" if not src.startswith('"') else "source is not an actor"
                ts = None
            if not ts:
                c["codings dropped"] += 1
                key = why.split(":")[0] if why.startswith("override") else why
                dropped_by[key] += 1
                dropped_notes.append(f"{code} {src}->{tgt or '-'} ({why})")
                for a, raw in ((a_src, src), (a_tgt, tgt)):
                    if a and raw not in unresolved and a[0] not in core:
                        optional.setdefault(a[0], a)
                continue
            if unresolved and not args.literal_cameo:
                sys.exit(f"{rid}: kept coding {code} has actor codes that resolve to nothing: "
                         f"{unresolved}")
            c["codings kept"] += 1
            ev = {"source": a_src[0], "type": ts[0] if len(ts) == 1 else ts,
                  "target": a_tgt[0] if a_tgt else None, "status": "past"}
            if negated:
                ev["negated"] = True
            ev["quote"] = text
            if ev in events:
                c["codings merged (same state-level tuple)"] += 1
                continue
            events.append(ev)
            for a in (a_src, a_tgt):
                if a:
                    core.setdefault(a[0], a)
                    optional.pop(a[0], None)
        c["events"] += len(events)
        actors = []
        for aid, (_, kind, aliases) in list(core.items()) + list(optional.items()):
            a = {"id": aid}
            if aliases:
                a["aliases"] = aliases
            a["kind"] = kind
            a["quote"] = text
            if aid in optional and aid not in core:
                a["optional"] = True
            actors.append(a)
        note = f"category={category}; petrarch_codes={','.join(record_codes) or 'none'}"
        if gid != rid:
            note += f"; the source has another record with id {rid}: this is its second"
        if any(e.get("noevents") for e in ecs) or not ecs:
            note += "; PETRARCH expects no event"
        if kept_notes:
            note += "; " + "; ".join(kept_notes)
        if dropped_notes:
            note += "; dropped: " + "; ".join(dropped_notes)
        date = s.get("date")
        rec = {
            "id": gid,
            "text": text,
            "meta": {
                "title": gid, "source": SOURCE, "url": URL, "licence": "MIT",
                "published": f"{date[:4]}-{date[4:6]}-{date[6:8]}", "register": "news",
                "split": split, "known_dispute": False, "note": note,
            },
            "actors": actors,
            "events": events,
        }
        for ev in events:
            assert ev["quote"] in text
        out_lines.append(json.dumps(rec, ensure_ascii=False))

    if set_aside:
        sys.exit(f"set-aside.tsv names records that do not exist: {sorted(set_aside)}")
    # An override of a record set aside stays, with its reason, for the day it is compared again.
    unused = {o for o in set(overrides) - used_overrides if o[0] not in set_aside_ids}
    if unused and not args.literal_cameo:
        sys.exit(f"overrides.tsv names codings that do not exist: {sorted(unused)}")

    gold = "\n".join(out_lines) + "\n"
    lexicon = (
        "# PETRARCH's validation actors (PETR.Validate.actors.txt, openeventdata/petrarch2 commit\n"
        "# 676801cd, MIT licence: see ../LICENSE) in polemos's knowledge format, for the petrarch\n"
        "# suite only. Generated by scripts/convert-petrarch.py: do not edit by hand.\n"
        "# The states are invented (Arnor, Gondor, Mordor...): ISO3 is PETRARCH's code; ISO2 is\n"
        "# left empty (polemos does not read it). Real states, their agents and organizations\n"
        "# polemos already knows are left out; see ../README.md.\n"
        + "\n".join(lex_lines) + "\n")
    outputs = [(args.out or os.path.join(SUITE, "records.gold.jsonl"), gold)]
    if not args.out:
        outputs.append((os.path.join(SUITE, "lexicon", "petrarch-validate.tsv"), lexicon))
    for path, content in outputs:
        if args.check:
            if open(path, encoding="utf-8").read() != content:
                sys.exit(f"{path} is out of date: run python3 scripts/convert-petrarch.py")
        else:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)

    print(f"source records: {len(sentences)}; excluded: {len(excluded)}")
    for rid, why in excluded:
        print(f"  excluded {rid}: {why}")
    for k in ("records", "dev", "heldout", "set aside, dev", "set aside, heldout", "no-event records", "codings", "codings kept",
              "codings dropped", "codings merged (same state-level tuple)", "events"):
        print(f"{k}: {c[k]}")
    for k, v in sorted(dropped_by.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  dropped, {k}: {v}")
    print("lexicon: " + ", ".join(f"{k} {v}" for k, v in sorted(lex_report.items())))
    for name, why in lex_skipped:
        print(f"  lexicon skips {name}: {why}")


if __name__ == "__main__":
    main()
