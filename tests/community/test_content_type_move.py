"""The content-type move of community/migrations/0002, when a 'community' content type is already there.

post_migrate makes content types (and their permissions) for every installed model, so a site
where the community app was installed before its migrations ran may hold a stray 'community'
type beside the one from `home` that carries the pages. The move keeps the one from `home` and
brings over whatever pointed at the stray. (test_migration_from_home.py covers the usual case.)
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from community.factories import AreaFactory

move = import_module("community.migrations.0002_content_types_from_home").move_content_types

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def test_a_stray_community_type_is_merged_into_the_one_from_home():
    area = AreaFactory(name="Swannanoa", slug="swannanoa")
    kept = ContentType.objects.get(app_label="community", model="area")
    view_area = Permission.objects.get(content_type=kept, codename="view_area")
    move(apps, "community", "home")
    kept.refresh_from_db()
    assert kept.app_label == "home"

    stray = ContentType.objects.create(app_label="community", model="area")
    holders = Group.objects.create(name="Held the stray permission")
    holders.permissions.add(
        Permission.objects.create(content_type=stray, codename="view_area", name="Can view area"),
        Permission.objects.create(content_type=stray, codename="print_area", name="Can print area"),
    )
    entry = ModelLogEntry.objects.create(
        content_type=stray, object_id=str(area.pk), label=area.name, action="wagtail.edit", timestamp=timezone.now()
    )

    move(apps, "home", "community")

    assert not ContentType.objects.filter(pk=stray.pk).exists()
    assert not ContentType.objects.filter(app_label="home", model="area").exists()
    assert ContentType.objects.get_for_model(type(area)).pk == kept.pk
    assert set(holders.permissions.values_list("pk", "content_type")) >= {(view_area.pk, kept.pk)}
    assert set(holders.permissions.values_list("codename", flat=True)) == {"view_area", "print_area"}
    assert Permission.objects.filter(content_type=kept, codename="view_area").count() == 1
    entry.refresh_from_db()
    assert entry.content_type_id == kept.pk


def test_moving_back_and_forth_keeps_the_pages_type():
    kept = ContentType.objects.get(app_label="community", model="communitypage")
    move(apps, "community", "home")
    assert ContentType.objects.get(pk=kept.pk).app_label == "home"
    move(apps, "home", "community")
    assert ContentType.objects.get(app_label="community", model="communitypage").pk == kept.pk
