"""Cross-cutting pieces every app needs: base page, home and standard pages, blocks, settings, navigation."""
