"""The blog: posts, authors, topics, tags and feeds."""
