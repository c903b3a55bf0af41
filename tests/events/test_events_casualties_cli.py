from __future__ import annotations

from typer.testing import CliRunner

from hadath.events.casualties import casualties, parse_number


def test_parse_number():
    assert parse_number("49") == 49
    assert parse_number("٣٦٠") == 360
    assert parse_number("سبعة") == 7
    assert parse_number("عشرات") is None


def test_casualty_figures():
    assert casualties("إلى 49 شهيدًا بينهم 17 طفلًا و4 نساء ، إضافة إلى أكثر من 360 مصابًا".split()) == (49, 360)
    assert casualties("مقتل سبعة أشخاص وإصابة 12 آخرين".split()) == (7, 12)
    assert casualties("في عام 2005 قتل 30 شخصا".split()) == (30, None)
    assert casualties("استشهاد عشرات الفلسطينيين".split()) == (None, None)


def test_eval_callback_does_nothing_for_subcommands(monkeypatch, tmp_path):
    import hadath.events.evaluation as ev

    (tmp_path / "codebook.md").write_text("stand-in shared folder\n")  # run() is replaced below
    monkeypatch.setenv("HADATH_SHARED", str(tmp_path))
    from hadath.cli import app, eval_app

    called = []
    monkeypatch.setattr(ev, "run", lambda *a, **k: called.append(1) or {})

    @eval_app.command("probe-events-test", hidden=True)
    def _probe() -> None:
        pass

    res = CliRunner().invoke(app, ["eval", "probe-events-test"])
    assert res.exit_code == 0 and called == []
    res = CliRunner().invoke(app, ["eval", "--only", "seeds"])
    assert res.exit_code == 0 and called == [1]


def test_a_singular_or_dual_victim_noun_is_a_count():
    from hadath.events.casualties import casualties
    assert casualties("أسفر الهجوم عن مقتل جندي وإصابة آخر".split()) == (1, 1)
    assert casualties("مقتل 15 شخصا وإصابة جنديين".split()) == (15, 2)
    # a plural in ـين is no dual, and a definite noun names someone, it does not count
    assert casualties("مقتل مدنيين في القصف".split()) == (None, None)
    assert casualties("أصيب القائد بجروح".split()) == (None, None)
