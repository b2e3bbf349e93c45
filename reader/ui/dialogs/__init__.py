"""Dialogs opened from the Help menu: keyboard shortcuts, About."""
