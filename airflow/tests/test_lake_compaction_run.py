"""dag.test() of lake_compaction on a temporary lake: the real Spark compaction into the Iceberg table
(spark-jobs/bin/spark-job, local[*]), the real model build (analytics/target/analytics.jar) and the real
table maintenance. The table is read back with pyiceberg, as an outside engine would."""
from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lake_table import rows_and_volume_per_hour, ticks_table
from raw_lake import write_raw_file
from ticklake_airflow import settings

HOUR = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)
# the scheduled run at 11:00 is the first whose lookback window holds the whole hour 10:00-11:00
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


def _day_rows(lake: Path, model: str) -> list[dict]:
    day = lake / "models" / model / "year=2026" / "month=11" / "day=20"
    return pq.read_table(day).to_pylist()


def _succeeded(run) -> None:
    assert run.state == "success", [(ti.task_id, ti.state) for ti in run.get_task_instances()]


def test_one_scheduled_run_compacts_the_hour_builds_its_models_and_outside_engines_agree(dagbag, lake):
    dag = dagbag.get_dag("lake_compaction")

    _succeeded(dag.test(logical_date=RUN_TIME))

    table = ticks_table(lake)
    snapshot = table.current_snapshot()
    assert snapshot is not None
    assert rows_and_volume_per_hour(table) == {HOUR: (12, sum(10 * (i + 1) for i in range(8)) + 4)}

    bars = sorted(_day_rows(lake, "ohlcv_1m"), key=lambda b: (b["symbol"], b["window_start"]))
    assert [(b["symbol"], b["window_start"].strftime("%H:%M")) for b in bars] == [
        ("AAA", "10:00"), ("AAA", "10:01"), ("AAA", "10:02"), ("AAA", "10:03"), ("BBB", "10:15")]
    first = bars[0]
    assert (first["open"], first["close"], first["volume"]) == (100.0, 101.0, 30)
    assert first["vwap"] == pytest.approx((100 * 10 + 101 * 20) / 30)
    # pyiceberg and the models read the same rows: count and volume of the hour agree
    assert (sum(b["trade_count"] for b in bars), sum(b["volume"] for b in bars)) == \
        rows_and_volume_per_hour(table)[HOUR]

    stats = {r["symbol"]: r for r in _day_rows(lake, "min_max_avg")}
    assert (stats["AAA"]["min_price"], stats["AAA"]["max_price"]) == (100.0, 107.0)
    assert stats["AAA"]["avg_price"] == pytest.approx(103.5)
    summary = sorted(_day_rows(lake, "daily_summary"), key=lambda s: s["symbol"])
    assert [(s["symbol"], s["trade_count"]) for s in summary] == [("AAA", 8), ("BBB", 4)]

    # the next run (a retry, or an hour later with nothing new): no snapshot, the models come out the same
    _succeeded(dag.test(logical_date=RUN_TIME + timedelta(hours=1)))
    assert ticks_table(lake).current_snapshot().snapshot_id == snapshot.snapshot_id
    assert sorted(_day_rows(lake, "ohlcv_1m"), key=lambda b: (b["symbol"], b["window_start"])) == bars


def test_a_raw_file_landing_three_hours_late_reaches_the_models_of_its_hour(dagbag, lake):
    dag = dagbag.get_dag("lake_compaction")
    _succeeded(dag.test(logical_date=RUN_TIME))
    bars_before = {(b["symbol"], b["window_start"]): b for b in _day_rows(lake, "ohlcv_1m")}
    summary_before = {s["symbol"]: s for s in _day_rows(lake, "daily_summary")}

    # three hours after the hour was compacted, a stalled task lands three more BBB ticks of 10:15
    late = [{"symbol": "BBB", "price": 52.0, "volume": 5,
             "event_time": HOUR + timedelta(minutes=15, seconds=50 + j), "offset": 100 + j} for j in range(3)]
    write_raw_file(lake, HOUR, 1, late)
    _succeeded(dag.test(logical_date=RUN_TIME + timedelta(hours=3)))

    bars_after = {(b["symbol"], b["window_start"]): b for b in _day_rows(lake, "ohlcv_1m")}
    window = next(k for k in bars_before if k[0] == "BBB")
    assert bars_after[window]["trade_count"] == bars_before[window]["trade_count"] + 3
    assert bars_after[window]["volume"] == bars_before[window]["volume"] + 15
    assert bars_after[window]["close"] == 52.0
    assert {k: v for k, v in bars_after.items() if k != window} == \
        {k: v for k, v in bars_before.items() if k != window}
    summary_after = {s["symbol"]: s for s in _day_rows(lake, "daily_summary")}
    assert summary_after["BBB"]["trade_count"] == summary_before["BBB"]["trade_count"] + 3
    assert summary_after["AAA"] == summary_before["AAA"]
    assert rows_and_volume_per_hour(ticks_table(lake))[HOUR][0] == 15


def test_a_quality_threshold_breach_fails_the_check_naming_symbol_and_hour_but_not_the_models(dagbag, lake,
                                                                                             monkeypatch):
    # BBB's sequences 0..3 then 10: 4..9 never landed, a gap ratio of 6 / (5 + 6)
    write_raw_file(lake, HOUR, 1, [{"symbol": "BBB", "price": 50.0, "volume": 1,
                                    "event_time": HOUR + timedelta(minutes=16), "offset": 10}])
    command = ("java -jar {repo}/analytics/target/analytics.jar quality --lake {lake} --from {from_hour}"
               " --to {to_hour} --quality.gap-ratio.fail 0.5")
    monkeypatch.setenv("TICKLAKE_QUALITY_COMMAND", command)
    dag = dagbag.get_dag("lake_compaction")

    run = dag.test(logical_date=RUN_TIME)

    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert states == {"plan": "success", "compact": "success", "build_models": "success",
                      "check_quality": "failed", "maintain": "success"}
    quality = {r["symbol"]: r for r in _day_rows(lake, "data_quality_hourly")}
    assert (quality["BBB"]["sequence_gaps"], quality["BBB"]["distinct_trades"]) == (6, 5)
    assert quality["AAA"]["sequence_gaps"] == 0
    # the same check by hand says which symbol and hour broke which level
    argv = settings.command("quality_command", settings.runtime_values(lambda name: None),
                            from_hour="2026-11-20T10", to_hour="2026-11-20T11")
    checked = subprocess.run(argv, capture_output=True, text=True)
    assert checked.returncode == 1
    assert "hour_start 2026-11-20 10:00:00+00, symbol BBB: gap_ratio = 0.545" in checked.stderr
    assert "above the fail level 0.5 (--quality.gap-ratio.fail)" in checked.stderr
