"""Sign-on letters: letters and statements that organizations (and, where allowed, individuals) endorse."""
