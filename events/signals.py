"""A new events index is open to editors (reviewed by moderators) and to group coordinators (events/permissions.py)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from events.models import EventIndexPage
from events.permissions import grant_events_index_permissions


@receiver(post_save, sender=EventIndexPage)
def open_new_events_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_events_index_permissions(instance)
