"""A member's consent to publish their story: the record staff keep, and the rule that needs it.

A story (an article of the kind "Member's story") is published only while a consent record
is in force for it: who agreed (as they gave their name to staff), when, whether the name
readers see is theirs, whether we may quote it elsewhere, and who recorded it. The record is
not part of the page: not in its revisions (which every editor of the page can read and
compare), not in the API, search or feeds, and only Moderators (who publish) and
administrators see it in the admin. Readers see one public fact from it, `public_note`
("Names and some details have been changed …").

How publishing is refused without it, on every path (README, "Members' stories"):
`ArticlePage.publish` (every revision published: the admin's Publish, workflow approval,
scheduling, bulk actions, `publish_scheduled`) and `ArticlePage.save` (a story saved live by
code) call `require_consent`, and so does Wagtail's publish action before it writes (blog/actions.py, for
API v3); the admin turns the refusal into a message
(blog/wagtail_hooks.py, blog/middleware.py). Withdrawing consent unpublishes the story and
cancels a scheduled publication (blog/signals.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from blog.choices import NameShown

CONSENT_REQUIRED = (
    "A member's story is published only with their consent: a moderator records it under Story consents "
    "in the admin menu, then publishes the story."
)

# The story's history (its page log) when publish_scheduled cancels a story without consent in force.
SCHEDULE_CANCELLED_ACTION = "blog.story.schedule_cancelled"

# What readers see about the name, by NameShown: a fact, never who agreed.
PUBLIC_NOTES = {
    NameShown.REAL: "Shared with the writer's permission, under their own name.",
    NameShown.CHANGED: (
        "Shared with the writer's permission. Names and some details have been changed to protect privacy."
    ),
    NameShown.NONE: "Shared with the writer's permission, anonymously.",
}


class ConsentRequired(ValidationError):
    """Publishing a story without a consent record in force. `page_id`: the story."""

    def __init__(self, page_id=None):
        super().__init__(CONSENT_REQUIRED, code="consent_required")
        self.page_id = page_id


class StoryConsentQuerySet(models.QuerySet):
    def in_force(self):
        """Consent given and not withdrawn (withdrawn today or earlier)."""
        today = timezone.localdate()
        return self.filter(agreed_on__lte=today).exclude(withdrawn_on__lte=today)


class StoryConsent(models.Model):
    """A member's consent to publish their story on the site. Staff only: never public."""

    story = models.OneToOneField(
        "blog.ArticlePage",
        on_delete=models.CASCADE,
        related_name="consent",
        # Stories as their latest revision has them (an article turned into a story in a draft is one):
        # StoryConsentForm lists them, clean() checks; not limit_choices_to, which reads the live kind.
        help_text="The story this consent is for. Only articles of the kind “Member's story” are listed.",
    )
    given_by = models.CharField(
        "who agreed",
        max_length=200,
        help_text="The member's name as they gave it to us. Never shown on the site.",
    )
    agreed_on = models.DateField(
        "date they agreed",
        default=timezone.localdate,
        help_text="The day they agreed to this story being published, as written.",
    )
    name_shown = models.CharField(
        "name readers see",
        max_length=20,
        choices=NameShown.choices,
        help_text="Whether the name in the story is theirs. Readers are told when it has been changed.",
    )
    may_quote = models.BooleanField(
        "may be quoted elsewhere",
        default=False,
        help_text="Tick only if they agreed to us quoting the story elsewhere too (leaflets, talks, other pages).",
    )
    how_given = models.CharField(
        "how they agreed",
        max_length=300,
        blank=True,
        help_text="For example: “Signed consent form, kept in the office file”. No health details.",
    )
    withdrawn_on = models.DateField(
        "consent withdrawn on",
        null=True,
        blank=True,
        help_text="If they take their consent back, enter the date: the story is unpublished at once.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The staff member who recorded the consent.",
    )
    recorded_at = models.DateTimeField("recorded", auto_now_add=True)
    updated_at = models.DateTimeField("last changed", auto_now=True)

    objects = StoryConsentQuerySet.as_manager()

    # Private, like join requests: not in Wagtail's reference index ("usage" of a page).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "story consent"
        ordering = ["-agreed_on", "-pk"]

    def __str__(self):
        return f"Consent for “{self.story.title}”" if self.story_id else "Story consent"

    @property
    def in_force(self):
        today = timezone.localdate()
        return self.agreed_on <= today and not (self.withdrawn_on and self.withdrawn_on <= today)

    @property
    def public_note(self):
        """What readers are told about the name, and only that."""
        return PUBLIC_NOTES.get(self.name_shown, "")

    def clean(self):
        super().clean()
        if self.withdrawn_on and self.agreed_on and self.withdrawn_on < self.agreed_on:
            raise ValidationError({"withdrawn_on": "Consent cannot be withdrawn before it was given."})
        today = timezone.localdate()
        if self.agreed_on and self.agreed_on > today:
            raise ValidationError({"agreed_on": "Enter the day they agreed: it cannot be in the future."})
        if self.withdrawn_on and self.withdrawn_on > today:
            # A later date would leave the story live until then, unnoticed: it comes down when recorded.
            raise ValidationError(
                {"withdrawn_on": "Enter the day they withdrew it, today at the latest: the story comes down at once."}
            )
        # Only when it is recorded: a withdrawal is recorded whatever the page has become since.
        if self.pk is None and self.story_id and not self.story.get_latest_revision_as_object().is_story:
            raise ValidationError({"story": "Choose a member's story: this page is an article."})


def stories_as_drafted(pages):
    """The pages of `pages` (ArticlePages) that are stories in their latest revision, which is the kind
    the editor chose, live or not yet published (an article turned into a story in a draft is one)."""
    return pages.filter(
        models.Q(latest_revision__content__kind="story") | models.Q(latest_revision__isnull=True, kind="story")
    )


def has_consent(page_id):
    """Whether the story with this id has a consent record in force."""
    return page_id is not None and StoryConsent.objects.in_force().filter(story_id=page_id).exists()


def require_consent(page):
    """Raise `ConsentRequired` if `page` is a story without a consent record in force. An alias of a story
    (which Wagtail keeps live with its original) is covered by the original's record."""
    if page.is_story and not has_consent(page.alias_of_id or page.pk):
        raise ConsentRequired(page.pk)
