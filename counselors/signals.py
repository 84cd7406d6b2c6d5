"""A new counselor or services index is open to editors and its pages go through clinical review (home/roles.py).

A change to the fees setting (or its insurance plans) reindexes the "Fees and insurance" page, whose
search text includes the fees' words (counselors/services.py). So does a plan renamed or deleted; the
fees are shown on the service pages and the fees page, which then leave the cache in front too (home's
purge follows a snippet to the pages that choose it, not to a setting that does).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.search.tasks import insert_or_update_object_task

from counselors.fees import FeeSettings
from counselors.models import CounselorIndexPage, InsurancePlan
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


@receiver(post_save, sender=InsurancePlan)
@receiver(post_delete, sender=InsurancePlan)
def plan_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from counselors.frontend_cache import fees_paths
    from home.frontend_cache import paths_changed

    # After the delete's own cascade: the setting's row for the plan is gone by then.
    transaction.on_commit(reindex_fees_pages)
    paths_changed(fees_paths())
