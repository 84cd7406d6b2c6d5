"""Wagtail's publish action for pages, refusing a story without consent before it writes anything.

API v3's publish action (`/api/v3/pages/<id>/actions/publish/`) looks the action up in Wagtail's
action registry for `Page` (not the page's own model), so this is registered for `Page` and
acts on articles only. Without it the refusal came from `ArticlePage.save`, after Wagtail had
cleared the story's approved schedule; and a publication scheduled for later never reached
save() at all. The admin's own API (`/admin/api/main/pages/<id>/action/publish/`, the page
explorer's) uses Wagtail's action directly: its pages endpoint is replaced with one whose
publish action refuses first (blog/wagtail_hooks.py). `ArticlePage.publish` checks the other
ways in (blog/models/article.py).
"""

from rest_framework.exceptions import ValidationError
from wagtail.actions import PublishPageRevisionAction
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet

from blog.models import ArticlePage
from blog.models.consent import ConsentRequired, require_consent


class StoryPublishPageRevisionAction(PublishPageRevisionAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if isinstance(self.object, ArticlePage):
            require_consent(self.object)


class StoryPublishPageAPIAction(PublishPageAPIAction):
    """The admin API's publish: a story without consent is refused (400, the message) before any write."""

    def _action_from_data(self, instance, data):
        action = super()._action_from_data(instance, data)
        if isinstance(action.object, ArticlePage):
            try:
                require_consent(action.object)
            except ConsentRequired as error:
                raise ValidationError({"kind": error.messages}) from error
        return action


class StoryPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": StoryPublishPageAPIAction}
