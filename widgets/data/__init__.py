"""Data layer: load `data/*.yaml`, validate it against `data/schemas/*.schema.json`, check every source key
against `references.bib`, then the dataset's own checks. A bad file raises one `DataError` naming the file, the
record and the field. Where the content is read from: `content_root()` (widgets.data.location)."""

from widgets.data.bib import bib_keys, short_citation
from widgets.data.errors import DataError, Problem
from widgets.data.loader import Dataset, dataset_names, load_dataset
from widgets.data.location import ENV_VAR, ContentRoot, content_root

__all__ = [
    "DataError",
    "Problem",
    "Dataset",
    "load_dataset",
    "dataset_names",
    "bib_keys",
    "short_citation",
    "content_root",
    "ContentRoot",
    "ENV_VAR",
]
