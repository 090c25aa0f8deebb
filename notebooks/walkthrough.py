# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # From a news article to a slider map
#
# This walkthrough runs each stage of handover-map through its Python API:
# article → events → gazetteer → boundaries → timeline → map. It reads the
# seed article from `../shared/articles` (never copied into the repository)
# and the boundary data from the offline mirror or the download cache.

# %%
import os
from pathlib import Path

import handover_map as hm
from handover_map import sources

REPO = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "pyproject.toml").is_file())
ARTICLE = REPO.parent / "shared" / "articles" / "2020-11-25-kalbajar-handover.txt"
OUTPUT = Path(os.environ.get("WALKTHROUGH_OUTPUT", REPO / "output"))
if (REPO.parent / "shared" / "geodata").is_dir():
    os.environ.setdefault("HANDOVER_MAP_DATA_DIR", str(REPO.parent / "shared" / "geodata"))

# %% [markdown]
# ## 1. Read the article
# Plain text or a saved page; furniture and photo captions are set aside.

# %%
article = hm.read_article(ARTICLE)
print(article.headline)
print("published", article.published, "from", article.published_from)
print(len(article.body), "body paragraphs of", len(article.paragraphs))

# %% [markdown]
# ## 2. Boundaries and the gazetteer
# Any vector file in any CRS; here the geoBoundaries districts of Azerbaijan.

# %%
path, source = sources.resolve("geoboundaries-aze-adm2")
districts = hm.load_boundaries(path, source.name_field)
gazetteer = hm.Gazetteer(list(districts["name"]), hm.read_aliases())
print(districts.crs, len(districts), "districts")
print(gazetteer.match("Kəlbəcər"))

# %% [markdown]
# ## 3. Extract the events
# Each row carries its evidence sentence; the report says what was left out.

# %%
extraction = hm.extract_events(article, gazetteer)
for event in extraction.events:
    print(event.date, event.kind.ljust(9), event.district)
for date in extraction.report()["unattached_dates"]:
    print("not used:", date["text"], "-", date["reason"])
assert len(extraction.events) == 5

# %% [markdown]
# ## 4. The control timeline
# States per district and date, computed from the events alone.

# %%
joined = hm.join_events(extraction.events, list(districts["name"]), hm.read_aliases())
timeline = hm.build_timeline(joined)
for day in timeline.stops:
    print(day, {name.split()[0]: timeline.state(name, day) for name in sorted(joined)})

# %% [markdown]
# ## 5. The map
# A self-contained page: it opens with no network.

# %%
OUTPUT.mkdir(parents=True, exist_ok=True)
page = hm.build_map(OUTPUT / "walkthrough.html", article=ARTICLE, self_contained=True)
print("wrote", page, page.stat().st_size, "bytes")
