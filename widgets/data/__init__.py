"""Data layer: load `data/*.yaml`, validate it against `data/schemas/*.schema.json`, check every source key
against `references.bib`. A bad file raises one `DataError` naming the file, the record and the field."""
from widgets.data.errors import DataError, Problem
from widgets.data.loader import DATA_DIR, ROOT, Dataset, load_dataset
from widgets.data.bib import bib_keys, short_citation

__all__ = ["DataError", "Problem", "Dataset", "load_dataset", "bib_keys", "short_citation", "DATA_DIR", "ROOT"]
