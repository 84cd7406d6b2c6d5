"""A new counselor or services index is open to editors and its pages go through clinical review (home/roles.py).

A change to the fees setting (or its insurance plans) reindexes the "Fees and insurance" page, whose
search text includes the fees' words (counselors/services.py).
"""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.search.tasks import insert_or_update_object_task

from counselors.fees import FeeSettings
from counselors.models import CounselorIndexPage
from counselors.services import FeesPage, ServiceIndexPage
from home.roles import clinically_reviewed_section


@receiver(post_save, sender=CounselorIndexPage)
@receiver(post_save, sender=ServiceIndexPage)
def open_new_clinically_reviewed_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        clinically_reviewed_section(instance)


def reindex_fees_pages(**kwargs):
    for pk in FeesPage.objects.values_list("pk", flat=True):
        insert_or_update_object_task.enqueue("counselors", "feespage", str(pk))


@receiver(post_save, sender=FeeSettings)
def fees_changed(sender, raw=False, **kwargs):
    if not raw:
        reindex_fees_pages()


@receiver(m2m_changed, sender=FeeSettings.insurance_plans.through)
def fee_plans_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        reindex_fees_pages()
