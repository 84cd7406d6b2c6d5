"""A new counselor index is open to editors and its pages go through clinical review (home/roles.py)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from counselors.models import CounselorIndexPage
from home.roles import clinically_reviewed_section


@receiver(post_save, sender=CounselorIndexPage)
def open_new_counselor_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)
