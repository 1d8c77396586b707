"""Everything PySide6: windows, dialogs, models, workers, translations."""
