"""The practice's details and the crisis block, edited under Settings in the admin."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site

from home.contact_details import us_phone_number
from home.content_version import remember
from home.utils import tel_href

SOCIAL_PLATFORMS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("other", "Other"),
]


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, help_text="Where the link goes.")
    url = blocks.URLBlock(label="Web address", help_text="The full address, starting with https://.")

    class Meta:
        icon = "link"
        label = "Social link"


# Local crisis help that an area app keeps (community: each area's crisis services), given beside
# the national lines in the API's crisis block. `home` imports no area: the app registers a
# provider from its AppConfig.ready(). A provider returns home.serializers.LocalCrisisService dicts.
_local_crisis_help = []


def provide_local_crisis_help(function):
    """Register `function()` → [service dict, …] for the crisis block of the site-settings API."""
    if function not in _local_crisis_help:
        _local_crisis_help.append(function)
    return function


PHONE_ERROR = (
    "Enter the office's 10-digit US phone number, e.g. (828) 555-0142, or leave it blank. "
    "Without it, meeting finders that read our Meeting Guide feed show online groups as inactive."
)


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Contact details, opening hours and the crisis block shown on every page.

    Every field has a sensible default, so the site renders before anyone edits it.
    """

    practice_name = models.CharField(
        max_length=120,
        default="Resilient Mind Counseling",
        help_text="The practice's name as it appears at the top of every page and in search results.",
    )
    tagline = models.CharField(
        max_length=160,
        blank=True,
        default="Counseling and support groups in Asheville and the Blue Ridge",
        help_text="A short line under the practice's name.",
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text="The office number, as visitors should dial it, e.g. (828) 555-0142."
    )
    email = models.EmailField(blank=True, help_text="The office's public email address.")
    street_address = models.CharField(
        max_length=160, blank=True, help_text="The office's street and number, e.g. '22 Laurel Ridge Road'."
    )
    locality = models.CharField(
        "town or city", max_length=80, blank=True, default="Asheville", help_text="For example Asheville."
    )
    region = models.CharField("state", max_length=40, blank=True, default="NC", help_text="Two letters, e.g. NC.")
    postal_code = models.CharField("ZIP code", max_length=12, blank=True, help_text="For example 28801.")
    hours = models.TextField(
        "office hours",
        blank=True,
        help_text="One line per day or range, e.g. 'Monday to Thursday, 9am to 7pm'.",
    )

    crisis_heading = models.CharField(
        max_length=80,
        default="Need help now?",
        help_text="The first words of the crisis bar at the top of every page.",
    )
    crisis_line_number = models.CharField(
        max_length=20,
        default="988",
        help_text="The Suicide & Crisis Lifeline: call or text. Change only if the national number changes.",
    )
    crisis_chat_url = models.URLField(
        default="https://988lifeline.org/chat/",
        help_text="Where visitors can chat with the crisis line online.",
    )
    emergency_number = models.CharField(
        max_length=10, default="911", help_text="Shown as: 'In immediate danger, call 911'."
    )
    mobile_crisis_name = models.CharField(
        "local mobile crisis line: name",
        max_length=120,
        blank=True,
        help_text="The county's mobile crisis team, who come to the person. Leave both empty to hide it.",
    )
    mobile_crisis_phone = models.CharField(
        "local mobile crisis line: phone",
        max_length=40,
        blank=True,
        help_text="As people should dial it, e.g. (888) 555-0199. Shown as a link that calls on a phone.",
    )
    get_help_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'Get help now' page the crisis bar links to.",
    )

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy page that forms link to.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the footer of every page.",
    )
    footer_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short note at the bottom of every page.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        use_json_field=True,
        help_text="The practice's pages on social media, shown as links in the footer. Optional.",
    )

    contact_panels = [
        FieldPanel("practice_name"),
        FieldPanel("tagline"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Phone and email"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("locality"), FieldPanel("region"), FieldPanel("postal_code")],
            heading="Address",
        ),
        FieldPanel("hours"),
    ]
    crisis_panels = [
        FieldPanel("crisis_heading"),
        MultiFieldPanel(
            [FieldPanel("crisis_line_number"), FieldPanel("crisis_chat_url"), FieldPanel("emergency_number")],
            heading="National lines",
        ),
        MultiFieldPanel(
            [FieldPanel("mobile_crisis_name"), FieldPanel("mobile_crisis_phone")],
            heading="Local mobile crisis line",
        ),
        PageChooserPanel("get_help_page"),
    ]
    footer_panels = [
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
        FieldPanel("footer_text"),
        FieldPanel("social_links"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(contact_panels, heading="Contact details"),
            ObjectList(crisis_panels, heading="Crisis help"),
            ObjectList(footer_panels, heading="Footer"),
        ]
    )

    # What the crisis bar and the footer link to, fetched with the settings.
    select_related = ["get_help_page", "privacy_page", "accessibility_page"]

    class Meta:
        verbose_name = "practice details"

    @classmethod
    def load(cls, request_or_site=None):
        """The settings for a page being served: from the cache until any content changes.

        Every page shows them (the crisis bar, the header, the footer), so a request asks the
        database for them only after a change (home/content_version.py). Elsewhere (the admin,
        a site given) as Wagtail loads them.
        """
        if request_or_site is None or isinstance(request_or_site, Site):
            return super().load(request_or_site)
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request_or_site, attr_name):
            setattr(request_or_site, attr_name, remember("site-settings", cls._load_for_cache))
        return getattr(request_or_site, attr_name)

    @classmethod
    def _load_for_cache(cls):
        settings = cls._get_or_create()
        # Worked out before it is kept, so a cached copy answers without a query.
        settings.help_page_gives_local_line  # noqa: B018 (reads live_help_page too)
        return settings

    def __str__(self):
        return self.practice_name

    def clean(self):
        """The office number is ten digits or blank: apps reading the Meeting Guide feed (TSML UI) show an
        online group as active only with a conference phone of ten digits or more, and the feed gives
        this number (groups/meeting_guide.py). Kept as typed: staff choose how visitors read it."""
        super().clean()
        try:
            us_phone_number(self.phone)
        except ValidationError as error:
            raise ValidationError({"phone": PHONE_ERROR}) from error

    @property
    def address_lines(self):
        town = ", ".join(part for part in (self.locality, f"{self.region} {self.postal_code}".strip()) if part)
        return [line for line in (self.street_address, town) if line]

    def get_json_ld(self, url):
        """The practice as schema.org structured data; also an article's publisher."""
        data = {
            "@context": "https://schema.org",
            # A clinic (a MedicalBusiness and a MedicalOrganization): schema.org's medicalSpecialty
            # belongs to the latter, not to MedicalBusiness alone.
            "@type": "MedicalClinic",
            "name": self.practice_name,
            "url": url,
            # A member of schema.org's MedicalSpecialty enumeration, so named by its address: the
            # word alone would be plain text, which the property does not take.
            "medicalSpecialty": "https://schema.org/Psychiatric",
        }
        if self.tagline:
            data["description"] = self.tagline
        address = {
            "streetAddress": self.street_address,
            "addressLocality": self.locality,
            "addressRegion": self.region,
            "postalCode": self.postal_code,
        }
        # What is not known yet is left out, never given as "" (as a community resource's address).
        address = {key: value for key, value in address.items() if value}
        if address:
            data["address"] = {"@type": "PostalAddress", **address, "addressCountry": "US"}
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        return data

    def get_api_representation(self, request=None):
        """What another app needs to show a page responsibly: contact details and crisis help."""

        def url(page):
            return page.get_full_url(request) if page else None

        return {
            "practice_name": self.practice_name,
            "tagline": self.tagline,
            "phone": self.phone,
            "email": self.email,
            "address": {
                "street_address": self.street_address,
                "locality": self.locality,
                "region": self.region,
                "postal_code": self.postal_code,
            },
            "hours": self.hours,
            "privacy_url": url(self.privacy_page),
            "accessibility_url": url(self.accessibility_page),
            "social_links": [
                {"platform": link.value["platform"], "url": link.value["url"]} for link in self.social_links
            ],
            "crisis": {
                "heading": self.crisis_heading,
                "call_or_text": self.crisis_line_number,
                "chat_url": self.crisis_chat_url,
                "emergency_number": self.emergency_number,
                "mobile_crisis_name": self.mobile_crisis_name,
                "mobile_crisis_phone": self.mobile_crisis_phone,
                "get_help_url": url(self.get_help_page),
                "local": [service for provide in _local_crisis_help for service in provide()],
            },
        }

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def mobile_crisis_href(self):
        return tel_href(self.mobile_crisis_phone)

    @cached_property
    def live_help_page(self):
        """The 'Get help now' page if visitors can open it, else None (no link to a 404)."""
        page = self.get_help_page
        return page if page is not None and page.live else None

    @cached_property
    def help_page_gives_local_line(self):
        """Whether "More ways to get help" leads to the local crisis line: a standard page shows it first
        (templates/home/standard_page.html). When not, a phone's crisis bar keeps the line itself."""
        from .pages import StandardPage

        page = self.live_help_page
        return page is not None and page.content_type_id == ContentType.objects.get_for_model(StandardPage).pk
