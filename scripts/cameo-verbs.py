#!/usr/bin/env python3
"""Converts PETRARCH2's CAMEO verb patterns into polemos event cues (PLOVER types).

Reads ../shared/corpora/petrarch2-dictionaries/CAMEO.verbpatterns.150430.txt (MIT, Open Event
Data Alliance) and crates/polemos-extract/data/cameo-plover.tsv (the CAMEO -> PLOVER crosswalk,
CC BY-SA 4.0, adapted from the PLOVER project) and writes
crates/polemos-extract/data/cameo-verbs.tsv: `event|phrases|TYPE|mode|CAMEO|intensity|contexts|svo`
lines, one per (CAMEO code, PLOVER type, mode).

What is kept (polemos matches phrases, it does not run PETRARCH's pattern engine):
- every verb of a verb block, inflected (base, -s, -ed, -ing, or the irregular forms the file
  lists in braces), coded with the verb's own code or else the block's code; but a verb of one
  of the 30 blocks larger than 12 verbs (WordNet synonym sets grown loose: "THINK" among
  meetings, "ESCALATE" among cooperation) is coded by its block only when a coder vouched for it
  alone (it names the block, or its line carries a coder's dated note) and no pattern written
  for it codes another PLOVER type (ALLOW is a rejection or a concession by what is allowed);
- every pattern whose words all follow the verb (`* WORD WORD`, optionally ending in `+` for the
  target or with `%` for a compound subject) and whose PLOVER type differs from the verb's, as
  the phrase "VERB-FORM WORD WORD" for each verb its comment says it was written for (every verb
  of the block when the comment names none): "restore diplomatic ties";
- the patterns about ties and relations also with the modifiers news puts before the noun
  ("restore full diplomatic ties", "break economic relations"), which PETRARCH matches across;
- nothing coded `---` or CAMEO 01 (statements: PLOVER has no type for them).
Patterns with words before the verb, skipped words (`^`), synonym sets (`&`) or the source (`$`)
after the verb are left out: they need PETRARCH's parse. So is `* BY +`, whose actor after "by"
is the source ("an attack by X").

Usage: python3 scripts/cameo-verbs.py [--check]   (from the repository root; stdlib only)
--check fails when cameo-verbs.tsv is out of date or the crate's crosswalk copy differs from
eval/petrarch/cameo-plover.tsv.
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(
    ROOT, "..", "shared", "corpora", "petrarch2-dictionaries", "CAMEO.verbpatterns.150430.txt"
)
CROSSWALK = os.path.join(ROOT, "crates", "polemos-extract", "data", "cameo-plover.tsv")
OUT = os.path.join(ROOT, "crates", "polemos-extract", "data", "cameo-verbs.tsv")

# Goldstein-style intensity of each CAMEO root (Goldstein 1992 as adapted for CAMEO roots), used
# as the cue's intensity: the verb file gives none.
ROOT_INTENSITY = {
    "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0,
    "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}
CONTEXT = {
    "agree": "diplomatic", "consult": "diplomatic", "support": "diplomatic", "concede": "diplomatic",
    "cooperate": "diplomatic", "aid": "humanitarian", "retreat": "military", "request": "diplomatic",
    "accuse": "diplomatic", "reject": "diplomatic", "threaten": "military", "protest": "diplomatic",
    "sanction": "economic", "mobilize": "military", "coerce": "military", "assault": "military",
}
# Verb forms too ambiguous to code on their own in news text: nouns, adjectives and auxiliaries
# far more often than the act (PETRARCH disambiguates them with its parse, polemos cannot yet).
AMBIGUOUS = {
    "state", "states", "stated", "present", "lead", "leads", "set", "sets", "fire", "fires",
    "meeting", "meetings", "face", "faces", "press", "force", "forces", "order", "orders", "case",
    "cases", "mark", "marks", "end", "ends", "hold", "holds", "report", "reports", "plan", "plans",
    "deal", "deals", "move", "moves", "need", "needs", "call", "calls", "visit", "visits", "back",
    "claim", "claims", "charge", "charges", "last", "run", "runs", "matter", "matters", "stand",
    "stands", "turn", "turns", "cover", "covers", "work", "works", "play", "plays", "show", "shows",
    "share", "shares", "open", "opens", "close", "closes", "place", "places", "post", "posts",
    "host", "hosts", "hit", "hits", "check", "checks", "test", "tests", "view", "views", "concern",
    "concerns", "concerned", "interest", "interests", "issue", "issues", "issued", "address",
    "addressed", "sign", "signs", "talk", "control", "controls", "rule", "rules", "ruled", "ruling",
    "power", "powers", "measure", "measures", "cause", "causes", "act", "acts", "record", "records",
    "round", "rounds", "question", "questions", "note", "notes", "noted", "comment", "comments",
    "stress", "remarks", "remark", "voice", "voiced", "rally", "rallies", "demonstration",
    "count", "counts", "lift", "mean", "means", "left", "leave", "leaves", "go", "goes", "went",
    "come", "comes", "came", "get", "gets", "got", "take", "takes", "took", "taken", "make",
    "makes", "made", "give", "gives", "gave", "given", "put", "puts", "keep", "keeps", "kept",
    "see", "sees", "saw", "seen", "say", "says", "said", "tell", "tells", "told", "look", "looks",
    "bring", "brings", "brought", "let", "lets", "use", "uses", "used", "help", "helps", "try",
    "tries", "tried", "seek", "seeks", "sought", "want", "wants", "wanted", "expect", "expects",
    "expected", "hope", "hopes", "hoped", "pass", "passes", "passed", "reach", "reaches",
    "reached", "raise", "raises", "raised", "follow", "follows", "followed", "following", "call",
    "called", "calling", "being", "be", "is", "are", "was", "were", "have", "has", "had", "do",
    "does", "did", "will", "would", "may", "can", "could", "should", "must", "shall", "might",
    # An adjective in territorial news far more than an act ("the disputed islands").
    "dispute", "disputes", "disputed", "disputing",
    # Coded 060 (cooperate) by the dictionary, but as often said of tariffs, troops or tension.
    "increase", "increases", "increased", "increasing",
    # "talks aimed at ending the clashes": a purpose, not an armed act.
    "aim", "aims", "aimed", "aiming",
    # Read wrongly in unseen political text (Universal Dependencies' weblogs and Wikinews):
    # "Sweden faced South Korea", "Russia is beginning to understand it", "served in Vietnam",
    # "the situation surrounding the navy", "was blasted by the UN for smuggling" (a rebuke),
    # "had to pull back its forces" (a withdrawal, coded by events.tsv), "smuggling arms to",
    # "was coming off a tour", "taking his family to". Not "held": a detention as often.
    "faced", "facing", "understand", "understands", "understood", "understanding", "serve",
    "serves", "served", "serving", "surrounding", "blast", "blasts", "blasted", "blasting",
    "pull", "pulls", "pulled", "pulling", "arms", "coming", "taking",
    # Before a noun, a schedule rather than an intent: "canceled planned meetings with Japan"
    # had coded an agreement with Japan. The dictionary's phrases with it ("planned attack on",
    # "cancel planned visit") stay.
    "planned",
    # Plurals far more often the nouns of trade than a verb of it: "banned imports of seafood
    # from Japan" coded China's cooperation with Japan; the ban is events.tsv's embargo row.
    "imports", "purchases", "trades",
    # ev26, unseen text again: "Syria is surrounded by hostile states", "Iran is encircled by"
    # (where a country lies; events.tsv codes surrounding only through what is surrounded),
    # "started to submit reports to the UN committees" (events.tsv: submitting no document),
    # "taking Bush to task" (a rebuke, not cooperation).
    "surround", "surrounds", "surrounded", "encircle", "encircles", "encircled", "encircling",
    "submit", "submits", "submitted", "submitting", "task", "tasks", "tasked", "tasking",
    # The 188 untuned texts again: "She later studied at the Conservatoire de Paris" (090,
    # investigate: an accusation), "has garnered praise for his performance" (150, a
    # mobilization), "found themselves in Russia" (060: "found" is far more often the past of
    # "find" than founding). Studying a proposal is no investigation of anyone either.
    "study", "studies", "studied", "studying", "garner", "garners", "garnered", "garnering",
    "found",
    # prec42, dev69: "while she awaits a hearing on extradition to the United States" coded a
    # consultation with the United States. A hearing is a court's or a committee's, and "hear"
    # alone is listening ("heard the news"), not talks with anyone (040).
    "hear", "hears", "heared", "hearing",
    # prec42, dev42: "Tokyo removed the South from its list of trusted trade partners" coded a
    # deportation (174). "removed" alone is as often from a list, an office or a post, and of
    # things ("removed the barriers"); the dictionary's phrases ("removed from office",
    # "removed restrictions") stay.
    "remove", "removes", "removed", "removing",
    # "benefiting from the Italian trade" (060) is no cooperation; "cried wolf" no rebuke. (Not
    # "claimed": "has claimed that Pakistani troops infiltrated" is the accusation it codes.)
    "benefit", "benefits", "benefited", "benefiting", "benefitted", "benefitting", "cry", "cries",
    "cried", "crying",
    # The unseen dev43- to dev45- reports: "I think it is time now for ..." (040, a
    # consultation: an opinion), "approach" a noun far more often than contact ("a shuttle
    # diplomacy approach", "the approaching deadline"; the past "approached China about" stays
    # contact), "have exchanged harsh words" (060, a cooperation: a quarrel; "exchanged fire" is
    # events.tsv's fight, and events.tsv codes exchanges of prisoners and of views through
    # their object).
    "think", "thinks", "thought", "thinking", "approach", "approaches", "approaching",
    "exchange", "exchanges", "exchanged", "exchanging",
}
# Phrases of an ambiguous form kept with their block's code: what follows makes the act.
# "The Security Council will hear from Iran's envoy" is a consultation (040) though "hear"
# alone is not (rev42b). "heard" is the past the file does not list.
KEPT_PHRASES = {
    "040": ("hear from", "hears from", "heard from", "hearing from"),
}


def object_dependent(table, code, entry, patterns):
    """Whether the dictionary codes `entry` as another PLOVER type than `code` when certain
    words follow it (ALLOW's patterns make it a rejection or a concession by what is allowed):
    then the bare verb says too little to code it by its block."""
    own = plover_of(table, code) if code not in (None, "---") else None
    verb = entry.replace("+", "")
    for _, pcode, found in patterns:
        if pcode in (None, "---") or verb not in found:
            continue
        other = plover_of(table, pcode)
        if other is not None and own is not None and other[0] != own[0]:
            return True
    return False


def crosswalk():
    table = {}
    with open(CROSSWALK, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, plover, mode = line.rstrip("\n").split("|")[:3]
            table[code] = (plover, mode)
    return table


def plover_of(table, code):
    """The PLOVER type and mode of a CAMEO code: the longest prefix with a line wins."""
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit if hit[0] != "-" else None
    return None


def inflect(word):
    """Regular forms of an English verb: base, -s, -ed, -ing."""
    w = word
    if re.search(r"(s|x|z|ch|sh)$", w):
        s = w + "es"
    elif re.search(r"[^aeiou]y$", w):
        s = w[:-1] + "ies"
    else:
        s = w + "s"
    if w.endswith("e"):
        ed = w + "d"
    elif re.search(r"[^aeiou]y$", w):
        ed = w[:-1] + "ied"
    else:
        ed = w + "ed"
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith("ee"):
        ing = w[:-1] + "ing"
    else:
        ing = w + "ing"
    return [w, s, ed, ing]


def words_of(token):
    """A dictionary token (`RE_+OPEN`, `+TIE_IN`, `TO_ATTACK`) as lower-case words."""
    t = token.replace("+", "").lower()
    t = re.sub(r"^re_", "re-", t)
    return [w for w in t.split("_") if w]


def verb_forms(entry, irregular):
    """Every form of one verb line."""
    if irregular:
        forms = [" ".join(words_of(x)) for x in irregular]
        return [" ".join(words_of(entry))] + forms
    words = entry.split("_")
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    out = []
    for form in inflect(words[marked].replace("+", "").lower()):
        ws = [w.replace("+", "").lower() for w in words]
        ws[marked] = form
        out.append(re.sub(r"^re ", "re-", " ".join(w for w in ws if w)))
    return out


def code_of(text):
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return None
    code = m.group(1).split(":")[0].strip()
    return code if re.fullmatch(r"\d{2,4}", code) else "---"


def parse(path):
    """Verb blocks: (block code, [(verb entry, own code, irregular forms, attested)],
    [(pattern, code, verbs named in its comment)]). A verb is attested when a coder vouched for
    it alone: it names the block (`--- DENOUNCE [111] ---`) or its line carries a coder's note
    (`CHIDE  # jw 11/14/91`). A pattern's comment (`# CRITICIZE <OY 25 Jul 2003>`) vouches for
    the verb with the pattern's words only ("runs counter to" is no accusation)."""
    blocks = []
    in_patterns = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.split("#", 1)[0].rstrip()
            if "VERB PATTERNS" in raw:
                in_patterns = True
                continue
            if not in_patterns or not line.strip():
                continue
            if line.startswith("---"):
                name = re.match(r"---\s*([A-Z_+]*)", line).group(1).replace("+", "")
                blocks.append((code_of(line), [], [], name))
            elif line.startswith("-"):
                if blocks:
                    body = re.sub(r"\[[^\]]*\]", "", line[1:]).split()
                    # The comment names the verbs the pattern was written for.
                    comment = re.sub(r"<[^>]*>", "", raw.split("#", 1)[1]) if "#" in raw else ""
                    found = {w.replace("+", "") for w in re.findall(r"[A-Z][A-Z_+]+", comment)}
                    blocks[-1][2].append((body, code_of(line), found))
            elif blocks and re.match(r"[A-Z+]", line):
                irregular = re.findall(r"\{([^}]*)\}", line)
                irregular = irregular[0].split() if irregular else []
                head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", line).split()
                if head:
                    noted = "#" in raw and raw.split("#", 1)[1].strip() != ""
                    blocks[-1][1].append([head[0], code_of(line), irregular, noted])
    return [
        (code, [(e, own, irr, noted or e.replace("+", "") == name) for e, own, irr, noted in verbs],
         patterns)
        for code, verbs, patterns, name in blocks
    ]


def pattern_tail(body):
    """The words after the verb of a pattern, or None when the pattern needs a parse."""
    body = [t for t in body if t != "%"]
    if not body or body[0] != "*":
        return None
    tail = body[1:]
    # "* BY +": the actor after "by" does the verb's act ("attacked by X", "an attack by X");
    # as a phrase read subject-verb-object it would make the subject before it the source.
    if tail == ["BY", "+"]:
        return None
    if tail and tail[-1] == "+":
        tail = tail[:-1]
    if not tail:
        return None
    words = []
    for t in tail:
        if not re.fullmatch(r"[A-Z][A-Z_\-']*", t):
            return None
        words.extend(words_of(t))
    return words


# PETRARCH's patterns match across the modifiers of the noun ("restore full diplomatic ties"
# matches "* DIPLOMATIC TIES"); polemos matches phrases, so the patterns about ties and relations
# are also written with the modifiers news puts there.
# Largest block taken as a hand-made set (the median block has 3 verbs; the 30 larger ones hold
# 556 verbs, more than half of them WordNet synonyms no coder vouched for).
HAND_MADE_BLOCK = 12
RELATION_NOUNS = {"ties", "relations", "relation", "tie"}
TIE_MODIFIERS = ["full", "formal", "normal", "bilateral"]
KIND_MODIFIERS = ["diplomatic", "economic", "military", "trade"]


def with_modifiers(tail):
    """`tail` with modifiers before its relation noun, when it names ties or relations."""
    core = tail[:-1] if tail and tail[-1] == "with" else tail
    if not core or core[-1] not in RELATION_NOUNS or len(core) > 2:
        return []
    if len(core) == 2 and core[0] != "diplomatic":
        return []
    rest = tail[len(core) - 1:]
    kinds = [core[0]] if len(core) == 2 else KIND_MODIFIERS
    out = [[m] + tail for m in TIE_MODIFIERS]
    for m in TIE_MODIFIERS:
        for kind in kinds:
            out.append([m, kind] + rest)
    if len(core) == 1:
        out.extend([kind] + rest for kind in KIND_MODIFIERS)
    return out


def main():
    table = crosswalk()
    cues = {}  # (cameo, type, mode) -> set of phrases
    first = {}  # phrase -> the cue key that took it (a phrase gets one code)

    def add(phrase, code):
        hit = plover_of(table, code)
        if hit is None or phrase in first:
            return
        key = (code, hit[0], hit[1])
        first[phrase] = key
        cues.setdefault(key, set()).add(phrase)

    blocks = parse(SOURCE)
    # Patterns first: a longer phrase with its own code is kept before the bare verb's.
    for block_code, verbs, patterns in blocks:
        for body, pcode, found in patterns:
            tail = pattern_tail(body)
            if tail is None or pcode in (None, "---"):
                continue
            for entry, own, irregular, _ in verbs:
                if found and entry.replace("+", "") not in found:
                    continue
                vcode = own if own is not None else block_code
                vtype = plover_of(table, vcode) if vcode not in (None, "---") else None
                ptype = plover_of(table, pcode)
                if ptype is None or (vtype is not None and vtype[0] == ptype[0]):
                    continue
                for form in verb_forms(entry, irregular):
                    add(form + " " + " ".join(tail), pcode)
                    for variant in with_modifiers(tail):
                        add(form + " " + " ".join(variant), pcode)
    for block_code, verbs, patterns in blocks:
        for entry, own, irregular, attested in verbs:
            # A large block is a WordNet synonym set grown loose ("THINK" among the verbs of
            # meeting, "ESCALATE" among those of cooperation, "OVERSHADOW" among attacks): its
            # verbs are coded by the block only when a coder vouched for them (see parse) or
            # their line gives its own code. A small block is a hand-made set, kept whole.
            loose = own is None and len(verbs) > HAND_MADE_BLOCK
            if loose and (not attested or object_dependent(table, block_code, entry, patterns)):
                continue
            code = own if own is not None else block_code
            if code in (None, "---"):
                continue
            for form in verb_forms(entry, irregular):
                if form not in AMBIGUOUS and len(form) > 2:
                    add(form, code)
    for code, phrases in KEPT_PHRASES.items():
        for phrase in phrases:
            add(phrase, code)

    out = [
        "# Event cues from PETRARCH2's CAMEO verb patterns, coded in PLOVER. Generated by",
        "# scripts/cameo-verbs.py from CAMEO.verbpatterns.150430.txt (github.com/openeventdata/petrarch2,",
        "# read from ../shared/corpora/petrarch2-dictionaries/) through cameo-plover.tsv; do not edit:",
        "# change the script or add lines to events.tsv, which is read first and wins on a shared phrase.",
        "#",
        "# The verb patterns are MIT-licensed: Copyright (c) 2015 Open Event Data Alliance; the full",
        "# notice is in LICENSE-petrarch2 beside this file. The CAMEO -> PLOVER types come from",
        "# cameo-plover.tsv (CC BY-SA 4.0, adapted from the PLOVER project; see its header).",
        "# Intensity is the Goldstein-style weight of the CAMEO root, not of the individual code.",
        "# Format: event|phrases|TYPE|mode|CAMEO|intensity|contexts|arguments (see events.tsv); `dyad`:",
        "# coded only when a target is found, as PETRARCH codes only dyads.",
    ]
    for (code, ptype, mode), phrases in sorted(cues.items()):
        intensity = ROOT_INTENSITY.get(code[:2], 0.0)
        out.append(
            "event|{}|{}|{}|{}|{}|{}|dyad".format(
                ";".join(sorted(phrases)), ptype.upper(), mode or ptype, code, intensity,
                CONTEXT.get(ptype, "diplomatic"),
            )
        )
    text = "\n".join(out) + "\n"
    if "--check" in sys.argv:
        # The crate's copy of the crosswalk is eval/petrarch's, under a three-line note.
        with open(CROSSWALK, encoding="utf-8") as f:
            copy = f.read().split("\n", 3)[3]
        with open(os.path.join(ROOT, "eval", "petrarch", "cameo-plover.tsv"), encoding="utf-8") as f:
            if f.read() != copy:
                sys.exit("data/cameo-plover.tsv differs from eval/petrarch/cameo-plover.tsv")
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("cameo-verbs.tsv is out of date: run python3 scripts/cameo-verbs.py")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("{} phrases in {} cues -> {}".format(len(first), len(cues), os.path.relpath(OUT, ROOT)))


if __name__ == "__main__":
    main()
