"""New community indexes and standard pages are open to editors (home/roles.py says why per page).

A community index also puts its pages through clinical review; standard pages keep Wagtail's
"Moderators approval" from the root page.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from home.models import CommunityIndexPage, StandardPage
from home.roles import clinically_reviewed_section, editors_write_in


@receiver(post_save, sender=CommunityIndexPage)
def open_new_community_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)


@receiver(post_save, sender=StandardPage)
def open_new_standard_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        editors_write_in(instance)
