"""How long a late raw file takes to reach the models of its hour, with the commands lake_compaction runs.

A day of raw ticks is compacted and modelled; then a file lands for one of its hours, and the harness
times `spark-job compact` (the lookback run) followed by `analytics.jar run --changed`, as the DAG does,
and checks that ohlcv_1m of that hour changed by exactly the file's ticks. Each command is a fresh JVM,
as under Airflow, so JVM and Spark start-up are included; the jobs' own in-JVM durations are printed too.
The spark-job launcher's class archive (target/spark-job.jsa) is in place for the timed runs, as for every
run after the first one following a build.

    airflow/bin/bench-late-file [--ticks-per-hour 20000] [--late-ticks 500] [--runs 3]
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "tests"))
from raw_lake import write_raw_file  # noqa: E402  (the test fixture: the lake contract's raw files)

DAY = datetime(2026, 11, 20, tzinfo=timezone.utc)
LATE_HOUR = DAY + timedelta(hours=10)
SYMBOLS = [f"SYM{i:02d}" for i in range(20)]


def ticks(hour: datetime, count: int, first_offset: int) -> list[dict]:
    return [{"symbol": SYMBOLS[i % len(SYMBOLS)], "price": 100 + (i % 50) * 0.01, "volume": 1 + i % 7,
             "event_time": hour + timedelta(milliseconds=i * 3_600_000 // count), "offset": first_offset + i}
            for i in range(count)]


def run(command: list[str]) -> tuple[float, str]:
    start = time.monotonic()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def hour_trades(lake: Path, hour: datetime) -> int:
    table = pq.read_table(lake / "models" / "ohlcv_1m" / "year=2026" / "month=11" / "day=20").to_pylist()
    return sum(b["trade_count"] for b in table if hour <= b["window_start"] < hour + timedelta(hours=1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ticks-per-hour", type=int, default=20_000)
    parser.add_argument("--late-ticks", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "target" / "bench-results" / "airflow.jsonl",
                        help="the benchmark rows (JSON lines) ./ticklake bench reads")
    args = parser.parse_args()

    lake = Path(tempfile.mkdtemp(prefix="late-file-bench-")) / "lake"
    spark_job = [str(REPO / "spark-jobs" / "bin" / "spark-job")]
    analytics = ["java", "-jar", str(REPO / "analytics" / "target" / "analytics.jar"), "run", "--lake", lake.as_uri()]
    window = ["--from", "2026-11-20T00", "--to", "2026-11-21T00"]
    for h in range(24):
        hour = DAY + timedelta(hours=h)
        for partition in range(2):
            per_file = args.ticks_per_hour // 2
            write_raw_file(lake, hour, partition, ticks(hour, per_file, h * per_file))
    run(spark_job + ["compact", "--lake", lake.as_uri()] + window)
    run(analytics + ["--full"])

    totals, compactions, models, in_jvm = [], [], [], []
    for r in range(args.runs):
        before = hour_trades(lake, LATE_HOUR)
        write_raw_file(lake, LATE_HOUR, 5 + r, ticks(LATE_HOUR, args.late_ticks, 1_000_000 * (r + 1)))
        compact_seconds, out = run(spark_job + ["compact", "--lake", lake.as_uri()] + window)
        result = json.loads(out.strip().splitlines()[-1])
        model_seconds, _ = run(analytics + ["--changed"])
        after = hour_trades(lake, LATE_HOUR)
        if after - before != args.late_ticks or result["hours_published"] != 1:
            sys.exit(f"run {r}: the hour's trades went {before} -> {after}, expected +{args.late_ticks}; "
                     f"compaction published {result['hours_published']} hours")
        compactions.append(compact_seconds)
        models.append(model_seconds)
        in_jvm.append(result["duration_ms"] / 1000)
        totals.append(compact_seconds + model_seconds)

    load = os.getloadavg()[0]
    print(f"\n== late raw file -> updated models ({os.cpu_count()} cores, load average {load:.1f}) ==")
    print(f"{'day of raw data':46} 24 hours x {args.ticks_per_hour} ticks; late file {args.late_ticks} ticks")
    print(f"{'compaction command (fresh JVM), median':46} {statistics.median(compactions):.1f} s "
          f"(in the JVM after start-up: {statistics.median(in_jvm):.1f} s)")
    print(f"{'models --changed (fresh JVM), median':46} {statistics.median(models):.1f} s")
    print(f"{'late file -> models updated, median (max)':46} {statistics.median(totals):.1f} s ({max(totals):.1f} s)")
    print(f"(median of {args.runs} late files; each checked: ohlcv_1m of the hour +{args.late_ticks} trades)")
    total = statistics.median(totals)
    write_row(args.out, "shipped DAG commands (fresh JVMs): late raw file -> updated models of its hour, median of "
              f"{args.runs}", total, "s", "≤ 5", total <= 5, load)
    write_row(args.out, "shipped DAG commands: compaction of the late file's hour in the JVM after start-up, median",
              statistics.median(in_jvm), "s", "", None, load)


@functools.cache
def machine() -> str:
    """Cores, memory and Java of this machine, as infra's Machine describes them."""
    java = subprocess.run(["java", "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    version = next((line.split("=", 1)[1].strip() for line in java.splitlines() if "java.version =" in line), "?")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB, Java {version}"


def write_row(out: Path, metric: str, value: float, unit: str, target: str, met, load: float) -> None:
    """One benchmark row in the format of infra's BenchRow (one JSON object per line)."""
    row = {"harness": "airflow", "metric": "airflow: " + metric, "value": value, "unit": unit, "target": target,
           "met": met, "p50": None, "p99": None, "max": None, "count": None, "load_average": load,
           "machine": machine()}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as rows:
        rows.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
