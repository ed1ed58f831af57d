package io.newsctl.alert;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be stored; {@link #problems()} says what to fix, field by field. */
public final class InvalidRuleException extends RuntimeException {
    /** One thing wrong with a rule: the JSON field (e.g. {@code channels[0].url}) and why. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<Problem> problems;

    public InvalidRuleException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidRuleException of(String field, String message) {
        return new InvalidRuleException(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
