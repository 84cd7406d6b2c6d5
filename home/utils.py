"""Small helpers shared by the site's apps."""

import datetime


def tel_href(number):
    """A `tel:` link for a number as people write it: '(828) 555-0142' → 'tel:+18285550142'."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    if not digits:
        return ""
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if len(digits) == 11 else f"tel:{digits}"


def add_working_days(start, days):
    """The date `days` working days (Monday to Friday) after `start`: when staff reply to a request by."""
    current = start
    while days:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
