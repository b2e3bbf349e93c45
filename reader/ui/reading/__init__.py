"""The article as it is read: the view, the text size (− o +), Find, Read Aloud."""
