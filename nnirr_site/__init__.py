"""The NNIRR website project: settings, URLs, WSGI entry point and the core app."""
