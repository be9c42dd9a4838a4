from django.db import migrations

# A teacher says "een leerling wordt buitengesloten", not only "mijn leerling": the
# school staff's search words as the seed now has them, on a site where staff have not
# changed the words 0017 gave (other words are staff's own and stay).
OLD = (
    "mijn leerling, mijn leerlingen, ik ben leraar, ik ben leerkracht, ik ben docent, ik ben "
    "mentor",
    "my pupil, my pupils, my student, my students, i am a teacher, i teach",
)
NEW = (
    "mijn leerling, mijn leerlingen, een leerling, de leerling, onze leerling, onze leerlingen, "
    "leerling wordt, leerlingen worden, ik ben leraar, ik ben leerkracht, ik ben docent, ik ben "
    "mentor",
    "my pupil, my pupils, my student, my students, a pupil, the pupil, our pupils, i am a "
    "teacher, i teach",
)


def replace(apps, before, after):
    rows = apps.get_model("resources", "Audience").objects.filter(slug="school-staff")
    rows.filter(search_words_nl=before[0]).update(search_words=after[0], search_words_nl=after[0])
    rows.filter(search_words_en=before[1]).update(search_words_en=after[1])


def forwards(apps, schema_editor):
    replace(apps, OLD, NEW)


def backwards(apps, schema_editor):
    replace(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("resources", "0017_audience_search_words")]

    operations = [migrations.RunPython(forwards, backwards)]
