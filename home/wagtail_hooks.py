"""Admin: the shared snippets, the dashboard's panels, visitors' reports of problems with listings
(home/report_admin.py) and the practice's accessibility checker."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import modeladmin_register

from home import dashboard
from home.models import Person, Topic
from home.report_admin import ListingReportAdmin
from home.two_factor import views as two_factor_views


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "role", "credentials"]
    search_fields = ["name", "role"]
    add_to_admin_menu = False


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(PersonViewSet)
register_snippet(TopicViewSet)
modeladmin_register(ListingReportAdmin)


@hooks.register("construct_homepage_panels")
def arrange_dashboard(request, panels):
    dashboard.arrange_panels(request, panels)


# Alt text the checker flags: a file name, underscores, or "image of …" (screen readers say so already).
ALT_TEXT_TO_AVOID = (
    r"\.(avif|gif|jpg|jpeg|png|svg|webp)$|_|^\s*(an? )?(image|photo|photograph|picture|pic|graphic) of\b"
)


class PracticeContentChecker(ContentCheckerItem):
    """Wagtail's accessibility checker, with a few more of the mistakes editors can make and fix.

    It runs in the user bar on every page for signed-in staff and in the editor's
    preview ("Checks"). Beyond Wagtail's own rules (empty headings and links,
    skipped heading levels, file names as alt text, …), it flags alt text that
    says "image of" (screen readers say so already), alt text that repeats the
    text beside the image, and a missing alt text.
    """

    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt", "image-redundant-alt"]
    axe_custom_checks = [
        {
            "id": "check-image-alt-text",
            # File names, underscores, and alt text that starts by saying it is a picture (case ignored).
            "options": {"pattern": ALT_TEXT_TO_AVOID},
        },
        {"id": "check-empty-meta-description"},
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "alt-text-quality": {
            "error_name": "Image alt text needs rewording",
            "help_text": (
                "Describe what the picture shows, e.g. 'Morning mist over the Blue Ridge', "
                "not a file name and not 'image of …'. Edit it under Images."
            ),
        },
        "image-alt": {
            "error_name": "Image without alt text",
            "help_text": "Give every image a description under Images, or mark it as decorative.",
        },
        "image-redundant-alt": {
            "error_name": "Alt text repeats the text beside it",
            "help_text": "Say what the picture adds instead of repeating the caption or link text.",
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_practice_content_checker(request, items, page):
    """Swap Wagtail's checker for the practice's: in the user bar, the preview and the editor's "Checks" panel.

    Wagtail adds its checker as an AccessibilityItem (a ContentCheckerItem) in each place.
    """
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PracticeContentChecker):
            items[index] = PracticeContentChecker(in_editor=item.in_editor)


# Messages sent through the contact page are health information. Wagtail lets anyone who may edit
# a form page read its submissions; here only administrators and holders of the
# `wagtailforms.view_formsubmission` permission (the Moderators, by a migration) may.
CONTACT_MESSAGES_PERMISSION = "wagtailforms.view_formsubmission"


@hooks.register("filter_form_submissions_for_user")
def only_message_readers_see_submissions(user, form_pages):
    if user.has_perm(CONTACT_MESSAGES_PERMISSION):
        return form_pages
    return form_pages.none()


# Two-factor sign-in (home/two_factor/) ---------------------------------------------------------


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", two_factor_views.manage, name="two_factor_manage"),
        path("two-factor/set-up/", two_factor_views.setup, name="two_factor_setup"),
        path("two-factor/code/", two_factor_views.verify, name="two_factor_verify"),
        path("two-factor/recovery-codes/", two_factor_views.recovery_codes, name="two_factor_recovery_codes"),
        path("two-factor/reset/<int:user_id>/", two_factor_views.reset, name="two_factor_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": "Two-factor sign-in",
        "help_text": "A code from your phone after your password: set it up, move it to a new phone, "
        "new recovery codes.",
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """Administrators reset a colleague's two-factor sign-in when their phone is lost."""
    if request_user.is_superuser:
        url = reverse("two_factor_reset", args=(user.pk,))
        yield Button("Reset two-factor sign-in", url, icon_name="key", priority=90)
