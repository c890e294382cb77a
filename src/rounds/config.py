"""One Settings object; the defaults make `rounds serve` work with nothing configured."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ROUNDS_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("rounds")))
    database_url: str | None = None  # default: SQLite file in data_dir
    sandbox: Literal["auto", "bwrap", "process"] = "auto"
    workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1))
    host: str = "127.0.0.1"
    port: int = 8000
    environment: Literal["local", "server"] = "local"
    secret_key: str | None = None
    allowed_hosts: list[str] = Field(default_factory=list)  # extra Host names a server answers to
    # Where judging runs: "local" in this process (threads of the web app, or the command itself);
    # "procrastinate": the web app enqueues on PostgreSQL and `rounds worker` processes judge.
    queue: Literal["local", "procrastinate"] = "local"
    accounts: bool = False  # multi-user server: login, invitations, roles (docs/accounts.md)

    @field_validator("workers")
    @classmethod
    def _workers(cls, v: int) -> int:
        if not 1 <= v <= 64:
            raise ValueError("workers must be between 1 and 64")
        return v

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'rounds.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
