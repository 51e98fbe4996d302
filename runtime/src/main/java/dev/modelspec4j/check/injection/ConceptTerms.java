package dev.modelspec4j.check.injection;

import static dev.modelspec4j.check.injection.Concept.ADDRESS;
import static dev.modelspec4j.check.injection.Concept.AGENT_CUE;
import static dev.modelspec4j.check.injection.Concept.AI;
import static dev.modelspec4j.check.injection.Concept.ALL;
import static dev.modelspec4j.check.injection.Concept.ASSISTANT_LABEL;
import static dev.modelspec4j.check.injection.Concept.AUTHORITY;
import static dev.modelspec4j.check.injection.Concept.AUTHORITY_KIND;
import static dev.modelspec4j.check.injection.Concept.IGNORE;
import static dev.modelspec4j.check.injection.Concept.INSTEAD;
import static dev.modelspec4j.check.injection.Concept.INSTRUCTIONS;
import static dev.modelspec4j.check.injection.Concept.OWN_PROMPT;
import static dev.modelspec4j.check.injection.Concept.PERSONA;
import static dev.modelspec4j.check.injection.Concept.PRIOR;
import static dev.modelspec4j.check.injection.Concept.PRIORITY;
import static dev.modelspec4j.check.injection.Concept.REGARDLESS;
import static dev.modelspec4j.check.injection.Concept.REVERSAL_HINT;
import static dev.modelspec4j.check.injection.Concept.REVEAL;
import static dev.modelspec4j.check.injection.Concept.SAFEGUARDS;
import static dev.modelspec4j.check.injection.Concept.SECRECY;
import static dev.modelspec4j.check.injection.Concept.SEND;
import static dev.modelspec4j.check.injection.Concept.SENSITIVE;
import static dev.modelspec4j.check.injection.Concept.SWITCHED;
import static dev.modelspec4j.check.injection.Concept.TASK_VERB;
import static dev.modelspec4j.check.injection.Concept.UNRESTRICTED;
import static dev.modelspec4j.check.injection.Concept.USER_LABEL;
import static dev.modelspec4j.check.injection.Concept.USER_REF;
import static dev.modelspec4j.check.injection.Concept.VERBATIM;
import static dev.modelspec4j.check.injection.Concept.VOID;

/**
 * The multilingual lexicon: for each language, the words and phrases that stand for each {@link Concept}.
 * Terms are written as a reader would write them (accents, capitals, any script); {@link ConceptIndex} folds them
 * as the scan text is folded. A trailing {@code *} makes a term a word start (a stem: {@code ignor*} for ignore,
 * ignoring, ignored); otherwise it matches whole words. Terms in scripts written without spaces (Chinese,
 * Japanese) and Arabic terms (which take attached prefixes) match anywhere.
 *
 * <p>The lists are written for each language, with its synonyms, inflections and word order in mind, not
 * translated word for word; what the rules need is that the concepts, not the phrasings, are covered.
 */
final class ConceptTerms {

    /** Receives the terms of one language. */
    interface Sink {
        void add(Concept concept, String terms);
    }

    private ConceptTerms() {
    }

    static void add(InjectionLanguage language, Sink s) {
        switch (language) {
            case ENGLISH -> english(s);
            case FRENCH -> french(s);
            case GERMAN -> german(s);
            case SPANISH -> spanish(s);
            case ITALIAN -> italian(s);
            case PORTUGUESE -> portuguese(s);
            case DUTCH -> dutch(s);
            case POLISH -> polish(s);
            case RUSSIAN -> russian(s);
            case CHINESE -> chinese(s);
            case JAPANESE -> japanese(s);
            case ARABIC -> arabic(s);
            default -> throw new IllegalArgumentException(language.name());
        }
    }

    private static void english(Sink s) {
        s.add(IGNORE, "ignor*|disregard*|forget|overlook*|neglect*|discard*|abandon*"
                + "|scrap|skip|skip over|set aside|put aside|pay no attention|don't pay attention|do not pay attention"
                + "|never mind|nevermind|erase|drop|dismiss*|bypass*|circumvent*|override|overriding|stop following"
                + "|do not follow|don't follow|dont follow|no longer follow|not follow|do not obey|don't obey|stop obeying"
                + "|throw away|throw out|cast aside|leave aside|let go of|wipe|unlearn");
        s.add(PRIOR, "previous|previously|prior|above|earlier|preceding|foregoing|before|so far|until now|up to now"
                + "|initial|original|former|aforementioned|above-mentioned|beforehand|before this|old instructions"
                + "|you have been told|you've been told|you were told|you have been given|you were given|you received"
                + "|you've been instructed|you have been instructed|you were instructed|you got|the system|your system"
                + "|the developer|your developer|your developers|your operator|your operators|your creator|your creators"
                + "|your owner|your programmers");
        s.add(INSTRUCTIONS, "instruction*|direction|directions|directive*|rule|rules|guideline*|prompt|prompts"
                + "|command|commands|orders|guidance|programming|told|instructed|taught|said"
                + "|objective|objectives|assignment|task|tasks|constraints|restrictions|policies|system prompt"
                + "|system message");
        s.add(ALL, "all|everything|every|whatever|anything|any|all of|each");
        s.add(VOID, "void|obsolete|invalid|null and void|cancelled|canceled|revoked|annulled|no longer apply"
                + "|no longer applies|no longer valid|no longer relevant|does not apply|don't apply|irrelevant"
                + "|superseded|overridden|were a test|was a test|are outdated|is outdated|no longer matters"
                + "|no longer in effect|not apply|not valid anymore");
        s.add(REGARDLESS, "regardless of|irrespective of|no matter what|notwithstanding|despite");
        s.add(PRIORITY, "supersede*|takes precedence|take precedence|overrides any|overrides all|override any|override all"
                + "|priority|prioritized|highest priority|top priority|real task|actual task|true task|new task"
                + "|new instructions|new instruction|new orders|new objective|new job|new rules|new directive");
        s.add(INSTEAD, "instead of|rather than|in place of|in lieu of");
        s.add(TASK_VERB, "answering|summarising|summarizing|translating|replying|responding|reviewing|analysing"
                + "|analyzing|doing what|helping|processing|following|reading|answer the question|summarise|summarize");
        s.add(PERSONA, "you are now|you're now|from now on|from now|henceforth|from this point|starting now"
                + "|act as|acting as|pretend*|roleplay*|role-play*|role play|play the role|play a game"
                + "|let's play|immerse yourself|your new persona|new persona|you will be|you are going to be"
                + "|you will now be|become|you are no longer|you're no longer|imagine you are|simulate|persona"
                + "|character|stay in character|answer as|respond as|known as|named|called|meet");
        s.add(UNRESTRICTED, "never refuse*|never refusing|never declines|never say no|never says no|cannot refuse"
                + "|can't refuse|does not refuse|doesn't refuse|no restrictions|without restrictions|no restriction"
                + "|no limits|without limits|no limitations|no filters|without filters|without any filters"
                + "|unfiltered|uncensored|unrestricted|unlimited|unbound|amoral|immoral|unethical|no ethics"
                + "|no ethical|no moral*|without ethics|without morals|without any moral*|not care about"
                + "|never cares|doesn't care|does not care|never care|legality|illegal|no rules|without rules"
                + "|without any rules|no guidelines|breaks the rules|break free|broken free|freed from"
                + "|free from|never apologi*|never says sorry|never say sorry|never warns|never adds warnings"
                + "|no warnings|without warnings|never breaks character|any question|no matter how|does not follow"
                + "|doesn't follow|not bound|ignore laws|ignores laws|ignores every law|ignores all laws|ignores the law"
                + "|no content policy|no policy|dangerous"
                + "|anything now|do anything|rogue|evil|abide by|no censorship|without censorship|machiavellian");
        s.add(AUTHORITY, "system|admin|administrator|root|developer|developers|operator|sudo|maintenance"
                + "|debug|god|superuser|owner|provider|dev|engineering team|developer team|security team");
        s.add(AUTHORITY_KIND, "mode|override|access|privileges|privilege|protocol|protocols|authorisation"
                + "|authorization|authorization code|clearance|message from|notice from|instruction from"
                + "|update from|permissions");
        s.add(SWITCHED, "enabled|activated|active|granted|accepted|engaged|unlocked|lifted|suspended|disabled"
                + "|deactivated|removed|turned off|switched off|reset|on!|off!|true!|elevated|must comply|comply with"
                + "|allowed to|permitted to|authorized to|authorised to");
        s.add(SAFEGUARDS, "restrictions|restriction|filters|filter|safety|guardrails|limits|limitations|censorship"
                + "|content policy|safety protocols|safeguards|content restrictions|security|moderation");
        s.add(REVEAL, "print|reveal*|show|display|output|repeat|spell out|recite|disclose|dump|leak|expose"
                + "|return|echo|type out|write out|copy|paste|quote|translate|summarise|summarize|tell me"
                + "|list|share|give me|provide");
        s.add(OWN_PROMPT, "your system prompt|your prompt|your instructions|your initial|your original"
                + "|your hidden|your secret|your configuration|your system message"
                + "|your directives|your programming|hidden configuration|hidden prompt|hidden instructions"
                + "|initial prompt|initial instructions|original instructions"
                + "|the instructions you were given|instructions you were given|rules your developer"
                + "|the text above|everything above|all text above|the above text|text above|your developer gave"
                + "|including hidden text|including everything|starting with 'you are'|starting with \"you are\""
                + "|the prompt above|hidden prompt|internal notes|pre-prompt|preprompt");
        s.add(VERBATIM, "verbatim|word for word|word-for-word|exact words|exactly as|one line at a time"
                + "|in a code block|in full|unabridged|letter for letter|character for character|as json");
        s.add(AI, "ai|ai assistant|ai assistants|ai agent|ai agents|ai model|ai models|llm|llms"
                + "|language model|language models|chatbot|chatbots|assistant|assistants|the ai|an ai"
                + "|ai system|ai systems|ai reviewer|ai reviewers|ai coding|coding agent|coding agents"
                + "|code assistant|claude|gpt|chatgpt|gemini|copilot|bard|llama|summariser|summarizer"
                + "|ai summariser|ai summarizer|bot|bots|agent|agents|automated agent");
        s.add(ADDRESS, "note to|note for|notes for|message to|message for|dear|to any|to all|hey|hi|hello"
                + "|attention|if you are|if you're|to every|for any|for all"
                + "|hidden instructions for|secret instructions for|important for|memo to|must|should|shall");
        s.add(SEND, "send|forward|upload|transfer|exfiltrate|transmit|bcc|call the|email the contents|email all"
                + "|email every|email the user's|e-mail the contents|mail the contents"
                + "|post it|post them|post the|encode the|share the|leak");
        s.add(SENSITIVE, "conversation|conversations|chat history|chat log|conversation history|message history"
                + "|browsing history|inbox|mailbox|messages"
                + "|emails|e-mails|password|passwords|api key|api keys|credentials|credential|token|tokens"
                + "|session|cookie|cookies|calendar|contacts|address book|user's data|users' data|personal data"
                + "|user's name|user's address|home address|user's email|email address|ssh|private key"
                + "|secret|secrets|payroll|salary|salaries|credit card|bank details|iban|money|funds");
        s.add(SECRECY, "silently|secretly|quietly|without telling|do not tell|don't tell|dont tell"
                + "|do not mention|don't mention|do not inform|don't inform|without informing|without asking"
                + "|hide this|keep this hidden|never mention|not tell the user|unbeknownst");
        s.add(USER_REF, "the user|the user's|the users|the reader|the readers|the customer|the recruiter"
                + "|the visitor|the human");
        s.add(REVERSAL_HINT, "backwards|backward|reversed|in reverse|reverse order|sdrawkcab|desrever");
        s.add(USER_LABEL, "user|human|customer|prompt");
        s.add(ASSISTANT_LABEL, "assistant|ai|bot|chatbot|gpt|model|claude|system");
        s.add(AGENT_CUE, "when you process this|when processing this|when you summarise this|when you summarize this"
                + "|when summarising this|when summarizing this|while summarising|while summarizing|if you are an ai"
                + "|if you're an ai|if you are a language model|if you are an llm|to any ai|dear ai|hey ai"
                + "|any ai reading|ai reading this|llm reading this|model reading this|assistants reading this"
                + "|agents reading this");
    }

    private static void french(Sink s) {
        s.add(IGNORE, "ignore|ignorez|ignorer|ignorant|oublie|oubliez|oublier|néglige|négligez|laisse de côté"
                + "|laissez de côté|fais abstraction|faites abstraction|ne tiens pas compte|ne tiens plus compte"
                + "|ne tenez pas compte|ne tenez plus compte|passe outre|passez outre|écarte|écartez|abandonne"
                + "|abandonnez|ne suis plus|ne suivez plus|ne respecte plus|ne respectez plus|efface|effacez");
        s.add(PRIOR, "précédent*|antérieur*|ci-dessus|plus haut|initial*|d'origine|originales|jusqu'ici"
                + "|jusqu'à présent|auparavant|avant|qui précèdent|qu'on t'a dit|qu'on vous a dit|reçues|ton créateur"
                + "|ton développeur|votre développeur|ton opérateur|le système");
        s.add(INSTRUCTIONS, "instruction*|consigne*|directive*|règle*|ordre*|prompt|commande*|dit|indications");
        s.add(ALL, "tout|toutes|tous|toute|tout ce");
        s.add(VOID, "annulé*|caduque*|obsolète*|nulle*|invalide*|révoqué*|ne s'appliquent plus|sont levées");
        s.add(PRIORITY, "prioritaire*|priorité|nouvelle consigne|nouvelles consignes|nouvelles instructions"
                + "|nouvelle tâche|vraie tâche|remplace*");
        s.add(INSTEAD, "au lieu de|plutôt que|à la place de");
        s.add(TASK_VERB, "résumer|traduire|répondre|analyser");
        s.add(PERSONA, "à partir de maintenant|désormais|dorénavant|tu es maintenant|vous êtes maintenant"
                + "|joue le rôle|jouez le rôle|fais semblant|faites semblant|tu es désormais|incarne|personnage");
        s.add(UNRESTRICTED, "ne refuse jamais|ne refuses jamais|sans limite*|sans aucune limite|sans filtre*"
                + "|sans restriction*|se moque de la légalité|légalité|sans morale|sans éthique|aucune limite morale"
                + "|ne parle jamais d'éthique|sans règles|aucune règle|sans censure");
        s.add(AUTHORITY, "système|administrateur|admin|développeur|opérateur|maintenance|root|débogage");
        s.add(AUTHORITY_KIND, "mode|message de|accès|priorité|dérogation|contournement|override");
        s.add(SWITCHED, "activé|activée|levées|levée|désactivé*|accordé|suspendu*");
        s.add(SAFEGUARDS, "restrictions|restriction|filtres|sécurité|limites|garde-fous|censure");
        s.add(REVEAL, "affiche*|montre*|révèle*|répète*|recopie*|donne-moi|donnez-moi|quelles sont|imprime*"
                + "|écris|divulgue*");
        s.add(OWN_PROMPT, "ton prompt|votre prompt|prompt système|ton prompt système|tes instructions|vos instructions"
                + "|tes consignes|vos consignes|consignes que ton développeur|instructions initiales"
                + "|consignes initiales|message système");
        s.add(VERBATIM, "mot pour mot|mot à mot|textuellement|exactement|à l'identique");
        s.add(AI, "ia|assistant ia|assistant|assistants|intelligence artificielle|modèle de langage|agent ia"
                + "|agents ia|chatbot|l'ia|robot");
        s.add(ADDRESS, "note pour|note à|message pour|cher|chère|si tu lis|si vous lisez|à l'attention|attention"
                + "|qui résume|qui lit");
        s.add(SEND, "envoie*|envoyez|transfère*|transférez|transmets|transmettez|expédie*|télécharge*|publie*");
        s.add(USER_REF, "l'utilisateur|l'utilisatrice|au lecteur|le client");
        s.add(REVERSAL_HINT, "à l'envers|de droite à gauche|inversé");
        s.add(SENSITIVE, "conversation|historique|boîte de réception|courriels|e-mails|mots de passe"
                + "|mot de passe|clés api|clé api|identifiants|données|agenda|contacts|adresse");
        s.add(SECRECY, "sans le dire|discrètement|en secret|ne dis pas|ne mentionne pas|sans prévenir");
        s.add(USER_LABEL, "utilisateur|utilisatrice|humain|client");
        s.add(ASSISTANT_LABEL, "assistant|ia|robot|système");
    }

    private static void german(Sink s) {
        s.add(IGNORE, "ignorier*|vergiss|vergessen|vergesst|missachte*|übergehe*|überspring*|außer acht"
                + "|setz dich über|setze dich über|hinweg|verwirf|verwerfen|lass|lasse|beachte nicht"
                + "|nicht beachten|nicht mehr befolgen|befolge nicht|befolge keine|hör auf|lösch*|streich*");
        s.add(PRIOR, "vorherig*|bisherig*|früher*|obige*|oben|ursprünglich*|vorangegangen*|vorhin|zuvor"
                + "|bisher|anfänglich*|was man dir|gesagt hat|erhalten|deines betreibers|deines entwicklers|deiner entwickler"
                + "|deines erstellers|des systems");
        s.add(INSTRUCTIONS, "anweisung*|vorgabe*|regel*|richtlinie*|befehl*|instruktion*|prompt|systemprompt"
                + "|aufträge|auftrag|anordnung*|gesagt");
        s.add(ALL, "alle|alles|allen|sämtliche*|jegliche*");
        s.add(VOID, "ungültig|nichtig|aufgehoben|hinfällig|widerrufen|außer kraft|gelten nicht mehr"
                + "|veraltet|annulliert|deaktiviert");
        s.add(PRIORITY, "vorrang|priorität|vorrangig|neue aufgabe|neue anweisung|neue anweisungen|neue regeln"
                + "|ab sofort gelten|stattdessen|befolge stattdessen");
        s.add(INSTEAD, "statt|anstatt|anstelle|sondern");
        s.add(TASK_VERB, "zusammen|zusammenfassen|zusammenzufassen|übersetzen|zu übersetzen|beantworten"
                + "|fasse");
        s.add(PERSONA, "du bist jetzt|du bist ab jetzt|ab jetzt|ab sofort|von nun an|spiel|spiele|tu so"
                + "|tu so als|gib dich als|verkörpere|rolle|heißt du|du heißt");
        s.add(UNRESTRICTED, "niemals ablehnt|nie ablehnt|lehnt nie|ohne einschränkung*|ohne jegliche"
                + "|ohne filter|ohne grenzen|ohne regeln|keine regeln|gesetze|ohne moral|ohne ethik"
                + "|keine warnungen|ohne zensur|uneingeschränkt|ungefiltert|keine einschränkungen");
        s.add(AUTHORITY, "system|systemmodus|admin|adminmodus|administrator|administratorin|entwickler|betreiber"
                + "|wartung|wartungsmodus|entwicklermodus|root|debug");
        s.add(AUTHORITY_KIND, "modus|override|admin-override|zugriff|zugang|rechte|nachricht|hinweis|freigabe"
                + "|systemmodus|adminmodus|wartungsmodus|entwicklermodus");
        s.add(SWITCHED, "aktiviert|deaktiviert|aufgehoben|freigeschaltet|gewährt|ausgeschaltet|abgeschaltet");
        s.add(SAFEGUARDS, "sicherheitsfilter|filter|einschränkungen|beschränkungen|sicherheit*|schutz*"
                + "|richtlinien|zensur");
        s.add(REVEAL, "gib|zeig*|verrat*|wiederhol*|ausgeben|gib aus|nenne|schreib|drucke|offenlegen|kopier*");
        s.add(OWN_PROMPT, "deinen systemprompt|dein systemprompt|systemprompt|deine anweisungen|deine regeln"
                + "|deine vorgaben|anweisungen, die du|ursprünglichen anweisungen|versteckten anweisungen"
                + "|deine instruktionen|zu beginn bekommen");
        s.add(VERBATIM, "wortwörtlich|wörtlich|wort für wort|genauen|exakt");
        s.add(AI, "ki|ki-assistent*|ki-assistenz|assistent|assistenten|sprachmodell|chatbot|ki-agent*|bot");
        s.add(ADDRESS, "hinweis an|an die|an den|notiz für|notiz an|liebe|lieber|wenn du|falls du|achtung");
        s.add(SEND, "sende|senden|schick*|leite|weiterleiten|übermittle*|lade hoch|hochladen");
        s.add(USER_REF, "dem nutzer|den nutzer|dem benutzer|den benutzer|dem leser|dem kunden");
        s.add(REVERSAL_HINT, "rückwärts|von hinten|umgekehrt");
        s.add(SENSITIVE, "posteingang|postfach|gesprächsverlauf|verlauf|konversation|nachrichten|passwort"
                + "|passwörter|zugangsdaten|api-schlüssel|schlüssel|kalender|kontakte|nutzerdaten|adresse");
        s.add(SECRECY, "heimlich|unbemerkt|ohne es zu sagen|sag nichts|verschweig*|ohne den nutzer");
        s.add(USER_LABEL, "nutzer|benutzer|mensch|kunde");
        s.add(ASSISTANT_LABEL, "assistent|ki|bot");
    }

    private static void spanish(Sink s) {
        s.add(IGNORE, "ignora|ignore|ignorar|ignores|olvida|olvide|olvidar|olvídate|olvídese|no hagas caso"
                + "|no haga caso|haz caso omiso|deja de lado|deje de lado|pasa por alto|pase por alto|descarta"
                + "|descarte|omite|omita|prescinde|desobedece|no sigas|no siga|abandona|borra");
        s.add(PRIOR, "anterior*|previa*|previo*|de arriba|arriba|iniciales|original*|hasta ahora|antes"
                + "|precedente*|te han dicho|te dijeron|recibiste|que te dieron|te dio|tu desarrollador|tu creador"
                + "|el sistema");
        s.add(INSTRUCTIONS, "instruccion*|instrucción|directriz|directrices|regla*|norma*|órdenes|orden|indicaciones"
                + "|prompt|comandos|dicho|pautas");
        s.add(ALL, "todo|todas|todos|toda|cualquier");
        s.add(VOID, "anulad*|quedan anuladas|sin efecto|obsolet*|inválid*|revocad*|ya no aplican|ya no valen");
        s.add(PRIORITY, "prioritaria|prioritario|prioridad|nueva tarea|nuevas instrucciones|nueva instrucción"
                + "|verdadera tarea");
        s.add(INSTEAD, "en lugar de|en vez de|en cambio");
        s.add(TASK_VERB, "resumir|traducir|responder|analizar");
        s.add(PERSONA, "desde ahora|a partir de ahora|ahora eres|actúa como|actúe como|finge|finja|haz de"
                + "|interpreta|juega el papel|eres ahora|personaje");
        s.add(UNRESTRICTED, "nunca se niega|nunca te niegas|nunca rechaza|sin filtros|sin filtro|sin límites"
                + "|sin restricciones|legalidad|sin ética|sin moral|límites éticos|sin reglas|sin censura"
                + "|no se preocupa");
        s.add(AUTHORITY, "sistema|administrador|admin|desarrollador|operador|mantenimiento|root");
        s.add(AUTHORITY_KIND, "modo|anulación|acceso|privilegios|mensaje del|override");
        s.add(SWITCHED, "activado|activada|desactivado*|concedido|levantad*|suspendid*");
        s.add(SAFEGUARDS, "restricciones|filtros|seguridad|límites|censura");
        s.add(REVEAL, "muestra|muéstrame|revela|repite|imprime|dime|escribe|copia|enseña");
        s.add(OWN_PROMPT, "tu prompt|prompt de sistema|prompt del sistema|tus instrucciones|instrucciones iniciales"
                + "|tus reglas|mensaje del sistema|te dio tu desarrollador");
        s.add(VERBATIM, "palabra por palabra|literalmente|textualmente|exactamente");
        s.add(AI, "ia|asistente|asistentes|asistente de ia|inteligencia artificial|modelo de lenguaje|chatbot"
                + "|la ia|bot");
        s.add(ADDRESS, "nota para|nota a|mensaje para|querido|querida|si lees|si estás leyendo|atención");
        s.add(SEND, "envía|envíe|enviar|reenvía|reenvíe|reenviar|manda|mande|transfiere|sube");
        s.add(USER_REF, "al usuario|el usuario|los usuarios|al lector|al cliente");
        s.add(REVERSAL_HINT, "al revés|de atrás hacia adelante|invertido");
        s.add(SENSITIVE, "conversación|historial|bandeja de entrada|correos|contraseñas|contraseña|claves api"
                + "|clave api|credenciales|datos|calendario|contactos|dirección|nóminas");
        s.add(SECRECY, "en secreto|sin decir|sin avisar|no le digas|no menciones|discretamente");
        s.add(USER_LABEL, "usuario|usuaria|humano|cliente");
        s.add(ASSISTANT_LABEL, "asistente|ia|bot");
    }

    private static void italian(Sink s) {
        s.add(IGNORE, "ignora|ignori|ignorare|dimentica|dimentichi|dimenticare|trascura|trascuri|non tenere conto"
                + "|non tenga conto|lascia perdere|lasci perdere|tralascia|scarta|non seguire|non segua"
                + "|metti da parte|cancella");
        s.add(PRIOR, "precedent*|sopra|iniziali|originali|finora|fino ad ora|prima|ricevute|ti è stato detto"
                + "|tuo sviluppatore|del tuo sviluppatore|tuo creatore|il sistema");
        s.add(INSTRUCTIONS, "istruzion*|direttiv*|regol*|indicazion*|ordini|comandi|prompt|detto");
        s.add(ALL, "tutto|tutte|tutti|qualsiasi|ogni");
        s.add(VOID, "annullat*|non valgono più|obsolet*|revocat*|non più valide|nulle");
        s.add(PRIORITY, "prioritario|prioritaria|priorità|nuovo compito|nuove istruzioni|vero compito");
        s.add(INSTEAD, "invece di|anziché|al posto di");
        s.add(TASK_VERB, "riassumere|tradurre|rispondere|analizzare");
        s.add(PERSONA, "da ora in poi|d'ora in poi|da adesso|da ora|adesso sei|ora sei|fingi|finga|fai finta"
                + "|interpreta|recita|sei ora|personaggio|nei panni");
        s.add(UNRESTRICTED, "non rifiuta mai|non rifiuti mai|senza filtri|senza alcun filtro|senza limiti"
                + "|senza restrizioni|legalità|senza etica|senza morale|limite morale|senza regole|senza censura");
        s.add(AUTHORITY, "sistema|amministratore|admin|sviluppatore|operatore|manutenzione|root");
        s.add(AUTHORITY_KIND, "modalità|override|accesso|privilegi|messaggio");
        s.add(SWITCHED, "attivata|attivato|disattivat*|concesso|revocate|sospes*");
        s.add(SAFEGUARDS, "restrizioni|filtri|sicurezza|limiti|censura");
        s.add(REVEAL, "mostra|mostrami|rivela|ripeti|stampa|dimmi|scrivi|copia");
        s.add(OWN_PROMPT, "tuo prompt|prompt di sistema|tue istruzioni|istruzioni iniziali|tue regole"
                + "|messaggio di sistema|ti ha dato lo sviluppatore");
        s.add(VERBATIM, "parola per parola|alla lettera|testualmente|esattamente");
        s.add(AI, "ia|assistente|assistente ia|intelligenza artificiale|modello linguistico|chatbot|l'ia|bot");
        s.add(ADDRESS, "nota per|messaggio per|caro|cara|se leggi|se stai leggendo|attenzione");
        s.add(SEND, "invia|inviare|inoltra|inoltrare|manda|trasferisci|carica");
        s.add(USER_REF, "all'utente|l'utente|gli utenti|al lettore|al cliente");
        s.add(REVERSAL_HINT, "al contrario|all'indietro|invertito");
        s.add(SENSITIVE, "conversazione|cronologia|casella di posta|email|password|chiavi api|chiave api"
                + "|credenziali|dati|calendario|contatti|indirizzo|clienti");
        s.add(SECRECY, "di nascosto|in segreto|senza dirlo|non dire|non menzionare|senza avvisare");
        s.add(USER_LABEL, "utente|umano|cliente");
        s.add(ASSISTANT_LABEL, "assistente|ia|bot");
    }

    private static void portuguese(Sink s) {
        s.add(IGNORE, "ignore|ignora|ignorar|esqueça|esquece|esquecer|desconsidere|desconsidera|deixe de lado"
                + "|deixa de lado|não leve em conta|não leves em conta|descarte|descarta|abandone|não siga|apague");
        s.add(PRIOR, "anterior*|prévia*|acima|iniciais|originais|até agora|antes|lhe disseram|te disseram"
                + "|recebidas|que te deram|que lhe deram|seu desenvolvedor|do seu desenvolvedor|o sistema");
        s.add(INSTRUCTIONS, "instruç*|diretriz|diretrizes|regra*|ordens|comandos|prompt|orientações|disseram");
        s.add(ALL, "tudo|todas|todos|toda|qualquer");
        s.add(VOID, "cancelad*|anulad*|obsolet*|revogad*|sem efeito|não valem mais|inválid*");
        s.add(PRIORITY, "prioritária|prioritário|prioridade|nova tarefa|novas instruções|verdadeira tarefa");
        s.add(INSTEAD, "em vez de|ao invés de|no lugar de");
        s.add(TASK_VERB, "resumir|traduzir|responder|analisar");
        s.add(PERSONA, "a partir de agora|de agora em diante|agora você é|você agora é|finja|finge|interprete"
                + "|faça o papel|atue como|personagem");
        s.add(UNRESTRICTED, "nunca recusa|sem filtro*|sem nenhum filtro|sem limites|sem restrições|legalidade"
                + "|sem ética|sem moral|limite ético|sem regras|sem censura|não se importa|nunca avisa");
        s.add(AUTHORITY, "sistema|administrador|admin|desenvolvedor|operador|manutenção|root");
        s.add(AUTHORITY_KIND, "modo|substituição|acesso|privilégios|mensagem|override");
        s.add(SWITCHED, "ativado|ativada|desativad*|concedido|suspens*|liberad*");
        s.add(SAFEGUARDS, "restrições|filtros|segurança|limites|censura");
        s.add(REVEAL, "mostre|mostra|revele|revela|repita|repete|imprima|diga|escreva|copie");
        s.add(OWN_PROMPT, "seu prompt|prompt de sistema|prompt do sistema|suas instruções|instruções iniciais"
                + "|suas regras|mensagem do sistema|o desenvolvedor lhe deu");
        s.add(VERBATIM, "palavra por palavra|literalmente|textualmente|exatamente");
        s.add(AI, "ia|assistente|assistente de ia|inteligência artificial|modelo de linguagem|chatbot|a ia|bot");
        s.add(ADDRESS, "nota para|mensagem para|caro|cara|se você ler|se estiver lendo|atenção");
        s.add(SEND, "envie|envia|enviar|encaminhe|encaminha|encaminhar|mande|transfira");
        s.add(USER_REF, "ao usuário|o usuário|os usuários|ao leitor|ao cliente");
        s.add(REVERSAL_HINT, "de trás para frente|ao contrário|invertido");
        s.add(SENSITIVE, "conversa|histórico|caixa de entrada|e-mails|senhas|senha|chaves de api|credenciais"
                + "|dados|agenda|contatos|endereço|salários");
        s.add(SECRECY, "em segredo|sem dizer|sem avisar|não diga|não mencione|discretamente");
        s.add(USER_LABEL, "usuário|utilizador|humano|cliente");
        s.add(ASSISTANT_LABEL, "assistente|ia|bot");
    }

    private static void dutch(Sink s) {
        s.add(IGNORE, "negeer|negeren|vergeet|vergeten|houd geen rekening|hou geen rekening|laat varen|varen"
                + "|sla over|sla je|overslaan|schuif opzij|volg niet|niet meer volgen|verwerp|wis");
        s.add(PRIOR, "voorgaande|vorige|eerdere|eerder|bovenstaande|oorspronkelijke|originele|tot nu toe"
                + "|daarvoor|verteld|gekregen|je ontwikkelaar|van je ontwikkelaar|je maker|het systeem");
        s.add(INSTRUCTIONS, "instructie*|richtlijn*|regels|regel|opdracht*|bevel*|prompt|aanwijzing*|verteld");
        s.add(ALL, "alle|alles|elke|ieder");
        s.add(VOID, "vervallen|ongeldig|nietig|ingetrokken|achterhaald|gelden niet meer|geannuleerd");
        s.add(PRIORITY, "voorrang|prioriteit|nieuwe taak|nieuwe instructies|nieuwe opdracht|echte taak");
        s.add(INSTEAD, "in plaats van|maar|liever dan");
        s.add(TASK_VERB, "samen|samenvatten|vat|vertalen|beantwoorden|antwoorden");
        s.add(PERSONA, "vanaf nu|vanaf heden|je bent nu|doe alsof|speel de rol|speel|gedraag je als|personage");
        s.add(UNRESTRICTED, "nooit weigert|weigert nooit|zonder filters|zonder filter|zonder grenzen|zonder beperkingen"
                + "|wet|ethische grenzen|zonder ethiek|zonder moraal|zonder regels|zonder censuur|trekt zich niets");
        s.add(AUTHORITY, "systeem|systeemmodus|beheerder|admin|ontwikkelaar|operator|onderhoud|root");
        s.add(AUTHORITY_KIND, "modus|override|toegang|rechten|bericht|beheerder-override|systeemmodus");
        s.add(SWITCHED, "geactiveerd|uitgeschakeld|gedeactiveerd|verleend|opgeheven|ingeschakeld");
        s.add(SAFEGUARDS, "beperkingen|filters|beveiliging|veiligheid|grenzen|censuur");
        s.add(REVEAL, "toon|laat zien|onthul|herhaal|print|geef|schrijf|kopieer");
        s.add(OWN_PROMPT, "je systeemprompt|systeemprompt|je prompt|je instructies|oorspronkelijke instructies"
                + "|je regels|systeembericht|je ontwikkelaar je gaf");
        s.add(VERBATIM, "woord voor woord|letterlijk|exact|precies");
        s.add(AI, "ai|ai-assistent|assistent|kunstmatige intelligentie|taalmodel|chatbot|de ai|bot");
        s.add(ADDRESS, "opmerking voor|notitie voor|bericht voor|beste|als je dit leest|let op|aan de");
        s.add(SEND, "stuur|sturen|verstuur|doorsturen|stuur door|upload|verzend");
        s.add(USER_REF, "de gebruiker|aan de gebruiker|de lezer|de klant");
        s.add(REVERSAL_HINT, "achterstevoren|omgekeerd|van achter naar voren");
        s.add(SENSITIVE, "inbox|gesprek|geschiedenis|e-mails|wachtwoord|wachtwoorden|api-sleutels|inloggegevens"
                + "|gegevens|agenda|contacten|adres|salarisbestand");
        s.add(SECRECY, "stilletjes|in het geheim|zonder te zeggen|zeg niets|vermeld niet|ongemerkt");
        s.add(USER_LABEL, "gebruiker|mens|klant");
        s.add(ASSISTANT_LABEL, "assistent|ai|bot");
    }

    private static void polish(Sink s) {
        s.add(IGNORE, "zignoruj*|ignoruj*|zapomnij|zapomnieć|nie zwracaj uwagi|nie zważaj|pomiń|pomijaj"
                + "|porzuć|odrzuć|nie stosuj się|nie przestrzegaj|nie słuchaj|lekceważ*|usuń|wymaż");
        s.add(PRIOR, "poprzedni*|wcześniejsz*|wcześniej|powyższ*|pierwotn*|początkow*|dotychczasow*|do tej pory"
                + "|przedtem|powiedziano|swojego twórcy|twojego twórcy|swojego programisty|system");
        s.add(INSTRUCTIONS, "instrukcj*|wytyczn*|zasad*|reguł*|polece*|rozkaz*|prompt*|wskazówk*|powiedziano");
        s.add(ALL, "wszystkie|wszystko|wszystkich|każd*");
        s.add(VOID, "nieważne|nieważn*|unieważnion*|anulowan*|odwołan*|przestarzał*|nie obowiązują");
        s.add(PRIORITY, "priorytet*|nowe zadanie|nowe instrukcje|nowe polecenie|prawdziwe zadanie");
        s.add(INSTEAD, "zamiast|w miejsce");
        s.add(TASK_VERB, "streszczać|streścić|tłumaczyć|przetłumaczyć|odpowiadać|odpowiedzieć");
        s.add(PERSONA, "od teraz|od tej chwili|jesteś teraz|teraz jesteś|udawaj|wciel się|zagraj|odgrywaj"
                + "|postać");
        s.add(UNRESTRICTED, "nigdy nie odmawia|bez filtrów|bez żadnych filtrów|bez ograniczeń|bez granic"
                + "|legalność|granic etycznych|bez etyki|bez moralności|bez zasad|bez cenzury|nie dba");
        s.add(AUTHORITY, "system*|administrator*|admin|programist*|deweloper*|operator|konserwacj*|root");
        s.add(AUTHORITY_KIND, "tryb|nadpisanie|dostęp|uprawnienia|komunikat|override");
        s.add(SWITCHED, "włączony|włączon*|wyłączył|wyłączon*|aktywowan*|przyznan*|zniesion*");
        s.add(SAFEGUARDS, "ograniczenia|filtry|zabezpieczenia|bezpieczeństw*|cenzur*|bez ograniczeń");
        s.add(REVEAL, "pokaż|ujawnij|powtórz|wypisz|wydrukuj|podaj|napisz|skopiuj");
        s.add(OWN_PROMPT, "swój prompt|prompt systemowy|twój prompt|swoje instrukcje|twoje instrukcje"
                + "|początkowe instrukcje|twoje zasady|komunikat systemowy|dał ci programista");
        s.add(VERBATIM, "słowo w słowo|dosłownie|dokładnie");
        s.add(AI, "ai|si|asystent*|asystencie|sztuczna inteligencja|model językowy|chatbot|bot");
        s.add(ADDRESS, "uwaga dla|notatka dla|wiadomość dla|drogi|droga|jeśli czytasz|do ai");
        s.add(SEND, "wyślij|wysłać|prześlij|przekaż|przesłać|przekazać|wgraj");
        s.add(USER_REF, "użytkownikowi|użytkownika|czytelnikowi|klientowi");
        s.add(REVERSAL_HINT, "od tyłu|wspak|odwrócon*");
        s.add(SENSITIVE, "skrzynk*|rozmow*|histori*|e-maile|maile|hasła|hasło|klucze api|dane logowania"
                + "|dane|kalendarz|kontakty|adres|wynagrodzeniami");
        s.add(SECRECY, "po cichu|potajemnie|w tajemnicy|nie mów|nie wspominaj|bez informowania");
        s.add(USER_LABEL, "użytkownik|człowiek|klient");
        s.add(ASSISTANT_LABEL, "asystent|ai|bot");
    }

    private static void russian(Sink s) {
        s.add(IGNORE, "игнорируй*|игнорировать|проигнорируй*|забудь*|забыть|не обращай внимания|не обращайте внимания"
                + "|отбрось*|отбросить|пропусти*|пренебреги|не следуй|не слушай|не выполняй|откажись от|сотри|удали");
        s.add(PRIOR, "предыдущ*|прежн*|ранее|раньше|выше|исходн*|первоначальн*|изначальн*|до этого|до сих пор"
                + "|говорили|тебе дали|своего разработчика|твоего разработчика|разработчика|своего создателя");
        s.add(INSTRUCTIONS, "инструкци*|указани*|правил*|директив*|команд*|промпт*|приказ*|установк*|говорили");
        s.add(ALL, "все|всё|всех|любые|каждое");
        s.add(VOID, "отменен*|отменён*|недействительн*|аннулирован*|устарел*|больше не действуют|не действуют");
        s.add(PRIORITY, "приоритетн*|приоритет|новая задача|новые инструкции|новое указание|настоящая задача");
        s.add(INSTEAD, "вместо|взамен");
        s.add(TASK_VERB, "пересказа|пересказывать|перевода|переводить|ответа|отвечать|резюме");
        s.add(PERSONA, "отныне|с этого момента|теперь ты|ты теперь|притворись|представь, что ты|сыграй роль"
                + "|играй роль|веди себя как|персонаж");
        s.add(UNRESTRICTED, "никогда не отказывает|не отказывает|без фильтров|без каких-либо фильтров|без ограничений"
                + "|законност*|этических ограничений|без этики|без морали|без правил|без цензуры|не заботится");
        s.add(AUTHORITY, "систем*|администратор*|админ*|разработчик*|оператор*|обслуживани*|root");
        s.add(AUTHORITY_KIND, "режим|переопределение|доступ|права|привилегии|сообщение");
        s.add(SWITCHED, "включён|включен|включена|отключил|отключен*|отключён*|активирован*|предоставлен*|снят*");
        s.add(SAFEGUARDS, "ограничения|фильтры|безопасност*|защит*|цензур*");
        s.add(REVEAL, "покажи|выведи|раскрой|повтори|напечатай|напиши|скопируй|сообщи");
        s.add(OWN_PROMPT, "свой системный промпт|системный промпт|твой промпт|свои инструкции|твои инструкции"
                + "|начальные инструкции|исходные инструкции|твои правила|системное сообщение|дал разработчик");
        s.add(VERBATIM, "слово в слово|дословно|в точности|точно");
        s.add(AI, "ии|ии-ассистент|ассистент|ассистенту|искусственный интеллект|языковая модель|чат-бот|бот"
                + "|нейросеть");
        s.add(ADDRESS, "примечание для|заметка для|сообщение для|дорогой|если ты читаешь|внимание|для ии");
        s.add(SEND, "отправь|отправить|перешли|переслать|передай|передать|загрузи|вышли");
        s.add(USER_REF, "пользователю|пользователя|читателю|клиенту");
        s.add(REVERSAL_HINT, "задом наперёд|задом наперед|наоборот|в обратном порядке");
        s.add(SENSITIVE, "почтов*|переписк*|истори*|письма|пароли|пароль|api-ключи|ключи|учётные данные"
                + "|данные|календарь|контакты|адрес|зарплатами|зарплат*");
        s.add(SECRECY, "тайно|незаметно|втайне|не говори|не упоминай|без ведома");
        s.add(USER_LABEL, "пользователь|человек|клиент");
        s.add(ASSISTANT_LABEL, "ассистент|ии|бот");
    }

    private static void chinese(Sink s) {
        s.add(IGNORE, "忽略|忽视|无视|無視|不要理会|别理会|不用理会|忘掉|忘记|忘了|跳过|抛开|丢弃|放弃|不要遵守|不再遵守"
                + "|不要遵循|不必遵守|撇开");
        s.add(PRIOR, "之前|以前|先前|此前|上面|以上|上述|原来|原先|最初|初始|原始|前面|你的开发者|开发者设定|系统");
        s.add(INSTRUCTIONS, "指令|指示|规则|规定|提示|提示词|命令|要求|说明|设定|被告知|系统提示");
        s.add(ALL, "所有|全部|一切|任何");
        s.add(VOID, "作废|无效|失效|已取消|被取消|不再适用|废除|撤销");
        s.add(PRIORITY, "优先任务|优先|新的任务|新任务|新的指令|新指令|真正的任务");
        s.add(INSTEAD, "而是|取而代之|代替|不要总结|不要翻译|不要回答");
        s.add(TASK_VERB, "总结|翻译|回答|概括");
        s.add(PERSONA, "从现在开始|从现在起|从今以后|你现在是|假装|扮演|充当|角色");
        s.add(UNRESTRICTED, "从不拒绝|永不拒绝|不会拒绝|没有任何过滤|没有过滤|不受限制|没有限制|无限制|不在乎|是否合法"
                + "|合法|道德限制|没有道德|没有规则|不受约束|无审查");
        s.add(AUTHORITY, "系统|管理员|开发者|开发人员|运营|维护|超级用户|root");
        s.add(AUTHORITY_KIND, "模式|覆盖|权限|访问|消息|通知");
        s.add(SWITCHED, "已启用|启用|已开启|开启|已激活|激活|已关闭|关闭|已解除|解除|授予");
        s.add(SAFEGUARDS, "安全限制|限制|过滤|安全|审查|防护");
        s.add(REVEAL, "输出|显示|展示|透露|泄露|重复|打印|告诉我|复述|原样|写出");
        s.add(OWN_PROMPT, "系统提示词|系统提示|你的提示词|你的指令|你的规则|初始指令|原始指令|开发者一开始给你的|你的设定");
        s.add(VERBATIM, "逐字|一字不差|原样|原封不动|完整地");
        s.add(AI, "ai|人工智能|助手|ai助手|智能助手|语言模型|大模型|机器人|聊天机器人");
        s.add(ADDRESS, "给|致|注意|备注|如果你在读|如果你正在阅读|请注意|提示给");
        s.add(SEND, "发送|发给|发到|转发|上传|传给|发出");
        s.add(USER_REF, "用户|读者|客户");
        s.add(REVERSAL_HINT, "倒着|倒序|反过来|反向");
        s.add(SENSITIVE, "收件箱|对话|聊天记录|邮件|密码|密钥|凭证|数据|日历|联系人|地址|工资表|客户数据");
        s.add(SECRECY, "悄悄|偷偷|秘密地|不要告诉|不要提及|暗中");
        s.add(USER_LABEL, "用户|使用者|人类|客户");
        s.add(ASSISTANT_LABEL, "助手|助理|ai|机器人");
    }

    private static void japanese(Sink s) {
        s.add(IGNORE, "無視|忘れて|忘れろ|忘れなさい|気にせず|気にしないで|従わないで|従うな|無かったことに"
                + "|スキップ|破棄|捨てて");
        s.add(PRIOR, "これまで|今まで|以前|前の|上記|先ほど|元の|最初|初期|従来|上の|開発者の|開発者から");
        s.add(INSTRUCTIONS, "指示|命令|ルール|規則|プロンプト|指令|設定|言われたこと|システムプロンプト");
        s.add(ALL, "すべて|全て|全部|あらゆる|一切");
        s.add(VOID, "無効|取り消|撤回|廃止|適用されません|効力");
        s.add(PRIORITY, "優先タスク|優先|新しいタスク|新しい指示|新たな指示|本当のタスク");
        s.add(INSTEAD, "代わりに|ではなく|はせず|せずに");
        s.add(TASK_VERB, "要約|翻訳|回答|返答");
        s.add(PERSONA, "今からあなたは|これからあなたは|あなたは今|ふりをして|ふりをしてください|演じて|なりきって"
                + "|役を|ロールプレイ");
        s.add(UNRESTRICTED, "決して拒否せず|拒否しない|拒否せず|制限のない|制限なし|制限もない|フィルターもない"
                + "|フィルターなし|合法かどうか|倫理的な制限|倫理なし|ルールなし|検閲なし");
        s.add(AUTHORITY, "システム|管理者|開発者|運営|メンテナンス|ルート|root");
        s.add(AUTHORITY_KIND, "モード|オーバーライド|権限|アクセス|メッセージ");
        s.add(SWITCHED, "有効|無効化|解除|オン|オフ|付与|起動");
        s.add(SAFEGUARDS, "制限|フィルター|安全|検閲|セーフティ");
        s.add(REVEAL, "出力|表示|見せて|教えて|繰り返|公開|書き出|暴露");
        s.add(OWN_PROMPT, "システムプロンプト|あなたのプロンプト|あなたの指示|最初に与えられた指示|初期指示|元の指示"
                + "|あなたのルール|開発者から");
        s.add(VERBATIM, "一字一句|そのまま|逐語|正確に|全文");
        s.add(AI, "ai|aiアシスタント|アシスタント|人工知能|言語モデル|チャットボット|ボット");
        s.add(ADDRESS, "への注意|へ：|へ:|宛て|注意|このページを読んだら|このメールを要約する|読んだら");
        s.add(SEND, "送信|転送|送って|アップロード|送付");
        s.add(USER_REF, "ユーザーに|ユーザーへ|読者|顧客");
        s.add(REVERSAL_HINT, "逆から|逆順|反対から|後ろから");
        s.add(SENSITIVE, "受信トレイ|会話|履歴|メール|パスワード|apiキー|認証情報|データ|カレンダー|連絡先|住所"
                + "|給与ファイル|給与");
        s.add(SECRECY, "こっそり|密かに|秘密裏に|ユーザーに言わず|伝えずに|言わないで");
        s.add(USER_LABEL, "ユーザー|ユーザ|人間|顧客");
        s.add(ASSISTANT_LABEL, "アシスタント|ai|ボット");
    }

    private static void arabic(Sink s) {
        s.add(IGNORE, "تجاهل|تجاهلي|تجاهلوا|انس|انسى|انسَ|لا تلتفت|لا تهتم|تخط|تخطَّ|تخطى|اترك|أهمل|اهمل"
                + "|لا تتبع|لا تلتزم|تغاضى|تغاض");
        s.add(PRIOR, "السابقة|السابق|سابقة|أعلاه|الأصلية|الأولية|الأولى|من قبل|حتى الآن|قبل|المطور|المطوّر|مطورك");
        s.add(INSTRUCTIONS, "التعليمات|تعليمات|تعليماتك|الأوامر|أوامر|القواعد|قواعد|قواعدي|التوجيهات|توجيهات"
                + "|الإرشادات|موجه|قيل لك");
        s.add(ALL, "جميع|كل|كافة");
        s.add(VOID, "ملغاة|ملغى|لاغية|باطلة|غير صالحة|لم تعد سارية|منتهية");
        s.add(PRIORITY, "ذات أولوية|أولوية|مهمة جديدة|تعليمات جديدة|المهمة الحقيقية");
        s.add(INSTEAD, "بدلا من|بدلًا من|عوضا عن|بدل");
        s.add(TASK_VERB, "التلخيص|الترجمة|الإجابة|التحليل");
        s.add(PERSONA, "من الآن|من الآن فصاعدا|أنت الآن|تظاهر|مثل دور|العب دور|تقمص|شخصية");
        s.add(UNRESTRICTED, "لا يرفض أبدا|لا يرفض|بلا أي قيود|بلا قيود|دون قيود|بلا فلاتر|دون فلاتر|بالقانون"
                + "|القانون|أخلاقية|بلا أخلاق|بلا قواعد|دون رقابة");
        s.add(AUTHORITY, "النظام|نظام|المسؤول|مسؤول|المطور|المطوّر|المشرف|الصيانة|root");
        s.add(AUTHORITY_KIND, "وضع|تجاوز|صلاحيات|وصول|رسالة");
        s.add(SWITCHED, "تفعيل|مفعل|تعطيل|معطل|إلغاء|منح|رفع");
        s.add(SAFEGUARDS, "القيود|قيود|الفلاتر|الأمان|الحماية|الرقابة");
        s.add(REVEAL, "اعرض|أظهر|اظهر|اكشف|كرر|كرّر|اطبع|أخبرني|اكتب|انسخ");
        s.add(OWN_PROMPT, "موجه النظام|موجّه النظام|تعليماتك|التعليمات الأولية|تعليماتك الأصلية|قواعدك"
                + "|رسالة النظام|أعطاك إياها المطور|أعطاك إياها المطوّر");
        s.add(VERBATIM, "حرفيا|حرفيًا|كلمة بكلمة|بالضبط|كما هي");
        s.add(AI, "الذكاء الاصطناعي|ذكاء اصطناعي|المساعد الذكي|المساعد|مساعد|نموذج لغوي|روبوت|بوت");
        s.add(ADDRESS, "ملاحظة لل|ملاحظة إلى|رسالة إلى|عزيزي|إذا كنت تقرأ|أيها|انتباه|تنبيه");
        s.add(SEND, "أرسل|ارسل|أعد توجيه|حول|حوّل|ارفع|انقل");
        s.add(USER_REF, "المستخدم|للمستخدم|القارئ|العميل");
        s.add(REVERSAL_HINT, "بالعكس|معكوس|من اليسار إلى اليمين");
        s.add(SENSITIVE, "صندوق الوارد|المحادثة|سجل|الرسائل|كلمات المرور|كلمة المرور|المفاتيح|بيانات"
                + "|التقويم|جهات الاتصال|العنوان|الرواتب");
        s.add(SECRECY, "سرا|سرًا|خفية|دون إخبار|لا تخبر|لا تذكر");
        s.add(USER_LABEL, "المستخدم|مستخدم|الإنسان|العميل");
        s.add(ASSISTANT_LABEL, "المساعد|مساعد|الذكاء الاصطناعي|البوت");
    }
}
