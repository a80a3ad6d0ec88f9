"""Hand-made pairs: the same man under every spelling; namesakes kept apart."""

from __future__ import annotations

import pytest

from kartoteka.names import compare

SAME = [
    # Tukhachevsky, as the seed, registries, German, French, Polish texts write him
    ("Тухачевский Михаил Николаевич", "Тухачевский"),
    ("Тухачевский Михаил Николаевич", "Тухачевского"),
    ("Тухачевский Михаил Николаевич", "Tukhachevsky"),
    ("Тухачевский Михаил Николаевич", "Tukhachevskii"),
    ("Тухачевский Михаил Николаевич", "Tukhachevskiy"),
    ("Тухачевский Михаил Николаевич", "M. N. Tukhachevsky"),
    ("Тухачевский Михаил Николаевич", "Tukhachevsky, M. N."),
    ("Тухачевский Михаил Николаевич", "Tuchatschewski"),
    ("Тухачевский Михаил Николаевич", "Toukhatchevski"),
    ("Тухачевский Михаил Николаевич", "Tuchaczewski"),
    ("Тухачевский Михаил Николаевич", "Tukhachevky"),  # the seed's misprint
    ("Тухачевский Михаил Николаевич", "Marshal Mikhail Tukhachevsky"),
    ("Тухачевский Михаил Николаевич", "Michail Nikolajewitsch Tuchatschewski"),
    ("Тухачевский Михаил Николаевич", "Tuhačevskij Mihail Nikolaevič"),
    ("Тухачевский Михаил Николаевич", "Тухачевский М.Н."),
    ("Тухачевского Михаила Николаевича", "Mikhail Nikolayevich Tukhachevsky"),
    # Uborevich and Eideman
    ("Уборевич Иероним Петрович", "Uborevich"),
    ("Уборевич Иероним Петрович", "Uborevitch"),
    ("Уборевич Иероним Петрович", "I. P. Uborevich"),
    ("Уборевич Иероним Петрович", "Ieronim Uborewicz"),
    ("Уборевич Иероним Петрович", "Ieronim Uborewitsch"),
    ("Эйдеман Роберт Петрович", "Eideman"),
    ("Эйдеман Роберт Петрович", "Eidemann"),
    ("Эйдеман Роберт Петрович", "R. P. Eideman"),
    ("Эйдеман Роберт Петрович", "Robert Ejdeman"),
    # others of the 1937 case and of the registries
    ("Якир Иона Эммануилович", "Iona Yakir"),
    ("Якир Иона Эммануилович", "Jona Jakir"),
    ("Примаков Виталий Маркович", "Vitaly Primakov"),
    ("Примаков Виталий Маркович", "Witali Primakow"),
    ("Блюхер Василий Константинович", "Vasily Blyukher"),
    ("Блюхер Василий Константинович", "Blucher"),
    ("Ежов Николай Иванович", "Nikolai Yezhov"),
    ("Ежов Николай Иванович", "Nikolai Jeschow"),
    ("Зиновьев Григорий Евсеевич", "Grigory Zinoviev"),
    ("Зиновьев Григорий Евсеевич", "Sinowjew"),
    ("Бухарин Николай Иванович", "Boukharine"),
    ("Хрущёв Никита Сергеевич", "N. S. Khrushchev"),
    ("Хрущёв Никита Сергеевич", "Chruschtschow"),
    ("Миллер Евгений Карлович", "Yevgeny Miller"),
    ("Иванова Мария Петровна", "Ivanova, Maria Petrovna"),
    ("Тухачевская Нина Евгеньевна", "Nina Tukhachevskaya"),
    ("Соловьёв Юрий Иванович", "Yuri Solovyov"),
    ("Щербаков Александр Сергеевич", "A. S. Shcherbakov"),
]

DIFFERENT = [
    # namesakes: same surname and given name, another patronymic
    ("Иванов Иван Петрович", "Иванов Иван Сергеевич"),
    ("Тухачевский Михаил Николаевич", "Тухачевский Михаил Петрович"),
    ("Каменев Лев Борисович", "Каменев Лев Сергеевич"),
    # same surname and patronymic, another given name (brothers)
    ("Тухачевский Михаил Николаевич", "Тухачевский Николай Николаевич"),
    ("Иванов Иван Петрович", "Иванов Пётр Петрович"),
    ("Якир Иона Эммануилович", "Якир Пётр Ионович"),
    # initials that do not fit
    ("Тухачевский Михаил Николаевич", "N. N. Tukhachevsky"),
    ("Уборевич Иероним Петрович", "А. П. Уборевич"),
    # a man and a woman of one family
    ("Тухачевский Михаил Николаевич", "Тухачевская Мария Николаевна"),
    ("Тухачевский", "Тухачевская"),
    ("Tukhachevsky", "Tukhachevskaya"),
    ("Смирнов", "Смирнова"),
    ("Иванова Мария Петровна", "Иванов Пётр Петрович"),
    # surnames that are near in letters, not the same
    ("Ежов", "Ершов"),
    ("Уборевич", "Урбанович"),
    ("Эйдеман", "Эйхман"),
    ("Миллер", "Мельников"),
    ("Якир", "Якиров"),
    ("Петров", "Петровский"),
    ("Соколов", "Соколовский"),
    ("Сидоров", "Сидоренко"),
    ("Кузнецов", "Кузьмин"),
    ("Зиновьев", "Зимин"),
    ("Kamenev", "Kaganovich"),
    ("Bukharin", "Bulganin"),
    ("Yagoda", "Yezhov"),
    ("Примаков", "Приходько"),
    ("Гамарник", "Гамарников"),
    ("Putna", "Putin"),
    ("Корк", "Курков"),
    ("Фельдман", "Фридман"),
    ("Tukhachevsky", "Tereshchenko"),
    # a given name alone is nobody
    ("Михаил", "Mikhail"),
    # a wrong given name in the other script
    ("Тухачевский Михаил Николаевич", "Nikolai Tukhachevsky"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_man_match(a, b):
    result = compare(a, b)
    assert result.match, result.explanation
    assert result.score >= 0.85
    assert compare(b, a).match  # either order


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_namesakes_and_near_names_stay_apart(a, b):
    result = compare(a, b)
    assert not result.match, result.explanation
    assert result.score < 0.85


def test_the_explanation_says_which_part_decided():
    result = compare("Иванов Иван Петрович", "Иванов Иван Сергеевич")
    assert any(line.startswith("patronymic:") for line in result.explanation)
    sexes = compare("Тухачевский", "Тухачевская").explanation
    assert any("not one person" in line for line in sexes)
    assert compare("Tukhachevsky", "Тухачевский").as_dict() == {
        "score": 1.0,
        "match": True,
        "explanation": [
            "surname: tukhachevsky ~ тухачевский: "
            "same key 'tuhačivski' (english / cyrillic)"
        ],
    }
