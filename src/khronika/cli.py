"""The `khronika` command line."""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path

DEFAULT_DB = "khronika.db"


def _date(value: str) -> str:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected a real date as YYYY-MM-DD, got {value!r}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khronika", description=__doc__)
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse files, folders or URLs and print the result")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) anchoring relative dates")
    p.add_argument("--lang", default="auto", choices=["auto", "uk", "ru", "en"])
    p.add_argument("--json", action="store_true", help="one JSON object per article (JSON Lines)")

    p = sub.add_parser("ingest", help="analyse inputs into the store (idempotent, resumable)")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--published", type=_date)
    p.add_argument("--lang", default="auto", choices=["auto", "uk", "ru", "en"])
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("search", help="full-text search (inflection-aware for Ukrainian and Russian)")
    p.add_argument("query")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("timeline", help="the events of the store in date order, merged across articles")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--actor", help="only events with this actor or recipient (id or name: Q159, russia, Росія)")
    p.add_argument("--side", action="store_true",
                   help="with --actor COUNTRY, also the events of its people and bodies (its officials, ministries)")
    p.add_argument("--from", dest="start", type=_partial_date, help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=_partial_date, help="up to this date, inclusive")
    p.add_argument("--json", action="store_true", help="one JSON object per event")

    p = sub.add_parser("export", help="export the store as JSON Lines, CSV or Parquet")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--format", required=True, choices=["jsonl", "csv", "parquet"])
    p.add_argument("--table", default="articles",
                   choices=["articles", "mentions", "actors", "quotes", "timexes", "events", "chronicle"],
                   help="the table for csv and parquet (jsonl exports whole analyses)")
    p.add_argument("--output", "-o", help="output file (default: standard output; required for parquet)")

    p = sub.add_parser("train", help="train Khronika's own models from the staged corpora")
    tr = p.add_subparsers(dest="what", required=True)
    t = tr.add_parser("ner", help="Ukrainian NER from ner-uk v2.0 DEV (TEST is never read)")
    t.add_argument("--data", default="../shared/data/ner-uk")
    t.add_argument("--output", default=None, help="model folder (default: the one shipped in the package)")
    t.add_argument("--workdir", default="build/ner")
    t.add_argument("--max-steps", type=int, default=None)
    t.add_argument("--limit", type=int, default=None, help="use only this many DEV documents (smoke runs)")
    t.add_argument("--no-swapped", action="store_true", help="leave out the v2.0-swapped augmentation")
    t.add_argument("--vectors", default=None, help="static word vectors from `khronika train vectors`")
    t = tr.add_parser("vectors", help="Ukrainian fastText word vectors from raw text (TEST/held-out texts left out)")
    t.add_argument("--data", default="../shared/data", help="the shared data folder")
    t.add_argument("--output", default="build/vectors/uk_vectors")
    t.add_argument("--workdir", default="build/vectors")
    t.add_argument("--rows", type=int, default=20_000, help="rows of the pruned vector table")
    t.add_argument("--law-chars", type=int, default=40_000_000, help="cap on legislation text")
    t = tr.add_parser("syntax", help="one Ukrainian model for POS, features, lemmas and dependencies "
                      "(UD-IU train rebuilt from zoloto-src; UD dev validates, test is never read)")
    t.add_argument("--data", default="../shared/data/UD_Ukrainian-IU")
    t.add_argument("--bruk", default=None, help="also train the morphology on BRUK (path to brown-uk-bruk)")
    t.add_argument("--bruk-share", type=float, default=1.0, help="share of BRUK documents to add (seeded)")
    t.add_argument("--ner-uk", default="../shared/data/ner-uk", help="for the TEST and held-out BRUK exclusions")
    t.add_argument("--output", default=None, help="model folder (default: the one shipped in the package)")
    t.add_argument("--workdir", default="build/syntax")
    t.add_argument("--max-steps", type=int, default=None)
    t.add_argument("--limit", type=int, default=None, help="use only this many sentences (smoke runs)")

    t = tr.add_parser("events", help="the Ukrainian event models (trigger model, party ranker) from the annotated "
                      "dev and train event sets (tests/data/events_{dev,train}*.jsonl; the test set is never read)")
    t.add_argument("--data", default="../shared/data", help="the shared data folder the sets' documents are in")
    t.add_argument("--sets", default="tests/data", help="folder of the annotated set files")
    t.add_argument("--output", default=None, help="model file (default: the one shipped in the package)")
    t.add_argument("--epochs", type=int, default=15)
    t.add_argument("--threshold", type=float, default=0.8,
                   help="the least probability at which a word the lexicon missed is read as a trigger")

    p = sub.add_parser("build-kb", help="rebuild the actor knowledge base from ../shared/data/actors and the "
                       "curated files in khronika/data/actors")
    p.add_argument("--actors", default="../shared/data/actors")
    p.add_argument("--output", default=None, help="default: the file shipped in the package")

    p = sub.add_parser("eval", help="measure accuracy on the staged corpora")
    ev = p.add_subparsers(dest="what", required=True)
    d = ev.add_parser("dates", help="temporal expressions on ner-uk v2.0 DATE/TIME entities")
    d.add_argument("--corpus", default="../shared/data/ner-uk")
    d.add_argument("--split", default="test", choices=["dev", "test"])
    d.add_argument("--json", action="store_true")
    n = ev.add_parser("ner", help="Ukrainian NER on ner-uk TEST (exact-span micro P/R/F1)")
    n.add_argument("--corpus", default="../shared/data/ner-uk")
    n.add_argument("--version", default="v1.0", choices=["v1.0", "v2.0"])
    n.add_argument("--split", default="test", choices=["dev", "test"])
    n.add_argument("--json", action="store_true")
    m = ev.add_parser("morph", help="UPOS/UFeats/lemma on UD_Ukrainian-IU (gold tokens)")
    m.add_argument("--corpus", default="../shared/data/UD_Ukrainian-IU")
    m.add_argument("--split", default="test", choices=["dev", "test"])
    m.add_argument("--json", action="store_true")
    d = ev.add_parser("parse", help="UAS/LAS on UD_Ukrainian-IU (gold tokens)")
    d.add_argument("--corpus", default="../shared/data/UD_Ukrainian-IU")
    d.add_argument("--split", default="test", choices=["dev", "test"])
    d.add_argument("--json", action="store_true")
    a = ev.add_parser("actors", help="actor linking on the hand-annotated dev set (tests/data/actors_dev*.jsonl)")
    a.add_argument("--data", default="../shared/data", help="the shared data folder the dev set's documents are in")
    a.add_argument("--dev", default="tests/data", help="folder of the dev set files")
    a.add_argument("--json", action="store_true")
    q = ev.add_parser("quotes", help="quotations on the hand-annotated dev set (tests/data/quotes_dev*.jsonl)")
    q.add_argument("--data", default="../shared/data", help="the shared data folder the dev set's documents are in")
    q.add_argument("--dev", default="tests/data", help="folder of the dev set files")
    q.add_argument("--json", action="store_true")
    v = ev.add_parser("events", help="Ukrainian PLOVER events on a hand-annotated set "
                      "(tests/data/events_dev*.jsonl, events_train*.jsonl or events_test*.jsonl by --split)")
    v.add_argument("--data", default="../shared/data", help="the shared data folder the set's documents are in")
    v.add_argument("--dev", default="tests/data", help="folder of the annotated set files")
    v.add_argument("--split", default="dev", choices=["dev", "train", "test"],
                   help="dev: the set the rules are tuned on; train: a second set, scored once before any tuning "
                   "and then used to train the event models; test: the set kept apart to check they generalise")
    v.add_argument("--show-errors", action="store_true", help="list missed and extra events")
    v.add_argument("--json", action="store_true")
    r = ev.add_parser("ner-ru", help="Russian NER (natasha) on factRuEval-2016 test")
    r.add_argument("--corpus", default="../shared/data/factRuEval-2016")
    r.add_argument("--split", default="testset", choices=["devset", "testset"])
    r.add_argument("--json", action="store_true")
    g = ev.add_parser("plover", help="English PLOVER events on the PLOVER gold-standard records")
    g.add_argument("--gsr", default="../shared/data/plover/PLOVER_GSR_CAMEO.txt")
    g.add_argument("--limit", type=int, default=None, help="score only the first N records")
    g.add_argument("--show-errors", action="store_true", help="list the records scored wrong")
    g.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        return 0
    except (sqlite3.DatabaseError, ValueError, FileNotFoundError) as error:
        print(f"khronika: error: {error}", file=sys.stderr)
        return 2


def cmd_analyze(args) -> int:
    from khronika.ingest.errors import InputError
    from khronika.ingest.sources import iter_documents
    from khronika.pipeline import analyze_document

    failed = 0
    for item in iter_documents(args.inputs):
        if isinstance(item, InputError):
            print(f"khronika: error: {item}", file=sys.stderr)
            failed += 1
            continue
        analysis = analyze_document(item, args.lang, args.published)
        if args.json:
            print(json.dumps(analysis.to_dict(), ensure_ascii=False), flush=True)
        else:
            _print_summary(analysis)
    return 1 if failed else 0


def _print_summary(analysis) -> None:
    a = analysis.article
    print(f"{a.title}\n  {a.language}  published {a.published or '?'}  id {a.id[:12]}  {a.source}")
    for line in a.removed_lines:
        print(f"  [site furniture] {line[:100]}")
    for t in analysis.timexes:
        print(f"  {t.type:<5} {t.text!r} -> {t.value}" + (f" ({t.mod})" if t.mod else ""))
    named: dict[str, list[str]] = {}
    for m in analysis.mentions:
        if m.actor and m.kind != "modifier":
            named.setdefault(m.actor, []).append(m.text)
    for actor in analysis.actors:
        if actor.id in named:
            role = f", {actor.role}" if actor.role else ""
            forms = ", ".join(dict.fromkeys(named[actor.id]))
            print(f"  {actor.type:<5} {actor.name} [{actor.id}{role}]: {forms}")
    names = {x.id: x.name for x in analysis.actors}
    for q in analysis.quotes:
        speaker = names.get(q.speaker or "", q.speaker_text or "?")
        print(f"  QUOTE {q.kind:<8} {speaker} ({q.cue}): {q.text[:90]!r}")
    for e in analysis.events:
        print(f"  EVENT {_event_line(e, names)}")


def _event_line(event, names: dict[str, str]) -> str:
    from khronika.model import party_ids

    def parties(ids) -> str:
        return " + ".join(names.get(i, i) for i in party_ids(ids)) or "?"

    recipient = f" -> {parties(event.recipient)}" if event.recipient else ""
    flags = [f for f in (event.modality, f"reported by {names.get(event.reported_by, event.reported_by)}"
                         if event.reported_by else None) if f]
    told = f", told {len(event.spans)}x" if len(event.spans) > 1 else ""
    extra = f" ({'; '.join(flags)})" if flags else ""
    return f"{event.date or '?'} {event.type:<8} {parties(event.actor)}{recipient}{extra}{told}: {event.trigger!r}"


def cmd_ingest(args) -> int:
    from khronika.ingest.runner import ingest
    from khronika.store.sqlite import Store

    with Store(args.db) as store:
        report = ingest(args.inputs, store, args.lang, args.published, show_progress=not args.quiet)
        total = store.count()
    status = "interrupted; run the same command again to finish. " if report.interrupted else ""
    print(f"khronika: {status}{report.stored} stored, {report.skipped} already there, {report.failed} failed; "
          f"{total} articles in {args.db}", file=sys.stderr)
    return report.exit_code


def _open_existing(path: str):
    from khronika.store.sqlite import Store

    if not Path(path).exists():
        raise FileNotFoundError(f"no store at {path} (create it with `khronika ingest PATH --db {path}`)")
    return Store(path)


def cmd_search(args) -> int:
    from khronika.store.search import fts_query

    with _open_existing(args.db) as store:
        rows = store.search(fts_query(args.query), args.limit)
    for row in rows:
        if args.json:
            print(json.dumps(dict(row), ensure_ascii=False))
        else:
            print(f"{row['published'] or '----------'}  {row['language']}  {row['title']}  [{row['id'][:12]}]")
            print(f"    {' '.join(row['snippet'].split())}")
    if not rows and not args.json:
        print("no matches", file=sys.stderr)
    return 0


def _partial_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def cmd_timeline(args) -> int:
    with _open_existing(args.db) as store:
        entries = store.timeline(args.actor, args.start, args.end, args.side)
    for entry in entries:
        if args.json:
            print(json.dumps(entry.to_dict(), ensure_ascii=False))
            continue
        recipient = f" -> {', '.join(entry.recipient_names)}" if entry.recipient_names else ""
        mode = f"/{entry.mode}" if entry.mode else ""
        print(f"{entry.date or '----------'}  {entry.type}{mode}  {', '.join(entry.actor_names)}{recipient}")
        for source in entry.sources:
            print(f"    {source.published or '----------'}  {source.title[:70]}  [{source.article_id[:12]}]")
            print(f"      {' '.join(source.evidence.split())[:150]}")
    if not entries and not args.json:
        print("no events", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from khronika.export.writers import export

    with _open_existing(args.db) as store:
        count = export(store, args.format, args.output, args.table)
    what = "articles" if args.format == "jsonl" else f"{args.table} rows"
    print(f"khronika: exported {count} {what}" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def cmd_train(args) -> int:
    if args.what == "syntax":
        from khronika.training import syntax

        output = syntax.train(Path(args.data), Path(args.output) if args.output else syntax.MODEL_DIR,
                              Path(args.workdir), args.max_steps, args.limit, Path(args.bruk) if args.bruk else None,
                              Path(args.ner_uk), args.bruk_share)
    elif args.what == "events":
        from khronika.training import events

        output = events.train(Path(args.sets), Path(args.data), Path(args.output) if args.output else None,
                              args.epochs, args.threshold)
    elif args.what == "vectors":
        from khronika.training import vectors

        output = vectors.train(Path(args.data), Path(args.output), Path(args.workdir), rows=args.rows,
                               law_chars=args.law_chars)
    else:
        from khronika.training.ner import MODEL_DIR, train

        output = train(Path(args.data), Path(args.output) if args.output else MODEL_DIR, Path(args.workdir),
                       args.max_steps, swapped=not args.no_swapped, limit=args.limit,
                       vectors=Path(args.vectors) if args.vectors else None)
    print(f"khronika: model written to {output}", file=sys.stderr)
    return 0


def cmd_eval(args) -> int:
    if args.what == "ner":
        from khronika.evaluation.ner import evaluate_ner, format_report

        report = evaluate_ner(Path(args.corpus), args.version, args.split)
    elif args.what == "morph":
        from khronika.evaluation.morph import evaluate_morph, format_report

        report = evaluate_morph(Path(args.corpus), args.split)
    elif args.what == "parse":
        from khronika.evaluation.parse import evaluate_parse, format_report

        report = evaluate_parse(Path(args.corpus), args.split)
    elif args.what == "actors":
        from khronika.evaluation.actors import evaluate_actors, format_report

        report = evaluate_actors(Path(args.data), Path(args.dev))
    elif args.what == "quotes":
        from khronika.evaluation.quotes import evaluate_quotes, format_report

        report = evaluate_quotes(Path(args.data), Path(args.dev))
    elif args.what == "events":
        from khronika.evaluation.events import evaluate_events, format_report

        report = evaluate_events(Path(args.data), Path(args.dev), show_errors=args.show_errors,
                                 split=args.split)
    elif args.what == "ner-ru":
        from khronika.evaluation.ner_ru import evaluate_ner_ru, format_report

        report = evaluate_ner_ru(Path(args.corpus), args.split)
    elif args.what == "plover":
        from khronika.evaluation.plover import evaluate_plover, format_report

        report = evaluate_plover(Path(args.gsr), args.limit, args.show_errors)
    else:
        from khronika.evaluation.dates import evaluate_dates, format_report

        report = evaluate_dates(Path(args.corpus), args.split)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def cmd_build_kb(args) -> int:
    from khronika.actors.build import KB_PATH, build

    output = Path(args.output) if args.output else KB_PATH
    counts = build(Path(args.actors), output)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    print(f"khronika: knowledge base written to {output}: {summary}", file=sys.stderr)
    return 0


COMMANDS = {"build-kb": cmd_build_kb, "analyze": cmd_analyze, "ingest": cmd_ingest, "search": cmd_search,
            "timeline": cmd_timeline,
            "export": cmd_export, "train": cmd_train, "eval": cmd_eval}

if __name__ == "__main__":
    sys.exit(main())
