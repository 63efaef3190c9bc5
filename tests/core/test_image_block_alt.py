"""An image in a page body needs alternative text, unless the editor marks it decorative."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model

from nnirr_site.core.blocks import ImageWithCaptionBlock

pytestmark = pytest.mark.django_db


def value(**fields):
    block = ImageWithCaptionBlock()
    data = {"image": get_image_model().objects.first().pk, "alt_text": "", "decorative": False, "caption": "",
            "credit": ""}
    data.update(fields)
    return block, block.to_python(data)


def test_an_image_without_alternative_text_is_refused():
    block, data = value()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(data)
    assert "alt_text" in refused.value.block_errors


@pytest.mark.parametrize("fields", [{"alt_text": "Marchers at the Tucson vigil"}, {"decorative": True}])
def test_alternative_text_or_decorative_is_accepted(fields):
    block, data = value(**fields)
    assert block.clean(data)["image"].pk == data["image"].pk


def test_a_decorative_image_renders_with_empty_alt():
    block, data = value(decorative=True)
    html = block.render(block.clean(data))
    assert 'alt=""' in html
