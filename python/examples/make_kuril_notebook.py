"""Writes kuril.ipynb (kept as a script so the notebook's source stays reviewable in diffs).

Run: python python/examples/make_kuril_notebook.py
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

md, code = new_markdown_cell, new_code_cell
cells = [
    md(
        "# The Kuril Islands dispute, 2018\n\n"
        "From the reference news article to stances, a deadlock, a forecast and plots, with the "
        "`polemos` package in-process. The test suite runs this notebook headless."
    ),
    code(
        "from pathlib import Path\n"
        "import polemos\n"
        "from polemos import plot\n\n"
        "ROOT = Path.cwd().resolve().parents[1]  # the notebook runs in python/examples\n"
        "article = (ROOT / 'tests' / 'fixtures' / 'kuril-2018.txt').read_text(encoding='utf-8')\n"
        "print(article[:240], '…')"
    ),
    md("## 1. Extract\n\nActors, stances, PLOVER events and disputes, each with its evidence."),
    code(
        "x = polemos.extract(article, published='2018-09-19')\n"
        "assert {'actors/JPN', 'actors/RUS'} <= {a['name'] for a in x.actors}\n"
        "x"
    ),
    code("x.to_pandas('stances')[['actor', 'issue', 'label', 'position', 'salience', 'quote']]"),
    code("x.to_pandas('events')[['event_type', 'sources', 'targets', 'status', 'quote']]"),
    md(
        "## 2. Ingest, and the hand-built reference dossier\n\n"
        "`ingest` stores the document and its facts (idempotent by content hash). For the "
        "analysis we use the curated reference dossier, which models the same article by hand."
    ),
    code(
        "scratch = polemos.Engine()\n"
        "first = scratch.ingest(article, published='2018-09-19')\n"
        "again = scratch.ingest(article, published='2018-09-19')\n"
        "assert again.status == 'already stored'\n"
        "first"
    ),
    code(
        "engine = polemos.Engine()  # polemos.Engine('polemos.db') would share the server's file\n"
        "engine.import_dossier(ROOT / 'examples' / 'dossiers' / 'kuril-islands.json')\n"
        "engine.stances(dispute='kuril-islands')"
    ),
    md("## 3. Stances\n\nEach party's current stance on each issue, consolidated from the evidence."),
    code(
        "AS_OF = '2018-10-01'\n"
        "matrix = engine.stance_matrix('kuril-islands', as_of=AS_OF)\n"
        "matrix.pivot()"
    ),
    code("ax = plot.stance_heatmap(matrix, title='Kuril Islands: positions, October 2018')"),
    md(
        "## 4. Deadlock\n\nJapan will sign the peace treaty only once sovereignty is settled; "
        "Russia wants the treaty first. The preconditions form a cycle."
    ),
    code(
        "locks = engine.deadlocks('kuril-islands', as_of=AS_OF)\n"
        "assert len(locks) == 1 and set(locks[0]['parties']) == {'actors/JPN', 'actors/RUS'}\n"
        "for e in locks[0]['edges']:\n"
        "    print(f\"{e['actor']}: {e['before'].rsplit('/', 1)[-1]} ({e['required']}) \"\n"
        "          f\"before {e['after'].rsplit('/', 1)[-1]} - {e['condition_text']}\")"
    ),
    md(
        "## 5. Forecast\n\nThe expected-utility model (Bueno de Mesquita) on the parties' stances "
        "and capabilities, one dimension per issue."
    ),
    code(
        "fc = engine.forecast('kuril-islands', as_of=AS_OF, model='bdm', rounds=10)\n"
        "fc"
    ),
    code(
        "sovereignty = 'sovereignty'  # a dimension is named by its issue's id\n"
        "ax = fc.plot(sovereignty)"
    ),
    code(
        "# The same model on a table of positions, as a data scientist would pass it\n"
        "rows = [\n"
        "    {'actor': 'JPN', 'position': 100, 'salience': 0.9, 'capability': 0.45},\n"
        "    {'actor': 'RUS', 'position': 10, 'salience': 0.3, 'capability': 0.55},\n"
        "]\n"
        "polemos.forecast.bdm(rows, rounds=10).outcome"
    ),
    md("## 6. Cooperation and conflict over time"),
    code("ax = plot.timeline(engine.events(dispute='kuril-islands'))"),
]

nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
})
Path(__file__).with_name("kuril.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
