from datetime import date

import pytest

from khronika.extraction.dates import calendar as cal
from khronika.language.detect import detect_language
from khronika.language.morphology import lemma
from khronika.language.pipeline import parse
from khronika.language.tense import direction_finder


@pytest.mark.parametrize(("text", "lang"), [
    ("Міністр закордонних справ України заявив, що зустріч відбудеться в Женеві.", "uk"),
    ("Министр иностранных дел России заявил, что встреча состоится в Женеве.", "ru"),
    ("The foreign minister said the meeting would take place in Geneva.", "en"),
    ("Der Außenminister sagte, das Treffen finde in Genf statt.", "other"),
    ("Міністр замежных спраў Беларусі ўдзельнічаў у сустрэчы.", "other"),
    ("12345 !!!", "other"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_capitalised_words_prefer_proper_name_lemmas():
    assert lemma("Лаврова", "uk") == "лавров"
    assert lemma("Борреля", "uk") == "боррель"
    assert lemma("лаврова", "uk") != "лавров"  # lowercase: the adjective reading stays first


def test_sentences_do_not_break_after_abbreviations_or_initials():
    doc = parse("У 2014 р. він став міністром. В. Кличко привітав його. Потім усі пішли.", "uk")
    assert [s.text for s in doc.sents] == ["У 2014 р. він став міністром.", "В. Кличко привітав його.",
                                           "Потім усі пішли."]


def test_tense_of_the_clause_decides_direction():
    text = "МЗС повідомило, що з 17 по 21 грудня проведе брифінги. Нагадаємо, 20 січня відбулося засідання."
    direction = direction_finder(parse(text, "uk"))
    start = text.index("з 17")
    assert direction(start, start + 17) == "future"
    start = text.index("20 січня")
    assert direction(start, start + 8) == "past"  # `Нагадаємо,` is parenthetical, not the predicate


def test_calendar_nearest_occurrences():
    anchor = date(2022, 2, 10)  # a Thursday
    assert cal.day_month(anchor, 1, 26, "past") == date(2022, 1, 26)
    assert cal.day_month(anchor, 3, 3, "past") == date(2021, 3, 3)
    assert cal.day_month(anchor, 3, 3, "future") == date(2022, 3, 3)
    assert cal.day_month(anchor, 2, 14, "either") == date(2022, 2, 14)
    assert cal.weekday(anchor, 3, "past") == anchor
    assert cal.weekday(anchor, 1, "past") == date(2022, 2, 8)
    assert cal.weekday(anchor, 1, "future") == date(2022, 2, 15)
    assert cal.season(anchor, "WI", "past") == "2022-WI"
    assert cal.season(date(2022, 7, 1), "FA", "past") == "2021-FA"
    assert cal.shifted(anchor, "W", -1) == "2022-W05"
    assert cal.roman_to_int("XIX") == 19 and cal.roman_to_int("ХІХ") == 19


def test_short_cyrillic_without_telling_letters_goes_by_dictionary():
    assert detect_language("Уряд представить новий план 15 лютого.") == "uk"
    assert detect_language("Правительство представит новый план 15 февраля.") == "ru"


def test_colloquial_infinitive_forms_read_as_finite_future():
    text = "Вчора міністри підтримали план, а 15 лютого уряд представить новий документ."
    direction = direction_finder(parse(text, "uk"))
    start = text.index("15 лютого")
    assert direction(start, start + 9) == "future"


def test_dictionary_upos_prefers_closed_classes_and_marks_punctuation():
    doc = parse("Сергій Лавров заявив, що на зустрічі цей план обговорять.", "uk")
    pos = {t.text: t.pos_ for t in doc}
    assert pos["Лавров"] == "PROPN" and pos["на"] == "ADP" and pos["що"] == "SCONJ"
    assert pos["цей"] == "DET" and pos[","] == "PUNCT"
    assert {t.text: t.tag_ for t in doc}["Лавров"] == "NOUN|Surn"


def test_lemmas_keep_the_typographic_apostrophe():
    assert lemma("здоров’я", "uk") == "здоров’я"


@pytest.mark.parametrize(("lang", "text", "expression", "value"), [
    ("uk", "Наступний раунд переговорів призначили на 3 липня.", "3 липня", "2024-07-03"),
    ("ru", "Следующий раунд переговоров перенесли на 3 июля.", "3 июля", "2024-07-03"),
    ("en", "The next round was postponed until July 3.", "July 3", "2024-07-03"),
    ("uk", "Перший раунд відбувся 3 травня.", "3 травня", "2024-05-03"),
])
def test_scheduling_verbs_point_to_the_future(lang, text, expression, value):
    from khronika.extraction.dates.timex import direction_for, find_timexes

    found = find_timexes(text, lang, date(2024, 6, 13), direction_for(parse(text, lang), lang))
    assert (expression, value) in {(t.text, t.value) for t in found}
