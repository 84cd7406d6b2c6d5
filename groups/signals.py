"""A new group finder gives the group coordinators its groups to edit and publish."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from groups.models import SupportGroupIndexPage
from groups.permissions import grant_finder_permissions


@receiver(post_save, sender=SupportGroupIndexPage)
def give_coordinators_the_finder(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_finder_permissions(instance)
