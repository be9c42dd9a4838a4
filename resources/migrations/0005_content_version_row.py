from django.db import migrations


def create_row(apps, schema_editor):
    apps.get_model("resources", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("resources", "0004_content_version")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
