"""Editors keep content right; only administrators manage staff and delete what is live."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from resources.models import Resource
from resources.roles import ADMINISTRATORS, EDITORS, ensure_roles

from .conftest import soup


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/"]
)
def test_editor_cannot_reach_user_management(client, make_staff, url):
    client.force_login(make_staff("editor"))
    assert client.get(url).status_code == 403
    assert "auth" not in client.get("/admin/").context["app_list"].__repr__()


@pytest.mark.django_db
def test_administrator_manages_users(client, make_staff):
    client.force_login(make_staff("boss", group=ADMINISTRATORS))
    assert client.get("/admin/auth/user/").status_code == 200
    assert client.get("/admin/auth/user/add/").status_code == 200


@pytest.mark.django_db
def test_editor_can_edit_content_and_handle_feedback(client, make_staff):
    client.force_login(make_staff("editor"))
    for url in [
        "/admin/resources/resource/add/",
        "/admin/resources/page/",
        "/admin/resources/advice/add/",
        "/admin/resources/feedback/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_editor_cannot_delete_a_published_resource_but_can_delete_a_draft(client, make_staff):
    client.force_login(make_staff("editor"))
    published = Resource.objects.get(slug="kindertelefoon")
    draft = Resource.objects.get(slug="meldknop")
    published_url = reverse("admin:resources_resource_delete", args=[published.pk])
    assert client.get(published_url).status_code == 403
    assert client.post(published_url, {"post": "yes"}).status_code == 403
    assert Resource.objects.filter(pk=published.pk).exists()

    draft_url = reverse("admin:resources_resource_delete", args=[draft.pk])
    assert client.post(draft_url, {"post": "yes"}).status_code == 302
    assert not Resource.objects.filter(pk=draft.pk).exists()


@pytest.mark.django_db
def test_editor_has_no_bulk_delete_that_could_hit_published_resources(client, make_staff):
    client.force_login(make_staff("editor"))
    page = soup(client.get("/admin/resources/resource/"))
    actions = [option["value"] for option in page.select("select[name=action] option")]
    assert "delete_selected" not in actions
    assert "mark_checked_today" in actions
    published = Resource.objects.get(slug="kindertelefoon")
    response = client.post(
        "/admin/resources/resource/",
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert Resource.objects.filter(pk=published.pk).exists()


@pytest.mark.django_db
def test_administrator_can_delete_a_published_resource(client, make_staff):
    client.force_login(make_staff("boss", group=ADMINISTRATORS))
    resource = Resource.objects.get(slug="offlimits")
    url = reverse("admin:resources_resource_delete", args=[resource.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Resource.objects.filter(pk=resource.pk).exists()


@pytest.mark.django_db
def test_roles_exist_after_migrate_and_setting_them_up_again_changes_nothing():
    before = {
        group.name: set(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS])
    }
    assert "change_resource" in before[EDITORS]
    assert "delete_published_resource" not in before[EDITORS]
    assert "change_user" not in before[EDITORS]
    assert {"change_user", "delete_published_resource"} <= before[ADMINISTRATORS]
    ensure_roles()
    ensure_roles()
    after = {
        group.name: set(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS])
    }
    assert after == before
    assert Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS]).count() == 2
