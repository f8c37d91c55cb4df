"""ipywidgets views. Each widget is one class built by one function a notebook calls.

Every interaction is wired in the browser (`ipw.jslink` to a Stack of pre-rendered panels), so the widgets
also work in the static book and in slide decks, where no kernel runs (DESIGN.md point 2).
"""
