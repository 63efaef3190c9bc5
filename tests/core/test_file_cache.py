"""The file cache culls its folder now and then, not on every write (nnirr_site/core/file_cache.py)."""

import os

from django.core.cache.backends.filebased import FileBasedCache

from nnirr_site.core.file_cache import FileCache


def files(folder):
    return [name for name in os.listdir(folder) if name.endswith(".djcache")]


def test_it_is_djangos_file_cache(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    assert isinstance(cache, FileBasedCache)
    cache.set("a", {"b": 1})
    assert cache.get("a") == {"b": 1}
    cache.delete("a")
    assert cache.get("a") is None


def test_it_culls_every_n_writes_and_not_in_between(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2, "CULL_EVERY": 20,
                                                    "CULL_INTERVAL": 3600}})
    for number in range(20):
        cache.set(f"key-{number}", number)
    # The first write culled (an empty folder); the next 19 did not, although there are more than 10 files.
    assert len(files(tmp_path)) == 20
    cache.set("key-20", 20)  # the 20th write since that cull: it culls half of the 20 files first
    assert len(files(tmp_path)) == 20 - 20 // 2 + 1


def test_it_culls_after_the_interval(tmp_path, monkeypatch):
    import nnirr_site.core.file_cache as module

    now = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 4, "CULL_FREQUENCY": 0, "CULL_INTERVAL": 30}})
    for number in range(6):
        cache.set(f"key-{number}", number)
    assert len(files(tmp_path)) == 6
    now[0] += 31
    cache.set("late", 1)  # CULL_FREQUENCY 0: a cull empties the folder, then this write
    assert files(tmp_path) == [os.path.basename(cache._key_to_file("late"))]
