"""The admin for municipal staff: both languages side by side, no lost edits, history
with revert, facts that stay fresh, feedback from the public, CSV import and export."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import admin_preview, saving
from .admin_channels import ContactChannelInline, channel_line
from .choices import Status
from .importexport import ResourceCSV
from .languages import column, columns
from .models import (
    Advice,
    Audience,
    BullyingType,
    Feedback,
    Organization,
    Page,
    Resource,
)
from .revert import channels_as_of, restores_channels, revert


class VersionedForm(forms.ModelForm):
    """Refuses to save over a change that someone else saved after this form was opened."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # From the database, not the instance: a revert form shows an old version.
            self.fields["expected_version"].initial = saving.current_version(
                self.instance, lock=False
            )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            try:  # the row stays locked until the save commits
                saving.check_version(self.instance, cleaned.get("expected_version"))
            except saving.Conflict:
                raise ValidationError(conflict_message(self.instance), code="conflict") from None
        return cleaned


def conflict_message(instance):
    history = reverse(
        f"admin:{instance._meta.app_label}_{instance._meta.model_name}_history",
        args=[instance.pk],
    )
    return format_html(
        "{} <a href='{}' target='_blank'>{}</a>",
        gettext(
            "Someone else saved this while you were editing it, so your changes have not "
            "been saved. Your text is still in the form below. Look at their change, then "
            "reload this page and make your changes again."
        ),
        history,
        gettext("See their change in the history (opens in a new tab)"),
    )


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Dutch and English tabs, the version check, one history record per save, revert."""

    form = VersionedForm
    history_list_display = ["revert_link"]
    # Names the language switch the tabs add, for assistive technology.
    change_form_template = "admin/translated_change_form.html"
    formfield_overrides = {
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
        models.URLField: {"assume_scheme": "https"},
    }

    class Media:
        # Tabs without nested controls: after jQuery UI, before the tabs are built.
        js = [
            settings.JQUERY_UI_URL,
            "js/admin-tabs.js",
            "modeltranslation/js/tabbed_translation_fields.js",
        ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if any("expected_version" in options["fields"] for _, options in fieldsets):
            return fieldsets
        return [*fieldsets, (None, {"fields": ["expected_version"], "classes": ["hidden"]})]

    # One edit (saving.py): the object in save_model, its relations in save_related.
    def save_model(self, request, obj, form, change):
        saving.begin_edit(obj, form.cleaned_data["expected_version"] if change else None)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        saving.end_edit(form.instance)

    # ------------------------------------------------------------ revert

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/revert/<int:history_id>/",
                self.admin_site.admin_view(self.revert_view),
                name=f"{opts.app_label}_{opts.model_name}_revert",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("revert"))
    def revert_link(self, record):
        opts = self.model._meta
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_revert",
            args=[record.id, record.history_id],
        )
        return format_html("<a href='{}'>{}</a>", url, gettext("Revert to this version"))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Viewing an old version is fine; going back is done by revert_view, which also
        # restores audiences, bullying types and ways to get in touch.
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_view(self, request, object_id, history_id):
        obj = get_object_or_404(self.model, pk=unquote(object_id))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        record = get_object_or_404(obj.history, history_id=history_id)
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        if request.method == "POST":
            when = date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
            reason = gettext("Reverted to %(when)s") % {"when": when}
            try:
                expected = int(request.POST.get("expected_version", ""))
                revert(obj, record, expected_version=expected, reason=reason)
            except (ValueError, saving.Conflict):
                self.message_user(request, conflict_message(obj), messages.ERROR)
                return HttpResponseRedirect(request.path)
            except ValidationError as error:
                problems = " ".join(message for message in error.messages)
                self.message_user(
                    request,
                    gettext("This version cannot come back as it was: %(problems)s")
                    % {"problems": problems},
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.path)
            self.message_user(
                request,
                gettext("Reverted to the version of %(when)s.") % {"when": when},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(change_url)
        newest = obj.history.first()
        changes = newest.diff_against(record).changes if newest != record else []
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Revert %(name)s") % {"name": obj},
            "opts": opts,
            "object": obj,
            "record": record,
            "changes": changes,
            "change_url": change_url,
            **self.revert_context(obj, record),
        }
        return TemplateResponse(request, "admin/revert.html", context)

    def revert_context(self, obj, record):
        """More for the revert page to show, about what is linked to the content."""
        return {}


class ReferencesHelpMixin:
    """The text fields that may name listings ([[kindertelefoon]], markup.py) say how, in
    every language tab. Here rather than in the model's help_text: no migration for a
    hint to staff."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in columns("body"):
            hint = gettext(
                "To name a listing with its phone number, write its slug in double square "
                "brackets, for example [[kindertelefoon]]. The site shows its name, linked "
                "to its page, and its current phone number."
            )
            field.help_text = f"{field.help_text} {hint}".strip()
        return field


class NeedsReviewFilter(admin.SimpleListFilter):
    title = _("needs review")
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.needs_review()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.needs_review().values("pk"))
        return queryset


class LabelledInlineFormSet(forms.BaseInlineFormSet):
    """A table of inline rows shows each field's name only in its column heading, so the
    fields themselves have no label for assistive technology: give each its name."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            field.widget.attrs.setdefault("aria-label", field.label)


class ChannelHoursFilter(admin.SimpleListFilter):
    title = _("hours of ways to get in touch")
    parameter_name = "channel_hours"

    def lookups(self, request, model_admin):
        return [("unknown", _("Some not known")), ("known", _("All known"))]

    def queryset(self, request, queryset):
        if self.value() == "unknown":
            return queryset.with_channels_without_hours()
        if self.value() == "known":
            return queryset.with_all_hours_known()
        return queryset


@admin.register(Resource)
class ResourceAdmin(ImportExportMixin, ContentAdmin):
    resource_classes = [ResourceCSV]
    # django-import-export puts its own change list template (the Import and Export
    # buttons) in place of ours; this names ours in its place, so the "Preview results"
    # button sits next to them, for everyone who may view (its "Add" stays for adders).
    import_export_change_list_template = "admin/resources/resource/change_list.html"
    import_formats = [CSV]
    export_formats = [CSV]
    inlines = [ContactChannelInline]
    # Fits 1280 px in Dutch: the check's date, who and whether it is due in one column.
    list_display = ["name", "kind", "status", "checked", "hours_not_known"]
    list_filter = [
        "status",
        "kind",
        "audiences",
        "bullying_types",
        "route",
        "crisis_only",
        "district",
        NeedsReviewFilter,
        ChannelHoursFilter,
    ]
    search_fields = [*columns("name"), "slug", "contact_channels__address", *columns("summary")]
    list_select_related = ["verified_by"]
    readonly_fields = ["verified_by"]
    autocomplete_fields = ["organization"]
    prepopulated_fields = {"slug": [column("name")]}
    actions = ["mark_checked_today"]
    fieldsets = [
        (None, {"fields": ["status", "kind", "name", "slug", "organization", "summary"]}),
        (_("What they do"), {"fields": ["description", "how_it_works", "search_words"]}),
        (_("How to get in touch"), {"fields": ["contact_note", "district", "languages"]}),
        (
            _("For whom"),
            {
                "fields": [
                    "audiences",
                    "also_for",
                    "min_age",
                    "max_age",
                    "is_free",
                    "is_anonymous",
                ]
            },
        ),
        (
            _("When it comes first"),
            {
                "description": _(
                    "How the results rank this listing. Use 'Preview results' to see the "
                    "effect of a change."
                ),
                "fields": [
                    "best_at",
                    "bullying_types",
                    "general_types",
                    "route",
                    "is_crisis",
                    "crisis_only",
                    "for_self_harm",
                ],
            },
        ),
        (
            _("Facts check"),
            {"fields": ["last_verified", "verified_by", "source_url", "staff_note", "sort_weight"]},
        ),
    ]

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="resources_resource_preview",
            ),
            *super().get_urls(),  # ends with "<object_id>/", which would take "preview/"
        ]

    def preview_view(self, request):
        return admin_preview.preview(request, self)

    def revert_context(self, obj, record):
        """The ways to get in touch now and after the revert; or, for a version from
        before they had their own history, that they stay as they are."""
        if not restores_channels(record):
            return {"channels_kept": True}
        now = [channel_line(c) for c in obj.contact_channels.all()]
        then = [channel_line(c) for c in channels_as_of(obj, record)]
        return {"channels_now": now, "channels_then": then} if now != then else {}

    @admin.display(description=_("facts last checked"), ordering="last_verified")
    def checked(self, obj):
        """When, by whom, and "needs review" when that was too long ago (or never)."""
        parts = []
        if obj.last_verified:
            parts.append(date_format(obj.last_verified, "SHORT_DATE_FORMAT"))
        if obj.verified_by:
            parts.append(obj.verified_by.get_full_name() or obj.verified_by.get_username())
        text = ", ".join(parts)
        if not obj.needs_review:
            return text
        due = format_html("<strong>{}</strong>", gettext("needs review"))
        return format_html("{}<br>{}", text, due) if text else due

    @admin.display(
        description=_("ways to get in touch"), ordering="channels_without_hours", empty_value=""
    )
    def hours_not_known(self, obj):
        count = obj.channels_without_hours
        if not count:
            return ""
        return ngettext("%(count)d without hours", "%(count)d without hours", count) % {
            "count": count
        }

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .count_channels_without_hours()
            .prefetch_related("audiences", "also_for", "bullying_types", "general_types")
        )

    def save_model(self, request, obj, form, change):
        if "last_verified" in form.changed_data:
            obj.verified_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.status != Status.PUBLISHED:
            self.warn_about_references(request, [form.instance], deleted=False)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.warn_about_references(request, [obj], deleted=True)

    def delete_queryset(self, request, queryset):
        deleted = list(queryset)
        super().delete_queryset(request, queryset)
        self.warn_about_references(request, deleted, deleted=True)

    def warn_about_references(self, request, resources, deleted):
        """Texts that name a listing the public can no longer see show its name only,
        without a link or number (markup.shown): tell staff which texts to change."""
        slugs = {resource.slug for resource in resources}
        texts = [str(obj) for model in (Page, Advice) for obj in model.referencing(slugs)]
        if not texts:
            return
        if deleted:
            message = gettext(
                "These texts name a deleted listing: %(texts)s. Visitors see plain words "
                "there, without a link or phone number. Change the texts."
            )
        else:
            message = gettext(
                "These texts name this draft listing: %(texts)s. Visitors see only its "
                "name there, without a link or phone number. Change the texts, or publish "
                "the listing again."
            )
        self.message_user(request, message % {"texts": ", ".join(texts)}, messages.WARNING)

    @admin.action(description=_("Mark the facts as checked today"), permissions=["change"])
    def mark_checked_today(self, request, queryset):
        today = timezone.localdate()
        with transaction.atomic():
            resources = list(queryset.select_for_update(of=("self",)))
            for resource in resources:
                resource.last_verified = today
                resource.verified_by = request.user
                saving.save_locked(resource)
        count = len(resources)
        self.message_user(
            request,
            ngettext(
                "%(count)d resource marked as checked today.",
                "%(count)d resources marked as checked today.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is not None and obj.status == Status.PUBLISHED:
            return request.user.has_perm("resources.delete_published_resource")
        return True

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("resources.delete_published_resource"):
            actions.pop("delete_selected", None)  # it would delete published ones too
        return actions


@admin.register(Organization)
class OrganizationAdmin(ContentAdmin):
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Audience)
class AudienceAdmin(ContentAdmin):
    list_display = ["name", "answer", "slug", "position", "show_on_home", "has_poster"]


@admin.register(BullyingType)
class BullyingTypeAdmin(ContentAdmin):
    list_display = ["name", "slug", "position"]


@admin.register(Advice)
class AdviceAdmin(ReferencesHelpMixin, ContentAdmin):
    list_display = ["title", "slug", "position", "audience_names", "min_age", "max_age"]
    list_filter = ["audiences", "bullying_types", "min_age", "max_age"]
    search_fields = [*columns("title"), *columns("body")]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "position"]}),
        (_("For whom"), {"fields": ["audiences", "bullying_types", "min_age", "max_age"]}),
    ]

    @admin.display(description=_("For whom"))
    def audience_names(self, obj):
        names = [audience.name for audience in obj.audiences.all()]
        return ", ".join(names) if names else gettext("Everyone")  # none chosen: for all

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("audiences")


@admin.register(Page)
class PageAdmin(ReferencesHelpMixin, ContentAdmin):
    list_display = ["title", "slug", "status", "placement", "position", "updated_at"]
    list_filter = ["status", "placement"]
    search_fields = [*columns("title"), *columns("slug"), *columns("body")]
    # Each language tab has its own address, made from its title for a new page
    # (modeltranslation makes this slug_nl from title_nl, slug_en from title_en, ...).
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "resource", "short_message", "state", "handled_by"]
    list_filter = ["state"]
    list_select_related = ["resource", "handled_by"]
    fields = ["resource", "message", "contact", "created_at", "state", "staff_note", "handled_by"]
    readonly_fields = ["resource", "message", "contact", "created_at", "handled_by"]
    actions = ["mark_handled"]

    @admin.display(description=_("message"))
    def short_message(self, obj):
        return obj.message[:80]

    def has_add_permission(self, request):
        return False  # reports come from the public form

    def save_model(self, request, obj, form, change):
        if "state" in form.changed_data and obj.state == Feedback.State.HANDLED:
            obj.mark_handled(request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        with transaction.atomic():
            for feedback in queryset.filter(state=Feedback.State.OPEN).select_for_update(
                of=("self",)
            ):
                feedback.mark_handled(request.user)
                feedback.save()
        self.message_user(request, gettext("Marked as handled."), messages.SUCCESS)
