"""StreamField blocks shared by every page type with a body.

Each block has its own template in templates/blocks/ and declares what it
gives the API, so a separate front end gets structured JSON, real URLs and
images as renditions with their size and alt text.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock

from home.csp import allow_frame
from home.images import image_api_representation
from home.serializers import RenditionData, api_rich_text

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

# What each block gives the API. API v3 types a body from these return annotations
# (home/api/stream_types.py), so its OpenAPI document describes every block.


class HeadingData(TypedDict):
    text: str
    level: int


class CaptionedImageData(TypedDict):
    image: RenditionData | None
    caption: str


class QuoteData(TypedDict):
    quote: str
    attribution: str


class CallToActionData(TypedDict):
    heading: str
    text: str
    button_label: str
    url: str
    page: int | None


class EmbedData(TypedDict):
    url: str
    title: str


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="A short heading for the section that follows.")
    size = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use 'Section heading' for main sections and 'Sub-heading' inside them.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/heading_block.html"
        description = "A heading that starts a new section"
        preview_value = {"text": "What to expect at your first meeting", "size": "h2"}

    def get_api_representation(self, value, context=None) -> HeadingData:
        return {"text": value["text"], "level": int(value["size"][1])}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "blocks/paragraph_block.html"
        description = "Paragraphs with bold, italic, lists and links"
        preview_value = (
            "<p>Support groups meet every week across Asheville. You are welcome to "
            "listen at your first meeting: nobody has to share until they are ready.</p>"
        )

    def get_api_representation(self, value, context=None) -> str:
        """HTML (or `?rich_text_format=`) whose links are absolute, usable from another site."""
        return api_rich_text(value.source, (context or {}).get("request"), features=self.features)


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text=(
            "Alt text describes the image for people who cannot see it. Mark it decorative only if it adds nothing."
        )
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the image. Optional.")

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_block.html"
        description = "An image with alt text and an optional caption"

    def get_api_representation(self, value, context=None) -> CaptionedImageData:
        return {
            "image": image_api_representation(value["image"], "width-1200", request=(context or {}).get("request")),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600, help_text="The words being quoted, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who said it. Leave empty, or use a first name only, for group members.",
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blocks/quote_block.html"
        description = "A quotation set apart from the text"
        preview_value = {
            "quote": "I came to listen and stayed because nobody rushed me.",
            "attribution": "A group member",
        }

    def get_api_representation(self, value, context=None) -> QuoteData:
        return {"quote": value["quote"], "attribution": value["attribution"]}


class LinkStructValue(blocks.StructValue):
    @cached_property
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    button_label = blocks.CharBlock(max_length=60, help_text="Say what happens, e.g. 'Find a support group'.")
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or a web address elsewhere. Fill in one of the two.")

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        description = "A highlighted box with one button"
        preview_value = {
            "heading": "Take the first step",
            "text": "Call us or send a message: we answer within one working day.",
            "button_label": "Contact us",
            "url": "https://example.com/contact/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page on this site or enter a web address: one of the two, not both."
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value

    def get_api_representation(self, value, context=None) -> CallToActionData:
        page = value.get("page")
        return {
            "heading": value["heading"],
            "text": value["text"],
            "button_label": value["button_label"],
            "url": page.full_url if page else value["url"],
            "page": page.pk if page else None,
        }


class EmbedBlock(blocks.StructBlock):
    """A video or other embed that loads only when the visitor asks for it.

    The page shows a link to the original and a button; the provider's player
    is fetched only after the button is pressed, so no third party is contacted
    while a visitor reads.
    """

    embed = WagtailEmbedBlock(help_text="The web address of a video, e.g. on YouTube or Vimeo.")
    title = blocks.CharBlock(
        max_length=160, help_text="What the video is, e.g. 'A five-minute breathing exercise'. Used as the link text."
    )

    def get_context(self, value, parent_context=None):
        """The provider's player as it sent it, and its origin allowed in this page's CSP frame-src.

        Wagtail's `embed.html` wraps the player in a div with an inline style, which the
        site's CSP refuses; the player's box is sized in components.css (.embed__player).
        """
        context = super().get_context(value, parent_context=parent_context)
        embed_value = value.get("embed")
        html = ""
        if embed_value:
            try:
                html = embeds.get_embed(embed_value.url, embed_value.max_width, embed_value.max_height).html
            except EmbedException:
                html = ""
        allow_frame((parent_context or {}).get("request"), html)
        context["player_html"] = html
        return context

    class Meta:
        icon = "media"
        label = "Video or embed"
        template = "blocks/embed_block.html"
        description = "A video that loads only when the visitor presses play"

    def get_api_representation(self, value, context=None) -> EmbedData:
        embed = value.get("embed")
        return {"url": embed.url if embed else "", "title": value["title"]}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock()

    class Meta:
        block_counts = {"call_to_action": {"max_num": 2}}
