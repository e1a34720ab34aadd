"""The operator every DAG task runs its command with: an argument list, no shell, allowed programs only."""
from __future__ import annotations

import pytest


def test_runs_an_allowed_program_with_its_arguments_and_fails_on_a_non_zero_exit(tmp_path, dagbag):
    from airflow.exceptions import AirflowException
    from ticklake_airflow.command_operator import CommandOperator

    CommandOperator(task_id="version", argv=["java", "-version"]).execute({})
    with pytest.raises(AirflowException, match="java exited with 1"):
        CommandOperator(task_id="missing", argv=["java", "-jar", str(tmp_path / "missing.jar")]).execute({})


def test_refuses_a_program_that_is_not_allowed_without_running_it(tmp_path, dagbag):
    from airflow.exceptions import AirflowException
    from ticklake_airflow.command_operator import CommandOperator

    marker = tmp_path / "ran"
    with pytest.raises(AirflowException, match="not an allowed executable"):
        CommandOperator(task_id="shell", argv=["bash", "-c", f"touch {marker}"]).execute({})
    assert not marker.exists()
