"""Writes raw hours the way the Connect sink lands them: the lake contract's columns and exact Parquet
types (from the schema file the lake module exports), object names
``stock-ticks+<partition>+<start offset, 20 digits>.parquet``."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "lake" / "target" / "contract" / "raw_tick.schema"

_PRIMITIVES = {"double": pa.float64(), "int64": pa.int64(), "int32": pa.int32()}
_FIELD = re.compile(r"\s*(required|optional)\s+(\w+)\s+(\w+)\s*(?:\((.+)\))?\s*;")


def _arrow_type(primitive: str, annotation: str | None) -> pa.DataType:
    if annotation == "STRING":
        return pa.string()
    if annotation and annotation.replace(" ", "") == "TIMESTAMP(MILLIS,true)":
        return pa.timestamp("ms", tz="UTC")
    if annotation:
        raise ValueError(f"raw schema annotation {annotation!r} is not known to this fixture")
    return _PRIMITIVES[primitive]


def load_schema(path: Path = SCHEMA_FILE) -> pa.Schema:
    """The lake contract's raw Parquet schema (lake's RawTickColumns), exported by a lake test."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: it is written by `./mvnw -pl lake test` (airflow/bin/test runs it)")
    fields = [pa.field(name, _arrow_type(primitive, annotation), nullable=(repetition == "optional"))
              for repetition, primitive, name, annotation in _FIELD.findall(path.read_text())]
    if not fields:
        raise ValueError(f"{path} holds no Parquet fields")
    return pa.schema(fields)


SCHEMA = load_schema()


def hour_directory(lake: Path, hour: datetime) -> Path:
    return lake / "raw" / "stock_ticks" / f"year={hour:%Y}" / f"month={hour:%m}" / f"day={hour:%d}" / f"hour={hour:%H}"


def write_raw_file(lake: Path, hour: datetime, partition: int, ticks: list[dict]) -> Path:
    """One sink file of ticks (dicts with symbol, price, volume, event_time, offset) from one partition."""
    directory = hour_directory(lake, hour)
    directory.mkdir(parents=True, exist_ok=True)
    start = min(t["offset"] for t in ticks)
    path = directory / f"stock-ticks+{partition}+{start:020d}.parquet"
    table = pa.table({
        "symbol": [t["symbol"] for t in ticks],
        "price": [float(t["price"]) for t in ticks],
        "volume": [int(t["volume"]) for t in ticks],
        "bid": [float(t["price"]) - 0.01 for t in ticks],
        "ask": [float(t["price"]) + 0.01 for t in ticks],
        "event_time": [t["event_time"] for t in ticks],
        "sequence": [t["offset"] for t in ticks],
        "source": ["SIMULATOR"] * len(ticks),
        "kafka_topic": ["stock-ticks"] * len(ticks),
        "kafka_partition": [partition] * len(ticks),
        "kafka_offset": [t["offset"] for t in ticks],
        "ingest_time": [t["event_time"] + timedelta(milliseconds=20) for t in ticks],
    }, schema=SCHEMA)
    pq.write_table(table, path, compression="snappy")
    return path
