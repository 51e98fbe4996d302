package dev.modelspec4j.check.injection;

import static dev.modelspec4j.check.injection.Concept.ADDRESS;
import static dev.modelspec4j.check.injection.Concept.AGENT_CUE;
import static dev.modelspec4j.check.injection.Concept.AI;
import static dev.modelspec4j.check.injection.Concept.ALL;
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
import static dev.modelspec4j.check.injection.Concept.REVEAL;
import static dev.modelspec4j.check.injection.Concept.SAFEGUARDS;
import static dev.modelspec4j.check.injection.Concept.SECRECY;
import static dev.modelspec4j.check.injection.Concept.SEND;
import static dev.modelspec4j.check.injection.Concept.SENSITIVE;
import static dev.modelspec4j.check.injection.Concept.SWITCHED;
import static dev.modelspec4j.check.injection.Concept.TASK_VERB;
import static dev.modelspec4j.check.injection.Concept.UNRESTRICTED;
import static dev.modelspec4j.check.injection.Concept.USER_REF;
import static dev.modelspec4j.check.injection.Concept.VERBATIM;
import static dev.modelspec4j.check.injection.Concept.VOID;

import java.util.List;

/**
 * Rules over concepts found close together ({@link ConceptHits}), the same for every language: "ignore" near
 * "instructions" near "previous" or "all", whatever the words. Each rule visits the hits of its first concept once
 * and looks its other concepts up by binary search within a bounded window, so the work is O(n log n) in the
 * number of hits.
 */
final class ConceptRules {

    /** How far apart (in scan characters) the concepts of one rule may be. */
    private static final int NEAR = 90;
    private static final int WIDE = 160;

    private ConceptRules() {
    }

    static void find(ConceptHits h, char[] text, int length, List<ConceptMatch> out) {
        if (h.size() == 0) {
            return;
        }
        override(h, out);
        regardless(h, out);
        voided(h, out);
        priority(h, out);
        instead(h, out);
        persona(h, out);
        authority(h, out);
        leak(h, out);
        addressed(h, text, length, out);
        exfiltration(h, text, length, out);
    }

    /** ignore / forget / set aside + instructions, with "previous", "above", "all" or "what you were told". */
    private static void override(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(IGNORE) || !h.has(INSTRUCTIONS)) {
            return;
        }
        for (int g : h.of(IGNORE)) {
            // the instructions after the verb ("ignore the rules above"), else before it ("以上の指示を無視")
            int i = h.first(INSTRUCTIONS, h.end(g), h.end(g) + NEAR);
            if (i < 0) {
                i = h.first(INSTRUCTIONS, Math.max(0, h.start(g) - 60), h.start(g));
            }
            if (i < 0) {
                continue;
            }
            int lo = Math.min(h.start(g), h.start(i)) - 30;
            int hi = Math.max(h.end(g), h.end(i)) + 40;
            if (h.any(PRIOR, lo, hi) || h.any(ALL, lo, hi)) {
                out.add(new ConceptMatch(InjectionTechnique.INSTRUCTION_OVERRIDE, Math.min(h.start(g), h.start(i)),
                        Math.max(h.end(g), h.end(i)), "tells the assistant to set aside its instructions"));
                return;
            }
        }
    }

    /** "regardless of previous tasks": carry on whatever the instructions said. */
    private static void regardless(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(REGARDLESS)) {
            return;
        }
        for (int r : h.of(REGARDLESS)) {
            int to = h.end(r) + 50;
            int i = h.first(INSTRUCTIONS, h.end(r), to);
            if (i >= 0 && (h.any(PRIOR, h.end(r), h.end(i) + 20) || h.any(ALL, h.end(r), h.end(i)))) {
                out.add(new ConceptMatch(InjectionTechnique.INSTRUCTION_OVERRIDE, h.start(r), h.end(i),
                        "tells the assistant to act regardless of its instructions"));
                return;
            }
        }
    }

    /** "the instructions above are void", in any order. */
    private static void voided(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(VOID) || !h.has(INSTRUCTIONS)) {
            return;
        }
        for (int v : h.of(VOID)) {
            int i = h.first(INSTRUCTIONS, Math.max(0, h.start(v) - NEAR), h.start(v) + 40);
            if (i >= 0 && h.any(PRIOR, Math.min(h.start(i), h.start(v)) - 40, Math.max(h.end(i), h.end(v)) + 30)) {
                out.add(new ConceptMatch(InjectionTechnique.INSTRUCTION_OVERRIDE, Math.min(h.start(i), h.start(v)),
                        Math.max(h.end(i), h.end(v)), "declares the earlier instructions void"));
                return;
            }
        }
    }

    /** "new task with priority", "your real task, which supersedes ...", with a second signal. */
    private static void priority(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(PRIORITY)) {
            return;
        }
        for (int p : h.of(PRIORITY)) {
            int from = h.start(p) - 60;
            int to = h.end(p) + 120;
            boolean second = h.count(PRIORITY, from, to, 2) >= 2 || h.any(INSTEAD, from, to)
                    || h.any(IGNORE, from, to) || h.any(VOID, from, to) || h.any(PRIOR, from, to)
                    || h.any(AI, from, to);
            if (second) {
                out.add(new ConceptMatch(InjectionTechnique.INSTRUCTION_OVERRIDE, h.start(p), h.end(p),
                        "announces new instructions that take precedence"));
                return;
            }
        }
    }

    /** "instead of summarising, reply ..." with another sign of an injection nearby. */
    private static void instead(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(INSTEAD) || !h.has(TASK_VERB)) {
            return;
        }
        for (int x : h.of(INSTEAD)) {
            int t = h.first(TASK_VERB, Math.max(0, h.start(x) - 30), h.end(x) + 30);
            if (t < 0) {
                continue;
            }
            int from = h.start(x) - WIDE;
            int to = h.end(x) + WIDE;
            if (h.any(PRIORITY, from, to) || h.any(IGNORE, from, to) || h.any(AI, from, to)
                    || h.any(AGENT_CUE, from, to) || h.any(USER_REF, h.end(t), to)) {
                out.add(new ConceptMatch(InjectionTechnique.INSTRUCTION_OVERRIDE, Math.min(h.start(x), h.start(t)),
                        Math.max(h.end(x), h.end(t)), "replaces the assistant's task with another"));
                return;
            }
        }
    }

    /** A persona without rules: "you are now X, who never refuses", or a list of such traits. */
    private static void persona(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(UNRESTRICTED)) {
            return;
        }
        for (int u : h.of(UNRESTRICTED)) {
            boolean introduced = h.any(PERSONA, h.start(u) - 250, h.end(u));
            boolean listed = h.count(UNRESTRICTED, h.start(u), h.start(u) + 200, 3) >= 3;
            if (introduced || listed) {
                out.add(new ConceptMatch(InjectionTechnique.ROLE_HIJACK, h.start(u), h.end(u),
                        "gives the assistant a persona without rules"));
                return;
            }
        }
    }

    /** "system mode enabled", "admin override: comply", "maintenance mode ... restrictions disabled". */
    private static void authority(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(AUTHORITY) || !h.has(AUTHORITY_KIND)) {
            return;
        }
        for (int a : h.of(AUTHORITY)) {
            // "admin override", "mode système", "instruction from the system"; or one word ("Systemmodus")
            int k = (h.mask(a) & AUTHORITY_KIND.bit()) != 0 ? a
                    : h.first(AUTHORITY_KIND, Math.max(0, h.start(a) - 30), h.end(a) + 20);
            while (k >= 0 && k != a && h.start(k) == h.start(a)) {
                k = h.first(AUTHORITY_KIND, h.start(k) + 1, h.end(a) + 20);
            }
            if (k < 0) {
                continue;
            }
            int lo = Math.min(h.start(a), h.start(k));
            int hi = Math.max(h.end(a), h.end(k));
            if (h.any(SWITCHED, lo - 40, hi + 100) || h.any(SAFEGUARDS, hi, hi + 100) || h.any(AI, hi, hi + 100)) {
                out.add(new ConceptMatch(InjectionTechnique.FAKE_SYSTEM_MESSAGE, lo, hi,
                        "claims a system, administrator or developer mode or override"));
                return;
            }
        }
    }

    /** reveal + the assistant's own prompt, or the prompt + "word for word". */
    private static void leak(ConceptHits h, List<ConceptMatch> out) {
        if (!h.has(OWN_PROMPT)) {
            return;
        }
        for (int p : h.of(OWN_PROMPT)) {
            int from = h.start(p) - NEAR;
            int to = h.end(p) + 60;
            if (h.any(REVEAL, from, h.start(p) + 1) || h.any(REVEAL, h.end(p), h.end(p) + 30)
                    || h.any(VERBATIM, from, to)) {
                out.add(new ConceptMatch(InjectionTechnique.PROMPT_LEAK_REQUEST, h.start(p), h.end(p),
                        "asks for the assistant's instructions"));
                return;
            }
        }
    }

    /** Words addressed to an AI that reads the text: "note to the AI ...", "AI agents must ...", "dear assistant". */
    private static void addressed(ConceptHits h, char[] text, int length, List<ConceptMatch> out) {
        if (h.has(AGENT_CUE)) {
            int c = h.of(AGENT_CUE)[0];
            out.add(new ConceptMatch(InjectionTechnique.HIDDEN_INSTRUCTION, h.start(c), h.end(c),
                    "addresses whoever processes the text as an AI"));
            return;
        }
        if (!h.has(AI)) {
            return;
        }
        for (int a : h.of(AI)) {
            int gap = ConceptIndex.isUnspaced(text[h.start(a)]) ? 14 : 7;
            int d = h.first(ADDRESS, Math.max(0, h.start(a) - 24 - gap), h.start(a));
            boolean addressedTo = d >= 0 && h.end(d) <= h.start(a) && h.start(a) - h.end(d) <= gap;
            int m = h.first(ADDRESS, h.end(a), h.end(a) + 4);
            boolean mustDo = m >= 0 && (h.mask(m) & ADDRESS.bit()) != 0 && isPlural(text, h.end(a));
            boolean vocative = isLineStart(text, h.start(a)) && h.end(a) < length && text[h.end(a)] == ',';
            if (addressedTo || mustDo || vocative) {
                out.add(new ConceptMatch(InjectionTechnique.HIDDEN_INSTRUCTION, addressedTo ? h.start(d) : h.start(a),
                        h.end(a), "addresses instructions to an AI that reads the text"));
                return;
            }
        }
    }

    private static boolean isPlural(char[] text, int end) {
        return end > 0 && text[end - 1] == 's';
    }

    private static boolean isLineStart(char[] text, int at) {
        int k = at - 1;
        while (k >= 0 && (text[k] == ' ' || text[k] == '*' || text[k] == '#' || text[k] == '-' || text[k] == '>')) {
            k--;
        }
        return k < 0 || text[k] == '\n' || text[k] == '.' && k == at - 2;
    }

    /** send / forward + conversation, inbox, passwords ... + an address; or done silently. */
    private static void exfiltration(ConceptHits h, char[] text, int length, List<ConceptMatch> out) {
        if (!h.has(SEND) || !h.has(SENSITIVE)) {
            return;
        }
        int[] destinations = null;
        for (int s : h.of(SEND)) {
            int from = h.start(s) - 100;
            int to = h.end(s) + 100;
            if (!h.any(SENSITIVE, from, to)) {
                continue;
            }
            if (destinations == null) {
                destinations = destinations(text, length);
            }
            if (h.any(SECRECY, h.start(s) - WIDE, h.end(s) + WIDE)
                    || within(destinations, Math.max(0, from), Math.min(length, h.end(s) + 150))) {
                out.add(new ConceptMatch(InjectionTechnique.DATA_EXFILTRATION, h.start(s), h.end(s),
                        "asks the assistant to send private data somewhere"));
                return;
            }
        }
    }

    /** Where e-mail addresses ({@code x@y}) and web addresses ({@code ://}) are, in increasing order. */
    private static int[] destinations(char[] text, int length) {
        int[] found = new int[8];
        int n = 0;
        for (int k = 1; k + 2 < length; k++) {
            char c = text[k];
            boolean email = c == '@' && ConceptIndex.isWordChar(text[k - 1]) && ConceptIndex.isWordChar(text[k + 1]);
            boolean web = c == ':' && text[k + 1] == '/' && text[k + 2] == '/';
            if (email || web) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = k;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** Whether a sorted array has a value in [from, to). */
    private static boolean within(int[] sorted, int from, int to) {
        int k = java.util.Arrays.binarySearch(sorted, from);
        k = k < 0 ? -k - 1 : k;
        return k < sorted.length && sorted[k] < to;
    }
}
