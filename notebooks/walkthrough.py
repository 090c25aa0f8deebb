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
# # From a report to a slider map, in a notebook
#
# Load a report, extract its events, review them as a table, build the map
# and show it here, then add its layer to a folium map of your own. The
# boundaries come from the offline mirror (`HANDOVER_MAP_DATA_DIR`) or the
# download cache; the report below was written for this example.

# %%
from pathlib import Path

import folium
import pandas as pd

import handover_map as hm
from handover_map.notebook import HandoverLayer, HandoverMap

WORK = Path("output")
WORK.mkdir(exist_ok=True)

# %% [markdown]
# ## 1. Load a report
# Plain text or a saved web page; the dateline gives the publication date.

# %%
REPORT = WORK / "two-districts.txt"
REPORT.write_text(
    "Two Districts Change Hands, A Third To Follow\n\n"
    "BAKU, 26 November 2020 (Example Wire) - Azerbaijani troops entered the Agdam district on 20 November 2020, after Armenian forces withdrew.\n\n"
    "Kalbajar was handed over to Azerbaijan on 25 November 2020, ten days after the first deadline.\n\n"
    "Armenia is due to hand over Lachin by 1 December 2020.\n",
    encoding="utf-8",
)
article = hm.read_article(REPORT)
print(article.headline, "| published", article.published, "from the", article.published_from)

# %% [markdown]
# ## 2. Extract the events and review the table
# Each row carries the sentence it was read from. Fix what is wrong in the
# CSV (or in the list) before building the map.

# %%
extraction = hm.extract_article(REPORT)
TABLE = WORK / "events.csv"
hm.write_events(extraction.events, TABLE)
pd.DataFrame([event.as_row() for event in extraction.events])[["district", "date", "kind", "evidence"]]

# %% [markdown]
# ## 3. Build the map and show it here
# Inline, the page loads Leaflet and a light basemap from the web, as folium's
# maps do; `save` writes the self-contained page `handover-map build` writes.
# Simplified borders keep the notebook light.

# %%
handover = HandoverMap.build(events=TABLE, simplify=500, height=560)
handover.save(WORK / "two-districts.html")
handover

# %% [markdown]
# ## 4. Add the handover layer to your own folium map
# The title, slider, event list and legend come with it.

# %%
m = folium.Map(location=[40.0, 46.6], zoom_start=8)
HandoverLayer.from_events(TABLE, simplify=500).add_to(m)
m
