"""Blocks only the counselors' pages use: a first step on a service page, a sliding-scale band in the fees.

Each declares what it gives the API with a typed return, so API v3 describes it (home/api/stream_types.py).
"""

from django.core.exceptions import ValidationError
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class StepData(TypedDict):
    heading: str
    text: str


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="The step in a few words, e.g. 'Call or write to us'.")
    text = blocks.TextBlock(max_length=500, help_text="What happens, in one or two plain sentences.")

    class Meta:
        icon = "list-ol"
        label = "Step"
        template = "counselors/blocks/step_block.html"
        preview_value = {"heading": "Call or write to us", "text": "We reply within one working day."}

    def get_api_representation(self, value, context=None) -> StepData:
        return {"heading": value["heading"], "text": value["text"]}


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()


class BandData(TypedDict):
    income_from: int
    income_to: int | None
    fee: int


class SlidingScaleBandBlock(blocks.StructBlock):
    """A yearly household income range and the session fee for it."""

    income_from = blocks.IntegerBlock(min_value=0, help_text="Yearly household income from, in dollars, e.g. 0.")
    income_to = blocks.IntegerBlock(
        min_value=0, required=False, help_text="Up to, in dollars, e.g. 25000. Leave empty for 'and above'."
    )
    fee = blocks.IntegerBlock(min_value=0, help_text="The fee for one session in this band, in dollars.")

    class Meta:
        icon = "form"
        label = "Income band"

    def clean(self, value):
        value = super().clean(value)
        if value.get("income_to") is not None and value["income_to"] <= value["income_from"]:
            message = "The top of the range must be more than its bottom."
            raise StructBlockValidationError(block_errors={"income_to": ValidationError(message)})
        return value

    def get_api_representation(self, value, context=None) -> BandData:
        return {"income_from": value["income_from"], "income_to": value.get("income_to"), "fee": value["fee"]}
