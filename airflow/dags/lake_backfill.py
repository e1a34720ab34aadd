"""
### lake_backfill

On demand: re-land a topic's records of a time range from Kafka into the raw lake with the Spark
backfill, then compact the hours of the range whose raw files changed into `ticklake.ticks`, rebuild the
analytics models of the hours whose data changed, check the range's data quality against its thresholds
(`check_quality`, as in `lake_compaction`) and maintain the table. Its lake writes share the
one-slot pool `ticklake_lake_writes` with `lake_compaction`.

Trigger it with the parameters `topic`, `start` and `end` (ISO-8601 instants, UTC; `end` exclusive), e.g.
`airflow dags trigger lake_backfill --conf '{"topic": "stock-ticks", "start": "2026-11-20T10:00:00Z",
"end": "2026-11-20T16:00:00Z"}'`. The backfill's checkpoint is per (topic, start, end), so a retry
resumes it and a repeated request lands nothing twice (rows are identified by their Kafka coordinates
downstream anyway). The hours compacted are those of the range: the lake partitions by event time,
which the producers set as the Kafka timestamp.
"""
from __future__ import annotations

from datetime import timedelta

from airflow.sdk import DAG, Param, Variable, get_current_context, task
from ticklake_airflow import hours, settings
from ticklake_airflow.command_operator import CommandOperator

MAX_HOURS = 24 * 31
LAKE_POOL = settings.parse_time("lake_pool")

DEFAULT_ARGS = {
    "owner": "ticklake",
    "retries": settings.parse_time_int("retries"),
    "retry_delay": timedelta(seconds=settings.parse_time_int("retry_delay_seconds")),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
}


def _variable(name: str) -> str | None:
    return Variable.get(name, default=None)


def backfill_plan(topic: str, start_text: str, end_text: str, values: dict[str, str]) -> dict:
    """The hours a backfill request covers and its commands; refuses a bad request with a clear error."""
    if not topic or any(c.isspace() for c in topic):
        raise ValueError(f"topic {topic!r} is not a Kafka topic name")
    try:
        start = hours.parse_instant(start_text)
        end = hours.parse_instant(end_text)
    except (TypeError, ValueError) as bad:
        raise ValueError(f"start and end must be ISO-8601 instants, e.g. 2026-11-20T10:00:00Z ({bad})") from None
    covered = hours.hours_between(start, end)
    if len(covered) > MAX_HOURS:
        raise ValueError(f"{len(covered)} hours requested; split backfills into ranges of at most {MAX_HOURS} hours")
    names = [hours.name(h) for h in covered]
    checkpoint = f"{values['checkpoint_root'].rstrip('/')}/backfill/{topic}/{hours.name(start)}-{hours.name(end)}"
    return {
        "hours": names,
        "backfill_command": settings.command("backfill_command", values, topic=topic,
                                            start=start.isoformat().replace("+00:00", "Z"),
                                            end=end.isoformat().replace("+00:00", "Z"), checkpoint=checkpoint),
        "compact_command": settings.command("compact_command", values, from_hour=names[0],
                                           to_hour=hours.name(covered[-1] + hours.HOUR)),
        "models_command": settings.command("models_command", values),
        "quality_command": settings.command("quality_command", values, from_hour=names[0],
                                           to_hour=hours.name(covered[-1] + hours.HOUR)),
        "maintain_command": settings.command("maintain_command", values),
    }


with DAG(
    dag_id="lake_backfill",
    description="Re-lands a topic's time range from Kafka, then compacts its hours and rebuilds their models",
    schedule=None,
    start_date=settings.start_date(),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    params={
        "topic": Param("stock-ticks", type="string", minLength=1, description="Kafka topic to re-land"),
        "start": Param("2026-11-20T00:00:00Z", type="string", format="date-time",
                       description="first instant of the range (UTC, inclusive)"),
        "end": Param("2026-11-20T01:00:00Z", type="string", format="date-time",
                     description="end of the range (UTC, exclusive)"),
    },
    tags=["ticklake", "lake"],
    doc_md=__doc__,
) as dag:

    @task
    def plan() -> dict:
        params = get_current_context()["params"]
        return backfill_plan(params["topic"], params["start"], params["end"], settings.runtime_values(_variable))

    planned = plan()
    backfill = CommandOperator(
        task_id="spark_backfill",
        argv=planned["backfill_command"],
        execution_timeout=timedelta(minutes=settings.parse_time_int("backfill_timeout_minutes")),
    )
    compact = CommandOperator(
        task_id="compact_hours",
        argv=planned["compact_command"],
        execution_timeout=timedelta(minutes=settings.parse_time_int("compaction_timeout_minutes")),
        pool=LAKE_POOL,
    )
    models = CommandOperator(
        task_id="build_models",
        argv=planned["models_command"],
        execution_timeout=timedelta(minutes=settings.parse_time_int("models_timeout_minutes")),
        pool=LAKE_POOL,
    )
    maintain = CommandOperator(
        task_id="maintain",
        argv=planned["maintain_command"],
        execution_timeout=timedelta(minutes=settings.parse_time_int("maintenance_timeout_minutes")),
        pool=LAKE_POOL,
    )
    quality = CommandOperator(
        task_id="check_quality",
        argv=planned["quality_command"],
        execution_timeout=timedelta(minutes=settings.parse_time_int("quality_timeout_minutes")),
        # a verdict on the data, not a flaky step: retrying gives the same answer
        retries=0,
    )
    backfill >> compact >> models >> [quality, maintain]
