"""Choices of the articles' models, in one place as in the other apps."""

from django.db import models


class ArticleKind(models.TextChoices):
    """What an article is: the practice's own writing, or a member's story of getting through a hard time."""

    ARTICLE = "article", "Article"
    STORY = "story", "Member's story"


class ContentNote(models.TextChoices):
    """What a reader may want to know before reading: shown above the text, in this order.

    Lowercased, the label completes "This story mentions …" (or "This article mentions …").
    """

    SUICIDE = "suicide", "Suicide"
    SELF_HARM = "self-harm", "Self-harm"
    ABUSE = "abuse", "Abuse"
    SEXUAL_VIOLENCE = "sexual-violence", "Sexual violence"
    EATING_DISORDERS = "eating-disorders", "Eating disorders"
    SUBSTANCE_USE = "substance-use", "Alcohol or drug use"
    DEATH = "death", "The death of someone close"


class NameShown(models.TextChoices):
    """Whether the name a story is told under is the member's own. Readers see the last two in words."""

    REAL = "real", "Their real name, with their permission"
    CHANGED = "changed", "A changed name, to protect their privacy"
    NONE = "none", "No name: shared anonymously"
