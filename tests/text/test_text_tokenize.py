from hadath.text import match_keys, tokenize


def split(word, degraded=False):
    t = tokenize(word, degraded=degraded)[0]
    return t.prefix, t.stem, t.suffix


def test_proclitics_and_pronouns_are_split():
    assert split("وحماس") == ("و", "حماس", "")
    assert split("للاحتلال") == ("لل", "احتلال", "")
    assert split("بالجهاد") == ("بال", "جهاد", "")
    assert split("ومحاولاتها") == ("و", "محاولات", "ها")


def test_words_that_merely_start_with_clitic_letters_stay_whole():
    for word in ("وزير", "بيروت", "وصل", "كان", "فلسطين", "بين", "لبنان"):
        assert split(word) == ("", word, ""), word


def test_stem_is_a_lookup_form():
    assert split("لإسرائيل")[1] == "اسرايل"  # hamza-alef restored after the clitic
    assert split("حكومتها")[1:] == ("حكوم", "ها")  # ة written ت before a pronoun
    assert split("لنه", degraded=True) == ("ل", "انه", "")  # degraded لأنه


def test_tokens_keep_offsets_norm_and_number_flags():
    text = "قُتل 17 طفلًا، و٤٩ آخرون (3.5%)."
    toks = tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
    by_text = {t.text: t for t in toks}
    assert by_text["17"].is_number and not by_text["و٤٩"].is_number  # و٤٩ is one word
    assert by_text["3.5"].is_number
    assert by_text["،"].is_punct and by_text["("].is_punct
    assert by_text["طفلًا"].norm == "طفلا"


def test_match_keys_offer_article_and_bare_stem():
    t = tokenize("بالقدس")[0]
    assert match_keys(t) == ["بالقدس", "القدس", "قدس"]
    assert match_keys(tokenize("حماس")[0]) == ["حماس"]
