from __future__ import annotations

import pytest
from click.testing import CliRunner

from kartoteka.analysis.statistics import (
    REHABILITATING_ORGANS,
    SENTENCING_ORGANS,
    articles_of,
    burial_site,
    compute,
    organ_class,
)
from kartoteka.errors import ConfigError
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.interfaces.cli import cli
from kartoteka.interfaces.plots import plot

from ..ingest.registries.samples import write_lists, write_moscow


@pytest.fixture
def registry_store(fresh_store, tmp_path):
    import_registry(fresh_store, "memorial-lists", [write_lists(tmp_path)], "test")
    import_registry(fresh_store, "memorial-moscow", [write_moscow(tmp_path)], "test")
    return fresh_store


def test_articles_are_read_in_every_written_form():
    assert articles_of("58 п. 10, 11 УК РСФСР") == ["58-10", "58-11"]
    assert articles_of("по ст.ст. 58-10, 58-11 УК РСФСР") == ["58-10", "58-11"]
    assert articles_of("по ст. 82 УК РСФСР") == ["82"]


def test_organs_fall_into_classes():
    assert (
        organ_class("Тройка при УНКВД по Тульской обл.", SENTENCING_ORGANS) == "тройка"
    )
    assert (
        organ_class("ОСО при НКВД СССР", SENTENCING_ORGANS) == "Особое совещание (ОСО)"
    )
    assert organ_class(None, SENTENCING_ORGANS) == "не указано"
    assert (
        organ_class("Прокуратура Брестской обл.", REHABILITATING_ORGANS)
        == "прокуратура"
    )


def test_spellings_of_one_burial_site_are_one_site():
    assert burial_site("место захоронения - Московская обл., Бутово.") == "Бутово"
    assert burial_site("Москва, Донское кладбище") == "Донское"
    assert burial_site(None) == "не указано"


def test_the_statistics_count_each_record_once(registry_store):
    stats = compute(registry_store)
    assert (
        stats.events["executed"] == 5
    )  # 2 in the list (its alternative not counted), 3 in the page
    assert stats.events_by_year["executed", 1938] == 3
    assert stats.executions_by_day["Бутово"] == {"1937-11-03": 1, "1938-01-08": 1}
    assert stats.executions_by_day["Тула"] == {"1938-09-22": 1}
    assert stats.sentences_by_organ["тройка"] == 1
    assert stats.articles["58-10"] == 1
    assert stats.rehabilitations[1980, "прокуратура"] == 1
    assert stats.rehabilitations[1960, "МВД / УВД"] == 1
    assert len(stats.rehabilitated) == 2
    assert 0 < stats.share_rehabilitated < 1


@pytest.mark.parametrize("figure", ["executions", "rehabilitations", "events"])
def test_each_figure_is_written_as_png_and_svg(registry_store, tmp_path, figure):
    stats = compute(registry_store)
    png, svg = tmp_path / f"{figure}.png", tmp_path / f"{figure}.svg"
    plot(stats, figure, png, "Memorial (test)")
    plot(stats, figure, svg, "Memorial (test)")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Source: Memorial (test)" in text


def test_a_plot_in_another_format_is_refused(registry_store, tmp_path):
    with pytest.raises(ConfigError, match=r"png or \.svg"):
        plot(compute(registry_store), "events", tmp_path / "x.jpg", "test")


def test_the_stats_command_prints_tables_and_writes_the_plot(tmp_path):
    db = str(tmp_path / "k.db")
    CliRunner().invoke(
        cli,
        ["--db", db, "import", "memorial-moscow", str(write_moscow(tmp_path))],
        obj={},
    )
    result = CliRunner().invoke(
        cli, ["--db", db, "stats", "--plot", str(tmp_path / "e.png")], obj={}
    )
    assert result.exit_code == 0, result.output
    assert "Executions by burial site" in result.output and "Бутово" in result.output
    assert (tmp_path / "e.png").stat().st_size > 10_000
