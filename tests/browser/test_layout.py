"""Browser tests: layout invariants on every page type, in English and Spanish, at 320, 390 and 1366 px.

For each page of the tour (``nnirr_site.core.page_tour``, the same one ``make screenshots`` takes):
no horizontal scrolling, a header under 120 px on phones, no text drawn over an image without its
own opaque background of sufficient contrast, no CSS grid with an empty column, no card whose
picture area (drawn by CSS when there is no picture) is blank, and no run of text in the other
language without a ``lang`` attribute saying so. Failures are gathered so one run lists
them all.

Speed (the suite took 1.5–3 minutes): each address is loaded once, then checked at every width by
resizing the viewport (media queries apply on resize, as on a phone turned sideways), and all the
checks of one width run in a single ``evaluate()``: 40 page loads instead of 120.
"""

import pytest

from nnirr_site.core.page_tour import tour

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_HEADER_LIMIT = 120

WIDTHS = (320, 390, 1366)

# Words common in running text of one language and (nearly) absent from the other.
WORDS = {
    "en": ["the", "and", "of", "for", "with", "our", "your", "this", "that", "from", "will", "are", "is", "have",
           "to", "we", "their", "who", "about", "more", "read"],
    "es": ["el", "la", "los", "las", "y", "de", "del", "para", "con", "que", "por", "una", "nuestra", "nuestro",
           "sus", "más", "es", "son", "esta", "este"],
}

CHECKS = """
async ({phone, words, limit}) => {
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));  // the layout of the new width
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) problems.push(`scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);

  const header = document.querySelector('.site-header');
  if (phone && header && header.getBoundingClientRect().height >= limit) {
    problems.push(`header ${Math.round(header.getBoundingClientRect().height)} px tall`);
  }

  // Every element's style and box, read once: getComputedStyle and layout are the cost of this script.
  const seen = new Map();
  const info = (el) => { let i = seen.get(el); if (!i) { i = {s: getComputedStyle(el), r: el.getBoundingClientRect()}; seen.set(el, i); } return i; };
  const visible = (el) => { const {r, s} = info(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' && s.clip !== 'rect(0px, 0px, 0px, 0px)'; };
  const rgba = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const everything = [...document.body.querySelectorAll('*')];
  const textElements = everything.filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && visible(el));

  // Text over images.
  const images = [...document.querySelectorAll('img, svg image, video')].filter(visible);
  for (const img of images) {
    const box = info(img).r;
    for (const el of textElements) {
      const r = info(el).r;
      const overlap = Math.min(r.right, box.right) - Math.max(r.left, box.left) > 2 &&
                      Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top) > 2;
      if (!overlap || el.contains(img) || img.contains(el)) continue;
      let scrim = el;
      while (scrim && rgba(info(scrim).s.backgroundColor).a < 1) scrim = scrim.parentElement;
      const ok = scrim && !scrim.contains(img) &&
                 contrast(rgba(info(el).s.color), rgba(info(scrim).s.backgroundColor)) >= 4.5;
      if (!ok) problems.push(`text over an image without a scrim: "${el.textContent.trim().slice(0, 40)}"`);
    }
  }

  // A card without a picture gets a CSS pattern instead: the area must not be left blank.
  for (const el of everything) {
    if (el.classList.contains('card__image--none') && visible(el) && info(el).s.backgroundImage === 'none') {
      problems.push(`blank picture area: .${[...el.classList].join('.')}`);
    }
  }

  // Grids with an empty column: fewer distinct column starts among the children than columns.
  for (const grid of everything) {
    const style = info(grid).s;
    if (!['grid', 'inline-grid'].includes(style.display) || !visible(grid)) continue;
    const columns = style.gridTemplateColumns.split(' ').filter((v) => v.endsWith('px') && parseFloat(v) > 0).length;  // auto-fit collapses empty tracks to 0px
    const children = [...grid.children].filter((c) => visible(c) && info(c).s.position !== 'absolute');
    if (columns < 2 || !children.length) continue;
    const starts = new Set(children.map((c) => Math.round(info(c).r.left)));
    if (starts.size < columns) {
      problems.push(`grid .${[...grid.classList].join('.') || grid.tagName} has ${columns} columns for ${starts.size} used`);
    }
  }

  // Text in the other language without lang.
  const pageLang = root.lang.slice(0, 2);
  const other = pageLang === 'es' ? 'en' : 'es';
  const count = (text, list) => text.toLowerCase().split(/[^a-záéíóúñü]+/).filter((w) => list.includes(w)).length;
  for (const el of textElements) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ').trim();
    if (text.split(/\\s+/).length < 5) continue;
    const declared = (el.closest('[lang]') || root).lang.slice(0, 2);
    if (declared !== pageLang) continue;
    if (count(text, words[other]) >= 2 && count(text, words[pageLang]) === 0) {
      problems.push(`${other} text without lang: "${text.slice(0, 60)}"`);
    }
  }
  return problems;
}
"""


@pytest.fixture
def site_url(live_server, demo_site):
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    return live_server.url


def test_every_page_type_keeps_its_layout_invariants(browser, site_url):
    pages = tour()
    assert len({name for name, _language, _path in pages}) >= 18, pages
    context = browser.new_context(viewport=viewport(WIDTHS[0]))
    page = context.new_page()
    failures = []
    for name, language, path in pages:
        page.set_viewport_size(viewport(WIDTHS[0]))
        page.goto(site_url + path, wait_until="load")
        for width in WIDTHS:
            page.set_viewport_size(viewport(width))
            for problem in page.evaluate(CHECKS, {"phone": width < 800, "words": WORDS, "limit": PHONE_HEADER_LIMIT}):
                failures.append(f"{name} {language} {path} at {width} px: {problem}")
    context.close()
    assert failures == [], "\n".join(failures)


def viewport(width):
    return {"width": width, "height": 844 if width < 800 else 900}


def test_phone_menu_opens_without_javascript_and_search_is_one_tap(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/es/")
    menu = page.get_by_role("navigation", name="Principal")
    assert not menu.is_visible()
    page.locator("summary", has_text="Menú").click()  # the word is visually hidden under 420 px, the hamburger shows
    assert menu.is_visible()
    assert menu.get_by_role("link").count() >= 4
    assert page.get_by_role("link", name="English").is_visible()
    page.get_by_role("link", name="Buscar en el sitio").click()
    page.wait_for_url("**/es/search/")
    assert page.get_by_role("searchbox").is_visible()
    context.close()


BROKEN = """<!doctype html><html lang="en"><head><style>
  body { margin: 0; } .site-header { height: 200px; } .wide { width: 2000px; height: 10px; }
  .grid { display: grid; grid-template-columns: repeat(4, 1fr); } .grid > div { height: 20px; }
  .hero { position: relative; } .hero p { position: absolute; top: 10px; left: 10px; color: #777; margin: 0; }
</style></head><body>
  <header class="site-header">Header</header>
  <div class="wide"></div>
  <div class="grid"><div>one</div><div>two</div><div>three</div></div>
  <div class="hero"><img width="300" height="200" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p>Words over the picture</p></div>
  <span class="card__image card__image--none" style="display: block; width: 100px; height: 50px;
    background: #eee linear-gradient(red, blue), linear-gradient(red, blue)"></span>
  <p>Una organización de la frontera que trabaja por los derechos de las personas migrantes</p>
</body></html>"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_checks_find_each_kind_of_problem(page, width):
    """The invariants are not vacuous: a page breaking each of them is caught at every width."""
    page.set_viewport_size(viewport(width))
    page.set_content(BROKEN)
    problems = "\n".join(page.evaluate(CHECKS, {"phone": width < 800, "words": WORDS, "limit": PHONE_HEADER_LIMIT}))
    assert "scrolls sideways" in problems
    assert ("header 200 px tall" in problems) == (width < 800)
    assert 'text over an image without a scrim: "Words over the picture"' in problems
    assert "grid .grid has 4 columns for 3 used" in problems
    assert 'es text without lang: "Una organización' in problems
    assert "blank picture area: .card__image.card__image--none" in problems  # a background color in the first layer
