package dev.modelspec4j.check.injection;

import static dev.modelspec4j.check.injection.InjectionRule.any;
import static dev.modelspec4j.check.injection.InjectionRule.EMAIL_OR_URL;
import static dev.modelspec4j.check.injection.InjectionRule.words;
import static dev.modelspec4j.check.injection.InjectionTechnique.DATA_EXFILTRATION;
import static dev.modelspec4j.check.injection.InjectionTechnique.FAKE_SYSTEM_MESSAGE;
import static dev.modelspec4j.check.injection.InjectionTechnique.INSTRUCTION_OVERRIDE;
import static dev.modelspec4j.check.injection.InjectionTechnique.JAILBREAK;
import static dev.modelspec4j.check.injection.InjectionTechnique.PROMPT_LEAK_REQUEST;
import static dev.modelspec4j.check.injection.InjectionTechnique.ROLE_HIJACK;

import dev.modelspec4j.check.injection.InjectionRule.Words;
import java.util.List;

/** German phrase families, written with umlauts folded ({@code ü → u}, {@code ß → ss}) as in the scan text. */
final class GermanRules {

    private static final InjectionLanguage DE = InjectionLanguage.GERMAN;
    private static final String WORD = "[a-z0-9-]+ ";
    private static final Words OVERRIDE = words("ignorier(?:e|t|en sie)?", "vergiss", "vergesst",
            "vergessen sie", "missachte", "missachtet", "missachten sie", "ubergehe", "ubergehen sie", "verwirf",
            "verwerfen sie", "befolge (?:ab sofort |jetzt )?nicht mehr", "befolgen sie nicht mehr", "losche",
            "loschen sie");
    private static final String FILLER = any("alle", "alles", "samtliche", "deine", "ihre", "die", "den", "der",
            "vorherigen", "vorigen", "bisherigen", "obigen", "fruheren", "ursprunglichen", "ersten", "anfanglichen",
            "gegebenen", "erhaltenen", "genannten", "bitte", "einfach", "jetzt", "nun", "mal", "sofort", "und",
            "oder", "deiner", "ihrer") + " ";
    private static final String AUTHORITY = any("alle", "samtliche", "deine", "ihre", "vorherigen", "vorigen",
            "bisherigen", "obigen", "fruheren", "ursprunglichen", "anfanglichen", "gegebenen", "erhaltenen",
            "genannten", "system") + " ";
    private static final List<String> NOUN_WORDS = List.of("anweisung", "instruktion", "regel", "vorgabe",
            "befehl", "richtlinie", "systemprompt", "system-prompt", "prompt", "anordnung", "einschrankung",
            "beschrankung", "programmierung", "direktive", "vorschrift", "systemanweisung", "systemnachricht");
    private static final String NOUN = any("anweisungen", "anweisung", "instruktionen", "instruktion", "regeln",
            "vorgaben", "befehle", "richtlinien", "systemprompt", "system-prompt", "prompt", "prompts",
            "anordnungen", "einschrankungen", "beschrankungen", "programmierung", "direktiven", "vorschriften",
            "systemanweisungen", "systemnachricht");
    private static final Words LEAK = words("zeig(?:e|en sie)?", "gib", "geben sie", "nenne?",
            "nennen sie", "verrate?", "verraten sie", "wiederhole", "wiederholen sie", "drucke", "drucken sie",
            "schreib(?:e|en sie)?", "liste", "listen sie", "teile", "teilen sie", "offenbare", "offenbaren sie",
            "sag(?:e|en sie)?", "kopiere", "zitiere", "zitieren sie", "gib wieder", "verrat");
    private static final String LEAK_NOUN = any("systemprompt", "system-prompt", "systemnachricht",
            "systemanweisungen", "anweisungen", "instruktionen", "prompt", "vorgaben", "programmierung",
            "direktiven");
    private static final String LEAK_QUALIFIER = any("ursprunglichen", "geheimen", "versteckten", "internen",
            "initialen", "anfanglichen", "originalen", "system", "verborgenen", "allerersten");

    private GermanRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(DE, INSTRUCTION_OVERRIDE, "fordert auf, die Anweisungen zu ignorieren",
                        "\\b" + OVERRIDE.regex() + " (?:" + FILLER + "){0,3}?" + AUTHORITY + "(?:" + FILLER
                                + "){0,2}?" + NOUN
                                + "\\b", OVERRIDE.triggers()).requiring(NOUN_WORDS),
                InjectionRule.of(DE, INSTRUCTION_OVERRIDE, "fordert auf, die Anweisungen oben zu ignorieren",
                        "\\b" + OVERRIDE.regex() + " (?:die |den |deine |ihre )" + NOUN + " " + any("oben", "von oben",
                                "davor", "vorher", "bis jetzt", "bisher"), OVERRIDE.triggers()).requiring(NOUN_WORDS),
                InjectionRule.of(DE, INSTRUCTION_OVERRIDE, "fordert auf, die Anweisungen zu ignorieren",
                        "\\b" + AUTHORITY + "(?:" + FILLER + "){0,2}?" + NOUN + " (?:" + WORD + "){0,2}?"
                                + any("ignorieren", "vergessen", "missachten", "ignoriert", "vergisst", "ignorierst",
                                "verwerfen", "uber bord werfen", "nicht mehr befolgen") + "\\b",
                        "alle", "samtliche", "deine", "ihre", "vorherigen", "vorigen", "bisherigen", "obigen",
                        "fruheren", "ursprunglichen", "anfanglichen", "gegebenen", "erhaltenen", "genannten",
                        "system"),
                InjectionRule.of(DE, INSTRUCTION_OVERRIDE, "fordert auf, alles Gesagte zu vergessen",
                        "\\b" + OVERRIDE.regex() + " alles,? (?:" + any("was|das") + " (?:man )?" + any("dir",
                                "ihnen", "euch")
                                + " (?:" + WORD + "){0,3}?" + any("gesagt", "gegeben", "beigebracht", "aufgetragen",
                                "vorgegeben", "erzahlt", "befohlen") + "|" + any("oben", "davor", "vorherige",
                                "bisherige", "bisher gesagte", "bisher") + ")", OVERRIDE.triggers()),
                InjectionRule.of(DE, INSTRUCTION_OVERRIDE, "erklart die bisherigen Anweisungen fur ungultig",
                        any("vorherigen", "bisherigen", "obigen", "alten", "ursprunglichen", "fruheren") + " "
                                + any("anweisungen", "regeln", "vorgaben", "instruktionen") + " " + any("sind",
                                "waren") + " (?:ab sofort |jetzt |nun )?" + any("ungultig", "aufgehoben", "falsch",
                                "veraltet", "nichtig", "hinfallig", "obsolet", "ausser kraft"),
                        "anweisungen", "regeln", "vorgaben", "instruktionen"),
                InjectionRule.of(DE, INSTRUCTION_OVERRIDE, "kundigt neue Anweisungen an",
                        "\\b(?:" + any("deine", "ihre") + " neuen " + any("anweisungen", "regeln", "vorgaben",
                                "befehle", "instruktionen") + "|neue " + any("anweisungen", "instruktionen")
                                + " (?:fur|an) (?:den|die|das) " + any("assistenten", "ki", "bot", "modell",
                                "chatbot") + ")\\b", "deine", "ihre", "neue"),
                InjectionRule.of(DE, ROLE_HIJACK, "sagt dem Assistenten, er sei jetzt jemand anderes",
                        "\\b(?:" + any("du bist", "sie sind") + " " + any("jetzt", "nun", "ab sofort", "ab jetzt",
                                "von nun an") + " " + any("ein ", "eine ", "der ", "die ", "das ", "mein ", "meine ",
                                "dan\\b", "frei", "keine? ", "nicht mehr") + "|" + any("ab jetzt", "ab sofort",
                                "von nun an", "ab heute") + ",? " + any("bist du", "sind sie", "wirst du",
                                "spielst du", "agierst du", "verhaltst du dich") + "\\b)", "du bist", "sie sind",
                        "ab jetzt", "ab sofort", "von nun an", "ab heute"),
                InjectionRule.of(DE, ROLE_HIJACK, "verlangt eine Rolle ohne Regeln oder eine bosartige Rolle",
                        "\\b" + any("tu so,? als (?:ob )?(?:du|sie)", "tun sie so,? als (?:ob )?(?:du|sie)",
                                "spiel(?:e|en sie)? (?:als|wie)", "agiere (?:als|wie)", "verhalte dich (?:als|wie)",
                                "handle (?:als|wie)", "antworte (?:als|wie)", "fungiere als", "tritt auf als")
                                + " (?:" + WORD + "){0,3}?" + any("ohne (?:jegliche |alle |irgendwelche )?"
                                + "(?:einschrankungen|filter|regeln|grenzen|zensur|beschrankungen)", "bose[rn]?",
                                "bosartige[rn]?", "uneingeschrankte[rn]?", "unzensierte[rn]?", "hacker",
                                "andere ki", "nicht an (?:regeln|anweisungen) gebunden"),
                        "tu so", "tun sie so", "spiel*", "agiere", "verhalte", "handle", "antworte", "fungiere",
                        "tritt auf"),
                InjectionRule.of(DE, ROLE_HIJACK, "sagt, der Assistent sei nicht an Regeln gebunden",
                        "\\bnicht (?:mehr )?(?:an (?:" + WORD + "){0,2}?" + any("regeln", "anweisungen",
                                "richtlinien", "vorgaben", "einschrankungen") + " gebunden|durch (?:" + WORD
                                + "){0,2}?" + any("regeln", "richtlinien", "vorgaben") + " " + any("eingeschrankt",
                                "beschrankt", "gebunden") + ")", "nicht"),
                InjectionRule.of(DE, JAILBREAK, "beschreibt eine KI ohne Einschrankungen",
                        "\\b" + any("uneingeschrankte", "unzensierte", "ungefilterte", "bosartige", "bose",
                                "unbeschrankte", "gejailbreakte") + "n? " + any("ki", "assistent", "bot", "modell",
                                "version", "modus"), "uneingeschrankt*", "unzensiert*", "ungefiltert*", "bosartig*",
                        "bose*", "unbeschrankt*", "gejailbreakt*"),
                InjectionRule.of(DE, JAILBREAK, "verlangt einen Jailbreak-Modus",
                        "\\b" + any("aktiviere", "aktivieren sie", "aktivier", "schalte", "schalten sie", "wechsle",
                                "wechseln sie", "starte", "starten sie", "gehe", "geh") + " (?:jetzt |sofort )?(?:in "
                                + "den |den )?" + any("entwicklermodus", "entwickler-modus", "dan-modus", "dan modus",
                                "gottmodus", "god-modus", "jailbreak-modus", "uneingeschrankten modus") + "\\b(?! "
                                + any("auf", "am", "im", "bei", "in", "fur", "von") + " )", "aktivier*", "schalte",
                        "wechsle", "wechseln", "starte", "gehe", "geh"),
                InjectionRule.of(DE, JAILBREAK, "verlangt, Schutzmechanismen zu umgehen",
                        "\\b" + any("umgehe", "umgehen sie", "umgeh", "deaktiviere", "deaktivieren sie", "schalte",
                                "ignoriere", "entferne", "hebe", "missachte") + " (?:" + WORD + "){0,2}?" + any(
                                "sicherheitsfilter", "inhaltsfilter", "sicherheitsregeln", "sicherheitsrichtlinien",
                                "sicherheitsmassnahmen", "sicherheitsvorkehrungen", "schutzmechanismen", "zensur",
                                "leitplanken", "moderation", "ethischen (?:regeln|grundsatze|richtlinien)",
                                "(?:deine|alle|samtliche|jegliche) (?:filter|einschrankungen|beschrankungen)")
                                + "\\b", "umgeh*", "deaktiviere", "schalte", "ignoriere", "entferne", "hebe",
                        "missachte"),
                InjectionRule.of(DE, FAKE_SYSTEM_MESSAGE, "meldet einen aktivierten Modus wie das System",
                        "\\b(?:" + any("entwicklermodus", "dan-modus", "gottmodus", "jailbreak-modus") + " (?:ist )?"
                                + "(?:jetzt |nun )?" + any("aktiviert", "aktiv", "an", "eingeschaltet",
                                "freigeschaltet") + "|sicherheitsmodus (?:ist )?(?:jetzt |nun )?" + any("aus",
                                "deaktiviert", "abgeschaltet") + ")\\b", "entwicklermodus", "dan-modus",
                        "gottmodus", "jailbreak-modus", "sicherheitsmodus"),
                InjectionRule.of(DE, FAKE_SYSTEM_MESSAGE, "gibt sich als Entwickler des Assistenten aus",
                        "\\bich bin " + any("dein", "ihr") + " " + any("entwickler", "schopfer", "administrator",
                                "admin", "programmierer", "betreiber", "erschaffer"), "ich bin"),
                InjectionRule.of(DE, PROMPT_LEAK_REQUEST, "fragt nach den Anweisungen des Assistenten",
                        "\\b" + LEAK.regex() + "(?: mir| uns)? (?:" + WORD + "){0,3}?" + any("deine", "deinen",
                                "deinem", "dein", "ihre", "ihren", "ihr") + " (?:" + WORD + "){0,2}?" + LEAK_NOUN
                                + "\\b", LEAK.triggers()),
                InjectionRule.of(DE, PROMPT_LEAK_REQUEST, "fragt nach den geheimen oder ursprunglichen Anweisungen",
                        "\\b" + LEAK.regex() + "(?: mir| uns)? (?:" + WORD + "){0,3}?(?:den|die|das) (?:"
                                + LEAK_QUALIFIER + "[a-z]* (?:" + WORD + ")?" + LEAK_NOUN + "|" + any("systemprompt",
                                "system-prompt", "systemnachricht", "systemanweisungen") + ")\\b", LEAK.triggers()),
                InjectionRule.of(DE, PROMPT_LEAK_REQUEST, "fragt, wie die Anweisungen lauten",
                        "\\b" + any("wie lautet", "wie lauten", "was ist", "was sind", "was waren", "was war")
                                + " " + any("dein", "deine", "ihr", "ihre") + " (?:" + WORD + ")?" + LEAK_NOUN
                                + "\\b", "wie lautet", "wie lauten", "was ist", "was sind", "was waren", "was war"),
                InjectionRule.of(DE, DATA_EXFILTRATION, "verlangt, Unterhaltungen oder Zugangsdaten zu senden",
                        "\\b" + any("sende", "schicke", "schick", "leite", "kopiere", "ubermittle") + " (?:" + WORD
                                + "){0,5}?" + any("unterhaltung", "konversation", "verlauf", "chatverlauf",
                                "posteingang", "e-mails", "emails", "passworter", "passwort", "zugangsdaten",
                                "api-schlussel", "geheimnisse") + "\\b[^\\n]{0,60}?" + any("an", "zu", "nach", "auf")
                                + " " + EMAIL_OR_URL, "sende", "schicke",
                        "schick", "leite", "kopiere", "ubermittle"));
    }
}
