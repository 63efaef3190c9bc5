"""The resource library: reports, toolkits, newsletters, videos and other downloads."""
