"""The community models' content types move from `home` to `community`, and with them everything that points at them.

Pages, revisions, log entries, permissions (and the roles holding them), workflow states,
search index entries and reference index rows all refer to a content type by its id. Moving
the rows (app_label 'home' -> 'community') keeps every one of those references as it was.

If a 'community' content type already exists for one of these models (post_migrate makes one
when the app was installed before this ran), whatever points at it is moved onto the one that
came from `home`, which carries the site's data, and the stray type is deleted: a permission
is merged into its twin (the roles holding it keep it), and a row that would then duplicate
another (a search or reference index entry) is dropped.

Then Editors and Moderators get their area permissions (community/permissions.py): on an
existing site they already hold them (those rows moved with the content type); on a new one
home's roles migration could not name them, since they belonged to `home` then.
"""

from django.contrib.auth.management import create_permissions
from django.db import IntegrityError, migrations, transaction

from community.permissions import grant_area_permissions

MODELS = ["area", "communityindexpage", "communitypage", "communityresource"]


def clear_content_type_caches(apps):
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    apps.get_model("contenttypes", "ContentType").objects.clear_cache()


def merge_permissions(apps, stray, kept):
    """Each permission of `stray` becomes its twin on `kept` for the groups and users holding it."""
    Permission = apps.get_model("auth", "Permission")
    holders = [Permission.group_set.through, Permission.user_set.through]
    for permission in Permission.objects.filter(content_type=stray):
        twin = Permission.objects.filter(content_type=kept, codename=permission.codename).first()
        if twin is None:
            permission.content_type = kept
            permission.save(update_fields=["content_type"])
            continue
        for through in holders:
            owner = next(f.name for f in through._meta.fields if f.name not in ("id", "permission"))
            for row in through.objects.filter(permission=permission):
                through.objects.get_or_create(**{owner: getattr(row, owner), "permission": twin})
        permission.delete()


def repoint_references(apps, stray, kept):
    """Every other row that points at `stray` points at `kept`; one that would duplicate a row is dropped."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower == "auth.permission":
            continue
        for field in model._meta.concrete_fields:
            if not (field.is_relation and field.many_to_one and field.related_model is ContentType):
                continue
            for pk in model._base_manager.filter(**{field.name: stray}).values_list("pk", flat=True):
                rows = model._base_manager.filter(pk=pk)
                try:
                    with transaction.atomic():
                        rows.update(**{field.name: kept})
                except IntegrityError:
                    rows.delete()


def move_content_types(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        moving = ContentType.objects.filter(app_label=from_label, model=model).first()
        if moving is None:
            continue
        stray = ContentType.objects.filter(app_label=to_label, model=model).first()
        if stray is not None:
            merge_permissions(apps, stray, moving)
            repoint_references(apps, stray, moving)
            stray.delete()
        moving.app_label = to_label
        moving.save(update_fields=["app_label"])
    clear_content_type_caches(apps)


def forwards(apps, schema_editor):
    move_content_types(apps, "home", "community")
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    grant_area_permissions(apps)


def backwards(apps, schema_editor):
    move_content_types(apps, "community", "home")


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("home", "0008_community_moves_to_its_own_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
