"""
### lake_compaction

Every hour (or every `TICKLAKE_COMPACTION_EVERY_MINUTES`):

1. **plan** - the window of hours this run looks at (the `ticklake_lookback_hours`, default 48, that ended
   by the run's time) and the commands, from the settings (Airflow Variables `ticklake_*`, else
   `TICKLAKE_*` environment variables, else defaults);
2. **compact** - the Spark compaction of every closed hour of the window whose raw files changed since the
   Iceberg table `ticklake.ticks` last took them (`spark-job compact --from ... --to ...`): the hour that
   just ended, and any hour a late file landed in. Unchanged hours cost a listing and make no commit;
3. **build_models** - the analytics models of every hour whose table data changed since they were built
   (`analytics.jar run --changed`);
4. **check_quality** - the thresholds of the `data_quality_hourly` model over the run's window
   (`analytics.jar quality --from ... --to ...`): rows above a warn level are printed in the task log, a row
   above a fail level fails the task naming its symbol and hour. It only reads, so it neither retries (the
   same rows give the same verdict) nor waits for the lake-writes pool; a failing hour keeps failing the
   check while it lies in the window, until its data or the threshold (`ticklake_quality_command`) changes;
5. **maintain** - snapshot expiry, orphan-file removal and small-file rewrites of the table
   (`spark-job maintain`), after the models whatever the quality check says.

The three lake-writing tasks share the one-slot pool `ticklake_lake_writes` with `lake_backfill`, so the
DAGs' writes take turns; two writers of one hour would still be safe (Iceberg rejects the second commit
and the job plans again), only wasted work. Every step is idempotent, so no catch-up is needed: the next
run's window covers the hours a missed run would have taken (an outage longer than the lookback is caught
up with `spark-job compact --from ... --to ...` or `lake_backfill`). Failed tasks retry with exponential
backoff, every task has an execution timeout, and a run past its time budget (`dagrun_timeout`) is failed.
"""
from __future__ import annotations

from datetime import timedelta

from airflow.sdk import DAG, CronTriggerTimetable, Variable, get_current_context, task
from ticklake_airflow import hours, settings
from ticklake_airflow.command_operator import CommandOperator

EVERY_MINUTES = settings.parse_time_int("compaction_every_minutes")
COMPACTION_TIMEOUT = timedelta(minutes=settings.parse_time_int("compaction_timeout_minutes"))
MODELS_TIMEOUT = timedelta(minutes=settings.parse_time_int("models_timeout_minutes"))
MAINTENANCE_TIMEOUT = timedelta(minutes=settings.parse_time_int("maintenance_timeout_minutes"))
QUALITY_TIMEOUT = timedelta(minutes=settings.parse_time_int("quality_timeout_minutes"))
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


def compaction_plan(run_time, values: dict[str, str]) -> dict:
    """The window a run compacts and its commands."""
    try:
        lookback = int(values["lookback_hours"])
    except ValueError:
        raise ValueError(f"ticklake_lookback_hours={values['lookback_hours']!r} is not a whole number") from None
    start, end = hours.lookback_window(run_time, lookback)
    return {
        "from_hour": hours.name(start),
        "to_hour": hours.name(end),
        "compact_command": settings.command("compact_command", values, from_hour=hours.name(start),
                                           to_hour=hours.name(end)),
        "models_command": settings.command("models_command", values),
        "quality_command": settings.command("quality_command", values, from_hour=hours.name(start),
                                           to_hour=hours.name(end)),
        "maintain_command": settings.command("maintain_command", values),
    }


with DAG(
    dag_id="lake_compaction",
    description="Compacts the closed hours of the raw lake whose files changed into ticklake.ticks, "
                "rebuilds their analytics models and maintains the table",
    schedule=CronTriggerTimetable(hours.cron_every(EVERY_MINUTES), timezone="UTC"),
    start_date=settings.start_date(),
    catchup=False,
    max_active_runs=1,
    # the run's time budget (its SLA): each task has a timeout, and a run past their sum is failed so it
    # cannot hold up the following runs
    dagrun_timeout=COMPACTION_TIMEOUT + MODELS_TIMEOUT + MAINTENANCE_TIMEOUT,
    default_args=DEFAULT_ARGS,
    tags=["ticklake", "lake"],
    doc_md=__doc__,
) as dag:

    @task
    def plan() -> dict:
        """The window of hours this run compacts and the commands for it."""
        context = get_current_context()
        # scheduled runs have a logical date; a manual run without one looks back from when it was triggered
        run_time = context.get("logical_date") or context["dag_run"].run_after
        return compaction_plan(run_time, settings.runtime_values(_variable))

    planned = plan()
    compact = CommandOperator(
        task_id="compact",
        argv=planned["compact_command"],
        execution_timeout=COMPACTION_TIMEOUT,
        pool=LAKE_POOL,
    )
    models = CommandOperator(
        task_id="build_models",
        argv=planned["models_command"],
        execution_timeout=MODELS_TIMEOUT,
        pool=LAKE_POOL,
    )
    maintain = CommandOperator(
        task_id="maintain",
        argv=planned["maintain_command"],
        execution_timeout=MAINTENANCE_TIMEOUT,
        pool=LAKE_POOL,
    )
    quality = CommandOperator(
        task_id="check_quality",
        argv=planned["quality_command"],
        execution_timeout=QUALITY_TIMEOUT,
        # a verdict on the data, not a flaky step: retrying gives the same answer
        retries=0,
    )
    compact >> models >> [quality, maintain]
