"""Site furniture against article text: `is_furniture`, `clean_lines` and `RepeatedLines`.

Every line here was written for these tests (invented news and invented site prompts).
"""

from __future__ import annotations

import pytest

from khronika.ingest.furniture import RepeatedLines, clean_lines, fingerprint, is_furniture

RELATED_AND_CREDITS = [
    ("uk", "Читайте також: Уряд оновив правила перетину кордону"),
    ("uk", "ЧИТАЙТЕ ТАКОЖ. Що зміниться в податках із липня"),
    ("uk", "Дивіться також: як відбудовують міст у Чернігові"),
    ("uk", "Фото: Олена Петренко / Вигадана агенція"),
    ("uk", "Джерело: пресслужба міської ради"),
    ("uk", "Поділитися"),
    ("uk", "https://news.example/ukr/2024/05/budget"),
    ("ru", "Читайте также: В Казани открыли новый мост"),
    ("ru", "Фото: пресс-служба мэрии"),
    ("ru", "Источник: региональное министерство"),
    ("en", "Read more: Parliament approves the new budget"),
    ("en", "See also: How the bridge will be rebuilt"),
    ("en", "Photo: Jane Roe / Invented Agency"),
    ("en", "Related: Ten things to know about the vote"),
    ("en", "© 2024 Invented Media Group"),
    ("en", "— — —"),
]

CALLS_TO_ACTION = [
    ("uk", "Підпишіться на наш канал, щоб першими дізнаватися головне."),
    ("uk", "Надсилайте свої фото та відео з місця подій у приватні повідомлення."),
    ("uk", "Долучайтеся до нашої спільноти в соцмережах."),
    ("uk", "Поширте цю новину серед друзів."),
    ("uk", "Якщо вам сподобався матеріал, підтримайте редакцію."),
    ("uk", "Отримуйте найважливіші новини дня на свою пошту."),
    ("ru", "Подписывайтесь на наш канал, чтобы не пропустить главное."),
    ("ru", "Оставьте свой комментарий под статьей."),
    ("ru", "Присылайте нам свои новости и фотографии."),
    ("ru", "Расскажите друзьям об этой статье."),
    ("ru", "Подпишитесь на рассылку, чтобы получать главные новости."),
    ("ru", "Включайте уведомления, чтобы первыми узнавать о главном."),
    ("en", "Follow us on social media for the latest updates."),
    ("en", "Download our app to get breaking news alerts."),
    ("en", "Tell us what you think in the comments below."),
    ("en", "Sign up for our morning briefing"),
    ("en", "Get the best of our reporting in your inbox every week."),
]

NEWS = [
    ("uk", "Кабмін у середу ухвалив постанову про нові тарифи на електроенергію."),
    ("uk", "«Ми не відступимо від своїх вимог», — заявив міністр на брифінгу."),
    ("uk", "Міністр сказав: «Підтримайте нашу армію», звертаючись до партнерів."),
    ("uk", "Посол зазначив, що «ніхто не чекав такого рішення»."),
    ("uk", "— Підтримайте нас у цей складний час, — сказав волонтер."),
    ("uk", "Скажімо, у Львові такі правила вже діють."),
    ("uk", "Нагадаємо, раніше уряд уже змінював порядок виплат пенсій."),
    ("uk", "Зазначимо, що минулого року ціни на газ зросли на 12%."),
    ("uk", "Президент закликав партнерів пришвидшити постачання техніки."),
    ("uk", "Тим часом у Харкові відновили рух тролейбусів."),
    ("uk", "За словами мера, ремонт школи завершать до вересня."),
    ("uk", "Крім того, до кінця тижня відкриють ще три пункти обігріву."),
    ("uk", "Фотовиставку про відбудову відкрили у Львові в суботу."),
    ("ru", "Правительство в среду утвердило новый порядок выдачи субсидий."),
    ("ru", "«Мы продолжим переговоры», — сказал представитель министерства."),
    ("ru", "Напомним, ранее власти уже повышали тарифы на проезд."),
    ("ru", "Отметим, что в прошлом году показатель был выше."),
    ("ru", "Источник в правительстве сообщил, что отставки не будет."),
    ("ru", "По словам министра, реформа займет несколько лет."),
    ("en", "The ministry said on Tuesday that talks would resume next week."),
    ("en", "\"We will not back down,\" the minister told reporters."),
    ("en", "\"Stop the shelling,\" he said after the meeting."),
    ("en", "Officials urged residents to stay indoors during the storm."),
    ("en", "Share prices fell sharply after the announcement."),
    ("en", "Meanwhile, the central bank left interest rates unchanged."),
    ("en", "Video footage showed the car crossing the bridge."),
    ("en", "Speaking at the summit, the president called for unity."),
]


@pytest.mark.parametrize(("lang", "line"), RELATED_AND_CREDITS)
def test_related_links_and_credits_are_furniture(lang, line):
    assert is_furniture(line, lang)
    assert is_furniture(f"  {line}  ", lang)


@pytest.mark.parametrize(("lang", "line"), CALLS_TO_ACTION)
def test_reader_addressed_calls_to_action_are_furniture(lang, line):
    assert is_furniture(line, lang)


@pytest.mark.parametrize(("lang", "line"), NEWS)
def test_news_sentences_are_kept(lang, line):
    assert not is_furniture(line, lang)


@pytest.mark.parametrize("line", ["", "   ", "\t"])
def test_blank_line_is_not_furniture(line):
    assert not is_furniture(line, "uk")


def test_long_paragraph_is_not_a_call_to_action():
    paragraph = ("Підпишіться під кожним словом цього звіту, сказав би аудитор, але комісія дійшла іншого висновку: "
                 "бюджет міста виконано лише на дві третини, ремонт доріг відкладено, а три школи так і не "
                 "отримали обіцяного фінансування до кінця навчального року, через що батьки "
                 "звернулися до суду.")
    assert len(paragraph.split()) > 40
    assert not is_furniture(paragraph, "uk")


@pytest.mark.parametrize("line", ["Credit-card debt reached a record high in May, the central bank said.",
                                  "Video-game sales fell by 8% last year, analysts said."])
def test_hyphenated_compound_at_line_start_is_kept(line):
    assert not is_furniture(line, "en")


@pytest.mark.parametrize("line", ["Поддержите редакцию донатом.", "Поделитесь статьей в соцсетях."])
def test_russian_imperatives_ambiguous_with_future(line):
    assert is_furniture(line, "ru")


def test_clean_lines_splits_article_from_furniture():
    lines = [
        "Міська рада ухвалила програму ремонту доріг на 2024 рік.",
        "",
        "Читайте також: Як змінилися тарифи на воду",
        "  На ремонт виділять 120 мільйонів гривень, повідомив заступник мера.  ",
        "Фото: пресслужба міської ради",
        "Нагадаємо, торік відремонтували лише половину запланованих вулиць.",
        "Підпишіться на наш канал, щоб не пропустити головне.",
    ]
    kept, removed = clean_lines(lines, "uk")
    assert kept == [
        "Міська рада ухвалила програму ремонту доріг на 2024 рік.",
        "На ремонт виділять 120 мільйонів гривень, повідомив заступник мера.",
        "Нагадаємо, торік відремонтували лише половину запланованих вулиць.",
    ]
    assert removed == [
        "Читайте також: Як змінилися тарифи на воду",
        "Фото: пресслужба міської ради",
        "Підпишіться на наш канал, щоб не пропустити головне.",
    ]


# --- lines repeated across a site -------------------------------------------------------------------------

SIGNATURE = "Редакція порталу «Південний вісник» працює цілодобово."
TOPICS = [
    "Уряд ухвалив постанову про ремонт доріг у трьох областях.",
    "Мерія оголосила конкурс на проєкт нового парку.",
    "Суд відклав розгляд справи про забудову набережної.",
    "Залізниця призначила додатковий поїзд до моря.",
    "Університет відкрив набір на нову магістерську програму.",
    "Лікарня отримала сучасний апарат для діагностики.",
]


def _site(repeated: RepeatedLines, site: str, signature_in: int) -> None:
    for i, topic in enumerate(TOPICS):
        lines = [topic, SIGNATURE] if i < signature_in else [topic]
        repeated.add(site, "\n".join(lines))


def test_line_repeated_across_a_site_is_furniture_there_only():
    repeated = RepeatedLines(min_articles=5, min_count=3)
    _site(repeated, "south.example", signature_in=4)
    _site(repeated, "north.example", signature_in=1)
    assert repeated.is_repeated("south.example", SIGNATURE)
    assert not repeated.is_repeated("north.example", SIGNATURE)
    assert not repeated.is_repeated("elsewhere.example", SIGNATURE)
    assert not repeated.is_repeated("south.example", TOPICS[0])

    body = [TOPICS[0], SIGNATURE]
    assert clean_lines(body, "uk", repeated, "south.example") == ([TOPICS[0]], [SIGNATURE])
    assert clean_lines(body, "uk", repeated, "north.example") == (body, [])


def test_repetition_needs_min_count():
    repeated = RepeatedLines(min_articles=5, min_count=3)
    _site(repeated, "south.example", signature_in=2)
    assert not repeated.is_repeated("south.example", SIGNATURE)
    repeated.add("south.example", f"Ще одна новина про погоду.\n{SIGNATURE}")
    assert repeated.is_repeated("south.example", SIGNATURE)


def test_repetition_needs_min_articles():
    repeated = RepeatedLines(min_articles=5, min_count=3)
    for topic in TOPICS[:4]:
        repeated.add("small.example", f"{topic}\n{SIGNATURE}")
    assert not repeated.is_repeated("small.example", SIGNATURE)  # 4 of 4, but too few articles
    repeated.add("small.example", TOPICS[4])
    assert repeated.is_repeated("small.example", SIGNATURE)


def test_repetition_needs_min_share():
    repeated = RepeatedLines(min_articles=5, min_count=3, min_share=0.1)
    for i in range(40):
        repeated.add("big.example", f"Новина номер {i} про міський бюджет.\n" + (SIGNATURE if i < 3 else ""))
    assert not repeated.is_repeated("big.example", SIGNATURE)  # 3 of 40 is under 10 %
    repeated.add("big.example", SIGNATURE)
    assert not repeated.is_repeated("big.example", SIGNATURE)  # 4 of 41
    repeated.add("big.example", SIGNATURE)
    assert repeated.is_repeated("big.example", SIGNATURE)  # 5 of 42


def test_a_line_counts_once_per_article():
    repeated = RepeatedLines(min_articles=5, min_count=3)
    repeated.add("one.example", "\n".join([SIGNATURE] * 5))
    for topic in TOPICS[:5]:
        repeated.add("one.example", topic)
    assert not repeated.is_repeated("one.example", SIGNATURE)


def test_digits_case_and_spacing_do_not_matter():
    assert fingerprint("Оновлено о 12:45") == fingerprint("  оновлено   о 09:10 ")
    assert fingerprint("Оновлено о 12:45") != fingerprint("Опубліковано о 12:45")
    repeated = RepeatedLines(min_articles=5, min_count=3)
    for i, topic in enumerate(TOPICS):
        repeated.add("clock.example", f"{topic}\nОновлено о {10 + i}:{i}5")
    assert repeated.is_repeated("clock.example", "ОНОВЛЕНО О 23:59")
