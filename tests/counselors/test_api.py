"""The counselors in API v2 and v3: the fields a consumer relies on, typed in the OpenAPI document."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_v2_gives_a_counselor_with_every_field(client, counselors):
    page = counselors["jordan"]
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == HTTPStatus.OK
    data = response.json()
    assert data["meta"]["type"] == "counselors.CounselorPage"
    assert data["person"] == {
        "id": page.person.pk,
        "name": "Jordan Reyes",
        "role": "Licensed clinical social worker",
        "credentials": "LCSW",
    }
    assert data["licence"] == {"type": page.licence_type, "number": page.licence_number, "state": "North Carolina"}
    assert [language["slug"] for language in data["languages"]] == ["english", "spanish"]
    assert data["insurance_plans"] == [
        {"id": page.plan_list[0].pk, "name": "Medicaid (NC Medicaid Managed Care)", "slug": "medicaid", "note": ""}
    ]
    assert data["populations"] == [{"value": "adults", "label": "Adults"}]
    assert data["topics"][0]["slug"] == "grief"
    assert (data["in_person"], data["telehealth"], data["accepting"]) == (True, True, "yes")
    assert data["sliding_scale"] is False and data["sliding_scale_places"] is None
    assert data["photo"] is None
    assert data["intro"] == page.intro


def test_a_hidden_licence_is_not_in_the_api(client, counselors):
    page = counselors["jordan"]
    page.show_licence = False
    page.save_revision().publish()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["licence"] == {"type": page.licence_type, "number": None, "state": None}
    assert page.licence_number not in client.get(f"/api/v3/pages/{page.pk}/").content.decode()


def test_v2_lists_counselors_with_their_fields_and_filters_by_status(client, counselors):
    response = client.get("/api/v2/pages/", {"type": "counselors.CounselorPage", "fields": "*", "accepting": "yes"})
    assert response.status_code == HTTPStatus.OK
    assert [item["title"] for item in response.json()["items"]] == ["Jordan Reyes"]
    telehealth = client.get("/api/v2/pages/", {"type": "counselors.CounselorPage", "telehealth": "1"})
    assert telehealth.status_code == HTTPStatus.OK, telehealth.json()
    assert [item["title"] for item in telehealth.json()["items"]] == ["Jordan Reyes", "Sam Lee"]
    bad = client.get("/api/v2/pages/", {"type": "counselors.CounselorPage", "accepting": "perhaps"})
    assert bad.status_code == HTTPStatus.BAD_REQUEST


def test_v3_gives_the_same_values_and_types_them(client, counselors):
    page = counselors["jordan"]
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == HTTPStatus.OK
    v3 = response.json()
    for name in ("person", "licence", "languages", "insurance_plans", "populations", "accepting", "telehealth"):
        assert v3[name] == v2[name], name
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    names = " ".join(schema)
    assert "LicenceData" in names and "InsurancePlanData" in names and "LanguageData" in names


def test_the_index_in_the_api(client, counselor_index):
    data = client.get(f"/api/v2/pages/{counselor_index.pk}/").json()
    assert data["meta"]["type"] == "counselors.CounselorIndexPage"
    assert data["intro"] == counselor_index.intro
