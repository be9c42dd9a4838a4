"""/api/hsds/: the open-data API (resources/api.py). Other services keep these addresses:
add new ones, never change existing ones."""

from django.urls import path

from . import api

app_name = "hsds"

urlpatterns = [
    path("", api.root, name="root"),
    path("services", api.services, name="services"),
    path("services/<str:id>", api.service, name="service"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<str:id>", api.organization, name="organization"),
    path("service_at_locations", api.service_at_locations, name="service_at_locations"),
    path("service_at_locations/<str:id>", api.service_at_location, name="service_at_location"),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomies/<str:id>", api.taxonomy, name="taxonomy"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", api.taxonomy_term, name="taxonomy_term"),
    path("dataset.json", api.dataset_json, name="dataset"),
    path("dataset.zip", api.dataset_tables, name="dataset_tables"),
    path("openapi.json", api.openapi, name="openapi"),
    path("<path:rest>", api.unknown_address),
]
