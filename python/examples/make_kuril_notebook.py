"""Writes kuril.ipynb (kept as a script so the notebook's source stays reviewable in diffs)."""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

cells = [
    new_markdown_cell(
        "# The Kuril Islands dispute, 2018\n\n"
        "From the reference news article to stances, a deadlock and a forecast, with the "
        "`polemos` package in-process. Runs headless in the test suite."
    ),
    new_code_cell(
        "from pathlib import Path\n"
        "import matplotlib\n"
        "import polemos\n"
        "from polemos import plot\n\n"
        "ROOT = Path.cwd().resolve().parents[1]  # the notebook runs in python/examples\n"
        "article = (ROOT / 'tests' / 'fixtures' / 'kuril-2018.txt').read_text(encoding='utf-8')\n"
        "print(article[:300], '…')"
    ),
    new_markdown_cell(
        "## The hand-built reference dossier\n\nImported into an in-memory engine "
        "(`polemos.Engine('file.db')` would use the same SQLite file as the server)."
    ),
    new_code_cell(
        "engine = polemos.Engine()\n"
        "result = engine.import_dossier(ROOT / 'examples' / 'dossiers' / 'kuril-islands.json')\n"
        "assert result.created > 0\n"
        "result"
    ),
    new_code_cell(
        "stances = engine.stances(dispute='kuril-islands')\n"
        "assert {s.actor for s in stances} == {'actors/JPN', 'actors/RUS'}\n"
        "stances.to_pandas()[['actor', 'issue', 'label', 'position', 'salience', 'conditions']]"
    ),
    new_code_cell("engine.get('stances/jpn-peace-treaty-2018')"),
    new_markdown_cell("## Stances and events, plotted"),
    new_code_cell("ax = plot.stance_heatmap(stances, title='Kuril Islands: positions (0–100)')"),
    new_code_cell("ax = plot.timeline(engine.events(dispute='kuril-islands'))"),
]

nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
})
Path(__file__).with_name("kuril.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
