"""The one shared body StreamBlock, used by every page type that has a free-form body.

Each block has its own template under ``templates/blocks/`` and a preview value
so the admin's block previews show something meaningful.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from email_list.blocks import EmailSignupBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so the page outline stays correct."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        help_text=_("Use a subsection only under a section heading."),
    )

    class Meta:
        template = "blocks/heading_block.html"
        icon = "title"
        label = _("Heading")
        preview_value = {"text": "Our human-rights approach", "level": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with alternative text, an optional caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty only if it is decorative."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text: screen readers then skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        template = "blocks/image_block.html"
        icon = "image"
        label = _("Image")

    def clean(self, value):
        """Alternative text is required unless the editor says the image is decorative."""
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip() and not value.get("decorative"):
            raise StructBlockValidationError(block_errors={
                "alt_text": ValidationError(_("Describe the image, or tick “Decorative image” if it adds nothing.")),
            })
        return value


class QuoteBlock(blocks.StructBlock):
    """A pull quote with its source."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        template = "blocks/quote_block.html"
        icon = "openquote"
        label = _("Quote")
        preview_value = {
            "quote": "Human rights do not stop at any border.",
            "attribution": "A community organizer",
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent button linking to a page or an address."""

    text = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("Address (URL)"), required=False, help_text=_("Used only when no page is chosen.")
    )
    description = blocks.CharBlock(
        label=_("Short text above the button"), required=False, max_length=200
    )

    class Meta:
        template = "blocks/cta_block.html"
        icon = "pick"
        label = _("Call to action")
        preview_value = {"text": "Take action", "url": "https://example.org", "description": "Add your voice."}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or enter an address."))}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document, shown with its file type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=160, help_text=_("Leave empty to use the document title.")
    )

    class Meta:
        template = "blocks/document_block.html"
        icon = "doc-full"
        label = _("Document link")


class EmbedLinkBlock(blocks.StructBlock):
    """A video or other embedded media, shown as a link so the page makes no third-party request.

    Visitors may be undocumented: loading a video platform's player on every
    page view would tell that platform who reads the page. The visitor decides
    by following the link.
    """

    url = blocks.URLBlock(label=_("Address of the video or media"), help_text=_("For example a YouTube or Vimeo page."))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    duration = blocks.CharBlock(label=_("Length"), required=False, max_length=20, help_text=_("For example 28 min."))

    class Meta:
        template = "blocks/embed_block.html"
        icon = "media"
        label = _("Video or embed")
        preview_value = {"url": "https://www.youtube.com/", "title": "Uprooted", "duration": "28 min"}


class BodyBlock(blocks.StreamBlock):
    """The shared page body."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "hr"],
        template="blocks/paragraph_block.html",
        preview_value="<p>The network brings together local coalitions and community groups.</p>",
        icon="pilcrow",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    embed = EmbedLinkBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    # The email list's sign-up form (email_list/blocks.py: a plain StructBlock that imports only Wagtail).
    email_signup = EmailSignupBlock()

    class Meta:
        label = _("Body")
