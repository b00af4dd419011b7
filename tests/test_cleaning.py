"""Page furniture in article text: what cleaning removes, and why."""

from __future__ import annotations

from newslib.cleaning import clean_text


def test_photo_credits_and_a_quoted_byline_prompt_are_furniture():
    # a HuffPost vox pop's seven "Getty/Instagram." credits made "Instagram" an actor; Breitbart's
    # '"Follow Pam Key on Twitter @pamkeyNEN."' (in quote marks) made "Pam Key" one
    raw = ("Voices\n\n“He is a bully.” ― Ana Ruiz\n\nGetty/Instagram.\n\n“He lies.” ― Eva Soto\n\n"
           "AP Photo/Reuters\n\n\"Follow Pam Key on Twitter @pamkeyNEN.\"\n\nThe end of the piece.")
    r = clean_text(raw)
    assert {"photo credit", "author social prompt"} <= {x.reason for x in r.removed}
    assert not any(w in r.text for w in ("Instagram", "Pam Key", "AP Photo")) and "He lies." in r.text
