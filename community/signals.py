"""A new community index is open to editors and its pages go through clinical review (home/roles.py)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from community.models import CommunityIndexPage
from home.roles import clinically_reviewed_section


@receiver(post_save, sender=CommunityIndexPage)
def open_new_community_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)
