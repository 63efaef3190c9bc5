"""The option counts of a filtered listing as plain SQL: one ``GROUP BY`` per filter, joined by ``UNION ALL``.

A listing's counting query (the resource library's, the services directory's) first materializes
the rows that could match as ``b`` (``WITH b AS MATERIALIZED (...)``). For each filter, its options
are counted over the rows matching every *other* active filter, as a faceted search shows them.
"""


def grouped_counts(grouped, where):
    """``SELECT <filter>, <option>, count`` statements and their parameters, one per filter.

    ``grouped`` holds ``(filter name, SQL giving a row's option, FROM clause over b)``; ``where(name)``
    returns the SQL condition of the active filters but ``name``, and its parameters. DISTINCT: a row
    listing an option twice counts once.
    """
    selects, params = [], []
    for name, option, source in grouped:
        condition, values = where(name)
        selects.append(f"SELECT %s, {option}, COUNT(DISTINCT b.id) FROM {source} WHERE {condition} GROUP BY {option}")
        params += [name, *values]
    return selects, params
