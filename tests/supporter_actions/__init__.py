"""Tests of the supporter-actions core, run against the core directly (no action's pages)."""
