"""The nginx configuration of ``make scale-check`` is valid for Debian's nginx (``nginx -t``).

Cheap (no servers started); skipped where nginx or its cache-purge module is not installed.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

TEMPLATE = Path(__file__).resolve().parents[2] / "scripts" / "scale_check" / "nginx.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is installed by make scale-check")
def test_scale_check_nginx_conf_passes_nginx_t(tmp_path):
    (tmp_path / "static").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(TEMPLATE.read_text().format(tmp=tmp_path, port=18080, port_a=18081, port_b=18082,
                                                  user_line=""))
    done = subprocess.run([NGINX, "-t", "-c", str(conf), "-e", str(tmp_path / "error.log")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr


def test_template_refreshes_on_purge_from_loopback_and_keys_on_host_with_port():
    text = TEMPLATE.read_text()
    # wagtail.contrib.frontend_cache's HTTPBackend sends "PURGE <path>" with Host: host:port.
    assert "proxy_cache_bypass $cookie_sessionid $is_refresh;" in text
    assert "127.0.0.1 1;" in text and "return 405;" in text
    assert "proxy_cache_key $scheme$http_host$request_uri;" in text
