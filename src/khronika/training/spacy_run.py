"""Run spaCy's training loop on prepared DocBins and copy the best model where it is shipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import khronika.language.pipeline  # noqa: F401  (registers the khronika_* factories used in configs)


def run_training(config: Path, workdir: Path, output: Path, max_steps: int | None, split: dict,
                 extra: dict | None = None) -> Path:
    from spacy.cli.train import train as spacy_train

    overrides = {"paths.train": str(workdir / "train.spacy"), "paths.dev": str(workdir / "dev.spacy")}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
        overrides["training.eval_frequency"] = max(1, min(500, max_steps // 2))
    overrides.update(extra or {})
    spacy_train(config, workdir / "out", overrides=overrides, use_gpu=-1)
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(workdir / "out" / "model-best", output)
    (output / "training.json").write_text(json.dumps(split, indent=1), encoding="utf-8")
    return output
