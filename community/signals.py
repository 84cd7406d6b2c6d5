"""Receivers of the community app's signals.

- A new community index is open to editors and its pages go through clinical review (home/roles.py).
- A change to an area's crisis help shows on Get help now and on the community pages of that area
  and of every area inside it: the shared cache in front (home/frontend_cache.py) lets go of every
  page. Such changes are rare, and out-of-date crisis help must not wait for the cache to expire.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from community.models import CommunityIndexPage, CrisisResource
from home import frontend_cache
from home.roles import clinically_reviewed_section


@receiver(post_save, sender=CommunityIndexPage)
def open_new_community_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)


@receiver(post_save, sender=CrisisResource)
@receiver(post_delete, sender=CrisisResource)
def crisis_help_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        frontend_cache.everything_changed()
