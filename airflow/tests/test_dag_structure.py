"""The DAGs import cleanly and have the tasks, order, schedule, retries and timeouts they promise."""
from __future__ import annotations

import importlib.util
from datetime import timedelta

import pytest

from conftest import DAGS


def test_dags_import_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == {"lake_compaction", "lake_backfill"}


def _order(dag):
    return {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks}


def test_lake_compaction_compacts_then_builds_models_then_checks_quality_and_maintains(dagbag):
    dag = dagbag.get_dag("lake_compaction")
    assert _order(dag) == {
        "plan": ["build_models", "check_quality", "compact", "maintain"],
        "compact": ["build_models"],
        "build_models": ["check_quality", "maintain"],
        "check_quality": [],
        "maintain": [],
    }


def test_the_quality_check_reads_only_and_does_not_retry_its_verdict(dagbag):
    for dag_id in ("lake_compaction", "lake_backfill"):
        check = dagbag.get_dag(dag_id).get_task("check_quality")
        assert check.retries == 0, dag_id
        assert check.pool != "ticklake_lake_writes", dag_id
        assert check.execution_timeout == timedelta(minutes=10), dag_id


def test_lake_compaction_runs_hourly_in_utc_one_run_at_a_time_without_catch_up(dagbag):
    dag = dagbag.get_dag("lake_compaction")
    assert dag.timetable.expression == "0 * * * *"
    assert str(dag.timetable.timezone) == "UTC"
    # each run looks back over the lookback window, so missed runs need no catch-up
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.dagrun_timeout == timedelta(minutes=60 + 30 + 60)


def test_lake_compaction_tasks_retry_with_backoff_and_time_out(dagbag):
    dag = dagbag.get_dag("lake_compaction")
    for task in dag.tasks:
        if task.task_id == "check_quality":
            continue
        assert task.retries == 3, task.task_id
        assert task.retry_exponential_backoff, task.task_id
        assert task.retry_delay == timedelta(minutes=2)
    assert dag.get_task("compact").execution_timeout == timedelta(minutes=60)
    assert dag.get_task("build_models").execution_timeout == timedelta(minutes=30)
    assert dag.get_task("maintain").execution_timeout == timedelta(minutes=60)


def test_every_lake_write_of_both_dags_takes_the_one_slot_pool(dagbag):
    writers = {("lake_compaction", t) for t in ("compact", "build_models", "maintain")} | \
              {("lake_backfill", t) for t in ("compact_hours", "build_models", "maintain")}
    for dag_id, task_id in writers:
        assert dagbag.get_dag(dag_id).get_task(task_id).pool == "ticklake_lake_writes", (dag_id, task_id)


def test_the_setup_created_the_pool_with_one_slot():
    from airflow.models.pool import Pool

    assert Pool.get_pool("ticklake_lake_writes").slots == 1


def test_lake_backfill_is_manual_with_topic_and_range_parameters(dagbag):
    dag = dagbag.get_dag("lake_backfill")
    assert dag.timetable.__class__.__name__ == "NullTimetable"
    assert set(dag.params.keys()) == {"topic", "start", "end"}
    assert dag.params["topic"] == "stock-ticks"
    assert _order(dag) == {
        "plan": ["build_models", "check_quality", "compact_hours", "maintain", "spark_backfill"],
        "spark_backfill": ["compact_hours"],
        "compact_hours": ["build_models"],
        "build_models": ["check_quality", "maintain"],
        "check_quality": [],
        "maintain": [],
    }
    assert all(t.retries == 3 for t in dag.tasks if t.task_id != "check_quality")


def _load_dag_file(name, monkeypatch, **env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    spec = importlib.util.spec_from_file_location(f"reloaded_{name}", DAGS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.dag


def test_the_schedule_and_retries_come_from_the_environment(monkeypatch):
    dag = _load_dag_file("lake_compaction", monkeypatch, TICKLAKE_COMPACTION_EVERY_MINUTES="15",
                         TICKLAKE_RETRIES="5", TICKLAKE_MODELS_TIMEOUT_MINUTES="10")
    assert dag.timetable.expression == "*/15 * * * *"
    assert dag.get_task("compact").retries == 5
    assert dag.get_task("build_models").execution_timeout == timedelta(minutes=10)


def test_an_uneven_schedule_is_refused_at_parse_time(monkeypatch):
    with pytest.raises(ValueError, match="does not divide an hour or a day"):
        _load_dag_file("lake_compaction", monkeypatch, TICKLAKE_COMPACTION_EVERY_MINUTES="7")
