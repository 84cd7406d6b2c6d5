"""Wagtail's publish action for pages, refusing a story without consent before it writes anything.

API v3's publish action (`/api/v3/pages/<id>/actions/publish/`) looks the action up in Wagtail's
action registry for `Page` (not the page's own model), so this is registered for `Page` and
acts on articles only. Without it the refusal came from `ArticlePage.save`, after Wagtail had
cleared the story's approved schedule; and a publication scheduled for later never reached
save() at all. `ArticlePage.publish` checks the other ways in (blog/models/article.py).
"""

from wagtail.actions import PublishPageRevisionAction

from blog.models import ArticlePage
from blog.models.consent import require_consent


class StoryPublishPageRevisionAction(PublishPageRevisionAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if isinstance(self.object, ArticlePage):
            require_consent(self.object)
