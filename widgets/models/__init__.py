"""Plain-Python models behind the widgets: no ipywidgets here, so each is easy to test."""
