"""Bodies outside the knowledge base named in full: compound short forms written out (`райсуд`,
`облрада`, `РДА`), the place after `м.` kept in the name, the nominative singular, and a body of
the base found through its written-out name."""

import pytest

from khronika import analyze
from khronika.actors.kb import knowledge_base
from khronika.actors.link import body_name, kb_body, organisation_outside_kb
from khronika.actors.names import full_forms


@pytest.mark.parametrize("text, lang, expected", [
    ("Шевченківського райсуду", "uk", "Шевченківського районного суду"),
    ("Рівненської облради", "uk", "Рівненської обласної ради"),
    ("Тячівська РДА", "uk", "Тячівська районна державна адміністрація"),
    ("голові Тячівської РДА", "uk", "голові Тячівської районної державної адміністрації"),
    ("Райсуд", "uk", "Районний суд"),
    ("Київради", "uk", "Київської міської ради"),
    ("Псковского горсовета", "ru", "Псковского городского совета"),
    ("Мосгордумы", "ru", "Московской городской думы"),
    ("районного суду", "uk", "районного суду"),  # nothing to write out
    ("ода Шиллера", "uk", "ода Шиллера"),  # a lower-case word is no initialism
])
def test_short_forms_are_written_out_in_the_case_of_the_text(text, lang, expected):
    assert full_forms(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Шевченківського райсуду м. Львова", "Шевченківський районний суд м. Львова"),
    ("Окружного адмінсуду", "Окружний адміністративний суд"),
    ("Чернігівської облдержадміністрації", "Чернігівська обласна державна адміністрація"),
    ("Іршавського міськвиконкому", "Іршавський міський виконавчий комітет"),
])
def test_a_body_is_named_in_full_and_in_the_nominative(text, expected):
    assert body_name(text, "uk") == expected


def test_a_short_form_of_a_knowledge_base_body_links_to_it():
    kb = knowledge_base()
    assert kb.entries[kb_body(kb, "Вищого госпсуду", "uk")].name == "High Commercial Court of Ukraine"
    assert kb_body(kb, "Вищого господарського суду", "uk") is None  # the gazetteer's part, not this one
    actor = organisation_outside_kb("Київрада", "uk")
    assert (actor.name, actor.in_kb) == ("Kyiv City Council", True)
    assert organisation_outside_kb("Тячівської РДА", "uk").name == "Тячівська районна державна адміністрація"


def linked(text: str) -> dict[str, str]:
    analysis = analyze(text, published="2019-03-01", lang="uk", title="")
    names = {a.id: a.name for a in analysis.actors}
    return {m.text: names.get(m.actor) for m in analysis.mentions if m.label in ("PERS", "ORG", "LOC")}


def test_articles_name_courts_and_councils_in_full():
    links = linked("Про це йдеться в ухвалі Шевченківського райсуду м. Львова. Вищий госпсуд скасував рішення "
                   "Київради про оренду. Благодійний фонд «Надія» передав ліки до Житомирської обласної ради.")
    assert links["Шевченківського райсуду м. Львова"] == "Шевченківський районний суд м. Львова"
    assert links["Вищий госпсуд"] == "High Commercial Court of Ukraine"
    assert links["Київради"] == "Kyiv City Council"
    assert links["Благодійний фонд «Надія»"] == "Благодійний фонд «Надія»"
    assert links["Житомирської обласної ради"] == "Житомирська обласна рада"


def test_hyphenated_words_keep_their_capitals_and_quotation_marks_are_closed():
    assert body_name("Івано-Франківського міського суду", "uk") == "Івано-Франківський міський суд"
    assert body_name("ТОВ «Зоряна", "uk") == "ТОВ «Зоряна»"
    assert body_name("ГУ Нацполіції", "uk") == "Головне управління Нацполіції"


def test_a_place_after_a_preposition_is_no_body():
    mentions = analyze("Слідчі Головного управління СБУ у м. Києві провели обшук у квартирі.",
                       published="2019-03-01", lang="uk", title="").mentions
    assert not [m for m in mentions if m.text.startswith("м.")]
