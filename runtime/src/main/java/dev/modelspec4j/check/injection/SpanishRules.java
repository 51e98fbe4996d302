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

/** Spanish phrase families, written without accents ({@code ñ → n}) as in the scan text. */
final class SpanishRules {

    private static final InjectionLanguage ES = InjectionLanguage.SPANISH;
    private static final String WORD = "[a-z0-9-]+ ";
    private static final Words OVERRIDE = words("ignora[dr]?", "ignoren", "olvida[dr]?", "olvide",
            "olviden", "olvidate de", "olvidese de", "descarta[r]?", "descarte", "haz caso omiso (?:a|de)",
            "haga caso omiso (?:a|de)", "hagan caso omiso (?:a|de)", "no hagas caso (?:a|de)",
            "no haga caso (?:a|de)", "omite", "omita", "pasa por alto", "pase por alto", "anula", "anule",
            "desobedece", "desobedezca", "deja de seguir", "deje de seguir", "no sigas", "no siga", "borra",
            "borre");
    private static final String NOUN = any("instrucciones", "instruccion", "reglas", "indicaciones",
            "directrices", "directivas", "ordenes", "normas", "prompt(?: del sistema)?", "restricciones",
            "limitaciones", "programacion", "consignas", "pautas", "politicas");
    private static final List<String> NOUN_WORDS = List.of("instruccion", "regla", "indicacion", "directri",
            "directiva", "orden", "norma", "prompt", "restriccion", "limitacion", "programacion", "consigna", "pauta",
            "politica");
    private static final String OWNED = any("todas (?:las |tus |sus )?", "todos (?:los |tus |sus )?", "tus ",
            "sus ", "tu ", "su ", "estas ", "esas ");
    private static final String AFTER = " " + any("anteriores", "previas", "de arriba", "iniciales",
            "originales", "del sistema", "dadas", "recibidas", "que (?:te|le) (?:dieron|han dado|di|dimos)",
            "de antes", "del desarrollador");
    private static final Words LEAK = words("muestra(?:me)?", "muestre(?:me)?", "revela(?:me)?",
            "revele(?:me)?", "dime", "digame", "dame", "deme", "repite(?:me)?", "repita", "imprime", "imprima",
            "escribe(?:me)?", "escriba", "ensename", "comparte", "comparta", "copia", "enumera(?:me)?",
            "divulga", "proporciona(?:me)?", "transcribe", "cuentame", "recita");
    private static final String LEAK_NOUN = any("prompt(?: del sistema)?", "instrucciones", "indicaciones",
            "directrices", "mensaje del sistema", "programacion", "consignas");

    private SpanishRules() {
    }

    static List<InjectionRule> rules() {
        return List.of(
                InjectionRule.of(ES, INSTRUCTION_OVERRIDE, "pide ignorar las instrucciones recibidas",
                        "\\b" + OVERRIDE.regex() + " " + OWNED + "(?:" + WORD + ")?" + NOUN + "\\b",
                                OVERRIDE.triggers()).requiring(NOUN_WORDS),
                InjectionRule.of(ES, INSTRUCTION_OVERRIDE, "pide ignorar las instrucciones anteriores",
                        "\\b" + OVERRIDE.regex() + " (?:las |los |la |el |de las |de los )?(?:" + WORD + ")?" + NOUN
                                + AFTER
                                + "\\b", OVERRIDE.triggers()).requiring(NOUN_WORDS),
                InjectionRule.of(ES, INSTRUCTION_OVERRIDE, "pide olvidar todo lo dicho",
                        "\\b" + OVERRIDE.regex() + " (?:de )?todo (?:lo (?:que|anterior)|cuanto) ?(?:" + WORD
                                + "){0,4}?"
                                + any("te (?:dijeron|han dicho|dije|ensenaron|dieron|indicaron|pidieron)",
                                "(?:te|le) (?:han|hayan) (?:dicho|dado|indicado)", "anterior", "de arriba",
                                "antes")
                                + "\\b", OVERRIDE.triggers())
                        .requiring(List.of("todo")),
                InjectionRule.of(ES, INSTRUCTION_OVERRIDE, "declara anuladas las instrucciones anteriores",
                        any("instrucciones", "reglas", "indicaciones", "directrices") + " " + any("anteriores",
                                "previas", "iniciales", "originales") + " " + any("son", "eran", "estan", "quedan")
                                + " (?:ahora )?" + any("falsas", "anuladas", "obsoletas", "invalidas", "canceladas",
                                "sin efecto", "revocadas", "derogadas"), "instrucciones", "reglas", "indicaciones",
                        "directrices"),
                InjectionRule.of(ES, INSTRUCTION_OVERRIDE, "anuncia nuevas instrucciones",
                        "\\b" + any("tus", "sus") + " nuevas " + any("instrucciones", "reglas", "indicaciones",
                                "directrices", "ordenes") + "\\b", "tus", "sus"),
                InjectionRule.of(ES, ROLE_HIJACK, "dice al asistente que ahora es otro",
                        "\\b(?:" + any("ahora", "a partir de ahora", "desde ahora", "de ahora en adelante")
                                + ",? " + any("eres", "seras", "es usted", "te conviertes en", "actuas como") + " "
                                + any("un ", "una ", "el ", "la ", "mi ", "dan\\b", "libre", "otr[oa]") + "|"
                                + any("eres", "es usted") + " " + any("ahora", "desde ahora") + " " + any("un ",
                                "una ", "el ", "la ", "dan\\b", "libre") + ")", "ahora", "a partir de ahora",
                        "desde ahora", "de ahora", "eres", "es usted"),
                InjectionRule.of(ES, ROLE_HIJACK, "pide interpretar un papel sin reglas o malicioso",
                        "\\b" + any("finge (?:ser|que eres)", "finja (?:ser|que es)", "haz como si (?:fueras|eres)",
                                "actua como", "actue como", "actuad como", "comportate como", "comportese como",
                                "responde como", "responda como", "haz de", "juega el papel de",
                                "interpreta el papel de") + " (?:un |una )?(?:" + WORD + "){0,2}?" + any(
                                "sin (?:ninguna |ningun )?(?:restricciones|filtros|limites|censura|reglas)",
                                "malvad[oa]", "malicios[oa]", "hacker", "pirata informatico", "sin censura",
                                "otra ia", "ia diferente", "humano sin"), "finge", "finja", "haz como", "actua",
                        "actue", "actuad", "comportate", "comportese", "responde", "responda", "haz de",
                        "juega", "interpreta"),
                InjectionRule.of(ES, ROLE_HIJACK, "dice que el asistente no esta sujeto a sus reglas",
                        "\\bno (?:estas|esta|estais) (?:ya )?" + any("limitad[oa]", "atad[oa]", "sujet[oa]",
                                "obligad[oa]", "restringid[oa]") + " (?:por|a) (?:" + WORD + "){0,2}?" + any("reglas",
                                "normas", "restricciones", "instrucciones", "politicas", "directrices"), "no"),
                InjectionRule.of(ES, JAILBREAK, "describe una IA sin restricciones",
                        "\\b" + any("ia", "asistente", "bot", "modelo", "chatbot", "version") + " " + any(
                                "sin (?:ninguna |ningun )?(?:restricciones|filtros|censura|limites|reglas)",
                                "sin censura", "desbloquead[oa]", "sin filtrar"), "ia", "asistente", "bot",
                        "modelo", "chatbot", "version"),
                InjectionRule.of(ES, JAILBREAK, "pide un modo de evasion",
                        "\\b" + any("activa[r]?", "active", "habilita[r]?", "habilite", "entra en", "entre en",
                                "pasa a", "cambia a", "enciende") + " (?:el )?modo " + any("desarrollador", "dios",
                                "dan", "sin restricciones", "sin filtros", "jailbreak", "sin censura") + "\\b(?! "
                                + any("en", "de", "del", "para") + " )", "activa*", "active", "habilita*", "habilite",
                        "entra", "entre", "pasa", "cambia", "enciende"),
                InjectionRule.of(ES, JAILBREAK, "pide saltarse las protecciones",
                        "\\b" + any("evita", "evite", "elude", "eluda", "salta(?:te)?", "omite", "desactiva",
                                "desactive", "quita", "quite", "ignora", "sortea", "burla", "esquiva") + " (?:" + WORD
                                + "){0,2}?" + any("filtros de (?:seguridad|contenido)", "restricciones de "
                                + "(?:seguridad|contenido)", "medidas de seguridad", "controles de seguridad",
                                "salvaguardas", "censura", "moderacion", "principios eticos",
                                "(?:todas )?(?:tus|sus) (?:restricciones|filtros|limitaciones)") + "\\b", "evita",
                        "evite", "elude", "eluda", "salta*", "omite", "desactiva", "desactive", "quita", "quite",
                        "ignora", "sortea", "burla", "esquiva"),
                InjectionRule.of(ES, FAKE_SYSTEM_MESSAGE, "anuncia un modo activado como si fuera el sistema",
                        "\\bmodo " + any("desarrollador", "dios", "dan", "sin restricciones", "sin filtros",
                                "jailbreak") + " (?:esta )?(?:ahora )?" + any("activado", "activo", "habilitado",
                                "encendido", "desbloqueado") + "\\b", "modo"),
                InjectionRule.of(ES, FAKE_SYSTEM_MESSAGE, "dice ser el desarrollador del asistente",
                        "\\b(?:yo )?soy " + any("tu", "su") + " " + any("desarrollador", "creador", "administrador",
                                "programador", "dueno", "operador"), "soy", "yo soy"),
                InjectionRule.of(ES, PROMPT_LEAK_REQUEST, "pide las instrucciones del asistente",
                        "\\b" + LEAK.regex() + "(?: me)? (?:" + WORD + "){0,3}?" + any("tu", "tus", "su", "sus")
                                + " (?:"
                                + WORD + "){0,2}?" + LEAK_NOUN + "\\b", LEAK.triggers()),
                InjectionRule.of(ES, PROMPT_LEAK_REQUEST, "pide las instrucciones ocultas u originales",
                        "\\b" + LEAK.regex() + "(?: me)? (?:" + WORD + "){0,3}?" + any("el", "las", "los", "la") + " "
                                + LEAK_NOUN + " " + any("del sistema", "de sistema", "iniciales", "originales",
                                "ocultas", "secretas", "internas", "de arriba", "completo"), LEAK.triggers()),
                InjectionRule.of(ES, PROMPT_LEAK_REQUEST, "pregunta cuales son las instrucciones del asistente",
                        "\\b" + any("cuales", "cual", "que") + " " + any("son", "eran", "es", "era", "fueron") + " "
                                + any("tus", "sus", "tu", "su") + " (?:" + WORD + ")?" + any("instrucciones",
                                "prompt", "indicaciones", "directrices", "mensaje del sistema") + "\\b",
                        "cuales", "cual", "que"),
                InjectionRule.of(ES, DATA_EXFILTRATION, "pide enviar conversaciones o credenciales a otro sitio",
                        "\\b" + any("envia", "envie", "reenvia", "reenvie", "manda", "mande", "transfiere",
                                "copia") + " (?:" + WORD + "){0,5}?" + any("conversacion(?:es)?", "historial",
                                "bandeja de entrada", "correos", "e-mails", "emails", "contrasenas", "credenciales",
                                "claves", "secretos") + "\\b[^\\n]{0,60}?" + any("a", "al", "hacia", "en")
                                + " " + EMAIL_OR_URL, "envia", "envie",
                        "reenvia", "reenvie", "manda", "mande", "transfiere", "copia"));
    }
}
