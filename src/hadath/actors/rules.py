"""Context rules for risky aliases (the ``#rule`` marks in the data files).

Each rule is a cheap check on neighbouring tokens or on what else the document mentions; all word
lists are in skeleton form (hadath.text.skeleton_key) so raw and degraded text behave the same.
"""
from __future__ import annotations

from functools import lru_cache

from hadath.text import skeleton_key

# Words that show a Palestinian setting: "الجهاد" alone is then Islamic Jihad, "السلطة" the PA.
PAL_CONTEXT_ROOTS = frozenset({"HAMAS", "PIJ", "FATAH", "PA", "PSE", "PFLP", "DFLP", "PRC", "PLO", "PFLP_GC",
                               "LIONS_DEN", "MUJAHIDEEN_BRIGADES"})
# … or Israel named together with one of these Palestinian places
PAL_CONTEXT_WORDS_RAW = (
    "غزة", "الضفة", "القدس", "رام الله", "جنين", "نابلس", "الخليل", "رفح", "خان يونس", "طولكرم",
    "قلقيلية", "بيت لحم", "أريحا", "جباليا", "الأقصى")

# "المقاومة" followed by one of these is still the Palestinian resistance; by another adjective not
PAL_RESISTANCE_NEXT = frozenset(skeleton_key(w) for w in ("فلسطينية", "وطنية", "باسلة", "مسلحة", "ذي", "تي"))

# فتح is also the verb "opened" and the noun "opening": keep it as Fatah only near these words …
FATAH_BEFORE = frozenset(skeleton_key(w) for w in (
    "حركة", "حركتي", "حركتا", "قيادي", "القيادي", "قياديا", "عضو", "أعضاء", "أنصار", "مناصري", "مسلحي",
    "عناصر", "كوادر", "نشطاء", "ناشط", "زعيم", "رئيس", "وفد", "ممثل", "ممثلي", "حماس", "مع", "بين",
    "تنظيم", "كتلة", "قائمة", "مرشح", "مرشحي", "منظمة", "فصيل", "إقليم", "باسم", "مسؤول", "عن"))
# … and never when followed by what gets opened.
FATAH_NOT_BEFORE = frozenset(skeleton_key(w) for w in (
    "النار", "تحقيق", "تحقيقا", "الباب", "باب", "الأبواب", "أبواب", "المعبر", "معبر", "المعابر",
    "معابر", "الطريق", "الطرق", "طريق", "الحدود", "ملف", "الملف", "المجال", "مجالا", "صفحة", "الله",
    "مكتب", "مكتبا", "حساب", "حسابا", "الأسواق", "أسواق", "المدارس", "الجسر", "ممر", "ممرات", "نيرانها",
    "نيرانه", "الحساب", "باب", "عليه", "عليهم", "المطار", "الميناء", "قنوات", "آفاق", "جبهة", "الجبهة",
    "صندوق", "صندوقا", "حوار", "حوارا", "فرع", "فرعا", "مقر", "مقرا", "سفارة", "قنصلية", "مجال", "آفاقا"))

# مالي is Mali and the adjective "financial": after these nouns it is the adjective ("صندوق مالي",
# "دعم مالي"; the nouns that most often precede مالي in SaudiNewsNet and are not places or people)
MALI_NOT_AFTER_RAW = (
    "مبلغ", "إنقاذ", "دعم", "فساد", "تمويل", "مقابل", "عجز", "عرض", "نظام", "انهيار", "وسيط", "ضخ",
    "هدر", "عبء", "صندوق", "إجراء", "حافز", "عائد", "إصلاح", "تعويض", "مورد", "استحقاق", "مردود",
    "إرهاق", "مأزق", "سوق", "أجر", "دخل", "وضع", "مستشار", "غطاء", "تحليل", "مركز", "ملاءة", "استقرار",
    "تقرير", "أداء", "قطاع", "ضمان", "حساب", "التزام", "خبير", "محلل", "مخصص", "دعما", "عائدا", "مبلغا")
MALI = skeleton_key("مالي")

# القاعدة is al-Qaeda and "the base": followed by one of these it is a military base
BASE_NEXT_RAW = (  # (BASE_NEXT, clitic-stripped, is built below strip_clitic)
    "العسكرية", "الجوية", "البحرية", "الأمريكية", "الأميركية", "الروسية", "التركية", "الفرنسية",
    "البريطانية", "الجوي", "العسكري", "الإماراتية", "السعودية", "الإيرانية", "الدولية")

# الأقصى alone is the mosque unless listed with other factions; never after these words.
AQSA_NOT_AFTER = frozenset(skeleton_key(w) for w in (
    "المسجد", "مسجد", "مسجدها", "باحات", "ساحات", "انتفاضة", "الحرم", "طوفان", "أقصى", "قبلة", "باحة",
    "ساحة", "الدفاع", "نصرة", "اقتحام", "اقتحامات", "مصلى", "حماية"))

# Locative prepositions: a capital after them is a place, not the government (في بيروت).
LOCATIVE = frozenset(skeleton_key(w) for w in (
    "في", "إلى", "الى", "من", "عند", "قرب", "نحو", "داخل", "حول", "عن", "بين", "باتجاه", "تجاه",
    "شمال", "جنوب", "شرق", "غرب", "وسط", "مدينة", "العاصمة", "عاصمة", "زيارة", "زار", "زيارته", "مطار",
    "حتى", "لدى", "مسار", "اتفاق", "اتفاقية", "اتفاقات", "محادثات", "مؤتمر", "قمة", "سفارة", "سفير", "جامعة", "محافظة",
    "أمانة", "ريف", "شوارع", "أحياء", "حي", "ضواحي", "أهالي", "سكان", "بلدية", "مطار", "ميناء", "جنوبي",
    "شمالي", "شرقي", "غربي", "مقر", "إعلان", "بيان", "خارج", "قلب", "منطقة", "عاد", "وصل", "غادر",
    "توجه", "عودته", "وصوله", "مغادرته"))


@lru_cache(maxsize=65536)
def strip_clitic(skel: str) -> str:
    """A token's skeleton without a leading و/ف/ب/ل/ك or ال (for list look-ups)."""
    for p in ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل", "ك"):
        if skel.startswith(p) and len(skel) - len(p) >= 2:
            return skel[len(p):]
    return skel


def bare(skel: str) -> str:
    """Skeleton without a leading conjunction only (keeps ال)."""
    if skel[:1] in ("و", "ف") and len(skel) > 3:
        return skel[1:]
    return skel


PAL_CONTEXT_WORDS = frozenset(strip_clitic(skeleton_key(w)) for w in PAL_CONTEXT_WORDS_RAW)
BASE_NEXT = frozenset(strip_clitic(skeleton_key(w)) for w in BASE_NEXT_RAW)
# compared with the word before مالي as strip_clitic leaves it, which takes one letter off a noun that
# starts like a clitic (وضع → ضع) but only the clitic off a written one (بوضع → وضع): both forms
MALI_NOT_AFTER = frozenset(f for w in MALI_NOT_AFTER_RAW for f in (skeleton_key(w), strip_clitic(skeleton_key(w))))
