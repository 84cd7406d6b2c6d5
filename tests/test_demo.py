"""The demo content loads, and loading it again changes nothing."""

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.demo.images import CREDIT, draw
from home.demo.scenes import SCENES
from home.models import HomePage, Person, SiteImage, SiteSettings, StandardPage, Topic

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "live")),
        "revisions": Revision.objects.count(),
        "images": SiteImage.objects.count(),
        "people": Person.objects.count(),
        "topics": Topic.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


def test_demo_content_builds_the_site_and_is_idempotent(demo_site):
    """`demo_site` is what the command built on the migrations' data; a second run changes nothing."""
    first = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == first

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.hero_image is not None
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"about", "get-help-now", "privacy", "accessibility"} <= slugs
    practice = SiteSettings.load()
    assert practice.get_help_page.slug == "get-help-now"
    assert practice.privacy_page.slug == "privacy"
    assert practice.accessibility_page.slug == "accessibility"
    assert Topic.objects.filter(slug__in=["anxiety", "depression", "grief"]).count() == 3
    assert all("Demo profile" in bio for bio in Person.objects.values_list("short_bio", flat=True))


def test_staff_edits_survive_loading_the_demo_again(demo_site):
    practice = SiteSettings.load()
    practice.phone = "(828) 555-0100"
    practice.save()
    about = StandardPage.objects.get(slug="about")
    about.title = "Who we are"
    about.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    assert SiteSettings.load().phone == "(828) 555-0100"
    assert StandardPage.objects.get(slug="about").title == "Who we are"


def test_the_accessibility_statement_is_in_every_footer_and_says_how_to_report_a_barrier(demo_site, client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/accessibility/">Accessibility</a>' in footer
    statement = client.get("/accessibility/").content.decode()
    assert "WCAG" in statement and "2.2 at level AA" in statement
    assert "axe-core" in statement and "What we know falls short" in statement
    assert 'href="/contact/"' in statement and "Tell us about a barrier" in statement


def test_a_demo_loaded_before_the_statement_links_it_and_keeps_staff_choices(demo_site):
    practice = SiteSettings.load()
    practice.accessibility_page = None
    practice.save()
    call_command("load_demo_content", verbosity=0)
    assert SiteSettings.load().accessibility_page.slug == "accessibility"


def test_ensure_admin_creates_one_account_with_a_random_password(capsys):
    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out

    admin = get_user_model().objects.get(username="admin")
    password = first.split("password: ")[1].split()[0]
    assert admin.is_superuser and admin.check_password(password)
    assert len(password) >= 16
    assert "already exists" in second
    assert get_user_model().objects.count() == 1


def test_ensure_admin_passwords_differ_between_installs(capsys):
    call_command("ensure_admin")
    first = capsys.readouterr().out.split("password: ")[1].split()[0]
    get_user_model().objects.all().delete()
    call_command("ensure_admin")
    second = capsys.readouterr().out.split("password: ")[1].split()[0]
    assert first != second


def test_demo_menu_puts_finding_a_group_first_and_respects_staff_order(demo_site):
    home = Site.objects.get(is_default_site=True).root_page
    in_menu = list(home.get_children().live().in_menu().values_list("slug", flat=True))
    assert in_menu[:5] == ["support-groups", "counseling-services", "our-counselors", "articles", "asheville-community"]

    about = home.get_children().get(slug="about")
    about.move(home, pos="first-child")
    call_command("load_demo_content", verbosity=0)
    assert home.get_children().live().in_menu().values_list("slug", flat=True)[0] == "about"


def test_demo_sections_are_open_to_their_roles_and_reviewed(demo_site):
    """The demo makes its indexes after the migrations: signals give them roles and workflows."""
    from django.contrib.auth.models import Group

    from blog.models import ArticleIndexPage
    from community.models import CommunityIndexPage
    from events.models import EventIndexPage
    from groups.models import SupportGroupIndexPage
    from home import roles

    def codenames(role, page):
        return set(
            Group.objects.get(name=role)
            .page_permissions.filter(page=page)
            .values_list("permission__codename", flat=True)
        )

    articles, community = ArticleIndexPage.objects.get(), CommunityIndexPage.objects.get()
    for index in (articles, community):
        assert codenames(roles.EDITORS, index) == {"add_page", "change_page"}
        assert index.get_workflow().name == roles.CLINICAL_REVIEW
    for page in StandardPage.objects.all():
        assert codenames(roles.EDITORS, page) == {"add_page", "change_page"}
        assert page.get_workflow().name == roles.MODERATORS_APPROVAL
    finder = SupportGroupIndexPage.objects.get()
    assert codenames(roles.COORDINATORS, finder) == {"add_page", "change_page", "publish_page"}
    assert codenames(roles.EDITORS, finder) == set()
    # What's on: editors draft (Moderators approval publishes), coordinators publish (events/permissions.py).
    events = EventIndexPage.objects.get()
    assert codenames(roles.EDITORS, events) == {"add_page", "change_page"}
    assert codenames(roles.COORDINATORS, events) == {"add_page", "change_page", "publish_page"}
    assert events.get_workflow().name == roles.MODERATORS_APPROVAL


def _main_pictures():
    """Each demo page's own picture: what it shows at the top, or what it is shared with."""
    from blog.models import ArticlePage
    from community.models import CommunityPage
    from groups.models import SupportGroupIndexPage, SupportGroupPage

    pictures = {"home": HomePage.objects.get().hero_image, "finder": SupportGroupIndexPage.objects.get().social_image}
    pictures |= {page.slug: page.hero_image for page in ArticlePage.objects.select_related("hero_image")}
    for model in (CommunityPage, SupportGroupPage):
        pictures |= {page.slug: page.image for page in model.objects.select_related("image")}
    return pictures


def _digest(image):
    with image.open_file() as file:
        return hashlib.sha256(file.read()).hexdigest()


def test_every_demo_page_has_a_picture_of_its_own(demo_site):
    pictures = _main_pictures()
    assert len(pictures) >= 25
    missing = [slug for slug, image in pictures.items() if image is None]
    assert missing == []
    digests = {slug: _digest(image) for slug, image in pictures.items()}
    assert len(set(digests.values())) == len(digests), "two pages share one picture"
    assert len({image.description for image in pictures.values()}) == len(pictures)


def test_demo_pictures_are_small_described_and_marked_as_demo(demo_site):
    pictures = SiteImage.objects.filter(credit=CREDIT)
    assert pictures.count() >= 30
    for image in pictures:
        assert image.file.size < 64 * 1024, image.title
        assert (image.width, image.height) == (1600, 1000)
        assert len(image.description) > len(image.title) >= 5
    assert "demo" in CREDIT


def test_each_scene_is_its_own_picture_and_the_same_title_draws_the_same_one():
    drawn = {name: hashlib.sha256(draw(name, seed="A title")).hexdigest() for name in SCENES}
    assert len(set(drawn.values())) == len(SCENES)
    assert draw("candle", seed="A title") == draw("candle", seed="A title")
    assert draw("candle", seed="A title") != draw("candle", seed="Another title")


def test_demo_pictures_show_with_their_alt_text_and_as_social_cards(demo_site, client):
    home = client.get("/")
    hero = HomePage.objects.get().hero_image
    assert f'alt="{hero.description}"' in home.text
    finder = client.get("/support-groups/")
    assert '<meta property="og:image" content="http' in finder.text
    assert '<meta property="og:image:alt" content="A circle of chairs' in finder.text
