"""Airflow for the tests: a fresh AIRFLOW_HOME prepared by the project's own ``bin/init-home`` (SQLite
metadata database, the lake-writes pool), this repo's dags/ folder, no examples. Set up before anything
imports Airflow, which reads its configuration at import time."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

AIRFLOW_DIR = Path(__file__).resolve().parents[1]
DAGS = AIRFLOW_DIR / "dags"
REPO = AIRFLOW_DIR.parent

_HOME = Path(tempfile.mkdtemp(prefix="ticklake-airflow-home-"))
os.environ.update({
    "AIRFLOW_HOME": str(_HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_HOME}/airflow.db",
    "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(_HOME / "logs"),
})
# settings that tests change are never inherited from the machine
for variable in [v for v in os.environ if v.startswith("TICKLAKE_") and v not in ("TICKLAKE_CACHE",)]:
    del os.environ[variable]
sys.path.insert(0, str(DAGS))

subprocess.run([str(AIRFLOW_DIR / "bin" / "init-home")], check=True, stdout=subprocess.DEVNULL)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS))
