"""API v3's types for StreamFields: each block as `{type, value, id}`, its value typed.

Wagtail types a StreamField in API v3 as a list of anything. Here each block of
a stream says what it gives the API through the return annotation of its
`get_api_representation` (home/blocks.py), so the OpenAPI document describes a
body block by block, as a list discriminated by `type`. The values are those
of API v2: the same `get_api_representation`.

Registered from `HomeConfig.ready()`, before Wagtail's API v3 builds its schemas:
home comes first in INSTALLED_APPS, before the Wagtail apps whose `ready()` does that.
"""

from typing import Annotated, Any, Literal, Union, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model
from wagtail.api.v3.schemas import read_generator
from wagtail.fields import StreamField

_item_types = {}


def _camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def block_value_type(block):
    """What the block's `get_api_representation` is annotated to return, or Any."""
    try:
        return get_type_hints(block.get_api_representation)["return"]
    except (KeyError, NameError, TypeError):
        return Any


def stream_item_type(stream_block):
    """One stream item, `{type, value, id}`, as a union of its blocks discriminated by `type`."""
    key = type(stream_block)
    if key not in _item_types:
        prefix = type(stream_block).__name__
        models = [
            create_model(
                f"{prefix}{_camel(name)}",
                __config__=ConfigDict(title=f"{prefix}{_camel(name)}"),
                type=(Literal[name], ...),
                value=(block_value_type(block), ...),
                id=(str | None, None),
            )
            for name, block in stream_block.child_blocks.items()
        ]
        if not models:
            _item_types[key] = BaseModel
        elif len(models) == 1:
            _item_types[key] = models[0]
        else:
            _item_types[key] = Annotated[Union[tuple(models)], Field(discriminator="type")]  # noqa: UP007
    return _item_types[key]


def typed_stream_field_schema(generator, field):
    """`read_generator`'s schema for a StreamField: typed items, resolved as in API v2."""
    field_name = field.name

    def resolve(obj, context: dict) -> Any:
        value = getattr(obj, field_name)
        return value.stream_block.get_api_representation(value, context)

    return list[stream_item_type(field.stream_block)], [], staticmethod(resolve)


def register():
    read_generator.register_field_schema(StreamField, typed_stream_field_schema)
