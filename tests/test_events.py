"""PLOVER events: categories from the lexicons, roles from the parse (uk, en) or from case (ru),
negation and modality, reported speech, retellings merged, and the chronicle across articles."""

import pytest
from conftest import events_of

from khronika import analyze
from khronika.extraction.events.learned import EventModels, using
from khronika.store.sqlite import Store


@pytest.fixture(autouse=True)
def rules_only():
    """These tests state what the rules read. The learned models (extraction/events/learned.py) are
    tested in test_events_learned.py and measured on the annotated sets (`benchmarks/events_cv.py`,
    `khronika eval events`), where they are judged by what they do on unseen news."""
    with using(EventModels()):
        yield


def test_a_call_is_a_request_from_subject_to_object():
    found, _ = events_of("Президент України Володимир Зеленський закликав Німеччину посилити підтримку.")
    assert found == [("REQUEST", ["Volodymyr Zelenskyy"], ["Germany"])]


def test_preposition_and_case_pick_the_recipient():
    found, _ = events_of("ЄС запровадив нові санкції проти Білорусі.")
    assert found == [("SANCTION", ["European Union"], ["Belarus"])]
    found, _ = events_of("Канцлер Німеччини Олаф Шольц зустрівся з Зеленським у Києві.")
    assert found == [("CONSULT", ["Olaf Scholz"], ["Volodymyr Zelenskyy"])]


def test_the_place_of_an_event_is_not_its_recipient():
    found, analysis = events_of("Поліція затримала 30 протестувальників у Мінську.")
    assert found[0][:2] == ("COERCE", ["Поліція"]) and found[0][2] != ["Minsk"]
    event = analysis.events[0]
    assert event.mode == "arrest"
    assert {a.id: a.name for a in analysis.actors}[event.location] == "Minsk"


def test_a_refused_concession_is_a_reject_and_a_denied_attack_no_event():
    found, analysis = events_of("НАТО не має наміру йти на компроміси з Росією.")
    assert found == [("REJECT", ["NATO"], ["Russia"])]
    assert analysis.events[0].negated is False
    found, _ = events_of("Росія не атакувала Україну.")
    assert found == []


def test_what_someone_says_another_should_do_is_their_request():
    found, analysis = events_of("Китайський журналіст Чен Вейхуа заявив, що Європейський Союз має закликати США "
                                "до діалогу.")
    assert found == [("REQUEST", ["Chen Weihua"], ["European Union"])]
    assert analysis.events[0].modality == "should"


def test_a_call_in_the_first_person_is_the_speakers():
    found, analysis = events_of('"Ми закликаємо Росію до деескалації", – повідомив Жозеп Боррель.')
    assert found == [("REQUEST", ["Josep Borrell"], ["Russia"])]


def test_future_cooperation_is_an_agreement_flagged_as_intended():
    found, analysis = events_of("Польща надаватиме допомогу Україні.")
    assert found == [("AGREE", ["Poland"], ["Ukraine"])]
    assert analysis.events[0].modality == "intended"


def test_a_future_coercive_act_is_a_threat():
    found, _ = events_of("The government will impose a curfew in the capital.", lang="en")
    assert [f[0] for f in found] == ["THREATEN"]
    found, _ = events_of("Nigeria said it will withdraw its troops from Chad unless the talks resume.", lang="en")
    assert [f[0] for f in found] == ["THREATEN"]
    found, _ = events_of("Росія запровадить санкції проти Литви.")
    assert found == [("THREATEN", ["Russia"], ["Lithuania"])]


def test_a_reported_event_keeps_who_reported_it():
    found, analysis = events_of("Прем'єр-міністр Денис Шмигаль заявив, що Росія обстріляла Харків.")
    assert found[0][0] == "ASSAULT" and found[0][1] == ["Russia"]
    assert {a.id: a.name for a in analysis.actors}[analysis.events[0].reported_by] == "Denys Shmyhal"


def test_the_same_event_told_twice_is_one_event_with_two_spans():
    text = ("ЄС закликав Росію до деескалації. Також Євросоюз закликає Росію відвести війська від кордону.")
    found, analysis = events_of(text)
    assert found == [("REQUEST", ["European Union"], ["Russia"])]
    assert len(analysis.events[0].spans) == 2


def test_the_date_of_the_sentence_wins_over_publication():
    _, analysis = events_of("17 грудня 2021 року Росія передала США проекти договору.", published="2022-02-10")
    assert [(e.type, e.date) for e in analysis.events] == [("CONSULT", "2021-12-17")]


def test_english_roles_from_the_parse():
    found, _ = events_of("The EU imposed new sanctions on Belarus.", lang="en")
    assert found == [("SANCTION", ["European Union"], ["Belarus"])]
    found, _ = events_of("The United States urged Russia to withdraw its troops.", lang="en")
    assert found == [("REQUEST", ["United States"], ["Russia"])]


def test_a_person_named_by_a_common_noun_is_the_recipient():
    found, _ = events_of("Прикордонники затримали громадянина Грузії в аеропорту.")
    assert found == [("COERCE", ["Прикордонники"], ["Громадянин Грузії"])]
    found, _ = events_of("Суд відмовив прокуратурі в задоволенні клопотання.")
    assert found == [("REJECT", ["Суд"], ["Прокуратура"])]


def test_the_owner_of_a_rejected_claim_is_the_recipient():
    found, _ = events_of("Суд відмовився задовольнити позов обласної прокуратури.")
    assert found == [("REJECT", ["Суд"], ["Обласна прокуратура"])]


def test_an_institution_named_in_reported_speech_acts_itself():
    found, _ = events_of("Адвокат Олена Бондар заявила, що суд звільнив інженера від відповідальності.")
    assert found and found[0][:2] == ("CONCEDE", ["Суд"])


def test_an_object_pronoun_is_the_person_named_before():
    found, _ = events_of("Поліція затримала Івана Петренка. Наступного дня суд його відпустив під заставу.")
    assert found[-1] == ("RETREAT", ["Суд"], ["Ivan Petrenko"])


def test_the_subject_of_a_passive_is_acted_upon():
    found, _ = events_of("Депутат Олег Коваль був затриманий поліцією.")
    assert found == [("COERCE", ["Поліція"], ["Oleh Koval"])]


def test_an_impersonal_act_is_done_by_the_institution_named_before():
    found, _ = events_of("Служба безпеки України повідомила про підозру меру. Наступного дня Івана Петренка "
                         "затримали.")
    assert found[-1] == ("COERCE", ["Security Service of Ukraine"], ["Ivan Petrenko"])


@pytest.mark.parametrize("text, category", [
    ("Poland and Lithuania signed a defence treaty on Monday.", "SUPPORT"),
    ("Farmers blocked the main highway near Warsaw.", "PROTEST"),
    ("Germany shared intelligence with France about the plot.", "COOPERATE"),
    ("Kenya declared a ceasefire in the north.", "RETREAT"),
    ("Brazil cancelled a planned visit to Caracas.", "SANCTION"),
    ("The rebels violated the ceasefire near the border.", "ASSAULT"),
    ("The junta banned opposition candidates from the vote.", "COERCE"),
    ("Workers will boycott the state elections.", "THREATEN"),
])
def test_english_entries_from_the_manual(text, category):
    found, _ = events_of(text, lang="en")
    assert category in [f[0] for f in found]


def test_a_coordinated_verb_shares_the_subject():
    found, _ = events_of("Служба безпеки України провела обшуки в офісі та повідомила про підозру директору "
                         "компанії.")
    assert [f[:2] for f in found] == [("COERCE", ["Security Service of Ukraine"]),
                                      ("ACCUSE", ["Security Service of Ukraine"])]


def test_two_bodies_of_one_country_are_two_parties():
    found, _ = events_of("Генеральна прокуратура України відкрила кримінальне провадження стосовно службових "
                         "осіб «Укрзалізниці».")
    assert found == [("ACCUSE", ["Office of the Prosecutor General of Ukraine"], ["Ukrzaliznytsia"])]


def test_the_one_asked_to_act_is_the_recipient_of_a_demand():
    found, _ = events_of("China demanded that Japan stop the military drills.", lang="en")
    assert found == [("REQUEST", ["China"], ["Japan"])]


def test_saying_another_party_must_act_is_a_demand():
    found, analysis = events_of("Germany declared that Iran must return the seized tanker.", lang="en")
    assert found == [("REQUEST", ["Germany"], ["Iran"])]
    assert analysis.events[0].modality == "should"


@pytest.mark.parametrize("text, category", [
    ("Україна та Польща підписали угоду про співпрацю.", "SUPPORT"),
    ("Державна аудиторська служба розпочала перевірку підприємства.", "ACCUSE"),
    ("Невідомі зруйнували пам'ятник поету в центрі міста.", "PROTEST"),
])
def test_ukrainian_entries_from_the_manual(text, category):
    found, _ = events_of(text)
    assert category in [f[0] for f in found]


def test_a_business_contract_is_not_an_event():
    found, _ = events_of("Міська рада уклала договір оренди з компанією «Альфа».")
    assert found == []


def test_a_firm_named_in_between_does_not_act_for_the_authority():
    found, _ = events_of("Служба безпеки України відкрила провадження щодо ТОВ «Альфа». Наступного дня Івана "
                         "Петренка затримали.")
    assert found[-1] == ("COERCE", ["Security Service of Ukraine"], ["Ivan Petrenko"])


def test_russian_roles_from_case_without_a_parse():
    found, _ = events_of("Евросоюз ввел новые санкции против Белоруссии.", lang="ru")
    assert found == [("SANCTION", ["European Union"], ["Belarus"])]
    found, _ = events_of("Президент Украины Владимир Зеленский призвал Германию ввести санкции против России.",
                        lang="ru")
    assert found == [("REQUEST", ["Volodymyr Zelenskyy"], ["Germany"])]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "k.db") as opened:
        yield opened


def test_the_chronicle_merges_one_event_across_articles(store):
    first = analyze("ЄС запровадив санкції\nЄС запровадив нові санкції проти Білорусі.", published="2022-03-01")
    second = analyze("Нові санкції\nЄвросоюз учора запровадив санкції проти Білорусі.", published="2022-03-02")
    other = analyze("Зустріч у Києві\nОлаф Шольц зустрівся з Зеленським у Києві.", published="2022-05-10")
    for analysis in (first, second, other):
        assert store.add(analysis)
    store.commit()
    entries = store.timeline()
    assert [(e.type, e.actor_names, e.recipient_names, len(e.sources)) for e in entries] == [
        ("SANCTION", ["European Union"], ["Belarus"], 2),
        ("CONSULT", ["Olaf Scholz"], ["Volodymyr Zelenskyy"], 1),
    ]
    assert [e.type for e in store.timeline(actor="Білорусь")] == ["SANCTION"]
    assert [e.type for e in store.timeline(start="2022-04")] == ["CONSULT"]
    assert [e.type for e in store.timeline(end="2022-03")] == ["SANCTION"]
    with pytest.raises(ValueError):
        store.timeline(actor="nobody at all")


def test_a_participle_describing_a_noun_is_no_event():
    _, analysis = events_of("Серед поранених загарбників було 11 осіб з окупованих районів, повідомив штаб.")
    assert [e.trigger for e in analysis.events] == []


def test_a_participle_clause_acts_on_its_noun():
    found, _ = events_of("Слідчі вилучили документи голови правління Олега Петренка, затриманого за хабар.")
    assert any(f[0] == "COERCE" and f[2] == ["Oleh Petrenko"] for f in found)


def test_the_enemy_of_a_front_line_report_fires_at_the_own_side():
    found, _ = events_of("Окупанти обстріляли позиції біля Авдіївки. Бойовики вели вогонь по наших військових.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])] * 2


def test_a_hostile_adjective_names_the_enemy():
    found, _ = events_of("Вчора на Луганському напрямку сталося 5 ворожих обстрілів.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])]


def test_opponents_of_something_are_not_the_enemy():
    found, _ = events_of("Противники реформи обстріляли пам'ятник з мисливської зброї.")
    assert all(f[1] != ["Armed Forces of Russia"] for f in found)


def test_a_bare_person_noun_is_the_person_of_its_gender_named_before():
    found, _ = events_of("СБУ затримала Оксану Литвиненко. Херсонський суд відхилив скаргу чиновниці.")
    assert found[-1][0] == "REJECT" and found[-1][2] == ["Oksana Lytvynenko"]


def test_a_person_noun_of_another_gender_is_someone_else():
    found, _ = events_of("Поліція затримала Андрія Коваленка. Пізніше суд відпустив чиновницю під заставу.")
    assert found[-1][0] == "RETREAT" and found[-1][2] != ["Andrii Kovalenko"]


def test_the_author_of_a_challenged_act_is_sued_not_the_court():
    found, _ = events_of("Мешканка Львова звернулася до суду з позовом про скасування розпорядження сільського голови "
                         "щодо продажу землі.")
    assert found[0][0] == "ACCUSE" and found[0][2] == ["Сільський голова"]


def test_a_motion_goes_to_the_court_named_before():
    found, _ = events_of("Шевченківський районний суд розглядає справу Петра Мельника. Обвинувачений клопотав про "
                         "закриття провадження.")
    assert ("REQUEST", ["Petro Melnyk"], ["Шевченківський районний суд"]) in found


def test_confessing_as_a_way_of_saying_is_no_concession():
    _, analysis = events_of("— Було дуже страшно, — зізнається Ольга Бондар.")
    assert [e.type for e in analysis.events] == []


def test_an_object_hung_under_a_prepositional_phrase_is_the_recipient():
    found, _ = events_of("Апеляційний суд звільнив від кримінальної відповідальності водія Степана Гриценка.")
    assert found == [("CONCEDE", ["Апеляційний суд"], ["Stepan Hrytsenko"])]
    found, _ = events_of("Окружний суд у задоволенні позову прокуратурі відмовив.")
    assert found == [("REJECT", ["Окружний суд"], ["Прокуратура"])]


def test_a_source_phrase_gives_no_recipient():
    found, _ = events_of("За даними журналістів, мер Ігор Ткач обіцяв скасувати розпорядження.")
    assert all(f[2] is None for f in found)


def test_a_motion_in_court_is_addressed_to_the_court():
    found, _ = events_of("Печерський районний суд розглянув справу. У суді прокурор клопотав про арешт рахунків фірми "
                         "«Альфа».")
    assert any(f[0] == "REQUEST" and f[2] == ["Печерський районний суд"] for f in found)


def test_the_enemy_several_times_is_still_the_enemy():
    found, _ = events_of("Бойовики кілька разів обстрілювали наші позиції.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])]


def test_talks_of_two_leaders_have_both_sides():
    found, _ = events_of("У Відні пройшли переговори президентів Молдови та Румунії.")
    assert found == [("CONSULT", ["Maia Sandu"], ["Romania"])]  # the president of Moldova on the day


def test_arriving_at_a_place_is_no_visit():
    found, _ = events_of("Навесні Олег Ляшко прибув до Одеси.")
    assert found == []
    found, _ = events_of("Олаф Шольц приїхав до Володимира Зеленського.")
    assert found == [("CONSULT", ["Olaf Scholz"], ["Volodymyr Zelenskyy"])]


def test_an_unattributed_mobilisation_is_the_own_country():
    found, _ = events_of("Під час третьої хвилі часткової мобілізації сформовано нові бригади.")
    assert ("MOBILIZE", ["Armed Forces of Ukraine"], None) in found


def test_collecting_taxes_is_no_mobilisation_but_recovering_money_is_a_claim():
    found, _ = events_of("Громади вважають, що податок потрібно стягувати за місцем реєстрації.")
    assert [f for f in found if f[0] == "MOBILIZE"] == []
    found, _ = events_of("Прокуратура вимагає стягнути з фірми «Омега» 2 млн грн на користь міськради.")
    assert all(f[2] != ["Міськрада"] for f in found)


def test_the_one_money_is_taken_from_is_the_recipient():
    found, _ = events_of("Міська рада намагається стягнути з ТОВ «Ромашка» 2 млн грн збитків.")
    assert [f for f in found if f[0] == "ACCUSE"][0][2] == ["ТОВ «Ромашка»"]


def test_an_appeal_against_a_ruling_is_against_the_court_that_made_it():
    found, _ = events_of("Окружний адміністративний суд Львова відмовив фермерам у позові. Міська рада "
                         "затвердила бюджет. Фермери подали апеляцію на рішення адмінсуду.")
    appeal = [f for f in found if f[0] == "ACCUSE"]
    assert appeal and appeal[-1][2] == ["Окружний адміністративний суд Львова"]


def test_an_infinitive_of_unwillingness_or_need_is_no_event():
    found, _ = events_of("Головною проблемою мер назвав небажання уряду підтримати громади.")
    assert found == []
    found, _ = events_of("Експерт згадав небажання посадовців іти на вибори, а власників заводів – "
                         "поступатися своїми землями.")
    assert [f for f in found if f[0] == "CONCEDE"] == []


def test_a_bare_word_for_the_police_is_the_police_body_named_before():
    found, _ = events_of("Слідчі обласного управління внутрішніх справ затримали 40-річного мешканця Полтави. "
                         "Під час допиту затриманий зізнався працівникам міліції у крадіжці.")
    confession = [f for f in found if f[0] == "CONCEDE"]
    assert confession and confession[0][2] == ["Обласне управління внутрішніх справ"]


def test_a_case_opened_impersonally_is_into_the_one_the_article_charges():
    found, _ = events_of("Співробітники Бережанського відділу поліції затримали 35-річного жителя Бучача. "
                         "Поліцейські підозрюють його у крадіжці автомобіля. Розпочато кримінальне провадження.")
    opened = [f for f in found if f[0] == "ACCUSE" and f[2] == ["35-річний житель Бучача"]]
    assert opened and opened[0][1] == ["Співробітники Бережанського відділу поліції"]


def test_an_impersonal_case_opening_is_the_police_s_not_the_suspect_s():
    found, _ = events_of("Співробітники обласного управління внутрішніх справ затримали 30-річного мешканця "
                         "Полтави. Затриманий погрожував сусідові ножем. Відкрито кримінальне провадження.")
    opened = [f for f in found if f[0] == "ACCUSE"]
    assert opened == [("ACCUSE", ["Обласне управління внутрішніх справ"], ["30-річний мешканець Полтави"])]


def test_a_gapped_clause_after_a_dash_repeats_the_act_for_its_party():
    found, _ = events_of("Китай постачає наступальну зброю Ірану, оборонну – Сирії.")
    assert [f for f in found if f[0] == "AID"] == [("AID", ["China"], ["Iran"]), ("AID", ["China"], ["Syria"])]


def test_a_letter_with_a_demand_is_a_request():
    found, _ = events_of("Митрополит Василь написав лист до Олега Ляшка з вимогою скасувати рішення.")
    assert found[0][0] == "REQUEST" and found[0][2] == ["Oleh Liashko"]


def test_a_nominative_before_the_verb_read_as_an_object_is_the_subject():
    found, _ = events_of("Про це пише Іван Петров у «Дзеркалі» з посиланням на дані реєстру судових рішень. "
                         "Прикордонники 5 травня затримали в аеропорту «Жуляни» громадянина Польщі, ім'я якого у "
                         "судових документах не зазначене.")
    assert ("COERCE", ["Прикордонники"], ["Громадянин Польщі"]) in found


def test_a_dative_taken_for_the_subject_leaves_the_act_impersonal():
    found, _ = events_of("Справу розслідує Національна поліція. 2 серпня Бережній повідомили про підозру.")
    assert found[-1][0] == "ACCUSE" and found[-1][1] == ["National Police of Ukraine"]


def test_discontent_is_a_disapproval():
    found, analysis = events_of("Мешканці Борисполя незадоволені рішенням міської ради.")
    assert [f[0] for f in found] == ["ACCUSE"]
    assert analysis.events[0].mode == "disapprove"


def test_routine_signing_and_a_bare_address_are_no_events():
    found, _ = events_of("Директор підписав наказ про відпустку.")
    assert found == []
    found, _ = events_of("Україна та Польща підписали угоду про співпрацю.")
    assert found == [("SUPPORT", ["Ukraine"], ["Poland"])]  # a pact's signers act on each other
    found, _ = events_of("До мера Львова звернувся підприємець.")
    assert found == []
    found, _ = events_of("Профспілка звернулася до уряду з вимогою підвищити зарплати.")
    assert [f[:2] for f in found] == [("REQUEST", ["Профспілка"])]


def test_a_charge_name_is_no_attack_and_an_offer_to_someone_an_agreement():
    found, _ = events_of("Японія пропонує Києву кредит на пільгових умовах.")
    assert [f[0] for f in found] == ["AGREE"]
    found, _ = events_of("Дії підозрюваного кваліфікують як умисне вбивство.")
    assert found == []


def test_granting_consent_is_no_consultation_but_handing_a_reply_is():
    found, _ = events_of("Міськрада надала фірмі згоду на розміщення кіоску за проектом.")
    assert [f[0] for f in found] == []
    found, _ = events_of("Росія надала США відповідь щодо гарантій безпеки.")
    assert [f[0] for f in found] == ["CONSULT"]


def test_a_resignation_needs_the_word_itself():
    found, _ = events_of("Прем'єр-міністр Італії Маріо Драгі подав у відставку.")
    assert found == [("RETREAT", ["Mario Draghi"], None)]
    found, _ = events_of("Того ж дня чиновниця подала декларацію перед звільненням, у якій не вказала фірму.")
    assert found == []


@pytest.mark.parametrize("text, lang", [
    ("Рада ЄС затвердила дев'ятий пакет санкцій проти Росії.", "uk"),
    ("Совет ЕС утвердил девятый пакет санкций против России.", "ru"),
])
def test_an_approved_sanctions_package_is_a_sanction(text, lang):
    found, _ = events_of(text, lang=lang, published="2022-12-16")
    assert found == [("SANCTION", ["Council of the European Union"], ["Russia"])]


def test_the_one_a_participle_describes_is_acted_upon():
    found, _ = events_of("Служба безпеки України завершила слідство щодо керівника фонду Василя Гнатюка, "
                         "заарештованого за розтрату.")
    assert found == [("COERCE", ["Security Service of Ukraine"], ["Vasyl Hnatiuk"])]


def test_the_owner_of_seized_property_is_the_recipient():
    found, _ = events_of("Суд наклав арешт на квартиру, яка належить депутатові Олегу Мазуру.")
    assert found == [("COERCE", ["Суд"], ["Oleh Mazur"])]


def test_the_subject_of_a_reflexive_passive_is_accused():
    found, _ = events_of("Служба безпеки України викрила схему на заводі. Директор заводу Іван Коваль "
                         "підозрюється у розтраті.")
    assert found == [("ACCUSE", ["Security Service of Ukraine"], ["Ivan Koval"])]


def test_attacks_reported_one_after_another_stay_apart_and_nzf_is_the_enemy():
    found, _ = events_of("Вранці відбувся мінометний обстріл з боку НЗФ. Увечері відбувся ще один обстріл з боку "
                         "бойовиків.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])] * 2


def test_custody_left_impersonal_is_the_courts_measure():
    found, _ = events_of("Поліція затримала мера Степана Гнатюка. Наступного дня Гнатюк був взятий під варту.")
    assert found == [("COERCE", ["Поліція"], ["Stepan Hnatiuk"]), ("COERCE", ["Суд"], ["Stepan Hnatiuk"])]


def test_a_proposal_made_to_no_one_is_not_an_offer():
    found, _ = events_of("Депутат Олег Мазур пропонує закріпити в законі нові правила референдуму.")
    assert found == []
    found, _ = events_of("Японія пропонує Україні кредит на пільгових умовах.")
    assert found == [("AGREE", ["Japan"], ["Ukraine"])]


def test_an_event_noun_takes_its_parties_from_its_own_words():
    found, _ = events_of("Працівники Служби безпеки України провели обшуки в офісі компанії «Укрнафта».")
    assert found == [("COERCE", ["Security Service of Ukraine"], ["Укрнафта"])]
    found, _ = events_of("Поліція повідомила про затримання директора «Укрнафти» Івана Коваленка.")
    assert found == [("COERCE", ["Поліція"], ["Ivan Kovalenko"])]
    found, _ = events_of("Учора в Києві відбувся протест студентів проти Міністерства освіти.")
    assert found == [("PROTEST", ["Студенти"], ["Міністерство освіти"])]
    found, _ = events_of("Переговори Азербайджану з Вірменією пройшли в Женеві.")
    assert found == [("CONSULT", ["Azerbaijan"], ["Armenia"])]


def test_who_receives_a_penalty_is_its_recipient():
    found, _ = events_of("Мер Одеси Геннадій Труханов отримав штраф.")
    assert found == [("SANCTION", None, ["Hennadii Trukhanov"])]


def test_an_event_noun_only_mentioned_is_no_event():
    for text in ("Верховна Рада розглянула закон про санкції проти Росії.",
                 "За допомогою волонтерів у місті відремонтували школу.",
                 "Санкції проти Росії"):  # a headline
        found, _ = events_of(text)
        assert found == [], text


def test_a_granted_motion_is_its_owners_request_to_the_court():
    found, _ = events_of("Шевченківський районний суд задовольнив клопотання прокуратури.")
    assert ("REQUEST", ["Прокуратура"], ["Шевченківський районний суд"]) in found


def test_what_investigators_establish_accuses_and_what_others_find_does_not():
    found, _ = events_of("Слідчі встановили, що компанія «Зевс» постачала пальне бойовикам.")
    assert found == [("ACCUSE", ["Слідчі"], ["Зевс"])]
    found, _ = events_of("Журналісти з'ясували, що компанія «Зевс» постачала пальне бойовикам.")
    assert found == []


def test_granting_a_claim_sanctions_the_one_it_was_brought_against():
    found, _ = events_of("Прокуратура подала позов до суду проти ТОВ «Альфа». Господарський суд задовольнив позов "
                         "прокуратури.")
    assert found[-1] == ("SANCTION", ["Господарський суд"], ["ТОВ «Альфа»"])


def test_a_court_inferred_from_custody_does_not_go_on_acting():
    found, _ = events_of("Наступного дня мера Степана Гнатюка взяли під варту. Потім конфіскували його автомобіль.")
    assert found[0] == ("COERCE", ["Суд"], ["Stepan Hnatiuk"])
    assert found[1][0] == "COERCE" and found[1][1] != ["Суд"]


def test_a_pronoun_standing_for_a_monument_makes_vandalism_and_opponents_are_not_whom_they_oppose():
    found, _ = events_of("У селі встановили пам'ятну дошку загиблим воякам. Торік її хтось зірвав.")
    assert found == [("PROTEST", ["Невідомі"], None)]  # `хтось`: persons unknown, as event data codes them
    found, _ = events_of("Противники української незалежності облили фарбою пам'ятник Тарасу Шевченку.")
    assert found == [("PROTEST", ["Противники української незалежності"], None)]


def test_a_fronted_request_noun_still_makes_the_request():
    found, _ = events_of("З проханням підтримати громади області голови громад звернулися до голови обласної ради "
                         "Олександра Данильчука.")
    assert "REQUEST" in [f[0] for f in found]


def test_an_investigation_named_before_its_verb_is_done_by_the_body_after_it():
    found, _ = events_of("Слідство встановило, що директор фірми «Альфа» Іван Коваль привласнив кошти. Досудове "
                         "розслідування проводить головне управління Нацполіції в області.")
    assert found[0] == ("ACCUSE", ["Слідство"], ["Ivan Koval"])
    assert found[1][:2] == ("ACCUSE", ["National Police of Ukraine"]) and "Ivan Koval" in found[1][2]


def test_russian_talks_between_two_named_sides_without_a_parse():
    found, _ = events_of("В Анталье прошли переговоры министра иностранных дел России Сергея Лаврова и министра "
                         "иностранных дел Украины Дмитрия Кулебы.", lang="ru")
    assert len(found) == 1 and found[0][0] == "CONSULT"
    assert found[0][1] in (["Russia"], ["Sergey Lavrov"]) and found[0][2] in (["Ukraine"], ["Dmytro Kuleba"])


def test_a_noun_of_the_accused_is_the_one_charged_not_a_witness_named_in_between():
    found, _ = events_of(
        "Слідчі повідомили про підозру інспектору Петру Гнатюку. Суд заарештував Гнатюка. "
        "Гнатюк вимагав хабар у фермера Івана Кравця. На засіданні обвинувачений визнав провину.")
    concede = [f for f in found if f[0] == "CONCEDE"]
    assert concede and concede[0][1] == ["Petro Hnatiuk"]


def test_a_suspect_no_one_names_is_not_the_police_who_caught_him():
    found, _ = events_of("Поліція затримала 40-річного мешканця Полтави. Підозрюваний у крадіжці зізнався.")
    concede = [f for f in found if f[0] == "CONCEDE"]
    assert concede and concede[0][1] != ["Поліція"] and concede[0][1] is not None
    assert "мешканець" in concede[0][1][0].lower()


def test_a_feminine_pronoun_is_the_last_woman_named_not_the_last_person():
    found, _ = events_of("Ганна Литвин зустрілася з Олегом Бойком. Наступного дня поліція затримала її.")
    coerce = [f for f in found if f[0] == "COERCE"]
    assert coerce and coerce[0][2] == ["Hanna Lytvyn"]


def test_a_reflexive_pronoun_is_the_subject_of_its_clause():
    from khronika.actors.link import link
    from khronika.extraction.entities import find_mentions
    from khronika.extraction.events.reader import _Reader
    from khronika.language.pipeline import parse

    doc = parse("Слідчі допитали Олега Бойка. Обвинувачення проти себе Семенченко називає політичними.", "uk")
    mentions, actors = link(doc, find_mentions(doc, "uk"), "uk", "2022-03-01")
    reader = _Reader(doc, "uk", mentions, actors, [], [], "2022-03-01")
    pronoun = next(t for t in doc if t.lower_ == "себе")
    assert [reader.actors[x].name for x in reader._participants(pronoun, None)] == ["Semenchenko"]


def test_a_possessive_pronoun_stands_for_the_owner_and_may_mean_a_person_no_one_names():
    found, _ = events_of("Інспектор Богдан Савчук прийшов до крамниці приватної підприємиці. "
                         "Він погрожував закрити її магазин.")
    threat = [f for f in found if f[0] == "THREATEN"]
    assert threat and threat[0][1] == ["Bohdan Savchuk"] and "підприємиця" in (threat[0][2] or [""])[0].lower()


def test_a_subject_pronoun_goes_on_with_the_subject_of_the_sentence_before():
    found, _ = events_of("Мер міста Андрій Коваль підписав розпорядження. "
                         "Скаргу на розпорядження подав мешканець села. "
                         "Він вимагає від міської ради скасувати розпорядження.")
    request = [f for f in found if f[0] == "REQUEST"]
    assert request and request[0][1] != ["Andrii Koval"] and "мешканець" in (request[0][1] or [""])[0].lower()


def test_an_official_of_the_case_is_not_the_accused_named_last():
    found, _ = events_of("Обвинувачений Олег Мельник попросив суд про відстрочку. Прокурор це прохання підтримав.")
    support = [f for f in found if f[0] == "SUPPORT"]
    assert support and support[0][1] == ["Прокурор"]


def test_who_reports_the_story_is_none_of_its_people():
    found, _ = events_of("Про це пише Павло Гнатюк у своїй статті. Суд заарештував інженера заводу. "
                         "Згодом інженер визнав провину.")
    concede = [f for f in found if f[0] == "CONCEDE"]
    assert concede and concede[0][1] != ["Pavlo Hnatiuk"] and "інженер" in (concede[0][1] or [""])[0].lower()


def test_a_pronoun_may_mean_the_subject_of_an_earlier_clause_of_its_sentence():
    found, _ = events_of("Мешканець села перебував у розшуку, тому суддя Ігор Лях його заарештував.")
    coerce = [f for f in found if f[0] == "COERCE"]
    assert coerce and "мешканець" in (coerce[0][2] or [""])[0].lower()


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_every_key_of_an_event_lexicon_is_read(lang):
    """A key the reader does not know would be ignored without a word: each must be a `Lexicon` field."""
    import json
    from dataclasses import fields
    from importlib import resources

    from khronika.extraction.events.lexicon import Lexicon

    data = json.loads(resources.files("khronika.data").joinpath("events", f"{lang}.json").read_text("utf-8"))
    known = {f.name for f in fields(Lexicon)} | {"_about", "verbs", "phrases", "modes", "nouns"}
    assert set(data) <= known, set(data) - known


def test_closing_a_case_against_someone_is_a_concession():
    found, _ = events_of("Генеральна прокуратура закрила кримінальну справу проти мера Степана Гнатюка.")
    assert found == [("CONCEDE", ["Office of the Prosecutor General of Ukraine"], ["Stepan Hnatiuk"])]


def test_a_passive_participle_with_an_instrumental_is_done_by_it():
    found, _ = events_of("Сьогодні розглянуть підтриманий Кабінетом Міністрів України проект закону депутата Сергія "
                         "Коваля.")
    assert found == [("SUPPORT", ["Cabinet of Ministers of Ukraine"], ["Serhii Koval"])]


def test_supporting_a_motion_told_before_acts_on_the_one_who_made_it():
    found, _ = events_of("Обвинувачений інженер Іван Коваль клопотав про звільнення від відповідальності. Прокурор це "
                         "клопотання підтримав.")
    assert found[-1] == ("SUPPORT", ["Прокурор"], ["Ivan Koval"])


def test_a_countrys_side_in_the_timeline_includes_its_officials(store):
    store.add(analyze("Санкції\nЄС запровадив нові санкції проти Росії.", published="2022-03-01"))
    store.add(analyze("Зустріч\nСергій Лавров зустрівся з Мевлютом Чавушоглу в Анталії.", published="2022-03-10"))
    store.commit()
    assert [e.type for e in store.timeline(actor="Росія")] == ["SANCTION"]
    side = store.timeline(actor="Росія", side=True)
    assert [(e.type, e.actor_names) for e in side] == [("SANCTION", ["European Union"]),
                                                       ("CONSULT", ["Sergey Lavrov"])]


def test_english_codes_the_place_of_an_undirected_act_as_its_recipient():
    found, _ = events_of("Serbia lifted a night curfew in Montenegro on Wednesday.", lang="en")
    assert found == [("CONCEDE", ["Serbia"], ["Montenegro"])]


def test_a_suspects_denial_goes_to_the_authority_handling_the_case():
    found, _ = events_of("Поліція затримала Івана Петренка. Підозрюваний спочатку заперечував свою причетність до "
                         "крадіжки.")
    assert ("REJECT", ["Ivan Petrenko"], ["Поліція"]) in found


def test_a_promised_pardon_is_a_concession_and_its_condition_no_event():
    found, _ = events_of("Слідчий комітет Росії порушив справу проти поета Івана Петренка. Йому обіцяли амністію, "
                         "якщо він визнає провину й покається.")
    assert ("CONCEDE", ["Investigative Committee of Russia"], ["Ivan Petrenko"]) in found
    assert [f for f in found if f[0] in ("AGREE", "CONCEDE")] == [
        ("CONCEDE", ["Investigative Committee of Russia"], ["Ivan Petrenko"])]


def test_a_lone_body_noun_stands_for_the_body_named_before():
    found, _ = events_of("Благодійний фонд «Надія» відкрив притулок у Черкасах. У фонді закликають уряд підвищити "
                         "пенсії.")
    assert ("REQUEST", ["Благодійний фонд «Надія»"], ["Уряд"]) in found


def test_a_bare_party_noun_is_the_one_described_before():
    found, _ = events_of("Черкаська влада так і не відремонтувала школу. Батьки учнів закликають владу виконати "
                         "обіцянку.")
    assert found == [("REQUEST", ["Батьки учнів"], ["Черкаська влада"])]


def test_a_plural_pronoun_goes_on_with_the_subject_before():
    found, _ = events_of("Мешканці села Вишневе перекрили трасу. Вони вимагають від влади відремонтувати дорогу.")
    assert ("REQUEST", ["Мешканець села Вишневе"], ["Влада"]) in found
    found, _ = events_of("Гомер Баєв приїхав до Москви. На станції він разом із Ролланом Кадиєвим вийшов із потяга. "
                         "Вони одразу ж зателефонували Григоренку.")
    assert ("CONSULT", ["Homer Baiev", "Rollan Kadyiev"], ["Hryhorenko"]) in found


def test_a_subject_noun_the_dictionary_lists_without_case_is_still_the_subject():
    found, _ = events_of("Директор заводу Петро Іваненко поїхав до Києва. Там директор розкритикував "
                         "Кабінет Міністрів.")
    assert found == [("ACCUSE", ["Petro Ivanenko"], ["Cabinet of Ministers of Ukraine"])]


def test_a_pact_signed_in_a_relative_clause_is_support_by_its_subject():
    found, _ = events_of("Скасування пільг передбачене угодою, яку підписала більшість депутатських груп.")
    assert found == [("SUPPORT", ["Більшість депутатських груп"], None)]


def test_a_sponsor_after_za_pidtrymky_backs_the_body_named_before():
    found, _ = events_of("Фестиваль організувала ГО «Молодь Полтави» за підтримки Полтавської обласної ради.")
    assert ("SUPPORT", ["Полтавська обласна рада"], ["ГО «Молодь Полтави»"]) in found
    found, _ = events_of("Книжку видала громадська організація «Світанок» за фінансової підтримки уряду Канади.")
    assert [f for f in found if f[0] in ("AID", "SUPPORT")] == [("AID", ["Canada"], ["Світанок"])]
    found, _ = events_of("Захід відбувся за підтримки Програми Ради Європи.")
    assert found == []


def test_a_relative_pronoun_stands_for_the_noun_its_clause_describes():
    found, _ = events_of("Депутати критикують владу, яка відмовляється виплачувати пенсії.")
    assert ("REJECT", ["Влада"], None) in found
    found, _ = events_of("Ми подякували волонтерам, які допомагали Збройним силам.")
    assert ("AID", ["Волонтери"], ["Armed Forces of Ukraine"]) in found


def test_a_contract_is_a_pact_only_between_states_and_its_signers_act_on_each_other():
    found, _ = events_of("Представники Польщі та Литви підписали договір про співпрацю.")
    assert found == [("SUPPORT", ["Poland"], ["Lithuania"])]
    found, _ = events_of("ТОВ «Альфа» підписало договір на поставку вугілля з фірмою «Бета».")
    assert found == []


def test_a_genitive_owner_keeps_the_parties_coordinated_with_it():
    found, _ = events_of("Керівництво Польщі та Литви закликало ЄС посилити санкції.")
    assert found == [("REQUEST", ["Lithuania", "Poland"], ["European Union"])]


def test_agreeing_to_anothers_terms_is_a_concession_to_whoever_set_them():
    found, _ = events_of("Уряд погодився на умови, висунуті профспілкою шахтарів.")
    assert found == [("CONCEDE", ["Уряд"], ["Профспілка шахтарів"])]
    found, _ = events_of("Рада відхилила законопроєкт, поданий Кабінетом Міністрів.")
    assert found == [("REJECT", ["Verkhovna Rada"], ["Cabinet of Ministers of Ukraine"])]


def test_displeasure_with_an_act_is_aimed_at_whoever_did_it():
    found, _ = events_of("Профспілка шахтарів висловила невдоволення рішенням обласної влади.")
    assert found == [("ACCUSE", ["Профспілка шахтарів"], ["Обласна влада"])]
    found, _ = events_of("Профспілка шахтарів висловила невдоволення діями Росії.")
    assert found == [("ACCUSE", ["Профспілка шахтарів"], ["Russia"])]


def test_the_bearer_of_a_stance_adjective_acts():
    found, _ = events_of("Суд вислухав пенсіонерів, незадоволених рішенням міської ради.")
    assert found == [("ACCUSE", ["Пенсіонери"], ["Міська рада"])]
    found, _ = events_of("Міністерство освіти оприлюднило звіт. У міністерстві дуже незадоволені рішенням міської "
                         "ради.")
    assert found == [("ACCUSE", ["Міністерство освіти"], ["Міська рада"])]


def test_a_duty_told_in_someones_words_is_their_request():
    found, analysis = events_of("За словами міністра Івана Петренка, уряд повинен переглянути ціни на ліки.")
    assert found == [("REQUEST", ["Ivan Petrenko"], ["Уряд"])]
    assert analysis.events[0].modality == "should"
    found, _ = events_of("Компанії повинні були повернути метал станції.")
    assert found == []


def test_the_subject_of_a_wished_clause_is_asked_to_act():
    found, _ = events_of("Профспілка вимагає, щоб уряд підвищив зарплати.")
    assert found == [("REQUEST", ["Профспілка"], ["Уряд"])]


def test_what_a_request_asks_for_is_no_event_even_put_first():
    found, _ = events_of("З проханням підтримати ветеранів громада звернулася до мера.")
    assert found == [("REQUEST", ["Громада"], ["Мер"])]


def test_a_court_sides_with_a_party_only_by_its_ruling():
    found, _ = events_of("Господарський суд підтримав позицію прокуратури та задовольнив позов.")
    assert [f[0] for f in found] == ["SANCTION"]


def test_a_seat_of_power_speaks_for_its_state_through_an_infinitive():
    found, _ = events_of("У Кремлі розраховували дискредитувати Україну.")
    assert found == [("ACCUSE", ["Russia"], ["Ukraine"])]


def test_blocked_accounts_are_a_seizure_not_a_rejection():
    found, analysis = events_of("Слідчий комітет Росії порушив справу проти поета Івана Петренка. Згодом його "
                                "банківські рахунки були заблоковані.")
    assert ("COERCE", ["Investigative Committee of Russia"], ["Ivan Petrenko"]) in found
    assert analysis.events[-1].mode == "seize"
    found, _ = events_of("Парламент заблокував ухвалення закону.")
    assert [f[0] for f in found] == ["REJECT"]


def test_an_infinitive_in_a_question_is_no_event():
    found, _ = events_of("Міністр внутрішніх справ Іван Петренко мовчить. Пане Петренко, чи не час вам зізнатись "
                         "в безпорадності?")
    assert found == []


@pytest.mark.parametrize(("text", "category"), [
    ("Російські військові викрадали активістів у Херсоні.", "ASSAULT"),  # the imperfective of викрасти
    ("Поліція арештовувала учасників акції.", "COERCE"),
    ("Фермери бастували біля будівлі уряду.", "PROTEST"),
    ("Компанія позивається до Міністерства юстиції України.", "ACCUSE"),
])
def test_aspect_partners_and_synonyms_of_event_verbs_are_events(text, category):
    found, _ = events_of(text)
    assert [f[0] for f in found] == [category]


def test_a_nominative_after_its_verb_is_the_subject():
    found, _ = events_of("На захист журналістки виступила Національна спілка журналістів України.")
    assert found == [("SUPPORT", ["Національна спілка журналістів"], None)]


def test_opposing_a_motion_rejects_the_one_who_made_it():
    found, _ = events_of("Прокуратура звернулася до суду з клопотанням про арешт мера. Проти задоволення клопотання "
                         "прокуратури виступила Асоціація правників України.")
    assert found[-1] == ("REJECT", ["Асоціація правників"], ["Прокуратура"])


def test_calling_a_charge_baseless_rejects_the_accuser():
    found, _ = events_of("Служба безпеки України повідомила про підозру меру Житомира Івану Коваленку. Звинувачення "
                         "проти себе Коваленко називає безпідставними.")
    assert found[-1] == ("REJECT", ["Ivan Kovalenko"], ["Security Service of Ukraine"])


def test_lowering_bail_eases_the_one_held():
    found, _ = events_of("Суд взяв під варту мера Житомира Івана Коваленка із заставою у 5 млн грн. Згодом розмір "
                         "застави було зменшено до 2 млн грн.")
    assert found[-1] == ("CONCEDE", ["Суд"], ["Ivan Kovalenko"])


def test_an_offer_for_a_bribe_is_a_demand_for_it():
    found, _ = events_of("Інспектор Петро Мельник пообіцяв фермеру Івану Гнатюку за 5 тис доларів неправомірної "
                         "вигоди закрити справу.")
    assert found == [("REQUEST", ["Petro Melnyk"], ["Ivan Hnatiuk"])]
    found, _ = events_of("Податківець Петро Мельник запропонував підприємцю Івану Гнатюку дати йому 20 тис грн за "
                         "позитивний висновок.")
    assert found == [("REQUEST", ["Petro Melnyk"], ["Ivan Hnatiuk"])]
    found, _ = events_of("Міністр Петро Мельник пообіцяв фермеру Івану Гнатюку закрити справу.")
    assert found == [("AGREE", ["Petro Melnyk"], ["Ivan Hnatiuk"])]


def test_an_impersonal_suspicion_is_the_prosecutions():
    found, _ = events_of("Суд відмовився звільнити мера Житомира Івана Коваленка з-під варти. Коваленко підозрюється "
                         "у розтраті коштів.")
    assert found[-1] == ("ACCUSE", ["Прокуратура"], ["Ivan Kovalenko"])
    found, _ = events_of("Прокуратура Київської області розпочала кримінальне провадження щодо мера Житомира Івана "
                         "Коваленка. Служба безпеки України затримала Коваленка. Наступного дня йому повідомили про "
                         "підозру.")
    assert found[-1] == ("ACCUSE", ["Прокуратура Київської області"], ["Ivan Kovalenko"])


def test_a_finding_told_as_a_comment_accuses():
    found, _ = events_of("Як встановили в Національній поліції, директор фірми «Альфа» Іван Коваленко привласнив "
                         "бюджетні кошти.")
    assert found == [("ACCUSE", ["National Police of Ukraine"], ["Ivan Kovalenko"])]


def test_undoing_a_ruling_eases_the_one_it_acted_on():
    found, _ = events_of("Апеляційний суд скасував ухвалу Печерського районного суду, якою відсторонили від посади "
                         "начальника відділу податків Житомирської ДПІ Олену Шевчук.")
    assert found == [("CONCEDE", ["Апеляційний суд"], ["Olena Shevchuk"]),
                     ("COERCE", ["Печерський районний суд"], ["Olena Shevchuk"])]


def test_a_long_title_ends_in_the_name_of_its_holder():
    found, _ = events_of("Суд призначив штраф колишньому головному спеціалісту відділу земельних ресурсів "
                         "Житомирської міської ради Івану Коваленку.")
    assert found == [("SANCTION", ["Суд"], ["Ivan Kovalenko"])]


def test_a_fine_received_is_imposed_by_the_court_the_next_sentence_names():
    found, _ = events_of("Колишній інспектор Житомирської митниці Іван Коваленко отримав 20 тис грн штрафу за "
                         "вимагання хабара. Про це свідчить вирок Богунського районного суду Житомира.")
    assert found == [("SANCTION", ["Богунський районний суд Житомира"], ["Ivan Kovalenko"])]


def test_a_complaint_to_the_police_naming_no_one_is_against_the_one_charged():
    found, _ = events_of("Поліція затримала мера Житомира Івана Коваленка за вимагання хабара. Справу розглядатиме "
                         "місцевий суд. Навесні підприємиця звернулася до правоохоронних органів із заявою.")
    assert found[-1][0] == "ACCUSE" and found[-1][2] == ["Ivan Kovalenko"]


def test_seizing_them_acts_on_the_one_the_things_were_taken_from():
    found, _ = events_of("Поліція провела обшук в офісі фірми «Альфа-Т» і вилучила злитки золота. Суд наклав арешт на "
                         "них наступного дня.")
    assert found[-1] == ("COERCE", ["Суд"], ["Альфа-Т"])


def test_a_participle_describing_a_kind_of_thing_is_no_event():
    found, _ = events_of("Міністр юстиції Денис Малюська розповів про продаж арештованого та конфіскованого державою "
                         "майна.")
    assert found == []


def test_a_finding_reads_the_subject_of_a_clause_verb_the_parser_split_off():
    found, _ = events_of("Слідчі встановили, що у серпні-грудні 2016 року «Компанія «Альфа-Т» поставила на окуповані "
                         "території вугілля.")
    assert found == [("ACCUSE", ["Слідчі"], ["Компанія «Альфа-Т»"])]


def test_a_bare_firm_found_to_do_wrong_is_the_firm_named_last():
    found, _ = events_of("Ремонт школи виконувало ТОВ «Будмайстер-2019». Поліція вважає, що фірма завищила вартість "
                         "робіт.")
    assert found == [("ACCUSE", ["Поліція"], ["ТОВ «Будмайстер-2019»"])]


def test_a_complaint_of_ill_health_is_no_accusation():
    found, _ = events_of("Мер Житомира Іван Коваленко поскаржився на самопочуття.")
    assert found == []


def test_what_a_suspect_says_in_their_defence_rejects_the_accuser():
    found, _ = events_of("Служба безпеки України повідомила про підозру меру Житомира Ользі Вишневській. На свій "
                         "захист Вишневська пояснила, що кошти витрачено законно.")
    assert found[-1] == ("REJECT", ["Olha Vyshnevska"], ["Security Service of Ukraine"])


def test_qualifying_someones_acts_under_the_code_charges_them():
    found, _ = events_of("Прокуратура Житомирської області завершила розслідування. Дії Івана Коваленка "
                         "кваліфіковано за ч. 3 ст. 191 КК.")
    assert found == [("ACCUSE", ["Прокуратура Житомирської області"], ["Ivan Kovalenko"])]


def test_denying_involvement_rejects_the_accuser():
    found, _ = events_of("Служба безпеки України повідомила про підозру меру Житомира Ользі Вишневській. Сама Ольга "
                         "Вишневська заперечувала свою причетність до розтрати коштів.")
    assert found[-1] == ("REJECT", ["Olha Vyshnevska"], ["Security Service of Ukraine"])


def test_persons_unknown_do_what_no_one_is_named_for():
    found, _ = events_of("Невідомі пошкодили пам'ятник Шевченку в центрі міста.")
    assert found == [("PROTEST", ["Невідомі"], None)]


def test_a_group_counted_in_figures_keeps_its_count():
    found, _ = events_of("Поліція затримала 15 протестувальників біля будівлі парламенту.")
    assert found == [("COERCE", ["Поліція"], ["15 протестувальників"])]


def test_a_clash_between_our_forces_and_the_enemy_is_the_enemys_attack():
    found, _ = events_of("Вночі біля села відбулося бойове зіткнення між нашими військовими і бойовиками.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])]


def test_forming_units_and_sending_them_to_the_front_is_mobilisation_of_ones_own():
    found, _ = events_of("Генштаб сформував три нові бригади.")
    assert found == [("MOBILIZE", ["General Staff of the Armed Forces of Ukraine"], None)]
    found, _ = events_of("Командування відправило на передову нове поповнення.")
    assert [f[0] for f in found] == ["MOBILIZE"]


def test_blocked_accounts_dismissal_and_extremist_rulings():
    found, analysis = events_of("Податкова служба заблокувала рахунки підприємця.")
    assert found[0][0] == "COERCE" and analysis.events[0].mode == "seize"
    found, analysis = events_of("Міністр звільнив заступника з посади.")
    assert found == [("SANCTION", ["Міністр"], ["Заступник"])] and analysis.events[0].mode == "expel"
    found, analysis = events_of("Суд визнав книгу екстремістською.")
    assert found[0][0] == "COERCE" and analysis.events[0].mode == "censor"  # banning content


def test_a_participle_of_a_verb_in_sty_and_the_imperfective_of_shooting():
    found, _ = events_of("Журналіст був викрадений бойовиками.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Журналіст"])]
    found, _ = events_of("Снайпер розстрілює перехожих на вулиці.")
    assert found == [("ASSAULT", ["Снайпер"], ["Перехожі"])]


def test_a_plural_verb_with_no_subject_is_what_others_did_to_the_witness():
    found, _ = events_of("«Спершу приїхав Іван Петренко, а наступного дня мене затримали», – розповів Олег Сидоренко.")
    assert found == [("COERCE", None, ["Oleh Sydorenko"])]


def test_the_doer_before_a_phrase_whose_noun_the_parser_made_the_subject():
    found, _ = events_of("Коли колона зупинилась, бойовики та найманці відкрили масований вогонь із засідки.")
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])]


def test_a_passive_coordinated_with_a_verb_is_done_to_its_subject():
    found, _ = events_of("Журналіст Олег Петренко пережив тортури та був звільнений через обмін полоненими.")
    assert found == [("RETREAT", None, ["Oleh Petrenko"])]


def test_a_call_up_and_units_formed_are_two_mobilisations():
    found, _ = events_of("Навесні пройшла друга хвиля часткової мобілізації. Також було сформовано 12 нових бригад.")
    assert [f[0] for f in found] == ["MOBILIZE", "MOBILIZE"]


def test_an_anniversary_or_a_need_of_an_act_is_no_act():
    found, _ = events_of("Ветерани відзначили річницю депортації чеченців радянською владою.")
    assert found == []
    found, _ = events_of("Міністр оборони наголосив на необхідності загальної мобілізації.")
    assert found == []


def test_acts_of_vandalism_listed_in_one_sentence_are_each_an_event():
    found, _ = events_of("Торік вандали облили фарбою погруддя поета, а згодом зруйнували пам'ятну дошку біля школи.")
    assert found == [("PROTEST", ["Вандали"], None), ("PROTEST", ["Вандали"], None)]


def test_coordinated_attack_verbs_in_one_sentence_tell_one_attack():
    found, _ = events_of("Стрілець розстріляв у кафе п'ятьох відвідувачів і поранив ще двох.")
    assert [f[0] for f in found] == ["ASSAULT"]
    found, _ = events_of("Бойовики обстріляли Авдіївку і атакували Мар'їнку.")  # two targets, two attacks
    assert [f[0] for f in found] == ["ASSAULT", "ASSAULT"]
    found, _ = events_of("Колона зупинилась біля мосту, нападники добивали поранених, ще двох водіїв вбили біля машин.")
    assert found == [("ASSAULT", ["Нападники"], ["Водії"])]  # clauses of one sentence, one massacre


def test_one_of_a_group_acts_named_as_written():
    found, _ = events_of("Один із відвідувачів вдарив охоронця кафе.")
    assert found == [("ASSAULT", ["Один із відвідувачів"], ["Охоронець кафе"])]
    found, _ = events_of("Один з бойовиків обстріляв блокпост.")  # one of the enemy is the enemy
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])]
    found, _ = events_of("Коли охоронець відмовився, відвідувач ударив його.")  # `ударити` is `вдарити`
    assert "ASSAULT" in [f[0] for f in found]


def test_aid_sent_to_the_front_stays_aid():
    found, _ = events_of("Волонтери відправили на передову гуманітарну допомогу.")
    assert [f[0] for f in found] == ["AID"]


def test_me_in_quotation_marks_is_the_one_whose_verb_introduces_them():
    found, _ = events_of("Свідок Олег Сидоренко довго мовчав. Сидоренко продовжує: «Спершу приїхав Іван Петренко, "
                         "а наступного дня мене затримали».")
    assert found == [("COERCE", None, ["Oleh Sydorenko"])]


def test_an_attack_repelled_right_after_it_is_told_is_that_attack():
    found, _ = events_of("Вранці окупанти атакували позиції біля Пісків. Ворожий напад відбито.")
    assert len(found) == 1
    found, _ = events_of("Ворожу атаку біля Пісків відбито.")  # told only so, it is still an attack
    assert found == [("ASSAULT", ["Armed Forces of Russia"], ["Armed Forces of Ukraine"])]


def test_a_ruling_on_a_claim_is_the_courts_and_rejects_the_claimant_told_before():
    # the court of another instance is not the one named before, and the claimant comes from the case
    found, _ = events_of("Господарський суд Одеської області розглядав справу. Міська прокуратура подала позов "
                         "до ТОВ «Берізка». Проте восени суд першої інстанції в позові відмовив.")
    assert ("REJECT", ["Суд першої інстанції"], ["Міська прокуратура"]) in found


def test_a_refused_cassation_rejects_the_claimant_of_the_refused_claim():
    found, _ = events_of("Апеляційний суд відмовився задовольнити позов фермера Петра Коваля до сільради. "
                         "Згодом касаційний суд відхилив касацію.")
    assert ("REJECT", ["Касаційний суд"], ["Petro Koval"]) in found


def test_annulling_a_contract_rules_against_the_party_that_made_it():
    found, _ = events_of("Господарський суд визнав недійсним договір купівлі будівлі, яку Бердичівська міська рада "
                         "продала фірмі «Зоряна».")
    assert ("SANCTION", ["Господарський суд"], ["Бердичівська міська рада"]) in found


def test_a_bare_court_in_the_lead_is_the_court_the_next_sentence_names():
    found, _ = events_of("Суд визнав незаконним наказ директора школи Ганни Лук'яненко. "
                         "Про це свідчить рішення Житомирського окружного адміністративного суду.")
    assert found and found[0][:2] == ("SANCTION", ["Житомирський окружний адміністративний суд"]), found


def test_upholding_a_ruling_rejects_the_one_that_ruling_went_against():
    found, _ = events_of("У вересні апеляційний суд залишив без змін ухвалу херсонського суду, який відмовився "
                         "відпустити Олега Ткачука з-під варти.")
    assert ("REJECT", ["Апеляційний суд"], ["Oleh Tkachuk"]) in found


def test_a_court_named_by_an_adjective_the_dictionary_cannot_inflect_is_named_in_the_nominative():
    found, _ = events_of("Суд залишив без змін рішення дніпропетровського суду, який відмовився звільнити "
                         "Івана Петрука.")
    assert any(f[1] == ["Дніпропетровський суд"] for f in found), found


def test_a_fine_is_the_courts_and_befalls_the_charged_person_read_as_its_subject():
    found, _ = events_of("Поліція затримала Ігоря Савчука. Суд зважив, що Савчук характеризується позитивно, не "
                         "перебуває на обліку, визнав вину та щиро розкаявся і призначив йому штраф у розмірі "
                         "17 тис грн.")
    assert ("SANCTION", ["Суд"], ["Ihor Savchuk"]) in found
    assert not any(f[0] == "SANCTION" and f[1] == ["Ihor Savchuk"] for f in found)
