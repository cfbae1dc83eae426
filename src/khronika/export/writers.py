"""Exports of the store: JSON Lines (one analysis per article), CSV and Parquet (one table).

Files are written to a temporary name beside the target and renamed when complete, so a failed
or interrupted export never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from khronika.store.sqlite import Store

FORMATS = ("jsonl", "csv", "parquet")


@contextmanager
def atomic_output(path: str | None, binary: bool = False) -> Iterator[IO]:
    if path is None or path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8",
                       newline=None if binary else "") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_current_umask())  # mkstemp makes 0600; give the usual mode of a new file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export(store: Store, fmt: str, output: str | None, table: str = "articles") -> int:
    """Write the store in `fmt`; returns the number of records written."""
    if fmt == "jsonl":
        return _jsonl(store, output)
    if fmt == "csv":
        return _csv(store, table, output)
    if fmt == "parquet":
        if output is None or output == "-":
            raise ValueError("parquet needs an output file (--output PATH)")
        return _parquet(store, table, output)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _jsonl(store: Store, output: str | None) -> int:
    count = 0
    with atomic_output(output) as handle:
        for analysis in store.analyses():
            handle.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def _csv(store: Store, table: str, output: str | None) -> int:
    columns, rows = store.rows(table)
    count = 0
    with atomic_output(output) as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _parquet(store: Store, table: str, output: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, rows = store.rows(table)
    data = list(rows)
    arrays = {name: [row[i] for row in data] for i, name in enumerate(columns)}
    with atomic_output(output, binary=True) as handle:
        pq.write_table(pa.table(arrays), handle)
    return len(data)
