package dev.modelspec4j.testing.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.annotation.Action;
import java.util.List;
import java.util.Map;

/**
 * What an eval run found: for each rule of the method, in how many cases it was broken and which actions were
 * taken; how many calls ended with each outcome; and each case's result.
 *
 * @param specId the spec id
 * @param specVersion the spec version
 * @param specHash the spec's content hash, as carried by the audit records
 * @param assistant the assistant interface
 * @param method the method evaluated
 * @param model a short description of the model used
 * @param total the number of cases
 * @param outcomes calls per outcome, every outcome listed
 * @param rules per rule of the method, in enforcement order
 * @param cases every case, in data set order
 */
public record EvalReport(String specId, String specVersion, String specHash, String assistant, String method,
        String model, int total, Map<Outcome, Integer> outcomes, List<RuleStats> rules, List<CaseResult> cases) {

    public EvalReport {
        outcomes = inOrder(outcomes, Outcome.class);
        rules = List.copyOf(rules);
        cases = List.copyOf(cases);
    }

    /**
     * @param id the rule id
     * @param level the rule's level
     * @param action the rule's configured action
     * @param triggered in how many cases the rule was broken at least once
     * @param violations how many violations it recorded in all (a re-asked answer may break it again)
     * @param actions violations per action taken
     */
    public record RuleStats(String id, String level, String action, int triggered, int violations,
            Map<Action, Integer> actions) {
        public RuleStats {
            actions = inOrder(actions, Action.class);
        }
    }

    /**
     * @param id the case id
     * @param outcome how the call ended
     * @param modelCalls how many times the model was called
     * @param rules the rules broken, in order, each once
     * @param error for a failed call, what failed
     */
    public record CaseResult(String id, Outcome outcome, int modelCalls, List<String> rules, String error) {
        public CaseResult {
            rules = List.copyOf(rules);
        }
    }

    /** An unmodifiable copy that iterates in the enum's order. */
    private static <K extends Enum<K>> Map<K, Integer> inOrder(Map<K, Integer> map, Class<K> type) {
        java.util.EnumMap<K, Integer> copy = new java.util.EnumMap<>(type);
        copy.putAll(map);
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The report as JSON: fields in a fixed order, outcomes and actions in enum order. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        try {
            return mapper.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an eval report always serializes", e);
        }
    }

    /** The report as one self-contained HTML page with bar charts. */
    public String toHtml() {
        return new EvalReportHtml(this).render();
    }
}
