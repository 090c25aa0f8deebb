"""The page's own words in five languages (--lang): one catalogue per language
with the same keys, dates by the locale's rules (Babel), and French and
Russian pages in real Chromium with no network."""

from __future__ import annotations

import datetime as dt
import re
import string
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DEFAULT_EVENTS, REPO

SCREENSHOTS = REPO / "output" / "screenshots"
LOCALES = REPO / "src" / "handover_map" / "locales"
NOV_25 = dt.date(2020, 11, 25)
#: The default map's latest report: the slider's last stop.
DEC_1 = dt.date(2020, 12, 1)


def _catalogue(lang: str) -> dict:
    return tomllib.loads((LOCALES / f"{lang}.toml").read_text(encoding="utf-8"))


def _keys(table: dict) -> dict[str, object]:
    return {f"{section}.{key}": value for section, entries in table.items() for key, value in entries.items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_a_file_and_no_file_is_left_over():
    from handover_map.words import LANGUAGES

    assert sorted(path.stem for path in LOCALES.glob("*.toml")) == sorted(LANGUAGES)
    assert LANGUAGES[0] == "en"


@pytest.mark.parametrize("lang", ["fr", "de", "ru", "es"])
def test_every_language_has_every_key_no_extra_and_the_same_placeholders(lang):
    import babel

    english, other = _keys(_catalogue("en")), _keys(_catalogue(lang))
    assert sorted(other) == sorted(english)
    plural_forms = babel.Locale.parse(other["language.locale"]).plural_form.tags | {"other"}
    for key, text in english.items():
        if key.startswith("language."):
            continue
        translated = other[key]
        if isinstance(text, dict):
            # A plural word has exactly the forms the language's rules choose from.
            assert isinstance(translated, dict) and set(translated) == plural_forms, key
            assert all(_placeholders(form) == _placeholders(text["other"]) for form in translated.values()), key
        else:
            assert isinstance(translated, str) and translated.strip(), key
            assert _placeholders(translated) == _placeholders(text), key


def test_english_plural_forms_are_english_ones():
    assert set(_catalogue("en")["text"]["who_controls"]) == {"one", "other"}


@pytest.mark.parametrize(
    ("lang", "long", "medium", "day_month"),
    [
        ("en", "25 November 2020", "25 Nov 2020", "25 Nov"),
        ("fr", "25 novembre 2020", "25 nov. 2020", "25 nov."),
        ("de", "25. November 2020", "25.11.2020", "25. Nov."),
        # CLDR puts a narrow no-break space before the year's abbreviation.
        ("ru", "25 ноября 2020\u202fг.", "25 нояб. 2020\u202fг.", "25 нояб."),
        ("es", "25 de noviembre de 2020", "25 nov 2020", "25 nov"),
    ],
)
def test_dates_follow_the_locale(lang, long, medium, day_month):
    from handover_map.words import words

    say = words(lang)
    assert (say.date(NOV_25), say.date(NOV_25, "medium"), say.date(NOV_25, "day_month")) == (long, medium, day_month)


def test_plural_words_follow_the_language_rules():
    from handover_map.words import words

    ru = words("ru")
    assert [ru("text.who_controls", n) for n in (1, 3, 5, 21)] == [
        "Кто контролирует 1 район",
        "Кто контролирует 3 района",
        "Кто контролирует 5 районов",
        "Кто контролирует 21 район",
    ]
    assert words("en")("text.who_controls", 1) == "Who controls 1 district"
    assert words("fr")("text.title_more", 2, list="A, B") == "A, B et 2 autres"


def test_an_unknown_language_is_refused_with_the_choices():
    from handover_map._errors import OptionError
    from handover_map.cli import cli
    from handover_map.words import words

    with pytest.raises(OptionError, match="en, fr, de, ru, es"):
        words("xx")
    for arguments in (["build", "--lang", "xx"], ["snapshot", "--lang", "pt"], ["story", "build", "folder", "--lang", "EN"]):
        result = CliRunner().invoke(cli, arguments)
        assert result.exit_code == 2, arguments
        lines = [line for line in result.output.splitlines() if "Error" in line]
        assert len(lines) == 1 and all(f"'{lang}'" in lines[0] for lang in ("en", "fr", "de", "ru", "es")), result.output


def test_an_unknown_language_from_the_command_line_is_one_line_and_exit_2(tmp_path):
    from conftest import run_command

    done = run_command(["build", "--lang", "xx", "-o", tmp_path / "x.html"])
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "'fr'" in done.stderr and "'ru'" in done.stderr
    assert not (tmp_path / "x.html").exists()


def script_json(value: object) -> str:
    from handover_map.render import script_json

    return script_json(value)


def _script_data(page: str) -> str:
    return page.split("var data = ", 1)[1].split(";\n", 1)[0]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The default map in every language, self-contained."""
    from handover_map import build_map
    from handover_map.words import LANGUAGES

    folder = tmp_path_factory.mktemp("lang")
    return {lang: build_map(folder / f"map-{lang}.html", lang=lang) for lang in LANGUAGES}


def test_the_page_says_its_words_in_its_language_and_reports_stay_as_written(pages):
    from handover_map.words import words

    english, french = pages["en"].read_text(encoding="utf-8"), pages["fr"].read_text(encoding="utf-8")
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert 'aria-label="Lecture"' in french and ">Événements</h2>" in french and 'data-shown="Date affichée\u00a0: "' in french
    assert f"Selon les articles parus jusqu’au {words('fr').date(DEC_1)}" in french
    assert "Carte\u00a0: handover-map, Leaflet, folium" in french
    # Text from reports and sources is never translated: the citations and the evidence are the English page's.
    credits = [re.search(r'<p class="hm-credits">(.*?)</p>', page).group(1).split(" · ") for page in (english, french)]
    assert len(credits[0]) == len(credits[1]) >= 4
    for line_en, line_fr in zip(*credits):
        if line_en.startswith("Events: "):
            assert line_fr == "Événements\u00a0: " + line_en.removeprefix("Events: ")
        elif not line_en.startswith("Map: "):
            # A source's role in the page's words, its publisher's credit as the publisher writes it.
            role_en, credit_en = line_en.split(": ", 1)
            role_fr, credit_fr = line_fr.split("\u00a0: ", 1)
            assert (
                credit_fr == credit_en
                and role_fr == {"Boundaries": "Limites", "Countries": "Pays", "Disputed areas": "Zones contestées", "Places": "Lieux"}[role_en]
            )
    data_en, data_fr = _script_data(english), _script_data(french)
    strings = re.search(r'"strings":(\[.*?\]),"districts"', data_en)
    assert strings and strings.group(1) in data_fr
    # The script's words are data, not code: each is in the data, none in the script after it.
    script = french.split("var data = ", 1)[1].removeprefix(data_fr)
    for text in words("fr").script_words().values():
        assert script_json(text)[1:-1] in data_fr and text not in script, text


def test_english_is_the_default(pages, tmp_path):
    from handover_map import build_map

    default = build_map(tmp_path / "default.html")
    assert default.read_bytes() == pages["en"].read_bytes()


def test_a_snapshot_draws_its_words_and_dates_in_its_language(tmp_path):
    from handover_map.build import prepare_map
    from handover_map.snapshot import write_snapshot
    from handover_map.words import words

    written = write_snapshot(prepare_map(lang="ru"), tmp_path / "ru", [dt.date(2020, 11, 20), NOV_25])
    svg = written[1].read_text(encoding="utf-8")
    for text in ("20 нояб. 2020\u202fг.", "25 нояб. 2020\u202fг.", "Передан: Azerbaijan", f"По сообщениям на {words('ru').date(DEC_1)}", "Карта: handover-map"):
        assert text in svg, text
    assert "Handed over" not in svg and "Nov 2020" not in svg


def test_the_embed_snippet_speaks_the_page_language(pages):
    from handover_map.cli import cli

    result = CliRunner().invoke(cli, ["embed", str(pages["de"])])
    assert result.exit_code == 0 and "(die Karte auf einer eigenen Seite)" in result.output
    result = CliRunner().invoke(cli, ["embed", str(pages["en"])])
    assert "(the map on its own page)" in result.output


def _open(browser_context, path: Path, width: int, date: str = "2020-11-25"):
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort())
    page.goto(path.resolve().as_uri() + f"#date={date}")
    page.wait_for_function("window.handoverMap !== undefined")
    return page, errors


def _open_popup(page, name: str) -> None:
    page.evaluate(f"void handoverMap.layer.getLayers().find(l => handoverMap.districts()[l.feature.properties.i].name === {name!r}).openPopup()")
    page.locator(".leaflet-popup-content").wait_for(timeout=5_000)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_french_and_russian_pages_show_their_words(pages, browser_context, lang):
    from handover_map.events import read_events
    from handover_map.model import state_labels
    from handover_map.words import words

    say = words(lang)
    labels = state_labels(read_events(DEFAULT_EVENTS), lang)
    page, errors = _open(browser_context, pages[lang], 1400)
    assert page.evaluate("document.documentElement.lang") == lang
    # Legend: the states in the language, the parties' names as the table writes them.
    legend = page.locator(".hm-legend li").all_inner_texts()
    assert labels["transferred"] in legend and labels["scheduled"] in legend and say("page.held_area") not in legend
    assert say("state.transferred_to", party="Azerbaijan") in legend
    # Slider: its date, its value text and its ticks as Babel writes them.
    assert page.locator("#hm-date").inner_text() == say.date(NOV_25, "medium")
    assert page.locator("#hm-slider").get_attribute("aria-valuetext") == say.date(NOV_25, "medium")
    assert page.locator("#hm-slider").get_attribute("aria-label") == say("page.slider")
    ticks = [dt.date(2020, 11, day) for day in (15, 20, 25)] + [DEC_1]
    assert page.locator(".hm-tick-label").all_inner_texts() == [say.date(day, "day_month") for day in ticks]
    assert page.locator("#hm-play").get_attribute("aria-label") == say("script.play")
    assert page.get_by_role("button", name=say("script.reset_view")).count() == 1
    assert page.locator(".leaflet-control-zoom-in").get_attribute("aria-label") == say("script.zoom_in")
    # Every month of the year, as Babel writes it (the script reads the locale's pattern).
    for month in range(1, 13):
        day = dt.date(2021, month, 3)
        page.evaluate(f"handoverMap.setDate('{day.isoformat()}')")
        assert page.locator("#hm-date").inner_text() == say.date(day, "medium"), day
    page.evaluate("handoverMap.setDate('2020-11-25')")
    # Popup and event list.
    _open_popup(page, "Kalbajar District")
    popup = page.locator(".leaflet-popup-content")
    assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == say("script.close_popup")
    state = popup.locator(".hm-popup-state").inner_text()
    assert state == say("script.on_date", date=say.date(NOV_25, "medium"), state=labels["transferred"])
    # Areas with the locale's digit grouping (Chromium's and Babel's agree).
    district = page.evaluate("handoverMap.districts().find(d => d.name === 'Kalbajar District')")
    km2 = {key: say("script.km2", value=say.number(district[key])) for key in ("areaKm2", "districtKm2")}
    assert popup.locator(".hm-popup-area").inner_text() == say("script.area_changing", area=km2["areaKm2"], total=km2["districtKm2"])
    first_item = popup.locator("li strong").first.inner_text()
    assert first_item.startswith(say.date(dt.date(2020, 11, 15), "medium"))
    assert say("kind.postponed") in popup.inner_text() or say("kind.completed") in popup.inner_text()
    dates = page.locator(".hm-event-date").all_inner_texts()
    assert dates and all(re.fullmatch(r"\d{1,2} \S+ 2020(\u202fг\.)?", text) for text in dates), dates
    assert page.locator(".hm-events-title").inner_text().lower() == say("page.events").lower()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lang-{lang}-1400.png"))
    # Printed, the date says what it is in the page's language.
    page.emulate_media(media="print")
    assert page.locator("#hm-date").evaluate("e => getComputedStyle(e, '::before').content") == f'"{say("page.shown")}"'
    assert errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_french_and_russian_pages_on_a_phone(pages, browser_context, lang):
    from handover_map.words import words

    say = words(lang)
    page, errors = _open(browser_context, pages[lang], 360)
    # Nothing wider than the screen: the longer words wrap.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    labels = page.locator(".hm-tick-label")
    shown = labels.evaluate_all("ls => ls.filter(l => getComputedStyle(l).visibility !== 'hidden').map(l => l.getBoundingClientRect().right)")
    assert shown and max(shown) <= 360
    assert page.locator("#hm-date").inner_text() == say.date(NOV_25, "medium")
    _open_popup(page, "Lachin District")
    # The longer words wrap inside the popup (as wide as an English one: Leaflet's maxWidth).
    content = page.locator(".leaflet-popup-content")
    assert content.evaluate("c => c.scrollWidth <= c.clientWidth")
    assert content.bounding_box()["width"] <= 321  # 320 and the pixel Leaflet adds
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lang-{lang}-360.png"), full_page=True)
    assert errors == []
    page.close()


def test_a_story_builds_in_its_language(tmp_path):
    from handover_map.cli import cli

    folder = tmp_path / "historia"
    runner = CliRunner()
    for arguments in (
        ["story", "init", str(folder)],
        ["story", "add", str(folder), str(REPO / "tests" / "reports" / "story" / "2020-11-20-agdam.txt"), "--published", "2020-11-20"],
        ["story", "build", str(folder), "--lang", "es"],
    ):
        result = runner.invoke(cli, arguments)
        assert result.exit_code == 0, result.output
    page = (folder / "map.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "Según los informes hasta el 20 de noviembre de 2020" in page
    assert "Entregas de territorio: " in page and "Quién controla 2 distritos, del 20 de noviembre de 2020 al 1 de diciembre de 2020." in page


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_the_script_writes_every_month_as_babel_does(pages, browser_context, lang):
    from handover_map.words import words

    say = words(lang)
    page, errors = _open(browser_context, pages[lang], 1200)
    for month in range(1, 13):
        day = dt.date(2021, month, 3 + month)  # one and two digits
        page.evaluate(f"handoverMap.setDate('{day.isoformat()}')")
        assert page.locator("#hm-date").inner_text() == say.date(day, "medium"), day
    ticks = [dt.date(2020, 11, day) for day in (15, 20, 25)] + [DEC_1]
    assert page.locator(".hm-tick-label").all_inner_texts() == [say.date(day, "day_month") for day in ticks]
    assert errors == []
    page.close()


def test_english_state_labels_agree_with_the_settings_the_export_uses():
    from handover_map import settings
    from handover_map.words import words

    assert {state: words("en")(f"state.{state}") for state in settings.STATES} == {state: style["label"] for state, style in settings.STATE_STYLES.items()}


def test_party_legend_and_a_war_s_title_in_each_language():
    from handover_map.build import _default_title
    from handover_map.events import Event
    from handover_map.words import words

    war = [Event("Fuzuli District", dt.date(2020, 10, 17), "captured", from_="Armenian forces", to="Azerbaijan")]
    handover = [Event("Agdam District", dt.date(2020, 11, 20), "completed", from_="Armenia", to="Azerbaijan")]
    for lang in ("en", "fr", "de", "ru", "es"):
        say = words(lang)
        assert "Azerbaijan" in say("state.under_control", party="Azerbaijan")
        assert _default_title(war, lang) != _default_title(handover, lang).replace("Agdam District", "Fuzuli District")
    assert _default_title(war, "en") == "Changes of control: Fuzuli District"
