"""Who may do what in the admin: the roles' names and the helpers that grant them.

Five roles (README, "Roles and review"):

- **Editors** write and edit articles, community pages and standard pages and submit them
  for review; they never publish.
- **Moderators** approve and publish across the site, and manage site settings, redirects,
  navigation and the shared snippets.
- **Group coordinators** edit and publish support groups, events, venues and facilitators, and
  answer join requests, requests for a place at an event and the reports of problems with their
  groups' listings; nothing else.
- **Intake coordinators** read and answer requests for a first appointment with a counselor
  (counselors/permissions.py), and nothing else: no pages, no other visitor's messages.
- **Administrators** are superusers: no group, every permission.

Each app grants its own sections through these helpers, from a data migration for the pages
already there and from a `post_save` signal for those created later (the demo content and
staff add index pages after the migrations have run). The helpers take `apps`, so the same
code runs with a migration's historical models and, with `apps=None`, with the real ones.
Every helper is idempotent and quietly does nothing when a role's group has been deleted.

Why Editors' page permissions are granted per section and not on the home page: Wagtail's
page permissions follow the page tree, not the page type. "Add" on the home page would let
editors draft pages under every section below it, support groups included, and "change" there
would let them edit every page on the site. So Editors hold add and change on each articles
index, each community index and each standard page (and so on the pages below them). The
price: a new *top-level* page appears in the site's main menu, so it is a moderator's job;
editors add pages inside the articles, the community section and existing standard pages.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
MODERATORS = "Moderators"
COORDINATORS = "Group coordinators"
INTAKE_COORDINATORS = "Intake coordinators"

# Roles that must sign in with a code from their phone as well as a password (home/two_factor/):
# moderators read the contact messages, group coordinators the join requests and intake
# coordinators the appointment requests, all health information; administrators can read
# everything. Editors read no one's messages and publish nothing without review, so for them it
# is a choice (and, once set up, always asked).
TWO_FACTOR_ROLES = [MODERATORS, COORDINATORS, INTAKE_COORDINATORS]
# And anyone given, by another group or on their own, a permission to read that information.
HEALTH_INFORMATION_PERMISSIONS = [
    "wagtailforms.view_formsubmission",
    "groups.view_joinrequest",
    "groups.change_joinrequest",
    "events.view_eventregistration",
    "events.change_eventregistration",
    "counselors.view_appointmentrequest",
    "counselors.change_appointmentrequest",
    # A report of a problem with a listing asks nothing about health, but its note and contact
    # detail are a visitor's own words: read with the same care.
    "home.view_listingreport",
    # A story's consent record ties a member's name to their story of their own mental health.
    "blog.view_storyconsent",
    "blog.change_storyconsent",
]

# Wagtail's initial migrations make this workflow (one "Moderators approval" task) on the root
# page, so every page without a workflow of its own goes through it.
MODERATORS_APPROVAL = "Moderators approval"
# Articles and community pages give health information: a moderator reads them first.
CLINICAL_REVIEW = "Clinical review"

# Page permissions for a section editors write in. Never publish: that is the review.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

# Model permissions as (app_label, codename): the core's own. An app grants its models' permissions
# to these roles itself (community/permissions.py: areas).
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    # Authors: choose them, and add one who is new.
    ("home", "add_person"),
    ("home", "view_person"),
    ("home", "view_topic"),
]

MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("home", "change_sitesettings"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    *[("home", f"{action}_{model}") for model in ("person", "topic") for action in ("add", "change", "delete", "view")],
]

# Messages sent through the contact page are health information: Wagtail would show them to
# anyone who may edit the contact page; home/wagtail_hooks.py narrows that to holders of this
# permission (and administrators). Moderators answer the practice's messages.
MESSAGE_READER_PERMISSIONS = [("wagtailforms", "view_formsubmission")]

# Visitors' reports of problems with listings (home/models/reports.py): read and answered by
# Moderators and Group coordinators, each only on the pages they may edit (ListingReport.objects.for_user).
# Granted by home/migrations/0011 to Moderators and by groups/migrations/0008 to coordinators.
LISTING_REPORT_PERMISSIONS = [("home", "view_listingreport"), ("home", "change_listingreport")]

# Images (and documents, which Wagtail's defaults already give editors and moderators):
# upload and choose in the root collection, so in every collection.
IMAGE_COLLECTION_PERMISSIONS = [("wagtailimages", "add_image"), ("wagtailimages", "choose_image")]


def _model(apps, label):
    return (apps or global_apps).get_model(label)


def get_group(name, apps=None):
    """The auth group of a role, or None if it has been deleted."""
    return _model(apps, "auth.Group").objects.filter(name=name).first()


def _permission(apps, app_label, codename):
    return _model(apps, "auth.Permission").objects.filter(content_type__app_label=app_label, codename=codename).first()


def grant_model_permissions(group_name, permissions, apps=None):
    """Give a role Django model permissions [(app_label, codename), …]. Missing ones are skipped."""
    group = get_group(group_name, apps)
    if group is None:
        return
    for app_label, codename in permissions:
        permission = _permission(apps, app_label, codename)
        if permission is not None:
            group.permissions.add(permission)


def grant_page_permissions(page, group_name, codenames, apps=None):
    """Give a role page permissions (`add_page`, `change_page`, `publish_page`, …) on `page` and below."""
    group = get_group(group_name, apps)
    if group is None:
        return
    GroupPagePermission = _model(apps, "wagtailcore.GroupPagePermission")
    for codename in codenames:
        permission = _permission(apps, "wagtailcore", codename)
        if permission is not None:
            GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


def grant_collection_permissions(group_name, permissions, apps=None):
    """Give a role image or document permissions on the root collection (so on every collection)."""
    group = get_group(group_name, apps)
    root = _model(apps, "wagtailcore.Collection").objects.filter(depth=1).first()
    if group is None or root is None:
        return
    GroupCollectionPermission = _model(apps, "wagtailcore.GroupCollectionPermission")
    for app_label, codename in permissions:
        permission = _permission(apps, app_label, codename)
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def get_or_create_approval_workflow(name, apps=None):
    """A workflow of one task of the same name, approved by a moderator. Found by name if it exists."""
    Workflow = _model(apps, "wagtailcore.Workflow")
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is not None:
        return workflow
    GroupApprovalTask = _model(apps, "wagtailcore.GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        ContentType = _model(apps, "contenttypes.ContentType")
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=name, content_type=content_type, active=True)
        moderators = get_group(MODERATORS, apps)
        if moderators is not None:
            task.groups.add(moderators)
    workflow = Workflow.objects.create(name=name, active=True)
    _model(apps, "wagtailcore.WorkflowTask").objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_workflow(page, name, apps=None):
    """Put `page` and the pages below it through the workflow `name`, unless staff chose another one."""
    workflow = get_or_create_approval_workflow(name, apps)
    _model(apps, "wagtailcore.WorkflowPage").objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})


def editors_write_in(page, apps=None):
    """Editors may add and edit pages in this section (and this page), never publish them."""
    grant_page_permissions(page, EDITORS, EDITOR_PAGE_PERMISSIONS, apps)


def clinically_reviewed_section(page, apps=None):
    """Articles and community pages: editors write there, and a moderator's clinical review publishes."""
    editors_write_in(page, apps)
    assign_workflow(page, CLINICAL_REVIEW, apps)
