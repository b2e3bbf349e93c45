"""Reading history in the window: recording what is read, the History tab and menu."""
