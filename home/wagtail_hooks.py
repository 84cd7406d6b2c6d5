"""Admin: the shared snippets, the dashboard's panels and the practice's accessibility checker."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import dashboard
from home.models import Person, Topic


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
