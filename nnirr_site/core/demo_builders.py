"""Building blocks for the demo content: generated images and PDFs, idempotent page creation.

Every app writes its demo pages in its own ``demo_content.py`` with these
helpers; ``manage.py load_demo_content`` runs them in order. Everything is made
in code (Pillow draws the pictures and the PDFs), so nothing is downloaded, and
every helper returns what already exists instead of creating it twice.
"""

import hashlib
import io
import math
import random
import textwrap

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

PALETTES = {
    "teal": ("#0f5c56", "#f6b45e", "#fffdf8"),
    "sun": ("#a8430f", "#f6b45e", "#fff6e6"),
    "sky": ("#1f4e79", "#9cc7e8", "#f2f8fd"),
    "earth": ("#5b3a1e", "#d9a066", "#fbf3ea"),
    "leaf": ("#2f5d2a", "#a6d08f", "#f3faef"),
    "plum": ("#5a2a5e", "#e0a4d8", "#fbf2fa"),
}


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType
        return ImageFont.load_default()


def _seed(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def _mix(color_a, color_b, share):
    """``color_a`` moved ``share`` of the way toward ``color_b`` (hex colors)."""
    a = [int(color_a[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(color_b[i:i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b))


def _bands(draw, rng, size, colors):
    """Diagonal bands, like a printed poster."""
    width, height = size
    step = width // rng.randint(5, 8)
    for i, x in enumerate(range(-height, width + step, step)):
        draw.polygon([(x, height), (x + height, 0), (x + height + step, 0), (x + step, height)],
                     fill=colors[i % len(colors)])


def _rings(draw, rng, size, colors):
    """Concentric rings from one corner: a rising sun reduced to shapes."""
    width, height = size
    cx, cy = rng.choice([(0, height), (width, height), (width * 0.8, height * 1.1)])
    radius = int((width ** 2 + height ** 2) ** 0.5)
    ring = radius // rng.randint(7, 10)
    for i, r in enumerate(range(radius, 0, -ring)):
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colors[i % len(colors)])


def _tiles(draw, rng, size, colors):
    """A mosaic of squares, each with a quarter circle or a disc (a quilt pattern)."""
    width, height = size
    cell = height // rng.randint(3, 5)
    for row in range(0, height + cell, cell):
        for col in range(0, width + cell, cell):
            background, shape = rng.sample(colors, 2)
            tile = PILImage.new("RGB", (cell, cell), background)
            pen = ImageDraw.Draw(tile)
            corner = rng.randint(0, 4)
            if corner == 4:
                pen.ellipse([cell * 0.2, cell * 0.2, cell * 0.8, cell * 0.8], fill=shape)
            else:
                ox, oy = [(0, 0), (cell, 0), (cell, cell), (0, cell)][corner]
                pen.ellipse([ox - cell, oy - cell, ox + cell, oy + cell], fill=shape)
            draw._image.paste(tile, (col, row))


def _waves(draw, rng, size, colors):
    """Layered smooth waves across the picture, no figures."""
    width, height = size
    layers = rng.randint(4, 6)
    for layer in range(layers):
        base = height * (0.15 + 0.8 * layer / layers)
        amplitude = height * rng.uniform(0.03, 0.08)
        phase = rng.uniform(0, 6.28)
        turns = rng.choice([1, 1.5, 2])
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            points.append((x, base + amplitude * math.sin(phase + x / width * 6.28 * turns)))
        points.append((width, height))
        draw.polygon(points, fill=colors[layer % len(colors)])


def _dots(draw, rng, size, colors):
    """A field of dots with a few larger ones: a network, drawn as points."""
    width, height = size
    draw.rectangle([0, 0, width, height], fill=colors[0])
    step = height // 9
    for y in range(step // 2, height, step):
        for x in range(step // 2, width, step):
            r = step * (0.32 if rng.random() < 0.12 else 0.12)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colors[1 if r > step * 0.2 else 2])


COMPOSITIONS = [_bands, _rings, _tiles, _waves, _dots]


def draw_picture(title, palette="teal", size=(1600, 900)):
    """An abstract picture (bands, rings, tiles, waves or dots, chosen by the title) in a palette.

    Demo art should not pass for photographs, nor show people: it stands in for an editor's photo
    and must never sit behind text. Each title gets its own composition and colors.
    """
    dark, light, paper = PALETTES[palette]
    rng = random.Random(_seed(title))
    img = PILImage.new("RGB", size, paper)
    draw = ImageDraw.Draw(img)
    colors = [_mix(paper, dark, 0.08), dark, light, _mix(dark, paper, 0.35), _mix(light, paper, 0.5)]
    rng.shuffle(colors)
    COMPOSITIONS[_seed(title + "/composition") % len(COMPOSITIONS)](draw, rng, size, colors)
    return img


def draw_initials(name, palette="teal", size=(600, 600)):
    """A neutral mark for a person without a photo: their initials on a plain colored square."""
    dark, light, paper = PALETTES[palette]
    img = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(img)
    initials = "".join(word[0] for word in name.split()[:2] if word[:1].isalpha()).upper() or "?"
    font = _font(size[1] // 3)
    box = draw.textbbox((0, 0), initials, font=font)
    draw.text(((size[0] - box[2] - box[0]) / 2, (size[1] - box[3] - box[1]) / 2), initials, fill=paper, font=font)
    return img


def get_or_create_image(title, palette="teal", size=(1600, 900)):
    """Return the demo image with this title, drawing it the first time."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    if title.startswith("Portrait placeholder: "):
        picture = draw_initials(title.split(": ", 1)[1], palette, size)
    else:
        picture = draw_picture(title, palette, size)
    picture.save(buffer, "JPEG", quality=82)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slugify(title)[:60]}.jpg"))


def render_pdf(title, paragraphs, palette="teal"):
    """A small one- or two-page PDF with a colored title band and wrapped text."""
    dark, light, paper = PALETTES[palette]
    pages = []
    width, height = 1240, 1754  # A4 at 150 dpi
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 62) or [""])
        lines.append("")
    per_page = 38
    chunks = [lines[i : i + per_page] for i in range(0, max(len(lines), 1), per_page)] or [[]]
    for number, chunk in enumerate(chunks):
        page = PILImage.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(page)
        top = 120
        if number == 0:
            draw.rectangle([0, 0, width, 300], fill=dark)
            draw.rectangle([0, 300, width, 316], fill=light)
            title_lines = textwrap.wrap(title, 34)
            for i, line in enumerate(title_lines[:3]):
                draw.text((90, 70 + i * 64), line, fill="white", font=_font(54))
            top = 400
        for i, line in enumerate(chunk):
            draw.text((90, top + i * 34), line, fill="#1d2528", font=_font(26))
        draw.text((90, height - 90), "National Network for Immigrant and Refugee Rights", fill=dark, font=_font(22))
        pages.append(page)
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    return buffer.getvalue()


def get_or_create_document(title, paragraphs, palette="teal", filename=None, content=None):
    """Return the demo document with this title, generating a PDF (or given content) the first time."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    data = content if content is not None else render_pdf(title, paragraphs, palette)
    document = Document(title=title)
    document.file.save(filename or f"{slugify(title)[:60]}.pdf", ContentFile(data), save=False)
    document._set_document_file_metadata()  # size and hash, as an admin upload records them
    document.save()
    return document


def rich(*paragraphs):
    """Rich-text HTML from plain paragraphs (strings that already hold HTML are kept)."""
    return "".join(p if p.lstrip().startswith("<") else f"<p>{p}</p>" for p in paragraphs)


def paragraph(*paragraphs):
    """One body 'paragraph' block."""
    return ("paragraph", RichText(rich(*paragraphs)))


def heading(text, level="h2"):
    """One body 'heading' block."""
    return ("heading", {"text": text, "level": level})


def quote(text, attribution=""):
    """One body 'quote' block."""
    return ("quote", {"quote": text, "attribution": attribution})


def document_link(document, title=""):
    """One body 'document' block."""
    return ("document", {"document": document, "title": title})


def call_to_action(text, page=None, url="", description=""):
    """One body 'call_to_action' block."""
    return ("call_to_action", {"text": text, "page": page, "url": url, "description": description})


def ensure_page(parent, model, slug, publish=True, **fields):
    """Return ``parent``'s child with ``slug``, creating (and publishing) it only if it is missing."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.save_revision()
    page.refresh_from_db()
    return page


def ensure_translation(page, language_code, slug, **fields):
    """Return ``page``'s translation in ``language_code``, creating and publishing it if missing.

    The parent must already be translated. The copy starts from the source
    page and then takes the translated ``fields`` (title, body and so on).
    """
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translation = page.copy_for_translation(locale, copy_parents=False)
    translation = translation.specific
    translation.slug = slug
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def update_page(page, **fields):
    """Set ``fields`` on ``page`` and publish, starting from the database copy.

    An in-memory page can hold stale tree fields (treebeard's ``numchild``)
    after children were added through another instance; publishing that copy
    would write them back and hide the children.
    """
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def ensure_tags(page, names, field="tags"):
    """Give ``page`` exactly the tags ``names`` (through a ClusterTaggableManager ``field``), publishing if changed."""
    page = type(page).objects.get(pk=page.pk)
    manager = getattr(page, field)
    if sorted(manager.names()) == sorted(names):
        return page
    manager.set(names)
    page.save_revision().publish()
    return page


def ensure_snippet_translation(snippet, language_code, **fields):
    """Return a translatable snippet's translation in ``language_code``, creating it with ``fields`` if missing."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    existing = snippet.get_translation_or_none(locale)
    if existing:
        return existing
    translation = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation
