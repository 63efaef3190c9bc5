"""Our work: programs and campaigns (and, in a sub-app, petitions)."""
