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
# and show it here, add its layer to a folium map of your own, and keep a
# story over several reports in a folder. The
# boundaries come from the offline mirror (`HANDOVER_MAP_DATA_DIR`) or the
# download cache; the report below was written for this example.

# %%
import csv
from pathlib import Path

import folium
import pandas as pd

import handover_map as hm
from handover_map.notebook import HandoverLayer, HandoverMap
from handover_map.story import add_reports, build_story, init_story

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

# %% [markdown]
# ## 5. A story over several reports
# A story folder keeps the reports and the reviewed table. Adding a report
# reads them all again, but never overwrites a row you edited or deleted;
# the machine's new rows are marked for review. One call rebuilds the map.

# %%
STORY = WORK / "story"
init_story(STORY, title="Three districts change hands")
FIRST = WORK / "2020-11-20-agdam.txt"
FIRST.write_text(
    "Agdam Returned\n\nBAKU, 20 November 2020 (Example Wire) - Azerbaijani troops entered the Agdam district on 20 November 2020.\n",
    encoding="utf-8",
)
print(add_reports(STORY, [FIRST]).summary())

# %% [markdown]
# Review `story/events.csv` (here in code: a note on the first row, and the
# review marks cleared), then add the next report: the edit stays.


# %%
def review(table: Path, note: str = "") -> None:
    """Clear the review marks; with ``note``, write it on the first row (a hand edit)."""
    with table.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows, columns = list(reader), reader.fieldnames or []
    for number, row in enumerate(rows):
        row["review"] = ""
        if note and number == 0:
            row["note"] = note
    with table.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        writer.writerows(rows)


review(STORY / "events.csv", note="checked by our desk")
print(add_reports(STORY, [REPORT]).summary())
review(STORY / "events.csv")
built = build_story(STORY)
print(built.name, "written;", "the hand edit kept:", "checked by our desk" in (STORY / "events.csv").read_text(encoding="utf-8"))
