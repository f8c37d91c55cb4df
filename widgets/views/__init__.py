"""ipywidgets views. Each widget is one class built by one function a notebook calls, registered with
`@builder(...)` (widgets.views.registry).

Every interaction is wired in the browser: controls linked to Stacks of pre-rendered panels by
`widgets.views.panels`, the only module that calls `jslink`. So the widgets also work in the static book and in
slide decks, where no kernel runs (ARCHITECTURE.md, "Kernel-free widgets").
"""
