from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Feedback


class FeedbackForm(forms.ModelForm):
    """ "Something wrong here?": a message, an optional way to reach the visitor, a trap."""

    # Hidden from people; a bot that fills in every field gives itself away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = Feedback
        fields = ["message", "contact"]
        labels = {
            "message": _("What is wrong or missing?"),
            "contact": _("Your e-mail address or phone number (if you want an answer)"),
        }
        help_texts = {
            "message": _("For example: the phone number has changed, or the opening hours."),
            "contact": _("Not needed. We only use it for questions about your message."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
            "contact": forms.TextInput(attrs={"maxlength": 200, "autocomplete": "off"}),
        }

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
