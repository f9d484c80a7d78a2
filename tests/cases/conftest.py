"""The project's own case files, loaded once for the tests that check them."""

from __future__ import annotations

import pytest

from analysis.cases import Case, load_cases


@pytest.fixture(scope="session")
def cases() -> list[Case]:
    return load_cases()
