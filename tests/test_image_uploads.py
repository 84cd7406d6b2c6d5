"""Uploads: an image of too many pixels is refused with a plain message, whichever way it is uploaded.

A small file can hold a huge picture (a one-colour PNG of 121 megapixels is
345 KB): decoding it costs ~4 bytes a pixel on every rendition. The limit is
WAGTAILIMAGES_MAX_IMAGE_PIXELS (config/settings/base.py); the message is
home/image_forms.py's.
"""

import html
from io import BytesIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from home.models import SiteImage
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

REFUSED = "This image is too large to use on the site"


def png(size):
    """A one-colour PNG: a few kilobytes, however many pixels."""
    buffer = BytesIO()
    Image.new("1", size).save(buffer, "PNG", optimize=True)
    return SimpleUploadedFile("wide.png", buffer.getvalue(), content_type="image/png")


# 7072 x 7072 is 50 million pixels: over the limit, under Pillow's own warning (89 million).
HUGE = (7072, 7072)


@pytest.fixture
def admin_client(client):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def test_the_limit_is_ours_and_below_wagtails_default():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert HUGE[0] * HUGE[1] > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def test_the_add_an_image_form_refuses_a_huge_picture_in_a_small_file(admin_client):
    upload = png(HUGE)
    assert upload.size < 100_000
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Wide", "description": "A very wide picture", "file": upload, "collection": 1},
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert REFUSED in page
    assert "50013184 pixels" in page and "40,000,000" in page
    assert not SiteImage.objects.filter(title="Wide").exists()


def test_multiple_upload_refuses_it_with_the_same_message(admin_client):
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png(HUGE), "collection": 1})
    body = response.json()
    assert body["success"] is False
    assert REFUSED in body["error_message"]
    assert not SiteImage.objects.exists()


def test_the_choosers_upload_tab_refuses_it_too(admin_client):
    response = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Wide",
            "image-chooser-upload-description": "A very wide picture",
            "image-chooser-upload-file": png(HUGE),
            "image-chooser-upload-collection": 1,
        },
    )
    assert REFUSED in html.unescape(response.content.decode())
    assert not SiteImage.objects.exists()


def test_an_image_within_the_limit_is_taken(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Fine", "description": "A picture of a sensible size", "file": png((6000, 4000)), "collection": 1},
    )
    assert response.status_code == 302, html.unescape(response.content.decode())[:3000]
    assert SiteImage.objects.get(title="Fine").width == 6000


def test_every_frame_of_an_animation_counts(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000  # one 20 x 20 frame is within it, three are not
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    buffer = BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Spinner",
            "description": "A spinning wheel",
            "file": SimpleUploadedFile("spinner.webp", buffer.getvalue(), content_type="image/webp"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert REFUSED in page and "1,200 pixels (every frame of an animation counts)" in page
    assert not SiteImage.objects.exists()
