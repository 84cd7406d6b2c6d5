"""Converting many pages' bodies together: the same blocks as Wagtail's own conversion, in fewer queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from home.factories import ImageFactory
from home.streams import convert_streams, images_in, prepare_stream_fields

pytestmark = pytest.mark.django_db


def body(image, page):
    return [
        {"type": "heading", "value": {"text": "Heading", "size": "h2"}},
        {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "C"}},
        {"type": "paragraph", "value": "<p>Text</p>"},
        {
            "type": "call_to_action",
            "value": {"heading": "Go", "text": "", "button_label": "Go", "page": page.pk, "url": ""},
        },
    ]


def test_convert_streams_matches_wagtail_and_costs_one_query_per_kind_of_chosen_object(index):
    images = ImageFactory.create_batch(2)
    for n in range(6):
        ArticlePageFactory(parent=index, body=body(images[n % 2], index), people=[])
    pages = list(ArticlePage.objects.order_by("pk"))

    with CaptureQueriesContext(connection) as queries:
        converted = convert_streams(page.body for page in pages)
        for stream in converted:
            for child in stream:
                assert child.value is not None
    assert len(queries) == 2  # the images, and the chosen pages

    fresh = list(ArticlePage.objects.order_by("pk"))
    for stream, page in zip(converted, fresh, strict=True):
        assert [child.block_type for child in stream] == [child.block_type for child in page.body]
        assert [child.id for child in stream] == [child.id for child in page.body]
        assert stream.get_prep_value() == page.body.get_prep_value()
        assert stream[1].value["image"].pk == page.body[1].value["image"].pk
        assert stream[3].value["page"].pk == index.pk


def test_images_in_finds_chosen_images_anywhere_in_a_body(index):
    image = ImageFactory()
    page = ArticlePageFactory(parent=index, body=body(image, index), people=[])
    assert [found.pk for found in images_in(page.body)] == [image.pk]
    assert list(images_in(None)) == []


def test_prepare_stream_fields_also_fetches_the_renditions_of_the_images_in_them(index):
    images = ImageFactory.create_batch(3)
    for n in range(6):
        ArticlePageFactory(parent=index, body=body(images[n % 3], index), people=[])
    for image in images:
        image.get_rendition("width-1200")
    pages = prepare_stream_fields(list(ArticlePage.objects.all()), ["body"])
    cache.clear()  # renditions come from the prefetch, not from Wagtail's rendition cache
    with CaptureQueriesContext(connection) as queries:
        for page in pages:
            page.body[1].value["image"].get_rendition("width-1200")
    assert len(queries) == 0
