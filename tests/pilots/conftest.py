from ..evaluation.conftest import evaluation  # noqa: F401 (fixture)
