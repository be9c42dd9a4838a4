"""Search words for the seeded kinds of bullying, in both languages, where staff have none
yet (0014 added the fields empty): a search for "naaktfoto" or "groepsapp" on an existing
site finds the help for that kind, as on a new one. Written out as the seed had them when
this migration was written."""

from django.db import migrations
from django.db.models import Q

SEARCH_WORDS = {
    "insults": (
        "uitschelden, uitgescholden, uitlachen, belachelijk maken, beledigen, gemene berichten, "
        "gemene reacties, roddels, bijnamen, scheldwoorden, afkraken, roasten",
        "name calling, called names, mean messages, mean comments, laughed at, made fun of, "
        "humiliated, gossip, rumours, trolling, roasting",
    ),
    "threats": (
        "bedreigd, dreigen, doodsbedreiging, dreigbericht, in elkaar slaan, opwachten, stalking, "
        "stalken, belagen",
        "threatening messages, death threat, beat me up, stalking, stalker",
    ),
    "fake-profile": (
        "nep account, nepaccount, fake account, fake profiel, account overgenomen, insta "
        "overgenomen, ingelogd op mijn account, hacker, identiteitsfraude, identiteitsdiefstal, "
        "catfish",
        "fake account, account taken over, insta taken over, logged into my account, hacker, "
        "impersonation, identity theft, catfish",
    ),
    "exclusion": (
        "buitengesloten, groepsapp, groepschat, klassenapp, whatsapp, uit de groep gezet, uit de "
        "app gegooid, negeren",
        "excluded, exclusion, group chat, class chat, whatsapp, kicked out of the group, removed "
        "from the group, ignored",
    ),
    "images": (
        "naaktfoto, naaktbeelden, nudes, sexting, shame sexting, chantage, afpersen, exposen, "
        "wraakporno, deepfake, filmpje",
        "nudes, nude photo, naked picture, sexting, blackmail, revenge porn, deepfake, exposed, "
        "leaked photos, intimate images",
    ),
    "personal-details": (
        "doxing, doxen, adres online, adres gelekt, woonadres, telefoonnummer online, nummer "
        "gedeeld, privégegevens",
        "doxxing, doxing, address online, address leaked, home address, phone number shared, "
        "private information",
    ),
    "hate": (
        "racisme, racistisch, homohaat, homofobie, transfobie, antisemitisme, moslimhaat, "
        "seksisme, haatberichten, haatreacties, huidskleur, afkomst, geloof, geaardheid, "
        "handicap, lhbti",
        "racism, racist, homophobia, transphobia, antisemitism, islamophobia, sexism, hate "
        "speech, hateful comments, skin colour, lgbtq",
    ),
}


def forwards(apps, schema_editor):
    for model in ["BullyingType", "HistoricalBullyingType"]:
        rows = apps.get_model("resources", model).objects
        for slug, (dutch, english) in SEARCH_WORDS.items():
            empty_nl = Q(search_words_nl__isnull=True) | Q(search_words_nl="")
            empty_en = Q(search_words_en__isnull=True) | Q(search_words_en="")
            rows.filter(empty_nl, slug=slug).update(search_words=dutch, search_words_nl=dutch)
            rows.filter(empty_en, slug=slug).update(search_words_en=english)


class Migration(migrations.Migration):
    dependencies = [("resources", "0015_drop_resource_search_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
