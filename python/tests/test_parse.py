"""Tagging and dependency parsing from Python (polemos-syntax's embedded model)."""

from __future__ import annotations

import polemos


def test_parse_gives_sentences_of_tagged_attached_words() -> None:
    text = "Japan rejected the proposal. Russia didn't respond."
    sentences = polemos.parse(text)
    assert [s["text"] for s in sentences] == ["Japan rejected the proposal.", "Russia didn't respond."]
    raw = text.encode("utf-8")
    for s in sentences:
        roots = [t for t in s["tokens"] if t["head"] == 0]
        assert len(roots) == 1 and roots[0]["deprel"] == "root"
        for t in s["tokens"]:
            assert raw[t["start"] : t["end"]].decode("utf-8") == t["text"]
            assert 0 <= t["head"] <= len(s["tokens"])
    first = sentences[0]["tokens"]
    assert [t["text"] for t in first] == ["Japan", "rejected", "the", "proposal", "."]
    assert first[1]["upos"] == "VERB" and first[1]["lemma"] == "reject" and first[1]["xpos"] == "VBD"
    # Japan is the subject and proposal the object of "rejected" (token 2).
    assert (first[0]["head"], first[0]["deprel"]) == (2, "nsubj")
    assert (first[3]["head"], first[3]["deprel"]) == (2, "obj")
    # The clitic is a word of its own.
    assert [t["text"] for t in sentences[1]["tokens"]][1:3] == ["did", "n't"]


def test_parse_takes_any_text() -> None:
    assert polemos.parse("") == []
    for text in ["   ", "!!!", "é" * 1000, "a" * 10_000, "word " * 600]:
        for s in polemos.parse(text):
            assert sum(t["head"] == 0 for t in s["tokens"]) == 1
