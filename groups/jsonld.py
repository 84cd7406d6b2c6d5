"""A group as schema.org structured data: an Event with its recurring schedule.

No online meeting link: an online group's location is the group's own page.
"""

import datetime

from groups import schedule
from groups.choices import Frequency, GroupStatus
from home.jsonld import ATTENDANCE_MODES, location_json_ld, site_root_url
from home.models import SiteSettings

REPEAT_FREQUENCY = {Frequency.WEEKLY: "P1W", Frequency.FORTNIGHTLY: "P2W", Frequency.MONTHLY: "P1M"}


def schedule_json_ld(rule, cancelled_dates=()):
    data = {
        "@type": "Schedule",
        "repeatFrequency": REPEAT_FREQUENCY[rule.frequency],
        "byDay": schedule.schema_by_day(rule),
        "startTime": rule.start_time.strftime("%H:%M:%S"),
        "endTime": rule.end_time.strftime("%H:%M:%S"),
        "startDate": rule.first_date.isoformat(),
        "scheduleTimezone": schedule.TIMEZONE_NAME,
    }
    if rule.frequency == Frequency.MONTHLY:
        if rule.week_of_month > 0:
            data["byMonthWeek"] = rule.week_of_month
        else:
            # schema.org counts weeks from the start of the month only (1 to 5): "the last Friday"
            # has no number, so the schedule says it in words.
            data["description"] = rule.describe()
    if rule.last_date:
        data["endDate"] = rule.last_date.isoformat()
    # Cancelled meetings, as the moments they would have started.
    excepted = [
        schedule.make_aware(datetime.datetime.combine(day, rule.start_time)).isoformat()
        for day in sorted(cancelled_dates)
        if schedule.meets_on(rule, day)
    ]
    if excepted:
        data["exceptDate"] = excepted
    return data


def group_json_ld(group, request=None):
    url = group.get_full_url(request)
    practice = SiteSettings.load(request_or_site=request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": group.title,
        "description": group.summary,
        "url": url,
        "eventAttendanceMode": ATTENDANCE_MODES[group.meeting_format],
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": group.is_free,
        "eventSchedule": [schedule_json_ld(rule, group.cancelled_dates) for rule in group.active_rules],
        "location": location_json_ld(group, url),
        "organizer": {"@type": "Organization", "name": practice.practice_name, "url": site_root_url(group, request)},
        "inLanguage": "en-US",
    }
    if group.last_verified:
        # "Details last checked on …": an Event has no such date, the page about it does (WebPage.lastReviewed).
        data["subjectOf"] = {"@type": "WebPage", "url": url, "lastReviewed": group.last_verified.isoformat()}
    meeting = group.next_meeting
    if group.status == GroupStatus.PAUSED:
        # Postponed with no new date: schema.org keeps the date it would have met in startDate.
        data["eventStatus"] = "https://schema.org/EventPostponed"
        scheduled = schedule.upcoming_meetings(group.active_rules, group.cancelled_dates, count=1)
        meeting = scheduled[0] if scheduled else None
    if meeting is None:
        # Its schedule has ended: an Event that "has taken place" on its last meeting, since Google
        # reads no Event without a startDate.
        meeting = schedule.last_meeting(group.active_rules, group.cancelled_dates)
    if meeting:
        data["startDate"] = meeting.start.isoformat()
        data["endDate"] = meeting.end.isoformat()
    if group.is_free:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "USD", "url": url}
    else:
        # A sliding scale or a fee, as the group page words it (an amount is free text there).
        data["offers"] = {"@type": "Offer", "priceCurrency": "USD", "description": group.cost_text, "url": url}
    image = group.get_social_image()
    if image is not None:
        data["image"] = [image.get_rendition("fill-1200x630").full_url]
    people = [f.person for f in group.facilitators.all()]
    if people:
        data["performer"] = [{"@type": "Person", "name": person.display_name} for person in people]
    audience = group.get_audience_display()
    data["audience"] = {"@type": "Audience", "audienceType": audience}
    return data
