"""The note on a story's edit page about its consent: recorded or not, and where to record it.

Everyone who edits the story reads whether consent is recorded (so an editor knows why a story
waits); only those who may see consent records (Moderators, administrators) read its details
and get the link to record or change it. The record itself is never part of the page's form,
so never in its revisions.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel

from blog.models.consent import StoryConsent


class StoryConsentPanel(Panel):
    """Shown on articles saved as a member's story."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "blog/admin/story_consent_panel.html"

        def is_shown(self):
            return getattr(self.instance, "is_story", False) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = getattr(self.request, "user", None)
            may_read = user is not None and user.has_perm("blog.view_storyconsent")
            consent = StoryConsent.objects.filter(story_id=self.instance.pk).first() if self.instance.pk else None
            context.update(
                consent=consent,
                story_saved=bool(self.instance.pk),
                may_read=may_read,
                may_record=user is not None and user.has_perm("blog.add_storyconsent"),
                may_change=user is not None and user.has_perm("blog.change_storyconsent"),
                add_url=reverse("story_consents:add") + (f"?story={self.instance.pk}" if self.instance.pk else ""),
                edit_url=reverse("story_consents:edit", args=[consent.pk]) if consent else "",
            )
            return context
