"""Small helpers shared by the site's apps."""


def tel_href(number):
    """A `tel:` link for a number as people write it: '(828) 555-0142' → 'tel:+18285550142'."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    if not digits:
        return ""
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if len(digits) == 11 else f"tel:{digits}"
