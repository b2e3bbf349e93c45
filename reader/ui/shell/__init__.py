"""The window itself: the application, the main window that composes the panels, the
theme applied to every widget, the single-instance hand-over."""
