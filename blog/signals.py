"""Receivers of the articles app.

- A new articles index is open to editors and its articles go through clinical review (home/roles.py).
- A story whose consent is withdrawn or deleted is unpublished at once, and a publication
  scheduled for it is cancelled (blog/models/consent.py); any other change to the consent purges
  the story from the front cache, since the note under it comes from the record.
"""

import logging

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Revision

from blog.models import ArticleIndexPage, ArticlePage, StoryConsent
from home.frontend_cache import page_changed
from home.roles import clinically_reviewed_section

logger = logging.getLogger(__name__)


@receiver(post_save, sender=ArticleIndexPage)
def open_new_index_to_editors(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)


def take_down_story(story_id):
    """Unpublish the story and cancel any scheduled publication: its consent is no longer in force."""
    story = ArticlePage.objects.filter(pk=story_id).first()
    if story is None:
        return
    Revision.page_revisions.filter(object_id=str(story.pk), approved_go_live_at__isnull=False).update(
        approved_go_live_at=None
    )
    if story.live:
        story.unpublish()
        logger.info("Story %s unpublished: its consent was withdrawn", story.pk)


@receiver(post_save, sender=StoryConsent)
def take_down_when_withdrawn(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if not instance.in_force:
        take_down_story(instance.story_id)
    else:
        # The note under a live story ("Names … changed") comes from the record: purge the story's pages.
        page_changed(instance.story)


@receiver(post_delete, sender=StoryConsent)
def take_down_when_deleted(sender, instance, origin=None, **kwargs):
    # Not when the story itself is being deleted (the record goes with it).
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if origin is None or issubclass(origin_model, StoryConsent):
        take_down_story(instance.story_id)
