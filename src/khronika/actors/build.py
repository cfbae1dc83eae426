"""`khronika build-kb`: build the actor knowledge base (`data/actors/kb.jsonl`) from sources.

- Countries: internacia-db's country files (ISO codes, Wikidata ids, Russian names), with the
  Ukrainian, Russian and English names from CLDR (through Babel) and the hand-curated short
  forms, metonyms, adjectives and demonyms of `places.json`.
- Organisations: `organisations.json` (hand-curated), with internacia-db's Russian names,
  acronyms and Wikidata ids merged in where an entry names its intblock.
- People: every-politician's Wikidata tables (heads of state and government, foreign and
  defence ministers, ambassadors to the main states) for the posts listed in `roles.json`,
  held in 2014 or later; `people.json` adds Cyrillic spellings and the posts of international
  organisations.

The built file ships in the package; the sources are read from `../shared/data/actors`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from khronika.actors.names import is_cyrillic, slug

KB_PATH = Path(__file__).resolve().parents[1] / "data" / "actors" / "kb.jsonl"
SINCE = "2014-01-01"
LANGS = ("uk", "ru", "en")
AMBASSADOR_HOSTS = {"Russia", "Ukraine", "Belarus", "the United States", "United States", "United Kingdom",
                    "Germany", "France", "Poland", "China", "NATO", "the European Union", "European Union",
                    "the United Nations", "United Nations"}


def curated(name: str) -> dict:
    return json.loads(resources.files("khronika.data").joinpath("actors", name).read_text("utf-8"))


def _yaml(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _add(names: dict[str, list[str]], lang: str, *values: str) -> None:
    bucket = names.setdefault(lang, [])
    for value in values:
        if value and value not in bucket:
            bucket.append(value)


def countries(actors_dir: Path) -> list[dict]:
    from babel import Locale

    cldr = {lang: Locale(lang).territories for lang in LANGS}
    extras = curated("places.json")
    records = []
    for path in sorted((actors_dir / "internacia-db" / "data" / "countries").glob("*.yaml")):
        data = _yaml(path)
        code = data["code"]
        names: dict[str, list[str]] = {}
        for lang in LANGS:
            _add(names, lang, cldr[lang].get(code, ""))
        _add(names, "en", data.get("name", ""), data.get("official_name", ""))
        _add(names, "ru", *[o["name"] for o in data.get("other_names", []) if o.get("id") == "ru"])
        extra = extras["countries"].get(code, {})
        for lang, values in extra.get("aliases", {}).items():
            _add(names, lang, *values)
        records.append({
            "id": data.get("wikidata_id") or f"kh:loc:{code.lower()}", "name": cldr["en"].get(code) or data["name"],
            "type": "LOC", "country": code, "wikidata": data.get("wikidata_id"), "names": names,
            **{k: extra[k] for k in ("metonyms", "adjectives", "demonyms", "context") if k in extra},
        })
    records += _capitals(extras["countries"])
    for item in [*extras.get("historical", []), *extras.get("territories", [])]:
        records.append({"id": item["id"], "name": item["name"], "type": item["type"], "country": None,
                        "wikidata": item["id"] if item["id"].startswith("Q") else None, "names": item["names"],
                        **{k: item[k] for k in ("adjectives", "context") if k in item}})
    return records


def _capitals(countries: dict) -> list[dict]:
    """The capital of each country with metonyms (the first metonym in each language is the city):
    `Київ` is the city where the text means the place and Ukraine where it means the state."""
    records = []
    for code, extra in sorted(countries.items()):
        metonyms = extra.get("metonyms", {})
        if not metonyms.get("en"):
            continue
        names = {lang: values[:1] for lang, values in metonyms.items() if values}
        records.append({"id": f"kh:loc:city-{slug(names['en'][0])}", "name": names["en"][0], "type": "LOC",
                        "country": code, "wikidata": None, "capital_of": code, "names": names})
    return records


def _intblocks(actors_dir: Path) -> dict[str, dict]:
    blocks = {}
    for path in (actors_dir / "internacia-db" / "data" / "intblocks").rglob("*.yaml"):
        data = _yaml(path)
        if isinstance(data, dict) and "id" in data:
            blocks[str(data["id"])] = data
    return blocks


def organisations(actors_dir: Path) -> list[dict]:
    blocks = _intblocks(actors_dir)
    records = []
    for org in curated("organisations.json")["organisations"]:
        names = {lang: list(values) for lang, values in org["names"].items()}
        block = blocks.get(org.get("internacia") or "")
        wikidata = org.get("id") if str(org.get("id", "")).startswith("Q") else None
        if block:
            _add(names, "ru", *[o["name"] for o in block.get("other_names", []) if o.get("id") == "ru"])
            # acronym language tags are noisy (see SOURCES.md): keep Russian ones by script only
            _add(names, "ru", *[a["value"] for a in block.get("acronyms", []) if a.get("lang") == "ru"
                                and is_cyrillic(a.get("value", "")) and a["value"] in (names.get("ru") or [])])
            wikidata = wikidata or block.get("wikidata_id")
        records.append({"id": wikidata or f"kh:org:{org['key'].lower()}", "name": org["name"], "type": "ORG",
                        "country": org.get("country"), "wikidata": wikidata, "key": org["key"],
                        "head": org.get("head"), "names": names})
    return records


def _tracked_positions() -> set[str]:
    positions = set()
    for role in curated("roles.json")["roles"]:
        positions |= {p for p in role["positions"] if "{" not in p and p not in ("org_head", "head_of_state")}
    return positions


def _repo_country(repo: Path, iso_by_qid: dict[str, str]) -> str | None:
    path = repo / "html" / "positions.csv"
    if not path.exists():
        return None
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso = iso_by_qid.get(row.get("country") or "")
            if iso:
                counts[iso] = counts.get(iso, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _holder_rows(actors_dir: Path, iso_by_qid: dict[str, str]) -> Iterator[tuple[str, dict]]:
    for repo in sorted((actors_dir / "every-politician").iterdir()):
        path = repo / "html" / "holders21.csv"
        country = _repo_country(repo, iso_by_qid)
        if not path.exists() or not country:
            continue
        with path.open(encoding="utf-8", errors="replace") as handle:
            for row in csv.DictReader(handle):
                yield country, row


def _world_leader_rows(actors_dir: Path, iso_by_qid: dict[str, str]) -> Iterator[tuple[str, dict]]:
    path = actors_dir / "every-politician" / "world-leaders-2021" / "data" / "wikidata.csv"
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            country = iso_by_qid.get(row["countryid"])
            label = row["positionLabel"]
            position = "President" if label.startswith("President") else (
                "Prime Minister" if label.startswith("Prime Minister") else None)
            if country and position:
                yield country, {"position": position, "person": row["officeholderLabel"],
                                "personID": row["officeholder"], "start": row["start_year"], "end": row["end_year"]}


def _keep(row: dict, tracked: set[str]) -> str | None:
    """The post to record for a holder row, or None when it is outside the knowledge base's scope."""
    end = row.get("end") or ""
    if end and end < SINCE:
        return None
    position = row.get("position") or ""
    if position in tracked:
        return position
    host = position.removeprefix("ambassador to ").removeprefix("Ambassador to ")
    if host != position and host in AMBASSADOR_HOSTS:
        return f"ambassador to {host.removeprefix('the ')}"
    return None


def people(actors_dir: Path, country_records: list[dict]) -> list[dict]:
    iso_by_qid = {c["wikidata"]: c["country"] for c in country_records if c.get("wikidata") and c.get("country")}
    tracked = _tracked_positions()
    persons: dict[str, dict] = {}
    rows = [*_holder_rows(actors_dir, iso_by_qid), *_world_leader_rows(actors_dir, iso_by_qid)]
    for country, row in rows:
        position = _keep(row, tracked)
        qid = row.get("personID") or ""
        if not position or not qid.startswith("Q") or not row.get("person"):
            continue
        person = persons.setdefault(qid, {"id": qid, "name": row["person"], "type": "PER", "country": country,
                                          "wikidata": qid, "names": {"en": [row["person"]]}, "roles": []})
        role = {"position": position, "country": country, "org": None, "start": row.get("start") or "",
                "end": row.get("end") or ""}
        if not any(r["position"] == role["position"] and r["start"][:4] == role["start"][:4] for r in person["roles"]):
            person["roles"].append(role)
    _merge_curated_people(persons)
    return sorted(persons.values(), key=lambda p: p["id"])


def _merge_curated_people(persons: dict[str, dict]) -> None:
    by_name = {p["name"]: p for p in persons.values()}
    for item in curated("people.json")["people"]:
        person = by_name.get(item["name"])
        if person is None:
            person = {"id": f"kh:per:{slug(item['name'])}", "name": item["name"], "type": "PER", "country": None,
                      "wikidata": None, "names": {"en": [item["name"]]}, "roles": []}
            persons[person["id"]] = person
        for lang in LANGS:
            _add(person["names"], lang, *item.get(lang, []))
        for role in item.get("roles", []):
            person["roles"].append({"position": role["position"], "country": role.get("country"),
                                    "org": role.get("org"), "start": role["start"], "end": role.get("end", "")})
            person["country"] = person["country"] or role.get("country")


def build(actors_dir: Path, output: Path = KB_PATH) -> dict:
    country_records = countries(actors_dir)
    records = [*country_records, *organisations(actors_dir), *people(actors_dir, country_records)]
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(output)
    counts: dict[str, int] = {}
    for record in records:
        counts[record["type"]] = counts.get(record["type"], 0) + 1
    return counts
