"""The sample records the other tests start from are valid at every stage."""

from datetime import date

import pytest
from conftest import make_root, sample

from ooi.engine.checker import check
from ooi.input.config import load_settings


@pytest.mark.parametrize("stage", ["inisiatif", "uji_coba", "penerapan"])
def test_sample_is_clean(tmp_path, stage):
    root = make_root(tmp_path, {f"data/inovasi/dispendukcapil/{stage.replace('_', '-')}.yaml": sample(stage)})
    result = check(root, load_settings(root), today=date(2026, 11, 28))
    assert result.findings == []
