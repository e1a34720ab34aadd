"""
### lake_compaction

Every hour (or every `TICKLAKE_COMPACTION_EVERY_MINUTES`), for the last hour that ended:

1. **plan** - names the hour (UTC) and renders the commands from the settings
   (Airflow Variables `ticklake_*`, else `TICKLAKE_*` environment variables, else defaults);
2. **wait_for_hour_to_close** - waits until the hour's end plus `TICKLAKE_CLOSE_GRACE_MINUTES`
   (late writes to the raw lake), rescheduling itself instead of holding a worker slot;
3. **compact_hour** - the Spark compaction of that hour (`spark-job compact --hour ...`; local[*] by
   default, `spark-submit` to a cluster when `ticklake_spark_job` says so);
4. **build_models** - the analytics models for that hour (`analytics.jar run --from H --to H+1`).

Every step is idempotent per hour: compaction of an unchanged hour is a no-op, a model build rewrites the
hour's rows. Missed runs are caught up in order (`catchup`, one run at a time), failed tasks retry with
exponential backoff, every task has an execution timeout, and a run past its time budget
(`dagrun_timeout`) is failed.
"""
from __future__ import annotations

from datetime import timedelta

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, CronTriggerTimetable, PokeReturnValue, Variable, get_current_context, task
from ticklake_airflow import hours, settings

EVERY_MINUTES = settings.parse_time_int("compaction_every_minutes")
CLOSE_GRACE = timedelta(minutes=settings.parse_time_int("close_grace_minutes"))
COMPACTION_TIMEOUT = timedelta(minutes=settings.parse_time_int("compaction_timeout_minutes"))
MODELS_TIMEOUT = timedelta(minutes=settings.parse_time_int("models_timeout_minutes"))

DEFAULT_ARGS = {
    "owner": "ticklake",
    "retries": settings.parse_time_int("retries"),
    "retry_delay": timedelta(seconds=settings.parse_time_int("retry_delay_seconds")),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
}


def _variable(name: str) -> str | None:
    return Variable.get(name, default=None)


with DAG(
    dag_id="lake_compaction",
    description="Compacts each closed hour of the raw lake, then builds the analytics models for it",
    schedule=CronTriggerTimetable(hours.cron_every(EVERY_MINUTES), timezone="UTC"),
    start_date=settings.start_date(),
    catchup=True,
    max_active_runs=1,
    # the run's time budget (its SLA): waiting for the close, compaction and models each have a timeout,
    # and a run past their sum is failed so it cannot hold up the following hours
    dagrun_timeout=CLOSE_GRACE + timedelta(hours=2) + COMPACTION_TIMEOUT + MODELS_TIMEOUT,
    default_args=DEFAULT_ARGS,
    tags=["ticklake", "lake"],
    doc_md=__doc__,
) as dag:

    @task
    def plan() -> dict:
        """The hour this run compacts and the commands for it."""
        context = get_current_context()
        # scheduled runs have a logical date; a manual run without one compacts the last hour before it
        run_time = context.get("logical_date") or context["dag_run"].run_after
        hour = hours.hour_to_compact(run_time)
        values = settings.runtime_values(_variable)
        name = hours.name(hour)
        return {
            "hour": name,
            "close_at": hours.close_time(hour, CLOSE_GRACE).isoformat(),
            "compact_command": settings.render(values["compact_command"], values, hours=name),
            "models_command": settings.render(values["models_command"], values, from_hour=name,
                                              to_hour=hours.name(hour + hours.HOUR)),
        }

    @task.sensor(poke_interval=60, timeout=CLOSE_GRACE + timedelta(hours=2), mode="reschedule")
    def wait_for_hour_to_close(planned: dict) -> PokeReturnValue:
        """Done once the hour's end plus the grace period has passed."""
        from datetime import datetime, timezone

        close_at = hours.parse_instant(planned["close_at"])
        return PokeReturnValue(is_done=datetime.now(timezone.utc) >= close_at)

    planned = plan()
    compact = BashOperator(
        task_id="compact_hour",
        bash_command=planned["compact_command"],
        execution_timeout=COMPACTION_TIMEOUT,
    )
    models = BashOperator(
        task_id="build_models",
        bash_command=planned["models_command"],
        execution_timeout=MODELS_TIMEOUT,
        pool=settings.parse_time("models_pool"),
    )
    wait_for_hour_to_close(planned) >> compact >> models
