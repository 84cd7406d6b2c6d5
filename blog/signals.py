"""A new articles index is open to editors and its articles go through clinical review (home/roles.py)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from blog.models import ArticleIndexPage
from home.roles import clinically_reviewed_section


@receiver(post_save, sender=ArticleIndexPage)
def open_new_index_to_editors(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)
