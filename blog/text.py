"""The readable text of a StreamField, and how long it takes to read."""

import math
import re
from html import unescape

from django.utils.html import strip_tags
from wagtail import blocks

# A calm reading pace: slower than the often-quoted 238 words a minute, because
# these articles are often read on a phone, by someone who is having a hard day.
WORDS_PER_MINUTE = 200

# A word, with its apostrophes and hyphens: "don't", "well-being" and "don\u2019t" are one word each.
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


def stream_text(stream_value):
    """Every word a reader sees in a StreamField: headings, text, quotes, captions and buttons.

    Works from the block definitions, so a block added to the shared stream later is
    counted without changes here. Images, links' addresses and embeds carry no words.
    """
    parts = []
    for child in stream_value or ():
        _collect(child.block, child.value, parts)
    return " ".join(part for part in parts if part)


def _collect(block, value, parts):
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        parts.append(unescape(strip_tags(value.source)))
    elif isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
        # (Wagtail's ImageBlock is a StructBlock whose value is the image: no words there.)
        for name, child_block in block.child_blocks.items():
            _collect(child_block, value.get(name), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _collect(block.child_block, item, parts)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _collect(child.block, child.value, parts)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        parts.append(str(value))


def count_words(text):
    return len(_WORD.findall(text or ""))


def reading_minutes(*texts):
    """Whole minutes to read `texts` at WORDS_PER_MINUTE, never less than one."""
    words = sum(count_words(text) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
