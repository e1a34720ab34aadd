"""Runs a command's argument list without a shell, logging its output, as BashOperator does for a string."""
from __future__ import annotations

from collections.abc import Sequence

from airflow.exceptions import AirflowException
from airflow.providers.standard.hooks.subprocess import SubprocessHook
from airflow.sdk import BaseOperator

from ticklake_airflow import settings


class CommandOperator(BaseOperator):
    """Runs ``argv`` (usually the XCom of a plan task) with the worker's environment; a non-zero exit fails
    the task. The program is checked against the allowed executables again here, where it runs."""

    template_fields: Sequence[str] = ("argv",)

    def __init__(self, *, argv, **kwargs) -> None:
        super().__init__(**kwargs)
        self.argv = argv
        self._hook: SubprocessHook | None = None

    def execute(self, context) -> None:
        argv = [str(a) for a in self.argv]
        if not argv or not settings.is_allowed(argv[0]):
            raise AirflowException(f"{argv[:1]} is not an allowed executable: {settings.allowed_executables()}")
        self._hook = SubprocessHook()
        result = self._hook.run_command(command=argv)
        if result.exit_code != 0:
            raise AirflowException(f"{argv[0]} exited with {result.exit_code}: {result.output}")

    def on_kill(self) -> None:
        if self._hook is not None:
            self._hook.send_sigterm()
