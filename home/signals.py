"""New standard pages are open to editors (home/roles.py says why per page).

They keep Wagtail's "Moderators approval" from the root page. Each area app opens its own
sections from its signals.py (community indexes from community/signals.py).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from home.models import StandardPage
from home.roles import editors_write_in


@receiver(post_save, sender=StandardPage)
def open_new_standard_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        editors_write_in(instance)
