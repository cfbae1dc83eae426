"""How closely `vesum_to_ud` reproduces UD_Ukrainian-IU's UPOS and features, on DEV only.

zoloto-src holds the treebank's source XML, dev sentences included; each `<w_ id>` equals the
`Id=` in the MISC column of the UD file. For every dev token the VESUM tag (`w/@ana`) is mapped
with `vesum_to_ud` and compared with the gold UPOS, the whole FEATS string and each feature.
The test file is never read.

    PYTHONPATH=src python benchmarks/vesum_agreement.py [--data ../shared/data/UD_Ukrainian-IU] [--top 40]
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from khronika.corpora.bruk import vesum_to_ud


def dev_tokens(treebank: Path) -> list[tuple[str, str, str, str, str]]:
    """(Id, form, lemma, UPOS, FEATS) of every word of the dev file."""
    rows = []
    for line in (treebank / "uk_iu-ud-dev.conllu").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            rows.append((misc.get("Id", ""), cols[1], cols[2], cols[3], "" if cols[5] == "_" else cols[5]))
    return rows


def source_tags(treebank: Path, ids: set[str]) -> dict[str, tuple[str, str]]:
    """Id -> (VESUM tag, lemma) from zoloto-src, for the wanted ids only."""
    found = {}
    for path in sorted((treebank / "zoloto-src" / "annotated").glob("*.xml")):
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag == "w_" and element.get("id") in ids:
                w = element.find("w")
                if w is not None:
                    found[element.get("id")] = (w.get("ana", ""), w.get("lemma", ""))
    return found


def feats_dict(feats: str) -> dict[str, str]:
    return dict(f.split("=", 1) for f in feats.split("|") if f)


def measure(treebank: Path, top: int = 40) -> dict:
    rows = dev_tokens(treebank)
    tags = source_tags(treebank, {r[0] for r in rows})
    n = upos_ok = feats_ok = 0
    per_feature: Counter = Counter()
    per_feature_total: Counter = Counter()
    upos_errors: Counter = Counter()
    feature_errors: Counter = Counter()
    for id_, _form, lemma, gold_upos, gold_feats in rows:
        if id_ not in tags:
            continue
        ana, src_lemma = tags[id_]
        upos, feats = vesum_to_ud(ana, src_lemma, aux_marked=True)
        n += 1
        upos_ok += upos == gold_upos
        feats_ok += feats == gold_feats
        if upos != gold_upos:
            upos_errors[(gold_upos, upos, ana.split(":")[0], lemma if upos in ("PART", "ADV", "SCONJ", "CCONJ",
                         "PRON", "DET", "AUX", "X", "SYM", "PUNCT") or gold_upos in ("PART", "ADV", "SCONJ",
                         "CCONJ", "PRON", "DET", "AUX", "X", "SYM", "PUNCT", "INTJ") else "")] += 1
        gold, pred = feats_dict(gold_feats), feats_dict(feats)
        for key in gold.keys() | pred.keys():
            per_feature_total[key] += 1
            if gold.get(key) == pred.get(key):
                per_feature[key] += 1
            else:
                feature_errors[(gold_upos, key, gold.get(key, "-"), pred.get(key, "-"))] += 1
    return {
        "tokens": n, "of": len(rows), "upos": round(upos_ok / n, 4), "ufeats": round(feats_ok / n, 4),
        "features": {k: (round(per_feature[k] / per_feature_total[k], 4), per_feature_total[k] - per_feature[k])
                     for k in sorted(per_feature_total, key=lambda k: per_feature[k] - per_feature_total[k])},
        "upos_errors": upos_errors.most_common(top), "feature_errors": feature_errors.most_common(top),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/UD_Ukrainian-IU")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    report = measure(Path(args.data), args.top)
    print(f"UD-IU dev, {report['tokens']} of {report['of']} tokens matched by Id: "
          f"UPOS {report['upos']:.4f}  UFeats (whole string) {report['ufeats']:.4f}")
    print("per feature (agreement, errors), over tokens where gold or mapping has the feature:")
    for key, (share, errors) in report["features"].items():
        print(f"  {key:<12} {share:.4f}  {errors}")
    print("most frequent UPOS disagreements (gold, mapped, VESUM head, lemma):")
    for key, count in report["upos_errors"]:
        print(f"  {count:>5}  {key}")
    print("most frequent feature disagreements (gold UPOS, feature, gold, mapped):")
    for key, count in report["feature_errors"]:
        print(f"  {count:>5}  {key}")


if __name__ == "__main__":
    main()
