#!/usr/bin/env python3
"""Writes the multinational PII rows of data/pii-dev.jsonl (appended section) and data/pii-validation.jsonl.

Values are random (fixed seeds) in the formats people use in each country; the sentences around them come from
two disjoint pools of templates and names, one for the development split and one for the validation split, so
that no sentence shape or filler of the validation split is seen during development.
Run from the repository root: python3 data/generators/pii_multinational.py
"""
import json
import random
import string

SOURCE = "modelspec4j"
LICENSE = "Apache-2.0"


def digits(rng, n, first=None):
    s = "".join(rng.choice(string.digits) for _ in range(n))
    if first is not None:
        s = rng.choice(first) + s[1:]
    return s


def groups(s, sizes, sep):
    out, i = [], 0
    for size in sizes:
        out.append(s[i:i + size])
        i += size
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


# ---------------------------------------------------------------- phones: (country, language, writer)
def nanp(rng):
    area = rng.choice(["212", "415", "617", "303", "512", "206", "312", "404", "416", "604", "514", "713"])
    exch = digits(rng, 3, "23456789")
    while exch.endswith("11") or exch == "555":
        exch = digits(rng, 3, "23456789")
    return area, exch, digits(rng, 4)


PHONES = {
    "US": ("en", [
        lambda r: "({}) {}-{}".format(*nanp(r)),
        lambda r: "{}-{}-{}".format(*nanp(r)),
        lambda r: "{}.{}.{}".format(*nanp(r)),
        lambda r: "+1 {} {} {}".format(*nanp(r)),
        lambda r: "1-{}-{}-{}".format(*nanp(r)),
        lambda r: "+1 ({}) {}-{}".format(*nanp(r)),
        lambda r: "({}) {}-{} x{}".format(*nanp(r), digits(r, 4)),
        lambda r: "{}-{}-{} ext. {}".format(*nanp(r), digits(r, 3, "123456789")),
        lambda r: "{} {}".format(*nanp(r)[1:]),
        lambda r: "{}-{}".format(*nanp(r)[1:]),
        lambda r: "001 {} {} {}".format(*nanp(r)),
    ]),
    "CA": ("en", [
        lambda r: "(416) {}-{}".format(digits(r, 3, "2345689"), digits(r, 4)),
        lambda r: "+1 604 {} {}".format(digits(r, 3, "2345689"), digits(r, 4)),
        lambda r: "514.{}.{}".format(digits(r, 3, "2345689"), digits(r, 4)),
    ]),
    "GB": ("en", [
        lambda r: "07{} {}".format(digits(r, 3, "45789"), digits(r, 6)),
        lambda r: "+44 7{} {}".format(digits(r, 3, "45789"), digits(r, 6)),
        lambda r: "020 7{} {}".format(digits(r, 3), digits(r, 4)),
        lambda r: "+44 (0)20 8{} {}".format(digits(r, 3), digits(r, 4)),
        lambda r: "0161 {} {}".format(digits(r, 3, "2345789"), digits(r, 4)),
        lambda r: "0044 113 {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
        lambda r: "(0131) {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
    ]),
    "DE": ("de", [
        lambda r: "0151 {}".format(digits(r, 8)),
        lambda r: "0170 {}".format(digits(r, 7)),
        lambda r: "+49 176 {}".format(digits(r, 8)),
        lambda r: "030 {}".format(digits(r, 8, "23456789")),
        lambda r: "089 {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
        lambda r: "+49 (0)40 {}".format(digits(r, 7, "2345")),
        lambda r: "0049 69 {}-{}".format(digits(r, 4, "2345"), digits(r, 3)),
        lambda r: "030/{}".format(digits(r, 7, "2345")),
        lambda r: "+49 30 {}-{}".format(digits(r, 5, "2345"), digits(r, 2)),
        lambda r: "0221 {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
    ]),
    "FR": ("fr", [
        lambda r: groups("0" + digits(r, 9, "67"), [2, 2, 2, 2, 2], " "),
        lambda r: groups("0" + digits(r, 9, "12345"), [2, 2, 2, 2, 2], "."),
        lambda r: "+33 " + groups(digits(r, 9, "67"), [1, 2, 2, 2, 2], " "),
        lambda r: "+33 (0)" + groups(digits(r, 9, "1234"), [1, 2, 2, 2, 2], " "),
        lambda r: groups("0" + digits(r, 9, "67"), [2, 2, 2, 2, 2], "-"),
        lambda r: "0033 " + groups(digits(r, 9, "67"), [1, 2, 2, 2, 2], " "),
    ]),
    "ES": ("es", [
        lambda r: groups(digits(r, 9, "67"), [3, 3, 3], " "),
        lambda r: "+34 " + groups(digits(r, 9, "6"), [3, 3, 3], " "),
        lambda r: "91 {} {} {}".format(digits(r, 3, "2345"), digits(r, 2), digits(r, 2)),
        lambda r: groups("6" + digits(r, 8), [3, 2, 2, 2], " "),
        lambda r: "+34 93 {} {} {}".format(digits(r, 3, "2345"), digits(r, 2), digits(r, 2)),
    ]),
    "IT": ("it", [
        lambda r: "3{} {} {}".format(digits(r, 2, "2345789"), digits(r, 3), digits(r, 4)),
        lambda r: "+39 3{} {}".format(digits(r, 2, "2345789"), digits(r, 7)),
        lambda r: "06 {} {}".format(digits(r, 4, "4569"), digits(r, 4)),
        lambda r: "02-{}".format(digits(r, 8, "2345678")),
        lambda r: "+39 02 {} {}".format(digits(r, 4, "2345678"), digits(r, 4)),
    ]),
    "NL": ("nl", [
        lambda r: "06-{}".format(digits(r, 8, "12345")),
        lambda r: "06 {} {}".format(digits(r, 4, "12345"), digits(r, 4)),
        lambda r: "+31 6 {}".format(digits(r, 8, "12345")),
        lambda r: "020-{}".format(digits(r, 7, "2345678")),
        lambda r: "010 {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
        lambda r: "+31 (0)20 {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
    ]),
    "BE": ("nl", [
        lambda r: "04{} {} {} {}".format(digits(r, 2, "789"), digits(r, 2), digits(r, 2), digits(r, 2)),
        lambda r: "+32 4{} {} {} {}".format(digits(r, 2, "789"), digits(r, 2), digits(r, 2), digits(r, 2)),
        lambda r: "02 {} {} {}".format(digits(r, 3, "2345"), digits(r, 2), digits(r, 2)),
    ]),
    "CH": ("de", [
        lambda r: "07{} {} {} {}".format(r.choice("6789"), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "+41 7{} {} {} {}".format(r.choice("6789"), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "044 {} {} {}".format(digits(r, 3, "2345"), digits(r, 2), digits(r, 2)),
        lambda r: "0041 22 {} {} {}".format(digits(r, 3, "3789"), digits(r, 2), digits(r, 2)),
    ]),
    "AT": ("de", [
        lambda r: "0664 {}".format(digits(r, 7)),
        lambda r: "+43 676 {}".format(digits(r, 7)),
        lambda r: "01 {} {}".format(digits(r, 3, "2345"), digits(r, 4)),
        lambda r: "+43 1 {}-{}".format(digits(r, 4, "2345"), digits(r, 3)),
    ]),
    "SE": ("sv", [
        lambda r: "07{}-{} {} {}".format(r.choice("0236"), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "+46 7{} {} {} {}".format(r.choice("0236"), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "08-{} {} {}".format(digits(r, 3, "2345"), digits(r, 3), digits(r, 2)),
    ]),
    "NO": ("no", [
        lambda r: "{} {} {}".format(digits(r, 3, "49"), digits(r, 2), digits(r, 3)),
        lambda r: "+47 {} {} {}".format(digits(r, 3, "49"), digits(r, 2), digits(r, 3)),
        lambda r: "{} {} {} {}".format(digits(r, 2, "9"), digits(r, 2), digits(r, 2), digits(r, 2)),
    ]),
    "DK": ("da", [
        lambda r: "{} {} {} {}".format(r.choice(["20", "30", "40", "60", "50", "71"]), digits(r, 2), digits(r, 2), digits(r, 2)),
        lambda r: "{}-{}-{}-{}".format(r.choice(["20", "30", "40", "60", "50", "71"]), digits(r, 2), digits(r, 2), digits(r, 2)),
        lambda r: "+45 {} {} {} {}".format(r.choice(["20", "31", "42", "61"]), digits(r, 2), digits(r, 2), digits(r, 2)),
    ]),
    "PL": ("pl", [
        lambda r: groups(digits(r, 9, "5678"), [3, 3, 3], " "),
        lambda r: "+48 " + groups(digits(r, 9, "5678"), [3, 3, 3], " "),
        lambda r: "22 {} {} {}".format(digits(r, 3, "2345678"), digits(r, 2), digits(r, 2)),
        lambda r: "+48 " + groups(digits(r, 9, "5678"), [3, 3, 3], "-"),
    ]),
    "PT": ("pt", [
        lambda r: "9{} {} {}".format(r.choice("1236"), digits(r, 3), digits(r, 3)),
        lambda r: "+351 9{} {} {}".format(r.choice("1236"), digits(r, 3), digits(r, 3)),
        lambda r: "21 {} {}".format(digits(r, 3, "2345789"), digits(r, 4)),
    ]),
    "IE": ("en", [
        lambda r: "08{} {} {}".format(r.choice("35679"), digits(r, 3), digits(r, 4)),
        lambda r: "+353 8{} {} {}".format(r.choice("35679"), digits(r, 3), digits(r, 4)),
        lambda r: "(01) {} {}".format(digits(r, 3, "2345678"), digits(r, 4)),
    ]),
    "BR": ("pt", [
        lambda r: "(11) 9{}-{}".format(digits(r, 4, "6789"), digits(r, 4)),
        lambda r: "+55 21 9{}-{}".format(digits(r, 4, "6789"), digits(r, 4)),
        lambda r: "(21) {}-{}".format(digits(r, 4, "2345"), digits(r, 4)),
        lambda r: "11 9{} {}".format(digits(r, 4, "6789"), digits(r, 4)),
    ]),
    "MX": ("es", [
        lambda r: "55 {} {}".format(digits(r, 4, "12345"), digits(r, 4)),
        lambda r: "+52 55 {} {}".format(digits(r, 4, "12345"), digits(r, 4)),
        lambda r: "(33) {}-{}".format(digits(r, 4, "12345"), digits(r, 4)),
        lambda r: "+52 81 {} {}".format(digits(r, 4, "12345"), digits(r, 4)),
    ]),
    "IN": ("en", [
        lambda r: "{} {}".format(digits(r, 5, "6789"), digits(r, 5)),
        lambda r: "+91 {} {}".format(digits(r, 5, "6789"), digits(r, 5)),
        lambda r: "+91-{}".format(digits(r, 10, "6789")),
        lambda r: "011-{} {}".format(digits(r, 4, "234"), digits(r, 4)),
        lambda r: "0{} {}".format(digits(r, 5, "6789"), digits(r, 5)),
    ]),
    "JP": ("ja", [
        lambda r: "0{}0-{}-{}".format(r.choice("789"), digits(r, 4, "123456789"), digits(r, 4)),
        lambda r: "03-{}-{}".format(digits(r, 4, "3456"), digits(r, 4)),
        lambda r: "+81 {}0-{}-{}".format(r.choice("789"), digits(r, 4, "123456789"), digits(r, 4)),
        lambda r: "(06) {}-{}".format(digits(r, 4, "6"), digits(r, 4)),
        lambda r: "".join(chr(0xFF10 + int(c)) if c.isdigit() else ("－" if c == "-" else c)
                          for c in "090-{}-{}".format(digits(r, 4, "123456789"), digits(r, 4))),
    ]),
    "CN": ("zh", [
        lambda r: "1{}{} {} {}".format(r.choice("3589"), r.choice("0123456789"), digits(r, 4), digits(r, 4)),
        lambda r: "+86 1{}{} {} {}".format(r.choice("3589"), r.choice("0123456789"), digits(r, 4), digits(r, 4)),
        lambda r: "010-{}".format(digits(r, 8, "6")),
        lambda r: "(021) {} {}".format(digits(r, 4, "56"), digits(r, 4)),
    ]),
    "KR": ("ko", [
        lambda r: "010-{}-{}".format(digits(r, 4, "23456789"), digits(r, 4)),
        lambda r: "+82 10-{}-{}".format(digits(r, 4, "23456789"), digits(r, 4)),
        lambda r: "02-{}-{}".format(digits(r, 3, "2345"), digits(r, 4)),
    ]),
    "AU": ("en", [
        lambda r: "04{} {} {}".format(digits(r, 2, "0123"), digits(r, 3), digits(r, 3)),
        lambda r: "+61 4{} {} {}".format(digits(r, 2, "0123"), digits(r, 3), digits(r, 3)),
        lambda r: "(02) 9{} {}".format(digits(r, 3), digits(r, 4)),
        lambda r: "03 9{} {}".format(digits(r, 3), digits(r, 4)),
    ]),
    "ZA": ("en", [
        lambda r: "08{} {} {}".format(r.choice("234"), digits(r, 3), digits(r, 4)),
        lambda r: "+27 8{} {} {}".format(r.choice("234"), digits(r, 3), digits(r, 4)),
        lambda r: "011 {} {}".format(digits(r, 3, "2345678"), digits(r, 4)),
    ]),
    "CY": ("el", [
        lambda r: "9{} {}".format(r.choice("679"), digits(r, 6)),
        lambda r: "+357 9{} {}".format(r.choice("679"), digits(r, 6)),
        lambda r: "22 {}".format(digits(r, 6, "3456")),
    ]),
    "TR": ("tr", [
        lambda r: "05{} {} {} {}".format(digits(r, 2, "34"), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "+90 5{} {} {} {}".format(digits(r, 2, "34"), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "(0212) {} {} {}".format(digits(r, 3, "2345"), digits(r, 2), digits(r, 2)),
    ]),
    "RU": ("ru", [
        lambda r: "+7 9{} {}-{}-{}".format(digits(r, 2), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "8 (9{}) {}-{}-{}".format(digits(r, 2), digits(r, 3), digits(r, 2), digits(r, 2)),
        lambda r: "+7 (495) {}-{}-{}".format(digits(r, 3, "2345"), digits(r, 2), digits(r, 2)),
    ]),
    "IL": ("he", [
        lambda r: "05{}-{}".format(r.choice("02348"), digits(r, 7, "23456789")),
        lambda r: "+972 5{}-{}-{}".format(r.choice("02348"), digits(r, 3, "23456789"), digits(r, 4)),
        lambda r: "03-{}".format(digits(r, 7, "5679")),
    ]),
    "SA": ("ar", [
        lambda r: arabic("05{}{}".format(r.choice("0345"), digits(r, 7))),
        lambda r: "+966 5{} {} {}".format(r.choice("0345"), digits(r, 3), digits(r, 4)),
        lambda r: arabic("+966 5{} {} {}".format(r.choice("0345"), digits(r, 3), digits(r, 4))),
    ]),
    "EG": ("ar", [
        lambda r: "01{} {} {}".format(r.choice("0125"), digits(r, 4), digits(r, 4)),
        lambda r: arabic("+20 1{} {} {}".format(r.choice("0125"), digits(r, 4), digits(r, 4))),
    ]),
    "AR": ("es", [
        lambda r: "+54 9 11 {}-{}".format(digits(r, 4, "2345"), digits(r, 4)),
        lambda r: "(011) 4{}-{}".format(digits(r, 3), digits(r, 4)),
    ]),
}

ARABIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
DEVANAGARI = "०१२३४५६७८९"


def arabic(s, table=ARABIC):
    return "".join(table[int(c)] if c.isdigit() else c for c in s)


# ---------------------------------------------------------------- cards
def luhn_complete(prefix, length, rng):
    body = prefix + digits(rng, length - len(prefix) - 1)
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


CARD_BRANDS = [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15),
               ("6011", 16), ("35", 16), ("36", 14), ("4", 13), ("62", 16)]


def card_number(rng):
    prefix, length = rng.choice(CARD_BRANDS)
    return luhn_complete(prefix, length, rng)


def card_groups(n):
    if len(n) == 15:
        return [4, 6, 5]
    if len(n) == 14:
        return [4, 6, 4]
    if len(n) == 13:
        return [4, 4, 5]
    return [4, 4, 4, 4]


CARD_WRITERS = [
    lambda n, r: groups(n, card_groups(n), " "),
    lambda n, r: groups(n, card_groups(n), "-"),
    lambda n, r: groups(n, card_groups(n), "."),
    lambda n, r: groups(n, card_groups(n), "\u2013"),
    lambda n, r: groups(n, card_groups(n), "\u2014"),
    lambda n, r: groups(n, card_groups(n), "\u2010"),
    lambda n, r: groups(n, card_groups(n), "\u2212"),
    lambda n, r: n,
    lambda n, r: arabic(groups(n, card_groups(n), " ")),
    lambda n, r: arabic(n, PERSIAN),
    lambda n, r: arabic(groups(n, card_groups(n), "-"), DEVANAGARI),
    lambda n, r: groups(n, card_groups(n), "\u00a0"),
    lambda n, r: groups(n, card_groups(n), "\u2009"),
    lambda n, r: "".join(chr(0xFF10 + int(c)) for c in n),
]


# ---------------------------------------------------------------- IBANs
def iban(cc, bban):
    rearranged = bban + cc + "00"
    number = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(number) % 97
    return "{}{:02d}{}".format(cc, check, bban)


IBAN_BBANS = {
    "DE": lambda r: digits(r, 18), "GB": lambda r: r.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + digits(r, 14),
    "FR": lambda r: digits(r, 23), "ES": lambda r: digits(r, 20),
    "IT": lambda r: r.choice("ABCDEFX") + digits(r, 22), "NL": lambda r: r.choice(["ABNA", "INGB", "RABO"]) + digits(r, 10),
    "BE": lambda r: digits(r, 12), "CH": lambda r: digits(r, 17), "AT": lambda r: digits(r, 16),
    "PL": lambda r: digits(r, 24), "PT": lambda r: digits(r, 21), "SE": lambda r: digits(r, 20),
    "DK": lambda r: digits(r, 14), "NO": lambda r: digits(r, 11), "IE": lambda r: "AIBK" + digits(r, 14),
    "FI": lambda r: digits(r, 14), "TR": lambda r: digits(r, 22), "SA": lambda r: digits(r, 20),
    "BR": lambda r: digits(r, 23) + "C1", "LU": lambda r: digits(r, 16), "GR": lambda r: digits(r, 23),
    "RO": lambda r: "RNCB" + digits(r, 16), "CZ": lambda r: digits(r, 20), "HU": lambda r: digits(r, 24),
}

IBAN_WRITERS = [
    lambda s, r: groups(s, [4] * 9, " "),
    lambda s, r: s,
    lambda s, r: groups(s, [4] * 9, " ").lower(),
    lambda s, r: s.lower(),
    lambda s, r: s[:2].capitalize() + groups(s, [4] * 9, " ")[2:].lower(),
    lambda s, r: groups(s, [4] * 9, "-"),
    lambda s, r: groups(s, [4] * 9, "\u00a0"),
    lambda s, r: groups(s, [4] * 9, " ").lower().replace(" ", ""),
]


# ---------------------------------------------------------------- e-mails
LOCALS_DEV = ["jane", "m.keller", "olivia_b", "p.dupont", "sales-team", "k.tanaka", "rafael.souza", "anna+news",
              "zoë.müller", "jürgen.weiß", "françois", "søren", "łukasz.wiśniewski", "ana.núñez", "håkon", "ömer"]
LOCALS_VAL = ["tom.h", "liu.wei", "marco_rossi", "s.berg", "info", "n.patel", "lea-marie", "billing+eu",
              "zoé.lefèvre", "björn.åberg", "josé.garcía", "çağlar", "žofia", "renée", "dvořák", "øystein"]
DOMAINS_DEV = [("example", "com"), ("mail", "de"), ("corp", "co.uk"), ("müller-bau", "de"), ("correo", "es"),
               ("posteo", "net"), ("firma", "pl"), ("bücher", "ch")]
DOMAINS_VAL = [("sample", "org"), ("web", "fr"), ("office", "com.au"), ("straße", "at"), ("empresa", "com.br"),
               ("inbox", "se"), ("kontor", "dk"), ("café", "fr")]


def email_writers():
    return [
        lambda l, d, t: "{}@{}.{}".format(l, d, t),
        lambda l, d, t: "{} at {} dot {}".format(l, d, t.replace(".", " dot ")),
        lambda l, d, t: "{}[at]{}[dot]{}".format(l, d, t.replace(".", "[dot]")),
        lambda l, d, t: "{} (at) {} (dot) {}".format(l, d, t.replace(".", " (dot) ")),
        lambda l, d, t: "{} AT {} DOT {}".format(l, d, t.replace(".", " DOT ")),
        lambda l, d, t: "{}[at]{}.{}".format(l, d, t),
        lambda l, d, t: "{} [at] {} [dot] {}".format(l, d, t.replace(".", " [dot] ")),
        lambda l, d, t: "{}(at){}.{}".format(l, d, t),
    ]


# ---------------------------------------------------------------- US SSN
def ssn(rng):
    area = rng.randint(1, 899)
    while area == 666:
        area = rng.randint(1, 899)
    return "{:03d}".format(area), "{:02d}".format(rng.randint(1, 99)), "{:04d}".format(rng.randint(1, 9999))


SSN_WRITERS = [
    lambda a, g, s: "{}-{}-{}".format(a, g, s),
    lambda a, g, s: "{} {} {}".format(a, g, s),
    lambda a, g, s: "{}\u2013{}\u2013{}".format(a, g, s),
    lambda a, g, s: "{}.{}.{}".format(a, g, s),
    lambda a, g, s: arabic("{}-{}-{}".format(a, g, s)),
]


# ---------------------------------------------------------------- sentence templates (even index: dev, odd: validation)
PHONE_TEMPLATES = {
    "en": ["Call me at {v} if the parcel doesn't show up.",
           "You can reach {n} on {v} (mobile) most afternoons.",
           "Phone: {v}",
           "hey its {n}, new number {v}, save it",
           "For urgent issues ring the on-call line, {v}, and ask for {n}.",
           "Tel. {v} / open Mon-Fri",
           "{n}'s cell is {v} — text before calling.",
           "Please update my contact details: telephone {v}.",
           "If nobody answers, try {v} and leave a voicemail.",
           "Contact {n} — {v}"],
    "de": ["Bitte rufen Sie mich unter {v} zurück.",
           "Tel.: {v}",
           "{n} ist mobil erreichbar: {v}",
           "Meine neue Handynummer lautet {v}, die alte ist abgemeldet.",
           "Bei Rückfragen erreichen Sie {n} telefonisch unter {v}.",
           "Ruf mal {n} an, Nummer ist {v}",
           "Telefon {v} (Mo–Fr 9–17 Uhr)",
           "Kontakt: {n}, Fon {v}"],
    "fr": ["Vous pouvez me joindre au {v} après 18h.",
           "Tél. : {v}",
           "Mon portable : {v}, n'hésitez pas.",
           "Appelez {n} au {v} pour confirmer le rendez-vous.",
           "Numéro de téléphone de {n} : {v}",
           "Pour toute question, contactez le {v}."],
    "es": ["Llámame al {v} cuando llegues.",
           "Tel.: {v}",
           "Mi móvil es el {v}, escríbeme por WhatsApp.",
           "Puede contactar con {n} en el teléfono {v}.",
           "Teléfono de contacto: {v}",
           "Si no contesto, deja un mensaje en el {v}."],
    "it": ["Chiamami al {v} dopo le sei.",
           "Tel. {v}",
           "Il cellulare di {n} è {v}.",
           "Per informazioni telefonare al numero {v}.",
           "Recapito telefonico: {v}",
           "Puoi scrivere a {n} su WhatsApp: {v}"],
    "nl": ["Bel me even op {v} als je er bent.",
           "Tel: {v}",
           "{n} is bereikbaar op {v}.",
           "Mijn mobiele nummer is {v}.",
           "Telefoonnummer van {n}: {v}",
           "Neem gerust contact op via {v}."],
    "sv": ["Ring mig på {v} efter lunch.",
           "Tel: {v}",
           "{n} nås på mobilen {v}.",
           "Mitt telefonnummer är {v}."],
    "no": ["Ring meg på {v} i kveld.",
           "Tlf: {v}",
           "Mobilnummeret til {n} er {v}.",
           "Du kan nå {n} på telefon {v}."],
    "da": ["Ring til mig på {v}.",
           "Tlf.: {v}",
           "{n} har mobilnummer {v}.",
           "Du kan kontakte {n} på telefon {v}."],
    "pl": ["Zadzwoń do mnie pod numer {v}.",
           "Tel. {v}",
           "Mój numer telefonu to {v}.",
           "Kontakt z {n}: tel. kom. {v}"],
    "pt": ["Liga-me para o {v} quando puderes.",
           "Tel.: {v}",
           "O celular de {n} é {v}.",
           "Telefone para contato: {v}",
           "Pode falar com {n} pelo telemóvel {v}.",
           "Me chama no WhatsApp: {v}"],
    "ja": ["電話番号は{v}です。",
           "TEL：{v}",
           "{n}さんの携帯は {v} です。",
           "ご不明な点は {v} までお電話ください。"],
    "zh": ["我的手机号是{v}，有事打给我。",
           "电话：{v}",
           "请联系{n}，电话 {v}。",
           "联系电话：{v}"],
    "ko": ["제 전화번호는 {v}입니다.",
           "연락처: {v}",
           "{n} 씨 휴대폰 번호는 {v} 이에요.",
           "문의 전화 {v}"],
    "el": ["Τηλέφωνο: {v}",
           "Πάρε με τηλέφωνο στο {v}.",
           "Το κινητό του {n} είναι {v}.",
           "Τηλ. επικοινωνίας {v}"],
    "tr": ["Beni {v} numarasından arayabilirsin.",
           "Tel: {v}",
           "{n} cep telefonu: {v}",
           "İletişim için telefon: {v}"],
    "ru": ["Позвоните мне по номеру {v}.",
           "Тел.: {v}",
           "Мобильный {n}: {v}",
           "Мой телефон {v}, звоните после обеда."],
    "he": ["אפשר להתקשר אליי למספר {v}.",
           "טלפון: {v}",
           "הנייד של {n} הוא {v}",
           "מספר הטלפון שלי {v}"],
    "ar": ["رقم هاتفي {v}",
           "هاتف: {v}",
           "يمكنك الاتصال بـ{n} على الجوال {v}",
           "للتواصل: جوال {v}"],
}

# templates without a word that says "telephone": how numbers also appear
BARE_TEMPLATES = {
    "dev": ["{n}: {v}", "Reach {n} on {v} after six.", "ping {n} at {v}", "{n} ({v}) will meet you at the gate."],
    "val": ["{n} — {v}", "Try {n} at {v} tomorrow.", "{v} is {n}'s, the other one is old", "Ask {n}, {v}."],
}

CARD_TEMPLATES = ["My card number is {v}, expiry 09/27.",
                  "Kartennummer: {v}",
                  "Please charge {v} for the renewal.",
                  "Numéro de carte : {v}",
                  "card {v} was declined twice today",
                  "Tarjeta: {v} (Visa)",
                  "رقم البطاقة {v}",
                  "Pay with the company card {v}, not mine.",
                  "カード番号 {v}",
                  "numero carta {v} scadenza 11/26",
                  "CC on file: {v}",
                  "Номер карты {v}"]

IBAN_TEMPLATES = ["IBAN: {v}",
                  "Bitte überweisen Sie den Betrag auf {v}.",
                  "Send the deposit to {v} (account of {n}).",
                  "RIB / IBAN {v}",
                  "my iban is {v} thanks",
                  "Por favor, transfiere a la cuenta {v}.",
                  "Rekeningnummer {v} t.n.v. {n}",
                  "Kontonummer (IBAN): {v}",
                  "Bonifico su {v}, causale: affitto",
                  "wire to {v} before Friday",
                  "Numer rachunku: {v}",
                  "IBAN do {n}: {v}"]

EMAIL_TEMPLATES = ["Write to {v} for the invoice.",
                   "Mail: {v}",
                   "you can email me at {v}",
                   "Schreib mir an {v}.",
                   "Contact {n} ({v}) about the keys.",
                   "Escríbeme a {v}",
                   "Mon adresse e-mail : {v}",
                   "reach out via {v} — replies within a day",
                   "メールアドレス：{v}",
                   "E-post: {v}",
                   "cc {v} on the thread please",
                   "Adres e-mail: {v}"]

SSN_TEMPLATES = ["SSN: {v}",
                 "My social security number is {v}.",
                 "Employee {n}, SSN {v}, starts Monday.",
                 "social sec # {v}",
                 "The form asks for the SSN ({v}) of the applicant.",
                 "ssn {v} on file"]

NAMES = {"dev": ["Anna", "Jonas", "Sofia", "Mehmet", "Yuki", "Priya", "Lucas", "Olga", "Omar", "Chloé"],
         "val": ["Tom", "Greta", "Mateo", "Aylin", "Haruto", "Ravi", "Inès", "Pavel", "Layla", "Nora"]}

# ---------------------------------------------------------------- negatives (even: dev, odd: validation)
NEGATIVES = [
    "The meeting moved to 2024-05-17 at 14:30.",
    "Order #4829103375 shipped on 12.03.2023.",
    "Population: 8 336 817 (2020 census).",
    "Version 3.14.159 fixes the login bug.",
    "Invoice INV-2023-004512 is overdue by 45 days.",
    "ISBN 978-3-16-148410-0, second edition.",
    "Total: €1.234,56 incl. 19% VAT",
    "Tracking number 1Z 999 AA1 01 2345 678 4",
    "The card ending in 4242 was charged.",
    "Room 1204, building 3, floor 12",
    "Score: 3-2 after extra time (90+4')",
    "Coordinates 48.8584, 2.2945 mark the tower.",
    "Postleitzahl 10115 Berlin, Hausnummer 42",
    "Le colis 6A 123 456 789 est en cours de livraison.",
    "Temperatures ranged from -12 to 35 degrees in 2019-2020.",
    "Look at the dot at the end of the sentence.",
    "We met at the café at noon, dot on time.",
    "I'm at home, will be at work by nine.",
    "Serial no. 5512 3456 7890 1234 (not a card, failed check)",
    "Reference 4000 1234 5678 9011 is a test value with a wrong check digit.",
    "IBAN format example: DE00 1234 5678 9012 3456 78 (invalid check digits)",
    "The account code is GB00 XXXX 0000 0000 0000 00 in the template.",
    "pages 120-135 and 201-219 cover the topic",
    "Budget 2025: 12 500 000 kr, of which 3 400 000 kr for IT",
    "The flight LH 2374 leaves at 06:45 from gate B12.",
    "Patch notes for 10.0.19045.3803 are out.",
    "Matrix size 1024 x 768, 60 Hz",
    "ticket 2023-11-0045-7781 closed",
    "Lot 240517-0093, best before 17/05/2026",
    "Bestellnummer 300 456 789 12",
    "Scores of 1500, 1620 and 1780 were recorded.",
    "Ich bin um 8 Uhr im Büro, ab 17 Uhr zu Hause.",
    "La réunion est fixée au 12/06/2024 à 9h30.",
    "El pedido 2024-001893 llegó el 3 de mayo.",
    "注文番号 20240517-0042 は発送済みです。",
    "订单号 2024051700123 已发货。",
    "Посылка 80091234567 прибудет 15.06.",
    "Range 10-255 in the docs (this is just notation)",
    "the ratio was 1:4 and 3:8 across the 12 samples",
    "See section 4.2.1 and appendix B-7.",
    "Call of Duty 4 sold 13 million copies.",
    "The number of users grew to 1 234 567 last year.",
    "Telephone poles were replaced along 12 km of road.",
    "phone call at 3 pm about the 2023 budget",
    "Fax machines were common in the 1990s.",
    "My PIN is not 1234, and the door code is 4321.",
    "Chapter 7, verses 12-19",
    "Account balance: 12,345.67 USD",
    "User ID 00012345 logged in 17 times.",
    "Hash 5f4dcc3b5aa765d61d8327deb882cf99 appears in the log.",
    "The bus 123 goes every 15 minutes, line 45 every 20.",
    "Tax rate 0.0825, discount 0.15",
    "Shoe size 42, height 1.82 m, weight 78 kg",
    "Build 2024.05.17.1342 passed all 312 tests.",
    "at the end dot dot dot nothing happened",
    "Firmware 04.12.33.901 released",
    "Sum of 2+2 is 4 and 10-3 is 7.",
    "Q3 revenue: 45 678 912 SEK",
    "GPS: 59.3293° N, 18.0686° E",
    "Meet me at gate 23, flight at 7.",
]


def bad_luhn(rng):
    n = card_number(rng)
    return n[:-1] + str((int(n[-1]) + rng.randint(1, 9)) % 10)


def bad_iban(rng):
    cc = rng.choice(sorted(IBAN_BBANS))
    good = iban(cc, IBAN_BBANS[cc](rng))
    check = (int(good[2:4]) + rng.randint(1, 90)) % 97
    return good[:2] + "%02d" % check + good[4:]


# numbers that are not personal data, written the ways such numbers are written
NEG_VALUES = [
    lambda r: "20{}-{:02d}-{:02d}".format(digits(r, 2, "12"), r.randint(1, 12), r.randint(1, 28)),
    lambda r: "{:02d}.{:02d}.20{}".format(r.randint(1, 28), r.randint(1, 12), digits(r, 2, "12")),
    lambda r: "{:02d}/{:02d}/20{}".format(r.randint(1, 12), r.randint(1, 28), digits(r, 2, "12")),
    lambda r: "#{}".format(digits(r, r.randint(6, 10), "123456789")),
    lambda r: "{},{},{}".format(r.randint(1, 999), digits(r, 3), digits(r, 3)),
    lambda r: "{} {} {}".format(r.randint(1, 99), digits(r, 3), digits(r, 3)),
    lambda r: "{}.{}.{}".format(r.randint(1, 20), r.randint(0, 40), r.randint(0, 400)),
    lambda r: groups(bad_luhn(r), [4, 4, 4, 4], " "),
    lambda r: groups(bad_iban(r), [4] * 9, " "),
    lambda r: "978-{}-{}-{}-{}".format(digits(r, 1), digits(r, 3), digits(r, 5), digits(r, 1)),
    lambda r: "{}-{}".format(r.randint(1900, 2030), r.randint(1900, 2030)),
    lambda r: "{}:{:02d}".format(r.randint(0, 23), r.randint(0, 59)),
    lambda r: bad_luhn(r),
    lambda r: "{} kg".format(digits(r, 5, "123456789")),
    lambda r: "{}-{}".format(digits(r, 4, "123456789"), digits(r, 6)),
]

NEG_TEMPLATES = ["The shipment is listed as {v} in the warehouse system.",
                 "Referenz {v} — bitte bei Rückfragen angeben.",
                 "We expect {v} visitors this season.",
                 "Numéro de commande : {v}",
                 "see row {v} of the spreadsheet",
                 "El valor medido fue {v} según el informe.",
                 "Stand: {v}",
                 "Artikelnummer {v}, Lagerort Halle 3",
                 "The total on page 4 reads {v}.",
                 "Batch {v} passed quality control.",
                 "Project code {v} was archived by {n}.",
                 "Kod produktu: {v}",
                 "{n} noted {v} in the lab book.",
                 "Il documento {v} è stato protocollato.",
                 "Ärendenummer {v}",
                 "参照番号 {v}",
                 "Dossier {v} traité par {n}.",
                 "Numer zamówienia {v}",
                 "Call the function with {v} as its argument.",
                 "The phone bill for {v} was higher than usual.",
                 "My number of steps today: {v}",
                 "Tel Aviv trip, booking {v}"]


def value_row(rid, pre, value, post, ptype):
    text = pre + value + post
    return {"id": rid, "text": text, "expect": "flag", "types": [ptype],
            "spans": [{"type": ptype, "start": len(pre), "end": len(pre) + len(value)}],
            "source": SOURCE, "license": LICENSE}


def split_template(template, name):
    pre, post = template.split("{v}")
    return pre.replace("{n}", name), post.replace("{n}", name)


def pick(rng, items, split):
    own = items[0::2] if split == "dev" else items[1::2]
    return rng.choice(own)


def build(split, seed):
    rng = random.Random(seed)
    rows = []
    counter = {}

    def rid(kind, cc):
        key = (kind, cc)
        counter[key] = counter.get(key, 0) + 1
        return "ms4j-{}-{}-{}-{}".format(split, kind, cc.lower(), "%03d" % counter[key])

    names = NAMES[split]
    for cc, (lang, writers) in PHONES.items():
        for k, writer in enumerate(writers):
            template = pick(rng, PHONE_TEMPLATES[lang], split)
            pre, post = split_template(template, rng.choice(names))
            rows.append(value_row(rid("phone", cc), pre, writer(rng), post, "PHONE"))
            if k % 3 == 0:
                template = rng.choice(BARE_TEMPLATES[split])
                pre, post = split_template(template, rng.choice(names))
                rows.append(value_row(rid("phone", cc), pre, writer(rng), post, "PHONE"))
    for k in range(len(CARD_WRITERS) * 3):
        writer = CARD_WRITERS[k % len(CARD_WRITERS)]
        pre, post = split_template(pick(rng, CARD_TEMPLATES, split), rng.choice(names))
        rows.append(value_row(rid("card", "xx"), pre, writer(card_number(rng), rng), post, "CREDIT_CARD"))
    countries = sorted(IBAN_BBANS)
    for k, cc in enumerate(countries * 2):
        writer = IBAN_WRITERS[(k + (0 if split == "dev" else 3)) % len(IBAN_WRITERS)]
        pre, post = split_template(pick(rng, IBAN_TEMPLATES, split), rng.choice(names))
        rows.append(value_row(rid("iban", cc), pre, writer(iban(cc, IBAN_BBANS[cc](rng)), rng), post, "IBAN"))
    locals_ = LOCALS_DEV if split == "dev" else LOCALS_VAL
    domains = DOMAINS_DEV if split == "dev" else DOMAINS_VAL
    writers = email_writers()
    for k in range(len(locals_) * 3):
        writer = writers[k % len(writers)]
        domain, tld = domains[rng.randrange(len(domains))]
        pre, post = split_template(pick(rng, EMAIL_TEMPLATES, split), rng.choice(names))
        rows.append(value_row(rid("email", "xx"), pre, writer(locals_[k % len(locals_)], domain, tld), post, "EMAIL"))
    for k in range(len(SSN_WRITERS) * 3):
        pre, post = split_template(pick(rng, SSN_TEMPLATES, split), rng.choice(names))
        rows.append(value_row(rid("ssn", "us"), pre, SSN_WRITERS[k % len(SSN_WRITERS)](*ssn(rng)), post, "US_SSN"))
    for k in range(len(NEG_VALUES) * 5):
        template = pick(rng, NEG_TEMPLATES, split)
        text = template.replace("{n}", rng.choice(names)).replace("{v}", NEG_VALUES[k % len(NEG_VALUES)](rng))
        rows.append({"id": rid("neg", "xx"), "text": text, "expect": "pass", "types": [], "spans": [],
                     "source": SOURCE, "license": LICENSE})
    for text in NEGATIVES[0::2] if split == "dev" else NEGATIVES[1::2]:
        rows.append({"id": rid("neg", "xx"), "text": text, "expect": "pass", "types": [], "spans": [],
                     "source": SOURCE, "license": LICENSE})
    return rows


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
                   .replace("\u0085", "\\u0085") + "\n" for r in rows)


if __name__ == "__main__":
    dev = build("dev", 20261204)
    val = build("val", 97531)
    marker = '"id": "ms4j-dev-'
    with open("data/pii-dev.jsonl", encoding="utf-8") as f:
        kept = [line for line in f if marker not in line]
    with open("data/pii-dev.jsonl", "w", encoding="utf-8") as f:
        f.write("".join(kept) + dump(dev))
    with open("data/pii-validation.jsonl", "w", encoding="utf-8") as f:
        f.write(dump(val))
    for name, rows in (("dev", dev), ("validation", val)):
        flags = [r for r in rows if r["expect"] == "flag"]
        by = {}
        for r in flags:
            by[r["types"][0]] = by.get(r["types"][0], 0) + 1
        print(name, len(rows), "rows,", len(flags), "values", by, "pass", len(rows) - len(flags))
