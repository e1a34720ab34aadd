"""Writes raw hours the way the Connect sink lands them: the lake contract's columns and exact Parquet
types, object names ``stock-ticks+<partition>+<start offset, 20 digits>.parquet``."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA = pa.schema([
    pa.field("symbol", pa.string(), nullable=False),
    pa.field("price", pa.float64(), nullable=False),
    pa.field("volume", pa.int64(), nullable=False),
    pa.field("bid", pa.float64()),
    pa.field("ask", pa.float64()),
    pa.field("event_time", pa.timestamp("ms", tz="UTC"), nullable=False),
    pa.field("sequence", pa.int64(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("kafka_topic", pa.string(), nullable=False),
    pa.field("kafka_partition", pa.int32(), nullable=False),
    pa.field("kafka_offset", pa.int64(), nullable=False),
    pa.field("ingest_time", pa.timestamp("ms", tz="UTC"), nullable=False),
])


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
