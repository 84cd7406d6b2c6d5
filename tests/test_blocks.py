"""The shared StreamField blocks: validation, rendering and what the API gets."""

import pytest
from django.core.exceptions import ValidationError

from home.blocks import BaseStreamBlock, CallToActionBlock, EmbedBlock
from home.factories import ImageFactory, StandardPageFactory


@pytest.mark.django_db
def test_call_to_action_needs_a_page_or_an_address_but_not_both(site_root):
    block = CallToActionBlock()
    base = {"heading": "Talk to us", "text": "", "button_label": "Contact us"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**base, "page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**base, "page": site_root.pk, "url": "https://example.com/"}))
    assert block.clean(block.to_python({**base, "page": site_root.pk, "url": ""}))["page"].pk == site_root.pk
    assert block.clean(block.to_python({**base, "page": None, "url": "https://example.com/"}))


def test_call_to_action_heading_is_a_real_heading():
    """Wagtail's accessibility checker flags a bold paragraph used as a heading."""
    block = CallToActionBlock()
    value = block.to_python({"heading": "Talk to us", "text": "", "button_label": "Contact us", "url": "/contact/"})
    html = block.render(value)
    assert '<h2 class="cta__heading">Talk to us</h2>' in html


@pytest.mark.django_db
def test_image_block_needs_alt_text_unless_decorative():
    image = ImageFactory()
    stream = BaseStreamBlock()
    value = stream.to_python(
        [{"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""}}]
    )
    value[0].value["image"].contextual_alt_text = ""
    with pytest.raises(ValidationError):
        stream.clean(value)


@pytest.mark.django_db
def test_embed_loads_nothing_until_asked(client, site_root):
    page = StandardPageFactory(
        parent=site_root,
        slug="video",
        body=[
            {
                "type": "embed",
                "value": {"embed": "https://www.youtube.com/watch?v=demo", "title": "A breathing exercise"},
            }
        ],
    )
    html = client.get(page.url).content.decode()
    outside_template = html.split("<template")[0] + html.split("</template>")[-1]
    assert "<iframe" not in outside_template
    assert 'href="https://www.youtube.com/watch?v=demo"' in html
    assert "A breathing exercise" in html


@pytest.mark.django_db
def test_blocks_give_the_api_structured_json(rf, site_root):
    image = ImageFactory(description="Mist over the ridges")
    stream = BaseStreamBlock()
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "How we work", "size": "h3"}},
            {"type": "paragraph", "value": f'<p>See <a linktype="page" id="{site_root.pk}">home</a>.</p>'},
            {
                "type": "image",
                "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "Fog"},
            },
            {
                "type": "call_to_action",
                "value": {"heading": "Talk", "text": "", "button_label": "Go", "page": site_root.pk, "url": ""},
            },
            {"type": "embed", "value": {"embed": "https://www.youtube.com/watch?v=demo", "title": "Breathing"}},
        ]
    )
    data = stream.get_api_representation(value, context={"request": rf.get("/")})
    by_type = {item["type"]: item["value"] for item in data}
    assert by_type["heading"] == {"text": "How we work", "level": 3}
    assert by_type["paragraph"] == '<p>See <a href="http://testserver/">home</a>.</p>'
    assert by_type["image"]["image"]["alt"] == "Mist over the ridges"
    assert by_type["image"]["image"]["url"].startswith("http://testserver/")
    assert {"width", "height"} <= by_type["image"]["image"].keys()
    assert by_type["call_to_action"]["url"] == "http://localhost/"
    assert by_type["embed"] == {"url": "https://www.youtube.com/watch?v=demo", "title": "Breathing"}


def test_embed_block_title_is_required():
    block = EmbedBlock()
    assert block.child_blocks["title"].required
