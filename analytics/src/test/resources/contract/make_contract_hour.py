"""Writes contract-hour.parquet: three ticks of hour 2026-11-20T14 with exactly the lake contract's
Parquet types (required/optional fields, INT32 kafka_partition, TIMESTAMP(MILLIS, isAdjustedToUTC=true)),
as the Connect sink and the compaction job write them. DuckDB cannot write that timestamp type, so the
file is made with pyarrow: python3 make_contract_hour.py (needs pyarrow)."""
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

UTC = dt.timezone.utc
schema = pa.schema([
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
t0 = dt.datetime(2026, 11, 20, 14, 0, 0, tzinfo=UTC)
times = [t0 + dt.timedelta(milliseconds=1), t0 + dt.timedelta(seconds=30, milliseconds=500),
         t0 + dt.timedelta(minutes=59, seconds=59, milliseconds=999)]
table = pa.table({
    "symbol": ["AAA", "AAA", "AAA"],
    "price": [10.0, 12.0, 11.0],
    "volume": [1, 3, 0],
    "bid": [9.99, None, 10.99],
    "ask": [10.01, None, 11.01],
    "event_time": times,
    "sequence": [1, 2, 3],
    "source": ["SIMULATOR"] * 3,
    "kafka_topic": ["stock-ticks"] * 3,
    "kafka_partition": [3, 3, 3],
    "kafka_offset": [40, 41, 42],
    "ingest_time": [t + dt.timedelta(milliseconds=7) for t in times],
}, schema=schema)
pq.write_table(table, "contract-hour.parquet", compression="snappy")
