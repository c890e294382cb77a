"""Alembic migrations of the rounds schema."""
