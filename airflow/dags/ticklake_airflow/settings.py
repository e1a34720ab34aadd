"""Where the TickLake DAGs get their settings, so the same DAG files run on a laptop and on a cluster.

A run-time setting ``key`` is the Airflow Variable ``ticklake_<key>`` if set, else the environment variable
``TICKLAKE_<KEY>``, else the default below. Settings that shape the DAG itself (schedule, start date,
retries, timeouts) are read when the DAG file is parsed, from the environment only, so parsing never
touches the metadata database. Command templates are Python format strings over the other settings,
turned into argument lists (never shell strings) by :func:`command`.
"""
from __future__ import annotations

import os
import shlex
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Mapping

REPO = Path(__file__).resolve().parents[3]
# one slot: lake writes of both DAGs run one at a time (a conflict would still be safe, only wasted work)
LAKE_POOL = "ticklake_lake_writes"


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    doc: str
    # a command template (filled in per run) rather than a value other settings may refer to
    command: bool = False

    @property
    def variable(self) -> str:
        return f"ticklake_{self.key}"

    @property
    def environment(self) -> str:
        return f"TICKLAKE_{self.key.upper()}"


def _default_lake() -> str:
    home = os.environ.get("TICKLAKE_HOME") or str(Path.home() / ".ticklake")
    return Path(home, "lake").as_uri()


RUNTIME = [
    Setting("lake", _default_lake(), "lake root: file:///..., s3a://bucket[/prefix] or s3://bucket[/prefix]"),
    Setting("repo", str(REPO), "the TickLake checkout (or install) the default commands run from"),
    Setting("spark_job", "{repo}/spark-jobs/bin/spark-job",
            "how a Spark job is launched: the local launcher (local[*]), or on a cluster"
            " spark-submit --master <master> ... --class io.ticklake.spark.cli.SparkJobCli <spark-jobs submit jar>"),
    Setting("spark_args", "", "extra arguments for every Spark job, e.g. --s3-endpoint ... --conf spark.executor.memory=4g"),
    Setting("lookback_hours", "48",
            "each lake_compaction run looks this far back for closed hours whose raw data changed (late files)"),
    Setting("compact_command",
            "{spark_job} compact --lake {lake} --from {from_hour} --to {to_hour} {spark_args}",
            "compacts the closed hours of [from_hour, to_hour) whose raw files changed since they were compacted",
            command=True),
    Setting("models_command",
            "java -jar {repo}/analytics/target/analytics.jar run --lake {lake} --changed",
            "rebuilds the analytics models of every hour of ticklake.ticks whose data changed since they were built",
            command=True),
    Setting("quality_command",
            "java -jar {repo}/analytics/target/analytics.jar quality --lake {lake} --from {from_hour} --to {to_hour}",
            "checks data_quality_hourly of [from_hour, to_hour) against its thresholds: prints the rows above a warn"
            " level, fails naming the symbol and hour of every row above a fail level (--quality.<column>.fail <n>)",
            command=True),
    Setting("maintain_command",
            "{spark_job} maintain --lake {lake} {spark_args}",
            "expires old snapshots, removes orphan files and rewrites hours of many small files", command=True),
    Setting("backfill_command",
            "{spark_job} backfill --lake {lake} --topic {topic} --bootstrap-servers {bootstrap_servers}"
            " --schema-registry-url {schema_registry_url} --checkpoint {checkpoint}"
            " --starting-timestamp {start} --ending-timestamp {end} --trigger available-now {spark_args}",
            "lands a topic's records of [start, end) in the raw lake", command=True),
    Setting("bootstrap_servers", "127.0.0.1:9092", "Kafka bootstrap servers (backfill)"),
    Setting("schema_registry_url", "http://127.0.0.1:8081", "Schema Registry URL (backfill)"),
    Setting("checkpoint_root", "{lake}/_checkpoints",
            "where backfill checkpoints go; each (topic, start, end) gets its own, so a retry resumes it"),
]

PARSE_TIME = [
    Setting("compaction_every_minutes", "60", "lake_compaction runs every N minutes (N divides an hour or a day)"),
    Setting("compaction_start", "2026-11-01T00:00:00Z", "first possible run of lake_compaction"),
    Setting("retries", "3", "retries of every task (exponential backoff from retry_delay_seconds)"),
    Setting("retry_delay_seconds", "120", "first retry delay; doubles each retry, at most 30 minutes"),
    Setting("compaction_timeout_minutes", "60", "execution timeout of a compaction task"),
    Setting("models_timeout_minutes", "30", "execution timeout of a models task"),
    Setting("quality_timeout_minutes", "10", "execution timeout of a quality check"),
    Setting("maintenance_timeout_minutes", "60", "execution timeout of a maintenance task"),
    Setting("backfill_timeout_minutes", "360", "execution timeout of a backfill task"),
    Setting("lake_pool", LAKE_POOL, "Airflow pool of every task that writes the lake (compaction, models, "
            "maintenance) in both DAGs; airflow/bin/init-home creates it with one slot"),
]


def parse_time(key: str, env: Mapping[str, str] | None = None) -> str:
    """A setting that shapes the DAG, from the environment or its default."""
    setting = next(s for s in PARSE_TIME if s.key == key)
    value = (env if env is not None else os.environ).get(setting.environment, "").strip()
    return value or setting.default


def parse_time_int(key: str, env: Mapping[str, str] | None = None) -> int:
    text = parse_time(key, env)
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"TICKLAKE_{key.upper()}={text!r} is not a whole number") from None
    if value < 0:
        raise ValueError(f"TICKLAKE_{key.upper()}={text!r} must not be negative")
    return value


def start_date(env: Mapping[str, str] | None = None) -> datetime:
    text = parse_time("compaction_start", env)
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def runtime_values(lookup_variable: Callable[[str], str | None],
                   env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every run-time setting, Variables first, then the environment, then defaults; templates resolved
    against each other (``{repo}``, ``{lake}`` ...)."""
    env = env if env is not None else os.environ
    raw = {}
    for setting in RUNTIME:
        value = lookup_variable(setting.variable)
        if value is None or str(value).strip() == "":
            value = env.get(setting.environment, "").strip() or setting.default
        raw[setting.key] = str(value).strip()
    resolved: dict[str, str] = {}
    for setting in RUNTIME:  # in order: a value may refer to the values before it, e.g. {repo}
        value = raw[setting.key]
        if not setting.command:
            try:
                value = value.format(**resolved)
            except KeyError as missing:
                raise ValueError(f"setting {setting.key}={value!r} refers to {missing}, which is not a setting"
                                 " defined before it") from None
        resolved[setting.key] = value
    return resolved


# settings that hold several words (``spark_job`` may be a whole ``spark-submit ...`` invocation): split
# into arguments as a shell would, with no expansion; every other value is exactly one argument
MULTI_WORD = {"spark_job", "spark_args"}
# what a command may run unless TICKLAKE_ALLOWED_EXECUTABLES says otherwise (from the environment only:
# Variables are editable by Airflow users); a bare name is looked up on the worker's PATH
DEFAULT_EXECUTABLES = (str(REPO / "spark-jobs" / "bin" / "spark-job"), "spark-submit", "java")


def command(key: str, values: Mapping[str, str], env: Mapping[str, str] | None = None, **arguments: str) -> list[str]:
    """The argument list of the command setting ``key``, filled in with the settings and the run's
    arguments. No shell ever sees it: a value with spaces, quotes or ``;`` stays one argument. Its program
    must be one of the allowed executables; anything else is refused naming the setting."""
    template = values[key]
    merged = {**values, **arguments}
    argv: list[str] = []
    try:
        for word in shlex.split(template):
            name = word[1:-1] if word.startswith("{") and word.endswith("}") else None
            if name in MULTI_WORD:
                argv.extend(shlex.split(merged[name]))
            else:
                argv.append(word.format(**merged))
    except KeyError as missing:
        raise ValueError(f"ticklake_{key} {template!r} uses {missing} which is not a setting or argument "
                         f"(known: {', '.join(sorted(merged))})") from None
    except ValueError as bad:
        raise ValueError(f"ticklake_{key} {template!r} cannot be split into arguments: {bad}") from None
    if not argv or not is_allowed(argv[0], env):
        raise ValueError(f"ticklake_{key} runs {argv[0] if argv else 'nothing'!r}, which is not an allowed "
                         f"executable ({', '.join(allowed_executables(env))}); TICKLAKE_ALLOWED_EXECUTABLES in "
                         "the workers' environment lists them")
    return argv


def allowed_executables(env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    text = (env if env is not None else os.environ).get("TICKLAKE_ALLOWED_EXECUTABLES", "").strip()
    return tuple(p for p in text.split(os.pathsep) if p) if text else DEFAULT_EXECUTABLES


def is_allowed(program: str, env: Mapping[str, str] | None = None) -> bool:
    """Whether ``program`` (a command's first argument) is one of the allowed executables."""
    allowed = allowed_executables(env)
    # a path must be the allowed file itself (no other directory's spark-submit); a bare name must be the
    # bare allowed name, found on the PATH the deployment set
    if os.sep in program:
        real = os.path.realpath(program)
        return any(os.sep in a and os.path.realpath(a) == real for a in allowed)
    return program in allowed
