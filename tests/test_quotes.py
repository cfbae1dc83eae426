"""Quotations: direct quotes in each typographic style, reported speech, mixed quotes, speakers
through names, roles and pronouns, and the things that look like quotes but are not."""

import pytest

from khronika import analyze
from khronika.extraction.quotes import quoted_spans


def quotes_of(text: str, lang: str = "uk", published: str = "2022-02-10"):
    analysis = analyze(text, published=published, lang=lang, title="")
    names = {a.id: a.name for a in analysis.actors}
    return [(q.kind, names.get(q.speaker), q.text, q.cue) for q in analysis.quotes]


@pytest.mark.parametrize("text, inner", [
    ("Він сказав: «Ми готові до діалогу».", "Ми готові до діалогу."),
    ("Він сказав: „Ми готові до діалогу“.", "Ми готові до діалогу"),
    ("He said: “We are ready for dialogue”.", "We are ready for dialogue"),
    ('Він сказав: "Ми готові до діалогу".', "Ми готові до діалогу"),
    ("«Ми згадали „Нафтогаз“ і пішли», – сказав він.", "Ми згадали „Нафтогаз“ і пішли"),
])
def test_quotation_marks_pair_in_every_style(text, inner):
    spans = quoted_spans(text)
    assert inner.rstrip(".") in [text[s.start:s.end].rstrip(".") for s in spans]


def test_apostrophes_and_unclosed_marks_open_nothing():
    assert quoted_spans("Він з'явився у м’ячі «без кінця") == []


def test_direct_quote_with_dash_attribution_after_it():
    found = quotes_of('"Ми закликаємо Росію до деескалації та діалогу" – повідомив Жозеп Боррель.')
    assert found == [("direct", "Josep Borrell", "Ми закликаємо Росію до деескалації та діалогу", "повідомити")]


def test_direct_quote_introduced_by_a_colon_after_the_speaker():
    found = quotes_of("Дмитро Кулеба заявив: «Україна не піде на жодні поступки агресору».", published="2021-05-01")
    assert found[0][:2] == ("direct", "Dmytro Kuleba")
    assert found[0][2].startswith("Україна не піде")


def test_reported_speech_is_the_content_after_the_complementiser():
    found = quotes_of("Антоні Блінкен зазначив, що відповідь повністю скоординована з Україною.")
    assert found == [("indirect", "Antony Blinken", "відповідь повністю скоординована з Україною", "зазначити")]


def test_speaker_is_the_subject_not_the_nearest_name():
    found = quotes_of("Сергій Лавров у відповідь на лист Жозепа Борреля заявив, що Москва не відступить.")
    assert found[0][1] == "Sergey Lavrov"


def test_according_to_with_a_pronoun_goes_to_the_last_person_and_mixed_quotes():
    found = quotes_of('Володимир Путін заявив, що переговори тривають. За його словами, ситуація стає '
                      '"все більш напруженою".')
    assert found[1] == ("mixed", "Vladimir Putin", 'ситуація стає "все більш напруженою"', "за словами")


def test_about_this_attributes_the_sentence_before():
    found = quotes_of("Країни ЄС закликають Росію до діалогу. Про це Жозеп Боррель написав у Twitter.")
    assert found[0][:3] == ("indirect", "Josep Borrell", "Країни ЄС закликають Росію до діалогу")


def test_statement_attribution_after_a_dash():
    found = quotes_of("Україна не визнає результатів виборів, – сказано в заяві МЗС України.")
    speaker = "Ministry of Foreign Affairs of Ukraine"
    assert found[0][:3] == ("indirect", speaker, "Україна не визнає результатів виборів")


@pytest.mark.parametrize("text", [
    'Росія передала США проекти "договору про гарантії безпеки" та "угоди про заходи безпеки".',
    'Газета "День" і компанія "Нафтогаз України" уклали угоду.',
    "Зазначимо, що 17 грудня Росія передала США свої пропозиції.",
])
def test_names_titles_and_the_authors_voice_are_not_quotes(text):
    assert quotes_of(text) == []


def test_english_reported_speech():
    found = quotes_of("Antony Blinken said that the response was fully coordinated with Ukraine.", lang="en")
    assert found == [("indirect", "Antony Blinken", "the response was fully coordinated with Ukraine", "say")]


def test_an_organisation_named_by_a_common_noun_phrase_becomes_the_speaker():
    analysis = analyze("Обласна прокуратура заявила, що справу передано до суду.", published="2021-03-01", lang="uk",
                       title="")
    quote = analysis.quotes[0]
    speaker = next(a for a in analysis.actors if a.id == quote.speaker)
    assert (speaker.type, speaker.name) == ("ORG", "Обласна прокуратура")
    assert quote.text == "справу передано до суду"


def test_a_quote_running_over_paragraphs_is_one_quote():
    text = "Міністр сказав:\n«Ми готові до переговорів.\n«Але поступок не буде», – додав він."
    spans = quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["Ми готові до переговорів.\n«Але поступок не буде"]


@pytest.mark.corpus
def test_quotes_dev_set_scores(tmp_path):
    import json
    from pathlib import Path

    from conftest import DATA

    from khronika.evaluation.quotes import evaluate_quotes, load_dev

    documents = load_dev(Path(__file__).parent / "data")[:4]
    (tmp_path / "quotes_dev.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents),
                                               encoding="utf-8")
    report = evaluate_quotes(DATA, tmp_path)
    assert report["documents"] == 4 and report["gold_quotes"] == sum(len(d["quotes"]) for d in documents)
    assert report["overlap"]["precision"] >= 0.6 and report["overlap"]["recall"] >= 0.5
    assert report["exact"]["f1"] <= report["overlap"]["f1"]


def test_records_are_not_speakers():
    assert quotes_of("За даними держреєстру, власником фірми є Іван Петренко.") == []


def test_gerunds_and_verb_phrases_report_too():
    found = quotes_of("Суддя Олег Голяшкін подав позов, стверджуючи, що йому ніде жити.")
    assert found[0][2:] == ("йому ніде жити", "стверджувати")
    found = quotes_of("Колегія суддів дійшла висновку, що договір дійсний.")
    assert found[0][2:] == ("договір дійсний", "дійти висновку")


def test_an_object_or_infinitive_can_be_the_reported_content():
    found = quotes_of("Сам Мусєєв заперечує свій зв'язок з цими фірмами.")
    assert found[0][2:] == ("свій зв'язок з цими фірмами", "заперечувати")


def test_a_whole_sentence_in_quotation_marks_is_direct_speech():
    found = quotes_of("Він довго мовчав. «Я любила залазити на дерева й ховатися там».")
    assert found == [("direct", None, "Я любила залазити на дерева й ховатися там", None)]


def test_an_institution_named_after_a_preposition_speaks_and_abstract_nouns_do_not():
    analysis = analyze("Спочатку в обласній клінічній лікарні виданню повідомили, що грошей немає.",
                       published="2020-01-01", lang="uk", title="")
    names = {a.id: a.name for a in analysis.actors}
    assert names[analysis.quotes[0].speaker] == "Обласна клінічна лікарня"
    analysis = analyze("Правильність такого рішення підтвердив суд, зазначивши, що договір дійсний.",
                       published="2020-01-01", lang="uk", title="")
    assert "Правильність" not in {a.name for a in analysis.actors}


def test_an_attribution_inside_the_marks_splits_the_quote_in_two():
    found = quotes_of("Тарас Коваль прийшов на нараду. « Ми зробили все можливе , - каже Коваль . - Решта "
                      "залежить від міністерства » .", published="2020-01-01")
    assert [q[2] for q in found] == ["Ми зробили все можливе", "Решта залежить від міністерства"]
    assert {q[1] for q in found} == {"Taras Koval"} and {q[3] for q in found} == {"казати"}


def test_the_person_named_in_an_attribution_after_the_quote_speaks_not_the_quoted_names():
    found = quotes_of("«Компанія «Нафтогаз» платить вчасно і без затримок», – розповідає директор заводу «Арсенал» "
                      "Ігор Мельник.", published="2020-01-01")
    assert found[0][:2] == ("direct", "Ihor Melnyk")


def test_a_pronoun_goes_to_the_latest_person_of_its_gender():
    found = quotes_of("Дружина Олена Гнатюк разом з сином Петром Гнатюком тримає бджіл. «Меду цього року "
                      "дуже багато», – сміється вона.", published="2020-01-01")
    assert found[-1][1] == "Olena Hnatiuk"


def test_a_person_noun_goes_to_the_person_it_introduced():
    found = quotes_of("Виставу поставив режисер Андрій Приходько. Потім на сцену вийшов Іван Сидоренко. "
                      "Режисер сказав: «Ця вистава про втрачений рай і про надію».", published="2020-01-01")
    assert found[-1][:2] == ("direct", "Andrii Prykhodko")


def test_an_investigation_speaks_for_the_body_the_article_names():
    found = quotes_of("Генпрокуратура розслідує розтрату на залізниці. За даними слідства, фірма завищила "
                      "ціни вдвічі.", published="2016-01-01")
    assert found[-1][1:3] == ("Office of the Prosecutor General of Ukraine", "фірма завищила ціни вдвічі")


def test_an_outlet_the_ner_tags_as_a_work_speaks():
    analysis = analyze("Мер Львова купив квартиру. Про це повідомляє «Слідство.\nІнфо» на своїй сторінці.",
                       published="2020-01-01", lang="uk", title="")
    quote = analysis.quotes[0]
    assert quote.text == "Мер Львова купив квартиру" and quote.speaker_text == "Слідство.\nІнфо"


def test_an_impersonal_statement_goes_to_the_owner_of_the_document():
    found = quotes_of("Мер продав ділянку забудовнику. Про це йдеться в ухвалі Шевченківського райсуду від 3 "
                      "березня.", published="2016-01-01")
    analysis = analyze("Мер продав ділянку забудовнику. Про це йдеться в матеріалі Оксани Бондар на сайті "
                       "«Наші гроші».", published="2016-01-01", lang="uk", title="")
    assert found[0][2] == "Мер продав ділянку забудовнику" and found[0][1] == "Шевченківський районний суд"
    assert {a.id: a.name for a in analysis.actors}[analysis.quotes[0].speaker] == "Oksana Bondar"


def test_an_outlet_before_the_verb_speaks():
    analysis = analyze("Також ZIK повідомив, що фірма залучала військових до ремонту.", published="2016-01-01",
                       lang="uk", title="")
    assert analysis.quotes and analysis.quotes[0].speaker_text == "ZIK"


def test_the_colon_attribution_may_stand_far_back_in_its_sentence():
    found = quotes_of("Міністр спорту Ігор Жданов тепло привітав збірну, її тренерів і лікарів за перемоги, що "
                      "прославляють Україну у світі, на чемпіонатах і кубках: «Нехай ще неодноразово лунає гімн "
                      "України».", published="2016-01-01")
    assert found[0][:2] == ("direct", "Ihor Zhdanov") and found[0][3] == "привітати"


def test_a_subject_pronoun_earlier_or_no_subject_at_all_goes_to_the_last_person():
    found = quotes_of("Тарас Шевчук прийшов на збори. Він довго мовчав і слухав, потім каже: «Ми нікуди не "
                      "підемо звідси». Запевняє, що ніхто до нього не звертався.", published="2016-01-01")
    assert [q[1] for q in found] == ["Taras Shevchuk", "Taras Shevchuk"]


def test_a_register_bulletin_is_not_a_speaker():
    assert quotes_of("Лікарня купила томограф за 40 млн грн. Про це повідомляється у «Віснику державних "
                     "закупівель».", published="2016-01-01") == []


def test_the_authors_own_remark_is_not_a_quote():
    assert quotes_of("Варто зазначити, що ділянка дісталася фірмі від забудовника.", published="2016-01-01") == []


def test_a_trailing_attribution_after_a_comma():
    found = quotes_of("Мерія визнала фірму переможцем конкурсу, пише Максим Опанасенко на сайті «Свідомо».",
                      published="2016-01-01")
    assert found == [("indirect", "Maksym Opanasenko", "Мерія визнала фірму переможцем конкурсу", "писати")]
    found = quotes_of("У громаді виникли перші проблеми з басейном, йдеться на місцевих ресурсах.",
                      published="2016-01-01")
    assert found[0][2] == "У громаді виникли перші проблеми з басейном"


def test_a_statement_verb_before_that_reports_but_not_a_relative_that():
    found = quotes_of("В ухвалі йдеться, що суддя заблокував рішення суду.", published="2016-01-01")
    assert found[0][2] == "суддя заблокував рішення суду"
    assert quotes_of("Йдеться про землю лісу, що знаходиться за валами.", published="2016-01-01") == []


def test_a_claim_in_a_pro_phrase_and_requests_are_reported_content():
    found = quotes_of("Прокурор Іван Мельничук зазначив про недотримання конкурсного порядку.", published="2016-01-01")
    assert found[0][2:] == ("недотримання конкурсного порядку", "зазначити")
    assert quotes_of("Прокурор повідомив про підозру директору фірми.", published="2016-01-01") == []
    found = quotes_of("Депутат Олег Гнатюк закликає допомогти його родині зібрати заставу.", published="2016-01-01")
    assert found[0][2] == "допомогти його родині зібрати заставу"


def test_naming_and_thanking_report_words_only_with_a_quoted_fragment():
    found = quotes_of("Депутат Олег Гнатюк називав директора «смотрящим» за заводом.", published="2016-01-01")
    assert found[0][0] == "mixed" and found[0][2] == "директора «смотрящим» за заводом"
    assert quotes_of("Чоловік подякував мені за цікавість і пішов далі.", published="2016-01-01") == []


def test_movliav_opens_reported_content():
    found = quotes_of("Батьки обурені. Мовляв, тренерам повідомили про звільнення без жодної альтернативи.",
                      published="2016-01-01")
    assert found[0][2] == "тренерам повідомили про звільнення без жодної альтернативи"


def test_the_speaker_is_given_as_the_text_names_it_here():
    analysis = analyze("Суддя Олег Гнатюк відкрив засідання. «Справу буде розглянуто до кінця тижня», – сказав він.",
                       published="2016-01-01", lang="uk", title="")
    quote = analysis.quotes[-1]
    assert quote.speaker_text == "він" and {a.id: a.name for a in analysis.actors}[quote.speaker] == "Oleh Hnatiuk"


def test_a_pronoun_after_a_direct_quote_knows_its_speaker():
    found = quotes_of("«Розпис - це обереги », - каже художниця Олеся Статива. Мак, за її словами, символізує "
                      "боротьбу любові та ненависті.", published="2016-01-01")
    assert found[-1][1] == "Olesia Statyva"


def test_an_investigation_speaks_for_a_body_the_ner_missed():
    analysis = analyze("Поліція підозрює директора лікарні у розтраті. Слідство встановило, що фірма не має "
                       "ліцензії.", published="2016-01-01", lang="uk", title="")
    names = {a.id: a.name for a in analysis.actors}
    assert names[analysis.quotes[-1].speaker] == "Поліція" and analysis.quotes[-1].speaker_text == "Слідство"


def test_a_ruling_speaks_for_the_court_named_before():
    analysis = analyze("Вчора Печерський районний суд розглянув справу. В ухвалі йдеться, що суддя "
                       "заблокував рішення.", published="2016-01-01", lang="uk", title="")
    names = {a.id: a.name for a in analysis.actors}
    assert "суд" in names[analysis.quotes[-1].speaker].lower()


def test_a_noun_before_the_verb_blocks_the_no_subject_fallback_and_may_hold_the_organisation():
    analysis = analyze("Іван Петренко продав паркінг. Разом з тим сайт Департаменту економіки мерії заявляє про "
                       "72 млн грн.", published="2016-01-01", lang="uk", title="")
    quote = analysis.quotes[-1]
    assert quote.text.endswith("72 млн грн") and "Департамент" in quote.speaker_text


def test_a_named_subject_before_the_verb_beats_a_misparsed_object():
    analysis = analyze("У квітні ТОВ «Агромаш» повідомило держпідприємство, що відмовляється від товару.",
                       published="2016-01-01", lang="uk", title="")
    assert "Агромаш" in analysis.quotes[0].speaker_text


def test_the_name_inside_a_role_phrase_is_the_speaker_text():
    analysis = analyze("Президент Національного олімпійського комітету України Сергій Бубка привітав гімнастів: "
                       "«Нехай ще не раз лунає гімн України на ваших змаганнях».", published="2016-01-01", lang="uk",
                       title="")
    assert analysis.quotes[0].speaker_text == "Сергій Бубка"


def test_a_cue_inside_the_clause_leaves_the_whole_clause_and_names_the_pronoun():
    analysis = analyze("Художниця Олеся Статива показала розпис. Мак, за її словами, символізує боротьбу любові "
                       "та ненависті.", published="2016-01-01", lang="uk", title="")
    quote = analysis.quotes[-1]
    assert quote.text == "Мак, за її словами, символізує боротьбу любові та ненависті" and quote.speaker_text == "її"


def test_a_source_with_no_comma_after_it_ends_at_its_noun_phrase():
    analysis = analyze("СБУ розслідує справу. За даними слідства невстановлені особи розтратили частину коштів, "
                       "перерахувавши їх фірмам.", published="2016-01-01", lang="uk", title="")
    quote = analysis.quotes[-1]
    assert quote.text.startswith("невстановлені особи розтратили") and quote.speaker_text == "слідства"
    assert {a.id: a.name for a in analysis.actors}[quote.speaker] == "Security Service of Ukraine"


def test_an_unresolved_person_noun_subject_takes_no_nearby_name_and_they_is_no_one_person():
    found = quotes_of("У протоколі про відхилення «УПС» свідок зазначив, що компанія надала накази.",
                      published="2016-01-01")
    assert found[0][1] is None
    found = quotes_of("У протоколі про відхилення «УПС» Замовник зазначив, що компанія надала накази.",
                      published="2016-01-01")
    assert found[0][1] == "Замовник"  # the procuring body, not the company named nearby
    found = quotes_of("Директор Іван Петренко викликав працівників. Вони повідомили, що документи зникли.",
                      published="2016-01-01")
    assert found[-1][1] is None


def test_the_exact_wording_after_a_colon_is_the_subjects():
    analysis = analyze("Обидві пропозиції комітет з конкурсних торгів відхилив з однаковим формулюванням: «сертифікат "
                       "відповідності надано на товар, який не відповідає вимогам».", published="2016-01-01",
                       lang="uk", title="")
    quote = analysis.quotes[0]
    assert quote.kind == "direct" and quote.speaker_text and "комітет" in quote.speaker_text.lower()


def test_a_person_noun_is_not_the_organisation_it_works_for():
    analysis = analyze("Заступник голови РДА Сергій Білецький відкрив нараду. За словами заступника голови РДА, "
                       "кожна школа отримає автобус.", published="2016-01-01", lang="uk", title="")
    assert {a.id: a.name for a in analysis.actors}[analysis.quotes[-1].speaker] == "Serhii Biletskyi"


def test_an_outlet_noun_takes_no_name_from_the_next_clause():
    analysis = analyze("Про це пише Григорій Пирлік на сайті «МедіаПорт». Як зазначає видання, Андрій Артеменко "
                       "є сином колишнього директора.", published="2016-01-01", lang="uk", title="")
    names = {a.id: a.name for a in analysis.actors}
    assert names.get(analysis.quotes[-1].speaker) != "Andrii Artemenko"


def test_a_name_in_apposition_to_a_nominative_noun_is_someone_the_text_is_about():
    found = quotes_of("Іван Панько створив майстерню. Справу продовжує його донька Валентина. Вона розповідає, що "
                      "навчилася малювати в дитинстві.", published="2016-01-01")
    assert found[-1][1] == "Valentyna"


def test_a_register_with_no_comma_after_it_is_not_a_source_either():
    assert quotes_of("За даними «ВДЗ» фірма з червня почала вигравати тендери.", published="2016-01-01") == []


def test_a_surname_alone_goes_to_the_relative_of_its_gender():
    found = quotes_of("Суддя Петро Гайдамакін живе в Києві. Його мати Ганна Гайдамакіна має квартиру. "
                      "Гайдамакін стверджує, що житла не має.", published="2016-01-01")
    assert found[-1][1] == "Petro Haidamakin"


def test_a_surname_that_does_not_change_goes_by_the_verb_it_agrees_with():
    found = quotes_of("Прокурор Олександр Корнієць має доньку. Квартиру отримала його донька Єлизавета Корнієць. "
                      "Корнієць відповів, що все законно.", published="2016-01-01")
    assert found[-1][1] == "Oleksandr Korniiets"


def test_a_first_name_alone_is_the_person_named_in_full_with_it():
    found = quotes_of("Я познайомилася з шахтарем Андрієм Цикоревим. «На душі добре, коли вони воркують», - "
                      "пояснив Андрій.", published="2016-01-01")
    assert found[-1][1] == "Andrii Tsykorev"


def test_a_procuring_body_named_by_its_role_speaks_as_an_organisation():
    analysis = analyze("Комісія розглянула тендерні пропозиції. У протоколі Замовник зазначив, що компанія не надала "
                       "довідку про досвід.", published="2016-01-01", lang="uk", title="")
    quote = analysis.quotes[-1]
    speaker = {a.id: a for a in analysis.actors}[quote.speaker]
    assert speaker.type == "ORG" and quote.speaker_text == "Замовник"


def test_tax_officers_with_no_office_named_stand_for_their_service():
    analysis = analyze("За даними податківців, фірма мала взаємовідносини з фіктивними підприємствами.",
                       published="2016-01-01", lang="uk", title="")
    quote = analysis.quotes[-1]
    speaker = {a.id: a for a in analysis.actors}[quote.speaker]
    assert speaker.type == "ORG" and quote.speaker_text == "податківців"


def test_a_subject_noun_the_parser_reads_in_a_case_it_cannot_have_is_still_the_subject():
    found = quotes_of("Прокурор Олександр Корнієць відповів на запитання журналістів. Відповідні документи прокурор "
                      "пообіцяв показати після завершення провадження.", published="2016-01-01")
    assert found[-1][1] == "Oleksandr Korniiets"


def test_the_journalist_is_the_author_of_the_material_the_article_retells():
    found = quotes_of("Дружина депутата Юрія Мірошниченка продає будинок. Про це йдеться в матеріалі Оксани Коваленко "
                      "на «Українській правді». Довідник називає мешканцем будинку Юрій Мірошниченко. «Встановити, яке "
                      "відношення має депутат до будинку, не вдалося», – "
                      "пише журналіст.", published="2016-01-01")
    assert found[-1][1] == "Oksana Kovalenko"


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before_over_a_later_name_in_it():
    found = quotes_of("Увечері прийшов вітчим Юрій Ісиков. Вітчим - людина непростої долі, про що свідчать "
                      "витатуйовані на плечі погони, на печінці - святий Миколай. Він відсидів у в'язниці, каже: "
                      "«Голуби на зону літають, листи "
                      "передають».", published="2016-01-01")
    assert found[-1][1] == "Yurii Isykov"


def test_a_first_name_after_a_kin_noun_takes_the_family_surname_and_the_feminine_noun_the_latest_woman():
    found = quotes_of("«Розпис - це обереги», - каже художниця Олеся Статива. Корифей розпису Федір Панко помер 2007 "
                      "року. Продовжує родинну справу Панкова донька Валентина. Образи вона знаходить у природі. "
                      "«Мене змалку оточували квіти і трави», - розповідає художниця.", published="2016-01-01")
    assert found[0][1] == "Olesia Statyva" and found[-1][1] == "Valentyna Panko"


def test_a_plural_verb_with_no_subject_goes_on_about_the_staff_of_the_sentence_before():
    analysis = analyze("«Укрзалізниця» замовила новий засіб. Показати лабораторію, у якій виготовляється засіб – "
                       "залізничники також відмовились. "
                       "Натомість повідомили, що уклали угоду з центром Міноборони.", published="2016-01-01",
                       lang="uk", title="")
    quote = analysis.quotes[-1]
    assert {a.id: a.name for a in analysis.actors}[quote.speaker] == "Ukrzaliznytsia"
    assert quote.speaker_text == "залізничники"
