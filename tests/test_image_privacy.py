"""Uploaded photos lose their camera metadata (where, when, with what) before anything is saved."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from home.models import SiteImage
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def photo(fmt="JPEG", size=(60, 30)):
    exif = Image.Exif()
    exif[MAKE] = "Phone camera"
    exif[ORIENTATION] = 6  # taken sideways: shown upright by turning it a quarter
    exif[GPS_IFD] = {2: (35.0, 35.0, 0.0), 4: (82.0, 33.0, 0.0)}
    buffer = BytesIO()
    Image.new("RGB", size, "teal").save(buffer, fmt, exif=exif.tobytes())
    return buffer.getvalue()


@pytest.fixture
def admin_client(client):
    sign_in(client, get_user_model().objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "walk.jpg"), ("PNG", "walk.png"), ("WEBP", "walk.webp")])
def test_an_uploaded_photo_keeps_its_pixels_and_loses_its_metadata(admin_client, fmt, name):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "A walk by the river",
            "description": "A quiet path beside a river",
            "file": SimpleUploadedFile(name, photo(fmt), content_type=f"image/{fmt.lower()}"),
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = SiteImage.objects.get(title="A walk by the river")

    with image.open_file() as original:
        saved = Image.open(original)
        assert dict(saved.getexif()) == {}
        assert saved.size == (30, 60)  # turned upright, as the camera meant
    assert (image.width, image.height) == (30, 60)

    rendition = image.get_rendition("width-20")
    with rendition.file.open() as file:
        assert dict(Image.open(file).getexif()) == {}


def test_an_image_without_metadata_is_saved_as_it_came(admin_client):
    buffer = BytesIO()
    Image.new("RGB", (40, 40), "navy").save(buffer, "PNG")
    data = buffer.getvalue()
    admin_client.post(
        "/admin/images/add/",
        {
            "title": "Plain",
            "description": "A navy square",
            "file": SimpleUploadedFile("plain.png", data, content_type="image/png"),
            "collection": 1,
        },
    )
    with SiteImage.objects.get(title="Plain").open_file() as original:
        assert original.read() == data
