"""Open data (resources/hsds.py): an id for each listing, audience and kind of bullying
that stays the same for good (a uuid, filled in for existing rows in three steps, as
Django's documentation shows for unique fields); organisations, which run listings; and
the languages a listing helps people in (Dutch for the existing ones, as every listing
so far is a Dutch organisation)."""

import django.db.models.deletion
import simple_history.models
import uuid

import resources.models.listing
from django.conf import settings
from django.db import migrations, models


def give_ids(model_name):
    """Each existing row a new open-data id, and its history records the same one (the
    records of a deleted row one of their own), so that no id is ever shared or reused."""

    def forwards(apps, schema_editor):
        model = apps.get_model("resources", model_name)
        history = apps.get_model("resources", f"historical{model_name}")
        for pk in model.objects.values_list("pk", flat=True):
            given = uuid.uuid4()
            model.objects.filter(pk=pk).update(uuid=given)
            history.objects.filter(id=pk).update(uuid=given)
        for object_id in history.objects.filter(uuid__isnull=True).values_list("id", flat=True).distinct():
            history.objects.filter(id=object_id).update(uuid=uuid.uuid4())

    return forwards


class Migration(migrations.Migration):

    dependencies = [
        ('resources', '0018_school_staff_search_words'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='audience',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='open-data id'),
        ),
        migrations.AddField(
            model_name='bullyingtype',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='open-data id'),
        ),
        migrations.AddField(
            model_name='historicalaudience',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='open-data id'),
        ),
        migrations.AddField(
            model_name='historicalbullyingtype',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='open-data id'),
        ),
        migrations.AddField(
            model_name='historicalresource',
            name='languages',
            field=models.CharField(blank=True, default='nl', help_text='The languages they help people in, as two-letter codes separated by commas, for example: nl, en. Empty: not known.', max_length=100, validators=[resources.models.listing.validate_language_codes], verbose_name='languages spoken'),
        ),
        migrations.AddField(
            model_name='historicalresource',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='open-data id'),
        ),
        migrations.AddField(
            model_name='resource',
            name='languages',
            field=models.CharField(blank=True, default='nl', help_text='The languages they help people in, as two-letter codes separated by commas, for example: nl, en. Empty: not known.', max_length=100, validators=[resources.models.listing.validate_language_codes], verbose_name='languages spoken'),
        ),
        migrations.AddField(
            model_name='resource',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='open-data id'),
        ),
        migrations.CreateModel(
            name='HistoricalOrganization',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('uuid', models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name='open-data id')),
                ('slug', models.SlugField(max_length=80, verbose_name='slug')),
                ('name', models.CharField(help_text='Its own name, the same in every language. For example: Offlimits', max_length=120, verbose_name='name')),
                ('description', models.TextField(blank=True, help_text='One or two sentences: what kind of organisation it is.', verbose_name='description')),
                ('description_nl', models.TextField(blank=True, help_text='One or two sentences: what kind of organisation it is.', null=True, verbose_name='description')),
                ('description_en', models.TextField(blank=True, help_text='One or two sentences: what kind of organisation it is.', null=True, verbose_name='description')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical organisation',
                'verbose_name_plural': 'historical organisations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Organization',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='open-data id')),
                ('slug', models.SlugField(max_length=80, verbose_name='slug')),
                ('name', models.CharField(help_text='Its own name, the same in every language. For example: Offlimits', max_length=120, verbose_name='name')),
                ('description', models.TextField(blank=True, help_text='One or two sentences: what kind of organisation it is.', verbose_name='description')),
                ('description_nl', models.TextField(blank=True, help_text='One or two sentences: what kind of organisation it is.', null=True, verbose_name='description')),
                ('description_en', models.TextField(blank=True, help_text='One or two sentences: what kind of organisation it is.', null=True, verbose_name='description')),
                ('website', models.URLField(blank=True, verbose_name='website')),
            ],
            options={
                'verbose_name': 'organisation',
                'verbose_name_plural': 'organisations',
                'ordering': ['name', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('slug',), name='organization_slug_unique')],
            },
        ),
        migrations.AddField(
            model_name='historicalresource',
            name='organization',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Who runs it. The open data lists it as a service of this organisation.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='resources.organization', verbose_name='organisation'),
        ),
        migrations.AddField(
            model_name='resource',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Who runs it. The open data lists it as a service of this organisation.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='resources', to='resources.organization', verbose_name='organisation'),
        ),
        migrations.RunPython(give_ids('audience'), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='audience',
            name='uuid',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='open-data id'),
        ),
        migrations.AlterField(
            model_name='historicalaudience',
            name='uuid',
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name='open-data id'),
        ),
        migrations.RunPython(give_ids('bullyingtype'), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='bullyingtype',
            name='uuid',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='open-data id'),
        ),
        migrations.AlterField(
            model_name='historicalbullyingtype',
            name='uuid',
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name='open-data id'),
        ),
        migrations.RunPython(give_ids('resource'), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='resource',
            name='uuid',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='open-data id'),
        ),
        migrations.AlterField(
            model_name='historicalresource',
            name='uuid',
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name='open-data id'),
        ),
    ]
