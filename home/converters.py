"""A path converter for the ids in the site's own URLs: at most 18 digits.

Django's `<int:…>` takes a number of any length, and a number larger than any id a database
keeps is a 500 on SQLite (it refuses even to compare with it). `<id:…>` leaves such a number
unmatched, so the URL is a plain 404 before any view or query runs. Registered once from
HomeConfig.ready(); the areas' URL patterns and admin URLs use it.
"""


class IdConverter:
    # 18 digits stay below 2**63, the largest id SQLite and PostgreSQL's bigint keep.
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
