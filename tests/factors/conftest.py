"""Fixtures for the factor tests: the real coded data, loaded once."""

from __future__ import annotations

import pytest

from analysis.factors import FactorData, load_all


@pytest.fixture(scope="session")
def data() -> FactorData:
    return load_all()
