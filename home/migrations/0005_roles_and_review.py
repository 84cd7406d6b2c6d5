"""Roles and review: Editors and Moderators made precise, and the "Clinical review" workflow.

Wagtail's own migrations make "Editors" (add and edit every page) and "Moderators" (add,
edit, publish, lock and unlock every page) on the root page, and a "Moderators approval"
workflow on the root page. This migration adjusts those groups rather than adding others:

- Editors lose the site-wide page permissions and get add and edit on each community index
  and each standard page (blog's migration adds the articles indexes, home/roles.py says why),
  plus choosing people, topics and areas and adding a person.
- Moderators keep publishing across the site and get site settings, redirects and the snippets.
- "Moderators approval" stays on the root page for every page without a workflow of its own;
  "Clinical review" goes on each community index. New sections get theirs from home/signals.py.

Permissions of `home` and of the redirects app are created here rather than waiting for
post_migrate, so the roles are complete the moment the migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import roles

ROOT_PAGE_PERMISSIONS = {
    roles.EDITORS: ["add_page", "change_page"],
    roles.MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def create_app_permissions(apps, *app_labels):
    for app_label in app_labels:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)


def set_up_roles(apps, schema_editor):
    create_app_permissions(apps, "home", "wagtailredirects")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    for name in (roles.EDITORS, roles.MODERATORS):
        Group.objects.get_or_create(name=name)

    # Editors: no longer every page on the site.
    GroupPagePermission.objects.filter(group__name=roles.EDITORS, page__depth=1).delete()
    roles.grant_model_permissions(roles.EDITORS, roles.EDITOR_PERMISSIONS, apps)
    roles.grant_collection_permissions(roles.EDITORS, roles.IMAGE_COLLECTION_PERMISSIONS, apps)

    # Moderators: every page, and what keeps the site running.
    if root is not None:
        roles.grant_page_permissions(root, roles.MODERATORS, ROOT_PAGE_PERMISSIONS[roles.MODERATORS], apps)
        roles.assign_workflow(root, roles.MODERATORS_APPROVAL, apps)
    roles.grant_model_permissions(roles.MODERATORS, roles.MODERATOR_PERMISSIONS, apps)
    roles.grant_collection_permissions(roles.MODERATORS, roles.IMAGE_COLLECTION_PERMISSIONS, apps)

    # Wagtail's default workflow stays on for standard pages, the contact page and the home page.
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=roles.MODERATORS_APPROVAL).update(active=True)
    roles.get_or_create_approval_workflow(roles.CLINICAL_REVIEW, apps)

    for index in apps.get_model("home", "CommunityIndexPage").objects.all():
        roles.clinically_reviewed_section(index, apps)
    for page in apps.get_model("home", "StandardPage").objects.all():
        roles.editors_write_in(page, apps)


def undo_roles(apps, schema_editor):
    """Back to Wagtail's defaults for Editors; the workflow goes (with its history)."""
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group__name=roles.EDITORS).delete()
    if root is not None:
        roles.grant_page_permissions(root, roles.EDITORS, ROOT_PAGE_PERMISSIONS[roles.EDITORS], apps)
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=roles.CLINICAL_REVIEW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=roles.CLINICAL_REVIEW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_contact_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_up_roles, undo_roles)]
