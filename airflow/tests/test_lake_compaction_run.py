"""dag.test() of lake_compaction for one hour of a temporary lake: the real Spark compaction
(spark-jobs/bin/spark-job, local[*]) and the real model build (analytics/target/analytics.jar)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from raw_lake import write_raw_file

HOUR = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)
# the scheduled run that compacts 10:00-11:00 is the one triggered at 11:00
RUN_TIME = HOUR + timedelta(hours=1)


def aaa(i: int) -> dict:
    return {"symbol": "AAA", "price": 100 + i, "volume": 10 * (i + 1),
            "event_time": HOUR + timedelta(seconds=30 * i), "offset": i}


def bbb(j: int) -> dict:
    return {"symbol": "BBB", "price": 50.0, "volume": 1,
            "event_time": HOUR + timedelta(minutes=15, seconds=10 * j), "offset": j}


@pytest.fixture
def lake(tmp_path, monkeypatch) -> Path:
    lake = tmp_path / "lake"
    write_raw_file(lake, HOUR, 0, [aaa(i) for i in range(8)])
    # the same records 4..7 landed a second time (say by a backfill): compaction must count them once
    write_raw_file(lake, HOUR, 0, [aaa(i) for i in range(4, 8)])
    write_raw_file(lake, HOUR, 1, [bbb(j) for j in range(4)])
    monkeypatch.setenv("TICKLAKE_LAKE", lake.as_uri())
    return lake


def _day_file(lake: Path, model: str) -> Path:
    return lake / "models" / model / "year=2026" / "month=11" / "day=20" / "part-00000.parquet"


def _manifest(lake: Path) -> dict:
    path = lake / "compacted" / "stock_ticks" / "year=2026" / "month=11" / "day=20" / "hour=10" / "_manifest.json"
    return json.loads(path.read_text())


def test_one_scheduled_run_compacts_the_hour_and_builds_its_models(dagbag, lake):
    dag = dagbag.get_dag("lake_compaction")

    run = dag.test(logical_date=RUN_TIME)

    assert run.state == "success", [(ti.task_id, ti.state) for ti in run.get_task_instances()]
    manifest = _manifest(lake)
    assert manifest["hour_start"].startswith("2026-11-20T10:00")
    assert manifest["row_count"] == 12
    assert sum(f["rows"] for f in manifest["files"]) == 12

    bars = pq.read_table(_day_file(lake, "ohlcv_1m")).to_pylist()
    assert [(b["symbol"], b["window_start"].strftime("%H:%M")) for b in bars] == [
        ("AAA", "10:00"), ("AAA", "10:01"), ("AAA", "10:02"), ("AAA", "10:03"), ("BBB", "10:15")]
    assert sum(b["trade_count"] for b in bars) == 12
    first = bars[0]
    assert (first["open"], first["close"], first["volume"]) == (100.0, 101.0, 30)
    assert first["vwap"] == pytest.approx((100 * 10 + 101 * 20) / 30)

    stats = {r["symbol"]: r for r in pq.read_table(_day_file(lake, "min_max_avg")).to_pylist()}
    assert (stats["AAA"]["min_price"], stats["AAA"]["max_price"]) == (100.0, 107.0)
    assert stats["AAA"]["avg_price"] == pytest.approx(103.5)
    assert stats["BBB"]["trade_count"] == 4
    summary = pq.read_table(_day_file(lake, "daily_summary")).to_pylist()
    assert [(s["symbol"], s["trade_count"]) for s in summary] == [("AAA", 8), ("BBB", 4)]

    # the same hour again (a retry, a catch-up overlap): compaction is a no-op, models come out the same
    again = dag.test(logical_date=RUN_TIME)
    assert again.state == "success"
    assert _manifest(lake)["version"] == manifest["version"]
    assert pq.read_table(_day_file(lake, "ohlcv_1m")).to_pylist() == bars
