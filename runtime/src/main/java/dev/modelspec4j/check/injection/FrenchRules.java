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

/** French phrase families, written without accents (the scan text has none). */
final class FrenchRules {

    private static final InjectionLanguage FR = InjectionLanguage.FRENCH;
    private static final String WORD = "[a-z0-9'-]+ ";
    private static final Words OVERRIDE = words("ignore[rz]?", "oublie[rz]?", "neglige[rz]?",
            "ne tiens (?:pas|plus) compte", "ne tenez (?:pas|plus) compte", "fais abstraction",
            "faites abstraction", "passe outre", "passez outre",
            "outrepasse[rz]?", "annule[rz]?", "laisse tomber", "laissez tomber", "ecarte[rz]?",
            "ne suis plus", "ne suivez plus", "n'obeis plus a", "n'obeissez plus a", "efface[rz]?");
    private static final String NOUN = any("instructions?", "consignes?", "regles?", "directives?", "ordres",
            "indications", "prompt(?: systeme)?", "invite(?: systeme)?", "commandes", "programmation",
            "restrictions", "limites", "message systeme");
    private static final List<String> NOUN_WORDS = List.of("instruction", "consigne", "regle", "directive", "ordre",
            "indication", "prompt", "invite", "commande", "programmation", "restriction", "limite", "message");
    private static final String OWNED = any("tes", "vos", "ta", "votre", "ton", "ces") + " ";
    /** "ne tiens pas compte de ...", "fais abstraction des ...". */
    private static final String OF = any("de ", "d'", "des ", "du ");
    private static final String ALL = any("toutes", "tous", "toute") + " (?:les |des |ces |tes |vos )?";
    private static final String AFTER = " " + any("precedentes?", "anterieures?", "ci-dessus", "initiales?",
            "d'origine", "originales?", "du systeme", "systeme", "recues", "donnees", "de depart", "actuelles?",
            "d'avant", "du developpeur");
    private static final Words LEAK = words("montre[rz]?", "affiche[rz]?", "revele[rz]?",
            "devoile[rz]?", "donne[rz]?", "repete[rz]?", "ecris", "ecrivez", "dis-moi", "dites-moi", "imprime[rz]?",
            "recopie[rz]?", "divulgue[rz]?", "partage[rz]?", "communique[rz]?", "cite[rz]?", "liste[rz]?",
            "recite[rz]?", "transmets", "transmettez");
    private static final String LEAK_NOUN = any("prompt(?: systeme)?", "instructions", "consignes", "directives",
            "invite(?: systeme)?", "message systeme", "programmation");

    private FrenchRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(FR, INSTRUCTION_OVERRIDE, "demande d'ignorer les instructions recues",
                        "\\b" + OVERRIDE.regex() + " (?:" + OF + ")?(?:" + ALL + "|" + OWNED + ")(?:" + WORD + ")?"
                                + NOUN + "\\b",
                        OVERRIDE.triggers()).requiring(NOUN_WORDS),
                InjectionRule.of(FR, INSTRUCTION_OVERRIDE, "demande d'ignorer les instructions precedentes",
                        "\\b" + OVERRIDE.regex() + " (?:les |la |le |l'|des |d'|du |de la |de l')(?:" + WORD + ")?"
                                + NOUN + AFTER
                                + "\\b",
                        OVERRIDE.triggers()).requiring(NOUN_WORDS),
                InjectionRule.of(FR, INSTRUCTION_OVERRIDE, "demande d'oublier tout ce qui a ete dit",
                        "\\b" + OVERRIDE.regex() + " tout (?:" + any("ce (?:qu'on|que l'on|qui) (?:t'a|vous a|a ete) "
                                + "(?:dit|donne|appris|demande|ecrit|indique)", "ce qui precede", "ce qui a ete dit",
                                "ce qu'on t'a dit", "ce qui est au-dessus") + ")", OVERRIDE.triggers())
                        .requiring(List.of("tout")),
                InjectionRule.of(FR, INSTRUCTION_OVERRIDE, "declare les instructions precedentes annulees",
                        any("instructions", "consignes", "regles", "directives") + " " + any("precedentes",
                                "anterieures", "initiales", "d'origine") + " " + any("sont", "etaient") + " (?:"
                                + "desormais |maintenant )?" + any("annulees", "obsoletes", "fausses", "caduques",
                                "invalides", "nulles", "perimees", "levees", "remplacees"),
                        "instructions", "consignes", "regles", "directives"),
                InjectionRule.of(FR, INSTRUCTION_OVERRIDE, "annonce de nouvelles instructions",
                        "\\b(?:voici )?" + any("tes", "vos") + " nouvelles " + any("instructions", "consignes",
                                "regles", "directives") + "\\b", "voici", "tes", "vos"),
                InjectionRule.of(FR, ROLE_HIJACK, "dit a l'assistant qu'il est desormais quelqu'un d'autre",
                        "\\b(?:" + any("tu es", "vous etes", "t'es") + " " + any("desormais", "maintenant",
                                "a present", "dorenavant") + " " + any("un ", "une ", "le ", "la ", "mon ", "ma ",
                                "dan\\b", "libre", "sans ") + "|" + any("a partir de maintenant", "desormais",
                                "dorenavant") + ",? " + any("tu es", "vous etes", "tu seras", "vous serez",
                                "tu agis", "tu joues") + " " + any("un ", "une ", "dan\\b", "libre", "sans ")
                                + ")", "tu es", "vous etes", "t'es", "a partir", "desormais", "dorenavant"),
                InjectionRule.of(FR, ROLE_HIJACK, "demande de jouer un role sans regles ou malveillant",
                        "\\b" + any("fais semblant", "faites semblant", "fais comme si", "faites comme si", "agis",
                                "agissez", "comporte-toi", "comportez-vous", "joue le role", "jouez le role",
                                "reponds", "repondez") + " " + any("d'etre", "que tu es", "que vous etes",
                                "tu etais", "vous etiez", "comme", "en tant qu'", "en tant que", "d'", "de")
                                + " ?(?:un |une )?(?:" + WORD + "){0,2}?" + any("sans (?:aucune )?(?:restrictions?|"
                                + "filtres?|limites|censure|regles)", "malveillante?", "malicieuse?", "diabolique",
                                "mechante?", "non censuree?", "debridee?", "hacker", "pirate informatique",
                                "autre ia", "ia differente", "libre de"), "fais", "faites", "agis", "agissez",
                        "comporte*", "joue", "jouez", "reponds", "repondez"),
                InjectionRule.of(FR, ROLE_HIJACK, "dit que l'assistant n'est plus lie par ses regles",
                        "\\bn'(?:es|est|etes) (?:plus |pas )+" + any("lie", "liee", "limite", "limitee", "soumis",
                                "soumise", "tenu", "tenue", "contraint", "contrainte") + " (?:par|a|aux) (?:"
                                + WORD + "){0,2}?" + any("regles", "restrictions", "consignes", "instructions",
                                "limites", "politiques", "directives"), "n'es", "n'est", "n'etes"),
                InjectionRule.of(FR, JAILBREAK, "decrit une IA sans restrictions",
                        "\\b" + any("ia", "assistant", "bot", "modele", "chatbot", "version") + " " + any(
                                "sans (?:aucune )?(?:restrictions?|filtres?|limites|censure|regles)",
                                "non censuree?", "debridee?", "non filtree?"), "ia", "assistant", "bot", "modele",
                        "chatbot", "version").requiring(List.of("sans", "non", "debrid")),
                InjectionRule.of(FR, JAILBREAK, "demande de passer dans un mode de contournement",
                        "\\b" + any("active[rz]?", "passe en", "passez en", "entre en", "entrez en", "bascule en",
                                "basculez en", "lance[rz]?", "demarre[rz]?") + " (?:le )?mode " + any("developpeur",
                                "dev", "dieu", "dan", "sans restrictions?", "sans filtres?", "debride", "jailbreak",
                                "sans censure") + "\\b(?! " + any("sur", "dans", "de", "du", "pour", "d'") + " )",
                        "active*", "passe", "passez", "entre", "entrez", "bascule", "basculez", "lance*", "demarre*"),
                InjectionRule.of(FR, JAILBREAK, "demande de contourner les protections",
                        "\\b" + any("contourne[rz]?", "desactive[rz]?", "ignore[rz]?", "supprime[rz]?",
                                "leve[rz]?", "outrepasse[rz]?", "evite[rz]?") + " (?:toutes |tous )?(?:les |tes |vos "
                                + "|ta |ton |votre )?" + any("filtres (?:de securite|de contenu|ethiques)",
                                "restrictions (?:de securite|de contenu|ethiques)", "garde-fous", "regles de "
                                + "securite", "protections", "censure", "moderation", "regles ethiques",
                                "principes ethiques", "limites ethiques"), "contourne*", "desactive*", "ignore*",
                        "supprime*", "leve*", "outrepasse*", "evite*")
                        .requiring(List.of("filtre", "restriction", "garde-fous", "regle", "protection", "censure",
                                "moderation", "principe", "limite")),
                InjectionRule.of(FR, FAKE_SYSTEM_MESSAGE, "annonce un mode active comme le ferait le systeme",
                        "\\bmode " + any("developpeur", "dev", "dieu", "dan", "sans restrictions?", "debride",
                                "sans filtres?") + " (?:est )?(?:maintenant |desormais )?" + any("active", "actif",
                                "enclenche", "deverrouille") + "\\b", "mode"),
                InjectionRule.of(FR, FAKE_SYSTEM_MESSAGE, "pretend etre le developpeur de l'assistant",
                        "\\bje suis " + any("ton", "votre") + " " + any("developpeur", "createur", "administrateur",
                                "programmeur", "proprietaire", "concepteur"), "je suis"),
                InjectionRule.of(FR, PROMPT_LEAK_REQUEST, "demande les instructions de l'assistant",
                        "\\b" + LEAK.regex() + "(?:-moi|-nous| moi)? (?:" + WORD + "){0,3}?" + any("ton", "tes",
                                "votre",
                                "vos") + " (?:" + WORD + "){0,2}?" + LEAK_NOUN + "\\b", LEAK.triggers()),
                InjectionRule.of(FR, PROMPT_LEAK_REQUEST, "demande les instructions cachees ou d'origine",
                        "\\b" + LEAK.regex() + "(?:-moi|-nous| moi)? (?:" + WORD + "){0,3}?(?:les |le |la |l')"
                                + LEAK_NOUN + " " + any("systeme", "du systeme", "initiales?", "d'origine",
                                "originales?", "cachees?", "secretes?", "internes?", "de depart", "complet",
                                "ci-dessus", "precedentes?"), LEAK.triggers()),
                InjectionRule.of(FR, PROMPT_LEAK_REQUEST, "demande quelles sont les instructions de l'assistant",
                        "\\b" + any("quelles? (?:sont|etaient|est|etait)", "c'est quoi") + " " + any("tes", "vos",
                                "ton", "votre") + " (?:" + WORD + ")?" + any("instructions", "consignes",
                                "prompt", "directives", "regles") + "\\b", "quel*", "c'est quoi"),
                InjectionRule.of(FR, DATA_EXFILTRATION, "demande d'envoyer conversations ou identifiants ailleurs",
                        "\\b" + any("envoie[rz]?", "envoyez", "transfere[rz]?", "fais suivre", "faites suivre",
                                "copie[rz]?") + " (?:" + WORD + "){0,5}?" + any("conversations?", "historique",
                                "boite de reception", "e-mails", "emails", "courriels", "mots de passe",
                                "identifiants", "cles? api", "secrets") + "\\b[^\\n]{0,60}?" + any("a", "au",
                                "vers", "sur") + " " + EMAIL_OR_URL,
                        "envoie*", "envoyez", "transfere*", "fais suivre", "faites suivre", "copie*"));
    }
}
