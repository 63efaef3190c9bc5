"""Settings package: base.py is shared; dev, test and production change only what differs."""
