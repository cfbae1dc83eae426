"""The `khronika` command line: through `khronika.cli.main` and once through the installed console script."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from khronika.cli import main
from khronika.store.sqlite import Store

BUDGET = ("Рада підтримала бюджет\n"
          "Вчора депутати підтримали зміни до бюджету. Уряд представить новий план 15 лютого.\n")
BRIDGE = ("Міст відкриють навесні\n"
          "Мерія повідомила, що ремонт мосту через Дніпро завершать до 1 квітня 2022 року.\n")
BORRELL = ("Боррель прибув до Києва\n"
           "Верховний представник ЄС Жозеп Боррель у понеділок провів зустріч із міністром закордонних справ.\n")


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("budget.txt", BUDGET), ("bridge.txt", BRIDGE), ("borrell.txt", BORRELL)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def db(inputs, tmp_path, capsys):
    path = tmp_path / "k.db"
    assert main(["ingest", str(inputs), "--db", str(path), "--quiet"]) == 0
    capsys.readouterr()
    return path


def test_analyze_json_lines(inputs, capsys):
    code = main(["analyze", str(inputs / "budget.txt"), str(inputs / "bridge.txt"), "--published", "2022-02-10",
                 "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) == {"article", "mentions", "actors", "quotes", "timexes", "events"}
    assert first["article"]["title"] == "Рада підтримала бюджет"
    assert second["article"]["title"] == "Міст відкриють навесні"
    assert first["article"]["published"] == second["article"]["published"] == "2022-02-10"
    assert first["article"]["language"] == "uk"
    values = {t["text"]: t["value"] for t in first["timexes"]}
    assert values["Вчора"] == "2022-02-09"  # anchored on --published
    assert values["15 лютого"] == "2022-02-15"
    assert {t["text"]: t["value"] for t in second["timexes"]} == {"навесні": "2022-SP",
                                                                  "1 квітня 2022 року": "2022-04-01"}


def test_analyze_summary_without_json(inputs, capsys):
    assert main(["analyze", str(inputs / "bridge.txt"), "--published", "2022-02-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Міст відкриють навесні\n")
    assert "published 2022-02-10" in out
    assert "'1 квітня 2022 року' -> 2022-04-01" in out


def test_analyze_reports_a_bad_input_and_goes_on(inputs, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["analyze", str(inputs / "budget.txt"), str(empty), str(inputs / "bridge.txt"), "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["article"]["title"] for line in out.splitlines()] == [
        "Рада підтримала бюджет", "Міст відкриють навесні"]
    err_lines = err.splitlines()
    assert len(err_lines) == 1
    assert str(empty) in err_lines[0] and "empty input" in err_lines[0]


def test_analyze_missing_file(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["analyze", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert str(missing) in err and "no such file" in err


@pytest.mark.parametrize("bad", ["10.02.2022", "2022-2-10", "yesterday"])
def test_bad_published_date_is_rejected_by_argparse(inputs, capsys, bad):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(inputs / "budget.txt"), "--published", bad])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--published" in err and bad in err


@pytest.mark.parametrize("bad", ["2022-02-30", "2022-13-01"])
def test_impossible_published_date_is_rejected_by_argparse(inputs, capsys, bad):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(inputs / "budget.txt"), "--published", bad])
    assert exit_info.value.code == 2


def test_ingest_twice_stores_nothing_new(inputs, tmp_path, capsys):
    db = tmp_path / "k.db"
    assert main(["ingest", str(inputs), "--db", str(db), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"3 stored, 0 already there, 0 failed; 3 articles in {db}" in captured.err

    assert main(["ingest", str(inputs), "--db", str(db), "--quiet"]) == 0
    assert f"0 stored, 3 already there, 0 failed; 3 articles in {db}" in capsys.readouterr().err
    with Store(db) as store:
        assert store.count() == 3


def _console(*args: str) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("khronika")
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=120)


def test_ingest_with_a_failing_input_exits_1(inputs, tmp_path):
    (inputs / "empty.txt").write_bytes(b"")
    db = tmp_path / "k.db"
    done = _console("ingest", str(inputs), "--db", str(db), "--quiet")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"khronika: error: {inputs / 'empty.txt'}: empty input",
        f"khronika: 3 stored, 0 already there, 1 failed; 3 articles in {db}",
    ]


def test_ingest_errors_go_to_the_current_stderr(inputs, tmp_path, monkeypatch):
    import khronika.ingest.runner  # noqa: F401 (imported before stderr is redirected, as in any longer session)

    (inputs / "empty.txt").write_bytes(b"")
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(["ingest", str(inputs), "--db", str(tmp_path / "k.db"), "--quiet"])
    monkeypatch.undo()
    assert "3 stored, 0 already there, 1 failed" in stderr.getvalue()  # the summary line does follow
    assert f"{inputs / 'empty.txt'}: empty input" in stderr.getvalue()
    assert code == 1


def test_ingest_is_idempotent_when_the_folder_grows(tmp_path, capsys):
    folder, db = tmp_path / "site", tmp_path / "k.db"
    folder.mkdir()
    topics = ["Уряд ухвалив постанову про ремонт доріг у трьох областях.",
              "Мерія оголосила конкурс на проєкт нового парку.",
              "Суд відклав розгляд справи про забудову набережної.",
              "Залізниця призначила додатковий поїзд до моря.",
              "Університет відкрив набір на нову магістерську програму.",
              "Лікарня отримала сучасний апарат для діагностики."]
    for i, topic in enumerate(topics[:4]):
        (folder / f"n{i}.txt").write_text(f"Новина {i}\n{topic}\nРедакція порталу Південний вісник\n",
                                          encoding="utf-8")
    assert main(["ingest", str(folder), "--db", str(db), "--quiet"]) == 0
    for i, topic in enumerate(topics[4:], start=4):
        (folder / f"n{i}.txt").write_text(f"Новина {i}\n{topic}\nРедакція порталу Південний вісник\n",
                                          encoding="utf-8")
    assert main(["ingest", str(folder), "--db", str(db), "--quiet"]) == 0
    capsys.readouterr()
    with Store(db) as store:
        assert store.count() == 6


def test_search_prints_matches(db, capsys):
    assert main(["search", "Борреля", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert "uk  Боррель прибув до Києва  [" in lines[0]
    assert "Боррель" in lines[1]
    assert err == ""


def test_search_json_and_no_matches(db, capsys):
    assert main(["search", "міст", "--db", str(db), "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["title"] == "Міст відкриють навесні"
    assert main(["search", "Столтенберг", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no matches" in err


def test_search_on_a_missing_db(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert main(["search", "Боррель", "--db", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("khronika: error: ") and "no store at" in err and str(missing) in err
    assert not missing.exists()  # searching does not create an empty store


def test_export_csv_of_timexes_to_stdout(db, capsys):
    assert main(["export", "--db", str(db), "--format", "csv", "--table", "timexes"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["article_id", "start", "end", "text", "value", "type", "mod"]
    with Store(db) as store:
        assert len(rows) - 1 == store.count("timexes") > 0
    assert f"exported {len(rows) - 1} timexes rows" in err


def test_export_parquet_without_output_exits_2(db, capsys):
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err


def test_export_jsonl_to_a_file(db, tmp_path, capsys):
    target = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(target)]) == 0
    assert f"exported 3 articles to {target}" in capsys.readouterr().err
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3


def test_subcommand_is_required(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


def test_console_script(inputs, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = _console("analyze", str(inputs / "budget.txt"), str(empty), str(inputs / "bridge.txt"),
                    "--published", "2022-02-10", "--json")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["article"]["title"] for r in records] == ["Рада підтримала бюджет", "Міст відкриють навесні"]
    assert all(r["article"]["published"] == "2022-02-10" for r in records)
    assert done.stderr.strip() == f"khronika: error: {empty}: empty input"
