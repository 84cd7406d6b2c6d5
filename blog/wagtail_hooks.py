"""Admin: the story consents (Wagtail's generic model views, for Moderators and administrators), and
publishing a story without its consent refused with a message on each of the admin's ways to publish.

Approving a story in its review has no hook before it; blog/middleware.py answers that one.
"""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from blog.actions import StoryPagesAdminAPIViewSet, StoryPublishPageRevisionAction
from blog.choices import ArticleKind
from blog.forms import StoryConsentForm
from blog.models import ArticlePage, StoryConsent
from blog.models.consent import CONSENT_REQUIRED, SCHEDULE_CANCELLED_ACTION, has_consent

NOT_PUBLISHED = f"Saved as a draft, not published. {CONSENT_REQUIRED}"


class StoryConsentCreateView(CreateView):
    def get_initial(self):
        """The story from the link on its edit page (`?story=<id>`)."""
        initial = super().get_initial()
        story = self.request.GET.get("story", "")
        if story.isdigit():
            initial["story"] = int(story)
        return initial


class StoryConsentViewSet(ModelViewSet):
    """Consent records: listed, added, changed (withdrawn), never shown outside the admin.

    Model permissions decide who sees them (Moderators: blog/permissions.py); Editors do not.
    """

    model = StoryConsent
    add_view_class = StoryConsentCreateView
    icon = "doc-full"
    menu_label = "Story consents"
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["story", "agreed_on", "name_shown", "may_quote", "withdrawn_on", "recorded_by"]
    list_filter = ["name_shown", "may_quote"]
    search_fields = ["story__title"]
    edit_handler = ObjectList(
        [
            FieldPanel("story", widget=forms.Select),
            FieldPanel("given_by"),
            FieldPanel("agreed_on"),
            FieldPanel("name_shown"),
            FieldPanel("may_quote"),
            FieldPanel("how_given"),
            FieldPanel("withdrawn_on"),
        ],
        base_form_class=StoryConsentForm,
    )
    inspect_view_fields = [
        "story",
        "given_by",
        "agreed_on",
        "name_shown",
        "may_quote",
        "how_given",
        "withdrawn_on",
        "recorded_by",
        "recorded_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return StoryConsent.objects.select_related("story", "recorded_by")


story_consent_viewset = StoryConsentViewSet("story_consents")


@hooks.register("register_admin_viewset")
def register_story_consents():
    return story_consent_viewset


@hooks.register("register_actions")
def register_story_publish_action(registry):
    registry.register(Page, StoryPublishPageRevisionAction)


@hooks.register("construct_admin_api")
def admin_api_publish_refuses_stories_without_consent(router):
    router.register_endpoint("pages", StoryPagesAdminAPIViewSet)


@hooks.register("register_log_actions")
def story_log_actions(actions):
    actions.register_action(
        SCHEDULE_CANCELLED_ACTION, "Story's schedule cancelled", "Scheduled publication cancelled: no consent in force"
    )


@hooks.register("before_publish_page")
def refuse_story_without_consent(request, page):
    """Publish (and schedule) from the page's create and edit views: the draft is kept, with a message."""
    if getattr(page, "is_story", False) and not has_consent(page.pk):
        messages.error(request, NOT_PUBLISHED)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_stories_without_consent(request, action_type, objects, action):
    """The page explorer's bulk Publish, with or without the pages below: nothing is published while
    one of the stories it would publish has no consent."""
    if action_type != "publish" or not objects or not isinstance(objects[0], Page):
        return None
    pages = Q(pk__in=[page.pk for page in objects])
    if request.POST.get("include_descendants"):
        for page in objects:
            pages |= Q(path__startswith=page.path, depth__gt=page.depth)
    missing = (
        ArticlePage.objects.filter(pages, kind=ArticleKind.STORY)
        .exclude(pk__in=StoryConsent.objects.in_force().values("story_id"))
        .values_list("title", flat=True)
    )
    titles = list(missing[:5])
    if not titles:
        return None
    messages.error(request, f"Nothing was published: {', '.join(titles)} has no consent recorded. {CONSENT_REQUIRED}")
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_explore_root")
