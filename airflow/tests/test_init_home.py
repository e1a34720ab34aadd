"""bin/init-home's login: a password per Airflow user, generated once into a file only its owner reads,
in the format Airflow's simple auth manager reads (and then leaves alone)."""
from __future__ import annotations

import json
import os
import re
import stat
import subprocess

from conftest import AIRFLOW_DIR


def _init_home(env: dict[str, str]) -> str:
    result = subprocess.run([str(AIRFLOW_DIR / "bin" / "init-home")], env={**os.environ, **env},
                            capture_output=True, text=True, check=True)
    return result.stderr


def test_generates_each_users_password_once_readable_by_its_owner_only(tmp_path, monkeypatch):
    passwords = tmp_path / "secrets" / "passwords.json"
    env = {"AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
           "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin,ops:op"}

    first = _init_home(env)

    shown = dict(re.findall(r"Airflow user (\w+), password (\S+) ", first))
    assert sorted(shown) == ["admin", "ops"]
    assert stat.S_IMODE(passwords.stat().st_mode) == 0o600
    assert json.loads(passwords.read_text()) == shown
    assert len(set(shown.values())) == 2 and all(len(p) >= 20 for p in shown.values())

    second = _init_home(env)
    assert "password" not in second
    assert json.loads(passwords.read_text()) == shown

    # Airflow's auth manager reads these passwords and, finding every user, generates none of its own
    from airflow.api_fastapi.auth.managers.simple.simple_auth_manager import SimpleAuthManager

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS", "False")
    SimpleAuthManager().init()
    assert SimpleAuthManager.get_passwords() == shown
    assert stat.S_IMODE(passwords.stat().st_mode) == 0o600
